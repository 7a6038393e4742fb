import Foundation
import LeadlineKit
import Testing
@testable import leadline

/// The config's `[keys]` and `timezone` as the program uses them: mistakes stop it before the
/// screen opens, and the time zone reaches the output.
@Suite("Config keys and timezone, through the command line", .serialized, .timeLimit(.minutes(5)))
struct ConfigComfortCommandTests {
    private func run(_ arguments: [String], home: String = "/nonexistent") async -> (code: Int32, stdout: String, stderr: String) {
        let context = CommandContext(
            environment: ["NEXOR_API_KEY": NexorTestServer.apiKey, "HOME": home], transport: URLSessionTransport(),
            retry: .none, timeZone: TimeZone(identifier: "UTC")!, stdout: OutputSink(), stderr: OutputSink())
        let code = await Entry.run(arguments, context: context)
        return (code, context.stdout.text, context.stderr.text)
    }

    private func writeConfig(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("leadline-keys-\(UUID().uuidString).toml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("A [keys] mistake exits 1 with the file, line and value, before any screen", arguments: [
        ("theme = \"default\"\n\n[keys]\nrefresh = \"r\"\n",
         ":4: [keys] refresh = \"r\": r is also bound to reverse_order — rebind or disable reverse_order too (reverse_order = \"\")"),
        ("[keys]\nquit = \"q\"\nreload = \"ctrl-r\"\n", ":3: [keys] unknown action 'reload' (known: "),
        ("[keys]\nquit = \"hyper-q\"\n", ":2: [keys] quit = \"hyper-q\": unknown key name"),
    ])
    func keysMistake(config: String, expected: String) async throws {
        let path = try writeConfig(config)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = await run(["--demo", "--config", path])
        #expect(result.code == 1)
        #expect(result.stderr.hasPrefix("leadline: \(path)\(expected)"))
        #expect(result.stdout.isEmpty)
    }

    @Test("An unknown timezone exits 1 naming the file and value")
    func badTimezone() async throws {
        let path = try writeConfig("timezone = \"Europe/Atlantis\"\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = await run(["--demo", "--config", path])
        #expect(result.code == 1)
        #expect(result.stderr == "leadline: \(path):1: timezone = \"Europe/Atlantis\": unknown time zone (expected a name such as \"Europe/Berlin\" or \"UTC\")\n")
    }

    @Test("leadline timeline prints times in the configured zone")
    func timelineInZone() async throws {
        let server = try await NexorTestServer()
        let path = try server.writeConfig()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let original = try String(contentsOfFile: path, encoding: .utf8)
        try Data(("timezone = \"Asia/Tokyo\"\n" + original).utf8).write(to: URL(fileURLWithPath: path))
        let result = await run(["timeline", TimelineCommandTests.lead, "--config", path])
        await server.stop()
        #expect(result.code == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count > 5)
        #expect(lines[5] == "2026-01-10 23:00  nexor  ☎ call         Call 3m05s — Discussed pricing tiers and scheduled a demo for next week  [ended]")
    }
}
