import Foundation

/// What the simulator does with a request.
public enum SimulatorReply: Sendable {
    /// An HTTP answer, including the vendors' errors and the injected 429, 500 and truncated faults.
    case response(HTTPResponse)
    /// An injected timeout: no answer at all. An HTTP server holds the connection open; the
    /// in-process ``SimulatorTransport`` waits and throws ``TransportError/timedOut``.
    case timeout
    /// An injected reset: an HTTP server sends the status line and half of this body, then closes
    /// the connection; the in-process transport throws ``TransportError/connectionFailed(_:)``.
    case reset(HTTPResponse)
    /// An injected slow answer: this whole response, its body spread over `over`.
    case slow(HTTPResponse, over: Duration)
}

/// Four synthetic vendors — Nexor, LeadPing, NLPearl and Liveforce — answering their documented
/// endpoints from one deterministic world of people (DESIGN §4).
///
/// Each vendor lives under its own path prefix, so one server serves all four: a client's base URL
/// is `<server>/nexor`, `<server>/leadping`, `<server>/nlpearl` or `<server>/liveforce`, followed
/// by the vendor's documented paths. `GET /_sim/stats` (no prefix) counts what was asked;
/// `POST /_sim/faults` with a fault spec as its body replaces the faults from then on.
///
/// Everything follows from ``SimulatorOptions``: the same options give byte-identical answers, and
/// the same faults for the same sequence of requests. Nothing reads the system's random source,
/// and only ``SimulatorOptions/rateLimits`` read the clock. People and events are generated on
/// demand, so a world of 100,000 leads is cheap.
public final class Simulator: Sendable {
    /// The secret every simulated vendor expects; see ``credential(for:)`` for how each one
    /// wants it presented.
    public static let secret = "sim-secret"
    /// How long a `slow` fault spreads a body over.
    public static let slowBodyDuration: Duration = .seconds(1)

    /// The options this world was made from (leads, history size and page size already bounded).
    public let options: SimulatorOptions
    let world: SimWorld
    private let stats = SimStatsBox()
    private let nexor: SimNexorAPI
    private let leadPing: SimLeadPingAPI
    private let nlpearl: SimNLPearlAPI
    private let liveforce: SimLiveforceAPI

    /// A world of `options.leads` people; leads are capped at 10,000,000 and history size at
    /// 1,000,000, the most the simulator's ids can carry.
    public init(options: SimulatorOptions = SimulatorOptions()) {
        world = SimWorld(options: options)
        stats.setFaults(options.faults)
        stats.declareLimits(options.rateLimits.keys.map(\.rawValue))
        var bounded = options
        bounded.leads = world.count
        bounded.historySize = world.historySize
        bounded.pageSize = world.pageCap
        self.options = bounded
        nexor = SimNexorAPI(world: world)
        leadPing = SimLeadPingAPI(world: world)
        nlpearl = SimNLPearlAPI(world: world)
        liveforce = SimLiveforceAPI(world: world)
    }

    // MARK: The world

    /// NLPearl's two outbound campaign ids; every NLPearl lead is in one of them.
    public var outboundIDs: [String] { world.outboundIDs }

    /// "Now" in the simulated world: every event happened in the ~90 days before it. Fixed by the
    /// seed, never the real clock.
    public var referenceDate: Date { Date(timeIntervalSince1970: TimeInterval(world.referenceDate)) }

    /// How many people exist.
    public var peopleCount: Int { world.count }

    /// Person `index` (0 ≤ index < ``peopleCount``), or nil outside that range.
    public func person(at index: Int) -> SimulatedPerson? {
        guard index >= 0, index < world.count else { return nil }
        return world.simulatedPerson(index)
    }

    /// Every person, generated afresh on each call; for large worlds prefer ``person(at:)``.
    public var people: [SimulatedPerson] {
        (0..<world.count).map(world.simulatedPerson)
    }

    /// What has been asked so far, as `GET /_sim/stats` reports it.
    public var statistics: SimulatorStatistics { stats.snapshot() }

    /// The faults in effect: ``SimulatorOptions/faults`` until ``setFaults(_:)`` replaces them.
    public var faults: FaultSpec { stats.currentFaults() }

