import ArgumentParser
import FlyingFox
import FlyingSocks
import Foundation
import LeadlineKit

/// `leadline sim`: the vendor simulator.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Run the built-in simulator of the four vendors' APIs.",
        subcommands: [SimServeCommand.self]
    )
}

/// `leadline sim serve`: the simulated vendors over HTTP on loopback.
struct SimServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve simulated Nexor, LeadPing, NLPearl and Liveforce APIs on 127.0.0.1.",
        discussion: "Prints a config that points leadline at it. GET /_sim/stats counts requests per vendor and endpoint. Stop with Ctrl-C."
    )

    @Option(name: .long, help: "TCP port on 127.0.0.1 (0 picks a free one).")
    var port: UInt16 = 8765

    @Option(name: .long, help: "Number of simulated people.")
    var leads: Int = 200

    @Option(name: .customLong("history-size"), help: ArgumentHelp("Events per lead and vendor (default: varied).", valueName: "N"))
    var historySize: Int?

    @Option(name: .customLong("page-size"), help: ArgumentHelp("Most items a page holds, whatever the client asks.", valueName: "N"))
    var pageSize: Int?

    @Option(name: .long, help: "Seed for the generated data and faults.")
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp("Delay before each answer, in milliseconds.", valueName: "MS"))
    var latency: Int = 0

    @Option(name: .long, help: ArgumentHelp(
        "Fault rates, e.g. 429=0.1,429-no-retry-after=0.05,500=0.05,timeout=0.01,truncated=0.02,reset=0.02,slow=0.05,malformed=0.01",
        valueName: "SPEC"))
    var faults: String?

    @Option(name: .customLong("rate-limit"), help: ArgumentHelp(
        "Request limits to enforce with 429, e.g. leadping=300/60 (LeadPing's documented limit).",
        valueName: "VENDOR=N/SECONDS,…"))
    var rateLimit: String?

    @Flag(name: .long, help: "Put terminal escape-sequence attacks into some names and messages.")
    var hostile = false

    func validate() throws {
        guard leads >= 1 else { throw ValidationError("--leads must be at least 1") }
        if let historySize, historySize < 0 { throw ValidationError("--history-size must not be negative") }
        if let pageSize, pageSize < 1 { throw ValidationError("--page-size must be at least 1") }
        guard latency >= 0 else { throw ValidationError("--latency must not be negative") }
        _ = try options()
    }

    func options() throws -> SimulatorOptions {
        var options = SimulatorOptions()
        options.seed = seed
        options.leads = leads
        options.historySize = historySize
        options.pageSize = pageSize
        options.latency = .milliseconds(latency)
        options.hostile = hostile
        if let faults {
            do { options.faults = try FaultSpec(parsing: faults) } catch { throw ValidationError("--faults: \(error)") }
        }
        if let rateLimit { options.rateLimits = try Self.rateLimits(parsing: rateLimit) }
        return options
    }

    /// Reads `leadping=300/60,nexor=100/10`.
    static func rateLimits(parsing text: String) throws -> [SourceKind: RateLimit] {
        var limits: [SourceKind: RateLimit] = [:]
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
            let vendors = SourceKind.allCases.map(\.rawValue).joined(separator: ", ")
            guard pieces.count == 2, let kind = SourceKind(rawValue: pieces[0].trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("--rate-limit: '\(part)': expected VENDOR=N/SECONDS with VENDOR one of \(vendors)")
            }
            guard let limit = RateLimit(parsing: pieces[1]) else {
                throw ValidationError("--rate-limit: '\(part)': '\(pieces[1])' is not N/SECONDS, e.g. 300/60")
            }
            guard limits[kind] == nil else { throw ValidationError("--rate-limit: '\(kind.rawValue)' is given twice") }
            limits[kind] = limit
        }
        return limits
    }

    func run() async throws {
        try await execute(context: .live())
    }

    func execute(context: CommandContext) async throws {
        let simulator = Simulator(options: try options())
        // The handler's own deadline must outlast a held `timeout` fault, or the fault would
        // turn into the server's 500.
        let server = HTTPServer(
            address: try sockaddr_in.inet(ip4: "127.0.0.1", port: port), timeout: TimeInterval((Self.timeoutHold + .seconds(30)).components.seconds))
        await server.appendRoute("*") { request in
            await Self.answer(request, from: simulator)
        }
        let serving = Task { try await server.run() }
        do {
            try await server.waitUntilListening()
        } catch {
            serving.cancel()
            throw SimServeError(port: port, reason: "\(error)")
        }
        guard case .ip4(_, let boundPort)? = await server.listeningAddress else {
            throw SimServeError(port: port, reason: "no IPv4 address")
        }
        let base = "http://127.0.0.1:\(boundPort)"
        context.stdout.writeLine("# leadline sim serve: listening on \(base) (\(leads) people, seed \(seed)); stats at \(base)/_sim/stats")
        context.stdout.writeLine(simulator.configSnippet(baseURL: base))
        context.stdout.flush()
        try await serving.value
    }

    /// Hands one HTTP request to the simulator and turns its reply into a response.
    static func answer(_ request: FlyingFox.HTTPRequest, from simulator: Simulator) async -> FlyingFox.HTTPResponse {
        var components = URLComponents()
        components.scheme = "http"
        components.host = "127.0.0.1"
        components.path = request.path
        if !request.query.isEmpty {
            components.queryItems = request.query.map { URLQueryItem(name: $0.name, value: $0.value) }
        }
        guard let url = components.url else {
            return FlyingFox.HTTPResponse(statusCode: .badRequest)
        }
        var headers: [String: String] = [:]
        for (name, value) in request.headers { headers[name.rawValue] = value }
        let body = try? await request.bodyData
        let forwarded = LeadlineKit.HTTPRequest(
            method: request.method.rawValue, url: url, headers: headers, body: body?.isEmpty == false ? body : nil)
        switch await simulator.respond(to: forwarded) {
        case .response(let response):
            return reply(response, body: HTTPBodySequence(data: response.body))
        case .timeout:
            // Hold the connection well past any client timeout, then give up politely; bounded so
            // a test run never leaves a request hanging.
            try? await Task.sleep(for: timeoutHold)
            return FlyingFox.HTTPResponse(statusCode: .gatewayTimeout)
        case .reset(let response):
            // Half the body, then the sequence fails and FlyingFox closes the connection short of
            // the Content-Length it announced.
            let bytes = ScriptedBody(response.body, pieces: 1, prefix: response.body.count / 2, over: .zero)
            return reply(response, body: HTTPBodySequence(from: bytes, count: response.body.count))
        case .slow(let response, let duration):
            let bytes = ScriptedBody(response.body, pieces: 8, prefix: response.body.count, over: duration)
            return reply(response, body: HTTPBodySequence(from: bytes, count: response.body.count))
        }
    }

    /// How long a `timeout` fault holds its connection.
    static let timeoutHold: Duration = .seconds(90)

    private static func reply(_ response: LeadlineKit.HTTPResponse, body: HTTPBodySequence) -> FlyingFox.HTTPResponse {
        var headers = HTTPHeaders()
        for (name, value) in response.headers { headers[HTTPHeader(name)] = value }
        return FlyingFox.HTTPResponse(statusCode: HTTPStatusCode(response.status, phrase: ""), headers: headers, body: body)
    }
}

