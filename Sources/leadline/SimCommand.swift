import ArgumentParser
import FlyingFox
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

    @Option(name: .long, help: ArgumentHelp("Fault rates, e.g. 429=0.1,429-no-retry-after=0.05,500=0.05,timeout=0.01,truncated=0.02", valueName: "SPEC"))
    var faults: String?

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
        return options
    }

    func run() async throws {
        try await execute(context: .live())
    }

    func execute(context: CommandContext) async throws {
        let simulator = Simulator(options: try options())
        let server = HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: port))
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
            var outHeaders = HTTPHeaders()
            for (name, value) in response.headers { outHeaders[HTTPHeader(name)] = value }
            return FlyingFox.HTTPResponse(
                statusCode: HTTPStatusCode(response.status, phrase: ""), headers: outHeaders, body: response.body)
        case .timeout:
            // Hold the connection well past any client timeout, then give up politely; bounded so
            // a test run never leaves a request hanging.
            try? await Task.sleep(for: .seconds(90))
            return FlyingFox.HTTPResponse(statusCode: .gatewayTimeout)
        }
    }
}

/// The simulator could not listen.
struct SimServeError: Error, CustomStringConvertible {
    let port: UInt16
    let reason: String
    var description: String { "sim serve: cannot listen on 127.0.0.1:\(port): \(reason)" }
}