    /// Replaces the faults for every request from now on (`POST /_sim/faults` does this), so a
    /// test can make a vendor fail, or heal it, while a client is running.
    public func setFaults(_ faults: FaultSpec) {
        stats.setFaults(faults)
    }

    // MARK: Answering

    /// Answers one request as the simulated vendor under its path prefix would.
    ///
    /// Order of events: the request is counted, the latency is waited out, a vendor over its
    /// ``SimulatorOptions/rateLimits`` answers 429, then the fault draw for the request's number
    /// may replace the answer (429, 500, timeout) before auth is checked, as a rate limiter in
    /// front of the vendor would. `truncated`, `reset`, `slow` and `malformed` draws spoil only a
    /// 2xx answer. Never throws: every failure is an HTTP answer or a ``SimulatorReply`` that
    /// says how the connection misbehaves.
    public func respond(to request: HTTPRequest) async -> SimulatorReply {
        let (prefix, parsed) = SimRequest.parse(request)
        if prefix?.lowercased() == "_sim" {
            return .response(control(parsed))
        }
        guard let kind = prefix.flatMap({ SourceKind(rawValue: $0.lowercased()) }) else {
            // No vendor to imitate here, so no faults either: just say what exists.
            _ = stats.record(vendor: "other", endpoint: "\(parsed.method) {unknown}")
            await waitLatency()
            return .response(SimJSON.response(404, .object([
                "error": .string("Not found"),
                "message": .string("The simulator serves /nexor, /leadping, /nlpearl, /liveforce and /_sim/stats"),
            ])))
        }

        let api = self.api(kind)
        let match = Self.match(type(of: api).routes, parsed)
        let number = stats.record(vendor: kind.rawValue, endpoint: match.template)
        await waitLatency()

        if let rateLimit = options.rateLimits[kind],
           let wait = stats.admit(vendor: kind.rawValue, under: rateLimit, at: ContinuousClock.now) {
            var response = api.error(status: 429, message: "Rate limit of \(rateLimit.limit) requests exceeded", request: parsed)
            // Whole seconds, rounded up, as the header carries them.
            let (seconds, attoseconds) = wait.components
            response.headers["retry-after"] = "\(seconds + (attoseconds > 0 ? 1 : 0))"
            return .response(response)
        }

        let fault = fault(number)
        switch fault {
        case .timeout?:
            stats.recordFault(.timeout)
            return .timeout
        case .rateLimited?:
            stats.recordFault(.rateLimited)
            var response = api.error(status: 429, message: "Rate limit exceeded; retry after 1 second", request: parsed)
            response.headers["retry-after"] = "1"
            return .response(response)
        case .rateLimitedWithoutRetryAfter?:
            stats.recordFault(.rateLimitedWithoutRetryAfter)
            return .response(api.error(status: 429, message: "Rate limit exceeded", request: parsed))
        case .serverError?:
            stats.recordFault(.serverError)
            return .response(api.error(status: 500, message: "Internal server error", request: parsed))
        case .truncated?, .reset?, .slow?, .malformed?, nil:
            break
        }

        if let denied = api.unauthorized(parsed) { return .response(denied) }
        var response: HTTPResponse
        switch match.outcome {
        case .route(let route, let parameters):
            response = api.respond(to: route, parameters: parameters, request: parsed)
        case .wrongMethod:
            response = api.error(status: 405, message: "Method \(parsed.method) is not allowed here", request: parsed)
        case .unknown:
            response = api.error(status: 404, message: "Not found", request: parsed)
        }
        // The rest spoil only answers that would have succeeded, as a broken link or proxy would.
        guard let fault, (200..<300).contains(response.status), response.body.count > 1 else {
            return .response(response)
        }
        switch fault {
        case .truncated:
            stats.recordFault(.truncated)
            response.body = Data(response.body.prefix(response.body.count / 2))
        case .reset:
            stats.recordFault(.reset)
            return .reset(response)
        case .slow:
            stats.recordFault(.slow)
            return .slow(response, over: Self.slowBodyDuration)
        case .malformed:
            stats.recordFault(.malformed)
            response.headers["content-type"] = "text/html; charset=utf-8"
            response.body = Data(Self.portalPage.utf8)
        case .rateLimited, .rateLimitedWithoutRetryAfter, .serverError, .timeout:
            break
        }
        return .response(response)
    }

