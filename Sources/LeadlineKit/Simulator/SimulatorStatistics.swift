import Foundation

/// What a ``Simulator`` has been asked, and which faults it injected.
public struct SimulatorStatistics: Sendable, Equatable {
    /// Requests by vendor (`nexor`, `leadping`, `nlpearl`, `liveforce`, and `other` for paths
    /// under no vendor) and endpoint template, e.g. `GET /leads/{id}/history`.
    public var requests: [String: [String: Int]]
    /// Faults actually injected, by kind.
    public var faults: [SimulatorFault: Int]
    /// All counted requests; `/_sim/stats` itself is not counted.
    public var total: Int

    /// Empty statistics.
    public init(requests: [String: [String: Int]] = [:], faults: [SimulatorFault: Int] = [:], total: Int = 0) {
        self.requests = requests
        self.faults = faults
        self.total = total
    }

    /// The `/_sim/stats` document: every vendor and every fault present, zero or not.
    public var json: JSONValue {
        var vendors: [String: JSONValue] = [:]
        for kind in SourceKind.allCases {
            vendors[kind.rawValue] = .object((requests[kind.rawValue] ?? [:]).mapValues { .integer(Int64($0)) })
        }
        if let other = requests["other"] {
            vendors["other"] = .object(other.mapValues { .integer(Int64($0)) })
        }
        var faultCounts: [String: JSONValue] = [:]
        for fault in SimulatorFault.allCases {
            faultCounts[fault.rawValue] = .integer(Int64(faults[fault] ?? 0))
        }
        return .object(["requests": .object(vendors), "faults": .object(faultCounts), "total": .integer(Int64(total))])
    }
}

/// The simulator's only mutable state.
///
/// `@unchecked Sendable`: every stored property is read and written only while holding `lock`,
/// and requests arrive from many tasks at once (an HTTP server, concurrent client fetches).
final class SimStatsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var statistics = SimulatorStatistics()

    /// Counts a request and returns its 0-based number among all counted requests, which the
    /// fault draw is keyed on.
    func record(vendor: String, endpoint: String) -> Int {
        lock.withLock {
            statistics.requests[vendor, default: [:]][endpoint, default: 0] += 1
            statistics.total += 1
            return statistics.total - 1
        }
    }

    func recordFault(_ fault: SimulatorFault) {
        lock.withLock { statistics.faults[fault, default: 0] += 1 }
    }

    func snapshot() -> SimulatorStatistics {
        lock.withLock { statistics }
    }
}
