import Foundation
import LeadlineKit

/// `leadline sim serve` running as its own process on a free loopback port.
final class SimServer: Sendable {
    private let child: Child
    let port: Int
    let configPath: String
    /// The environment that carries the simulator's credentials, as its snippet says.
    let environment: [String: String]

    init(binary: URL, arguments: [String] = []) async throws {
        let output = PipeReader()
        let child = try Child(binary, ["sim", "serve", "--port", "0"] + arguments, environment: nil, stdout: output, stderr: nil)
        self.child = child
        // The first line names the address; the rest, up to a blank line after the last
        // [[source]], is the config snippet.
        let deadline = ContinuousClock.now + .seconds(60)
        var text = output.text
        while !(text.contains("kind = \"liveforce\"") && text.hasSuffix("\n")), !child.exit.hasFired, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
            text = output.text
        }
        guard let range = text.range(of: #"127\.0\.0\.1:\d+"#, options: .regularExpression),
              let port = Int(text[range].split(separator: ":")[1]) else {
            child.signal(SIGKILL)
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "sim serve said: \(text)"])
        }
        self.port = port
        configPath = FileManager.default.temporaryDirectory.appendingPathComponent("leadline-sim-\(UUID().uuidString).toml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: configPath))
        var environment: [String: String] = [:]
        for kind in SourceKind.allCases {
            environment["LEADLINE_SIM_\(kind.rawValue.uppercased())"] = Simulator.credential(for: kind)
        }
        self.environment = environment
    }

    /// Replaces the server's faults (`POST /_sim/faults`): "" heals it.
    func setFaults(_ spec: String) async throws {
        let url = URL(string: "http://127.0.0.1:\(port)/_sim/faults")!
        let response = try await URLSessionTransport().send(HTTPRequest(method: "POST", url: url, body: Data(spec.utf8)))
        guard response.status == 200 else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "sim serve refused faults '\(spec)'"])
        }
    }

    /// `GET /_sim/stats`.
    func statistics() async throws -> [String: Any] {
        let url = URL(string: "http://127.0.0.1:\(port)/_sim/stats")!
        let response = try await URLSessionTransport().send(HTTPRequest(method: "GET", url: url))
        guard let object = try JSONSerialization.jsonObject(with: response.body) as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "sim serve's stats are not an object"])
        }
        return object
    }

    /// Stops the server and waits (briefly, without holding a thread) for it to go.
    func stop() async {
        child.signal(SIGTERM)
        let deadline = ContinuousClock.now + .seconds(5)
        while !child.exit.hasFired, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        child.signal(SIGKILL)
        try? FileManager.default.removeItem(atPath: configPath)
    }

    /// Runs `body` against a fresh server and stops it afterwards, whether `body` threw or not.
    static func with<T>(binary: URL, arguments: [String] = [], _ body: (SimServer) async throws -> T) async throws -> T {
        let server = try await SimServer(binary: binary, arguments: arguments)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    deinit { child.signal(SIGKILL) }
}