    /// What a `malformed` fault answers instead of JSON.
    static let portalPage = """
        <!DOCTYPE html>
        <html><head><title>Sign in to the network</title></head>
        <body><h1>Welcome</h1><p>Accept the terms to continue browsing.</p></body></html>
        """

    /// `GET /_sim/stats` and `POST /_sim/faults`.
    private func control(_ request: SimRequest) -> HTTPResponse {
        switch (request.method, request.segments.map { $0.lowercased() }) {
        case ("GET", ["stats"]):
            return SimJSON.response(200, stats.snapshot().json)
        case ("POST", ["faults"]):
            do {
                let spec = try FaultSpec(parsing: String(decoding: request.body ?? Data(), as: UTF8.self))
                stats.setFaults(spec)
                return SimJSON.response(200, .object(["faults": .string(spec.description)]))
            } catch {
                return SimJSON.response(400, .object(["error": .string(error.description)]))
            }
        case (_, ["stats"]), (_, ["faults"]):
            return SimJSON.response(405, .object(["error": .string("Method not allowed")]))
        default:
            return SimJSON.response(404, .object([
                "error": .string("Not found"),
                "message": .string("The simulator's own endpoints are GET /_sim/stats and POST /_sim/faults"),
            ]))
        }
    }

    private func api(_ kind: SourceKind) -> any SimVendorAPI {
        switch kind {
        case .nexor: nexor
        case .leadping: leadPing
        case .nlpearl: nlpearl
        case .liveforce: liveforce
        }
    }

    private enum Outcome {
        case route(SimRoute, [String: String])
        case wrongMethod
        case unknown
    }

    /// The route for a request and the name it is counted under.
    private static func match(_ routes: [SimRoute], _ request: SimRequest) -> (outcome: Outcome, template: String) {
        var pathMatched: SimRoute?
        for route in routes {
            guard let parameters = route.parameters(for: request.segments) else { continue }
            if route.method == request.method { return (.route(route, parameters), route.template) }
            pathMatched = pathMatched ?? route
        }
        if let pathMatched {
            return (.wrongMethod, "\(request.method) /" + pathMatched.pattern.joined(separator: "/"))
        }
        return (.unknown, "\(request.method) {unknown}")
    }

    /// The fault for request number `number`, drawn from the seed so a run can be replayed.
    private func fault(_ number: Int) -> SimulatorFault? {
        let faults = stats.currentFaults()
        guard !faults.isEmpty else { return nil }
        let roll = SimRandom.unit(world.seed, SimSalt.fault.rawValue, UInt64(number))
        var edge = 0.0
        for fault in SimulatorFault.allCases {
            edge += faults.rate(of: fault)
            if roll < edge { return fault }
        }
        return nil
    }

    private func waitLatency() async {
        guard options.latency > .zero else { return }
        // A cancelled wait just answers early; the caller has stopped listening anyway.
        try? await Task.sleep(for: options.latency)
    }
}

/// A ``Transport`` that answers from a ``Simulator`` in the same process: the demo and tests use
/// it instead of a network.
public struct SimulatorTransport: Transport {
    /// The simulator answering.
    public let simulator: Simulator
    /// The most an injected timeout makes a request wait, so tests and the demo stay quick.
    public static let maximumTimeoutWait: Duration = .seconds(2)

    /// A transport answering from `simulator`.
    public init(_ simulator: Simulator) {
        self.simulator = simulator
    }

    /// Answers from the simulator. An injected timeout waits the request's timeout (at most
    /// ``maximumTimeoutWait``) and throws ``TransportError/timedOut``; cancellation throws
    /// ``TransportError/cancelled``.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if Task.isCancelled { throw TransportError.cancelled }
        let reply = await simulator.respond(to: request)
        if Task.isCancelled { throw TransportError.cancelled }
        switch reply {
        case .response(let response):
            return response
        case .timeout:
            try await Self.wait(min(request.timeout, Self.maximumTimeoutWait))
            throw TransportError.timedOut
        case .reset:
            throw TransportError.connectionFailed("The network connection was lost.")
        case .slow(let response, let duration):
            try await Self.wait(duration)
            return response
        }
    }

    private static func wait(_ duration: Duration) async throws(TransportError) {
        do {
            try await Task.sleep(for: duration)
        } catch {
            throw TransportError.cancelled
        }
    }
}
