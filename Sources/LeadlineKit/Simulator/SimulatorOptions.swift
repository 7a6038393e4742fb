import Foundation

/// How a ``Simulator`` builds its world and how badly it behaves.
///
/// Everything the simulator answers follows from these values: the same options give the same
/// people, the same events and the same faults in the same request order, byte for byte.
public struct SimulatorOptions: Sendable, Equatable {
    /// Seeds every random choice: people, journeys, ids, the reference date and the faults.
    public var seed: UInt64
    /// How many people exist; each is a lead in one to four vendors. Negative counts as 0.
    public var leads: Int
    /// Events per lead per vendor; nil gives each lead a varied 5–60.
    public var historySize: Int?
    /// A server-side cap on items per page: a vendor may return fewer than the client asked for.
    /// Nil keeps each vendor's own default and maximum.
    public var pageSize: Int?
    /// Added to every vendor request before it is answered.
    public var latency: Duration
    /// How often requests fail, and how.
    public var faults: FaultSpec
    /// Puts terminal escape-sequence attacks into some names and messages.
    public var hostile: Bool
    /// Request limits the simulated vendors enforce, answering 429 past them, as LeadPing
    /// documents (300 requests / 60 s). Empty by default: the demo and benchmarks are not limited.
    /// Limits count real time, the one thing here that does not follow from the seed.
    public var rateLimits: [SourceKind: RateLimit]

    /// Options with the documented defaults: seed 1, 200 leads, no faults, no latency, no limits.
    public init(
        seed: UInt64 = 1, leads: Int = 200, historySize: Int? = nil, pageSize: Int? = nil,
        latency: Duration = .zero, faults: FaultSpec = FaultSpec(), hostile: Bool = false,
        rateLimits: [SourceKind: RateLimit] = [:]
    ) {
        self.seed = seed
        self.leads = leads
        self.historySize = historySize
        self.pageSize = pageSize
        self.latency = latency
        self.faults = faults
        self.hostile = hostile
        self.rateLimits = rateLimits
    }
}

/// A way a simulated request can fail; the raw value is its name in a fault spec and in
/// `/_sim/stats`.
public enum SimulatorFault: String, Sendable, CaseIterable, Hashable {
    /// 429 with `Retry-After: 1`.
    case rateLimited = "429"
    /// 429 without `Retry-After`, so the client must pick its own backoff.
    case rateLimitedWithoutRetryAfter = "429-no-retry-after"
    /// 500 with the vendor's error body.
    case serverError = "500"
    /// No answer at all: the connection is held until the client gives up.
    case timeout
    /// A 200 whose JSON body is cut in half.
    case truncated
    // New faults go last: the draw walks this order, so old specs keep their faults.
    /// The connection drops partway through the body: half of it arrives, then the socket closes.
    case reset
    /// The answer is whole but slow: its body arrives in pieces over ``Simulator/slowBodyDuration``.
    case slow
    /// A 200 whose body is an HTML page, as a captive portal or a misrouted proxy sends.
    case malformed
}

/// The rate (0…1) of each ``SimulatorFault``; together they may not exceed 1.
public struct FaultSpec: Sendable, Equatable, CustomStringConvertible {
    /// Rates by fault; a fault that is absent never happens.
    public private(set) var rates: [SimulatorFault: Double]

    /// No faults.
    public init() {
        rates = [:]
    }

    /// The given rates; throws when one is outside 0…1 or they add up to more than 1.
    public init(rates: [SimulatorFault: Double]) throws(FaultSpecError) {
        for fault in SimulatorFault.allCases {
            guard let rate = rates[fault] else { continue }
            guard rate.isFinite, rate >= 0, rate <= 1 else {
                throw FaultSpecError(part: "\(fault.rawValue)=\(rate)", reason: "a rate must be a number from 0 to 1")
            }
        }
        let total = rates.values.reduce(0, +)
        guard total <= 1 + 1e-9 else {
            throw FaultSpecError(part: nil, reason: "the rates add up to \(total), more than 1")
        }
        self.rates = rates.filter { $0.value > 0 }
    }

    /// Parses `"429=0.1,429-no-retry-after=0.05,500=0.05,timeout=0.01,truncated=0.02,reset=0.02"`.
    ///
    /// Parts are separated by commas; spaces around them are ignored and an empty spec means no
    /// faults. A fault named twice, an unknown name or a rate outside 0…1 throws an error that
    /// quotes the offending part.
    public init(parsing spec: String) throws(FaultSpecError) {
        var rates: [SimulatorFault: Double] = [:]
        for rawPart in spec.split(separator: ",", omittingEmptySubsequences: false) {
            let part = rawPart.trimmingCharacters(in: .whitespaces)
            if part.isEmpty {
                if spec.trimmingCharacters(in: .whitespaces).isEmpty { break }
                throw FaultSpecError(part: part, reason: "empty part (two commas in a row?)")
            }
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2 else {
                throw FaultSpecError(part: part, reason: "expected NAME=RATE, e.g. 500=0.05")
            }
            let name = pieces[0].trimmingCharacters(in: .whitespaces)
            let value = pieces[1].trimmingCharacters(in: .whitespaces)
            guard let fault = SimulatorFault(rawValue: name) else {
                let known = SimulatorFault.allCases.map(\.rawValue).joined(separator: ", ")
                throw FaultSpecError(part: part, reason: "unknown fault '\(name)' (known: \(known))")
            }
            guard rates[fault] == nil else {
                throw FaultSpecError(part: part, reason: "'\(name)' is given twice")
            }
            guard let rate = Double(value), rate.isFinite, rate >= 0, rate <= 1 else {
                throw FaultSpecError(part: part, reason: "'\(value)' is not a rate from 0 to 1")
            }
            rates[fault] = rate
        }
        try self.init(rates: rates)
    }

    /// The rate of `fault`, 0 when it is not in the spec.
    public func rate(of fault: SimulatorFault) -> Double { rates[fault] ?? 0 }

    /// True when no fault can happen.
    public var isEmpty: Bool { rates.isEmpty }

    /// The spec in the form ``init(parsing:)`` reads, faults in a fixed order.
    public var description: String {
        SimulatorFault.allCases.compactMap { fault in rates[fault].map { "\(fault.rawValue)=\($0)" } }
            .joined(separator: ",")
    }
}

/// A fault spec that cannot be read, naming the part that is wrong.
public struct FaultSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The offending `NAME=RATE` part, or nil when the spec as a whole is wrong.
    public var part: String?
    /// What is wrong with it, in words a user can act on.
    public var reason: String

    /// An error about `part` (or the whole spec when nil).
    public init(part: String?, reason: String) {
        self.part = part
        self.reason = reason
    }

    /// The message to show: `fault spec: '500=2': '2' is not a rate from 0 to 1`.
    public var description: String {
        if let part { return "fault spec: '\(part)': \(reason)" }
        return "fault spec: \(reason)"
    }
}