/// A body that goes out in `pieces` evenly spaced over a duration, and stops with an error after
/// `prefix` bytes when that is short of the whole: how the simulator sends slow bodies and
/// dropped connections. FlyingFox takes bodies as an `AsyncBufferedSequence`, so this is one.
struct ScriptedBody: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let data: Data
    let pieces: Int
    let prefix: Int
    let pause: Duration

    init(_ data: Data, pieces: Int, prefix: Int, over duration: Duration) {
        self.data = data
        self.pieces = Swift.max(1, pieces)
        self.prefix = Swift.min(Swift.max(0, prefix), data.count)
        pause = duration / Swift.max(1, pieces)
    }

    func makeAsyncIterator() -> Iterator { Iterator(body: self) }

    struct ConnectionDropped: Error {}

    struct Iterator: AsyncBufferedIteratorProtocol {
        let body: ScriptedBody
        var sent = 0

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> Data? {
            if sent >= body.prefix {
                if body.prefix < body.data.count { throw ConnectionDropped() }
                return nil
            }
            let pieceSize = Swift.max(1, (body.data.count + body.pieces - 1) / body.pieces)
            // Pause before each piece starts; a piece larger than the buffer asked for goes out
            // in several writes without pausing again.
            if sent % pieceSize == 0, body.pause > .zero { try await Task.sleep(for: body.pause) }
            let pieceEnd = (sent / pieceSize + 1) * pieceSize
            let end = Swift.min(pieceEnd, body.prefix, sent + Swift.max(1, count))
            defer { sent = end }
            return body.data.subdata(in: body.data.startIndex + sent..<body.data.startIndex + end)
        }
    }
}

/// The simulator could not listen.
struct SimServeError: Error, CustomStringConvertible {
    let port: UInt16
    let reason: String
    var description: String { "sim serve: cannot listen on 127.0.0.1:\(port): \(reason)" }
}
