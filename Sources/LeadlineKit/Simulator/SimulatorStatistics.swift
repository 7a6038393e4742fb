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
    /// Requests refused with 429 for going over a vendor's ``SimulatorOptions/rateLimits``, by
    /// vendor.
    public var overLimit: [String: Int]
    /// The most requests a rate-limited vendor admitted within one window, by vendor: never above
    /// its limit, and at the limit when a client used all it was allowed.
    public var busiestWindow: [String: Int]

    /// Empty statistics.
    public init(
        requests: [String: [String: Int]] = [:], faults: [SimulatorFault: Int] = [:], total: Int = 0,
        overLimit: [String: Int] = [:], busiestWindow: [String: Int] = [:]
    ) {
        self.requests = requests
        self.faults = faults
        self.total = total
        self.overLimit = overLimit
        self.busiestWindow = busiestWindow
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
        return .object([
            "requests": .object(vendors), "faults": .object(faultCounts), "total": .integer(Int64(total)),
            "over_limit": .object(overLimit.mapValues { .integer(Int64($0)) }),
            "busiest_window": .object(busiestWindow.mapValues { .integer(Int64($0)) }),
        ])
    }
}

/// The simulator's only mutable state.
///
/// `@unchecked Sendable`: every stored property is read and written only while holding `lock`,
/// and requests arrive from many tasks at once (an HTTP server, concurrent client fetches).
final class SimStatsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var statistics = SimulatorStatistics()
    private var faults = FaultSpec()
    /// When each admitted request of a rate-limited vendor arrived, oldest first, within its window.
    private var admitted: [String: [ContinuousClock.Instant]] = [:]

    /// Reports these vendors' limit counts from the start, zero until something happens.
    func declareLimits(_ vendors: [String]) {
        lock.withLock {
            for vendor in vendors {
                statistics.overLimit[vendor] = 0
                statistics.busiestWindow[vendor] = 0
            }
        }
    }

    func setFaults(_ spec: FaultSpec) {
        lock.withLock { faults = spec }
    }

    func currentFaults() -> FaultSpec {
        lock.withLock { faults }
    }

    /// Admits a request of `vendor` arriving at `now` when fewer than the limit arrived in the
    /// window before it, and returns nil; otherwise counts it as over the limit and returns how
    /// long until the oldest admitted request leaves the window.
    func admit(vendor: String, under rateLimit: RateLimit, at now: ContinuousClock.Instant) -> Duration? {
        lock.withLock {
            var times = admitted[vendor, default: []]
            times.removeAll { now - $0 >= rateLimit.window }
            defer { admitted[vendor] = times }
            guard times.count < rateLimit.limit else {
                statistics.overLimit[vendor, default: 0] += 1
                return rateLimit.window - (now - times[0])
            }
            times.append(now)
            statistics.busiestWindow[vendor] = max(statistics.busiestWindow[vendor] ?? 0, times.count)
            return nil
        }
    }

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
