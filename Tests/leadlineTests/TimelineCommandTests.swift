import Foundation
import LeadlineKit
import Testing
@testable import leadline

/// `leadline timeline` end to end: argument parsing, config, the URLSession transport, a real
/// HTTP server on loopback, decoding, ordering and output.
@Suite("leadline timeline against a Nexor server on loopback", .serialized, .timeLimit(.minutes(5)))
struct TimelineCommandTests {
    struct Run {
        let code: Int32
        let stdout: String
        let stderr: String
    }

    private func run(_ arguments: [String], key: String = NexorTestServer.apiKey) async -> Run {
        let context = CommandContext(
            environment: ["NEXOR_API_KEY": key, "HOME": "/nonexistent"], transport: URLSessionTransport(),
            retry: .none, timeZone: TimeZone(identifier: "UTC")!, stdout: OutputSink(), stderr: OutputSink())
        let code = await Entry.run(arguments, context: context)
        return Run(code: code, stdout: context.stdout.text, stderr: context.stderr.text)
    }

    private func withServer(_ body: (NexorTestServer, String) async throws -> Void) async throws {
        let server = try await NexorTestServer()
        let config = try server.writeConfig()
        defer { try? FileManager.default.removeItem(atPath: config) }
        try await body(server, config)
        await server.stop()
    }

    static let lead = "nexor:550e8400-e29b-41d4-a716-446655440000"

    @Test("--format json prints every documented event, oldest first, with the design's fields")
    func json() async throws {
        try await withServer { _, config in
            let result = await run(["timeline", Self.lead, "--config", config, "--format", "json"])
            #expect(result.code == 0)
            #expect(result.stderr == "")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let lead = try #require(document["lead"] as? [String: Any])
            #expect(lead["name"] as? String == "Carlos Lopez")
            #expect(lead["source"] as? String == "nexor")
            let events = try #require(document["events"] as? [[String: Any]])
            #expect(events.map { $0["timestamp"] as? String } == [
                "2026-01-10T08:00:00Z", "2026-01-10T09:00:00Z", "2026-01-10T09:05:00Z", "2026-01-10T13:00:00Z",
                "2026-01-10T14:00:00Z", "2026-01-10T14:02:00Z", "2026-01-10T14:03:00Z", "2026-01-10T14:05:00Z",
                "2026-01-15T17:00:00Z", "2026-01-20T11:00:00Z",
            ])
            #expect(events.map { $0["kind"] as? String } == [
                "activity.workflow_assigned", "message", "message", "call_missed", "call", "meeting.booked",
                "email", "activity.status_changed", "meeting.completed", "conversion",
            ])
            #expect(events.allSatisfy { $0["source"] as? String == "nexor" })
            #expect(events[4]["duration_seconds"] as? Int == 185)
            #expect(events[1]["direction"] as? String == "outbound")
        }
    }

    @Test("--channel call keeps only the call and the missed call; --reverse flips them")
    func channelFilter() async throws {
        try await withServer { _, config in
            let result = await run(["timeline", Self.lead, "--config", config, "--channel", "call", "--format", "ndjson", "--reverse"])
            #expect(result.code == 0)
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.count == 2)
            let kinds = try lines.map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["kind"] as? String
            }
            #expect(kinds == ["call", "call_missed"])
        }
    }

    @Test("text prints a header and one aligned line per event")
    func text() async throws {
        try await withServer { _, config in
            let result = await run(["timeline", Self.lead, "--config", config])
            #expect(result.code == 0)
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first == "Carlos Lopez · +56912345678 · carlos@example.com · Contacted  (nexor:123e4567-e89b-12d3-a456-426614174000, 10 events)")
            #expect(lines[5] == "2026-01-10 14:00  nexor  ☎ call         Call 3m05s — Discussed pricing tiers and scheduled a demo for next week  [ended]")
            #expect(lines.count == 12)
        }
    }

    @Test("A bad key exits 1 naming the source and the 401, without echoing the key")
    func badKey() async throws {
        try await withServer { _, config in
            let result = await run(["timeline", Self.lead, "--config", config], key: "nxr_live_wrong_key_42")
            #expect(result.code == 1)
            #expect(result.stdout == "")
            #expect(result.stderr == "leadline: nexor: 401 Invalid API key — check NEXOR_API_KEY\n")
            #expect(!result.stderr.contains("nxr_live_wrong_key_42"))
        }
    }

    @Test("An unknown lead exits 1 with the vendor's 404")
    func unknownLead() async throws {
        try await withServer { _, config in
            let result = await run(["timeline", "nexor:nope", "--config", config])
            #expect(result.code == 1)
            #expect(result.stderr == "leadline: nexor: 404 Lead not found — nexor has no lead nope\n")
        }
    }

    @Test("A phone number or email finds the person through the source's search")
    func byContact() async throws {
        try await withServer { _, config in
            for target in ["+56 9 1234 5678", "Carlos@Example.com"] {
                let result = await run(["timeline", target, "--config", config, "--format", "json"])
                #expect(result.code == 0, "\(target): \(result.stderr)")
                let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
                #expect((document["leads"] as? [[String: Any]])?.map { $0["ref"] as? String } == ["nexor:123e4567-e89b-12d3-a456-426614174000"])
                #expect((document["events"] as? [Any])?.count == 10)
            }
            let nobody = await run(["timeline", "+1 999 999 9999", "--config", config])
            #expect(nobody.code == 1)
            #expect(nobody.stderr == "leadline: no lead with +19999999999 in nexor\n")
        }
    }

    @Test("Usage mistakes exit 2", arguments: [
        ["timeline"], ["timeline", "nexor:1", "--channel", "fax"], ["timeline", "john"],
        ["timeline", "nexor:1", "--format", "xml"], ["frobnicate"],
    ])
    func usage(arguments: [String]) async {
        let result = await run(arguments)
        #expect(result.code == 2)
        #expect(result.stderr.contains("Usage:") || result.stderr.contains("Error:"))
        #expect(result.stdout == "")
    }

    @Test("Config problems and unknown sources exit 1 naming the file or source")
    func configProblems() async throws {
        let missing = await run(["timeline", "nexor:1", "--config", "/nonexistent/leadline.toml"])
        #expect(missing.code == 1)
        #expect(missing.stderr == "leadline: /nonexistent/leadline.toml: no config file here\n")
        try await withServer { _, config in
            let result = await run(["timeline", "pearl:1", "--config", config])
            #expect(result.code == 1)
            #expect(result.stderr == "leadline: no source named 'pearl' (configured: nexor)\n")
        }
    }

    @Test("--version and --help print to stdout and exit 0")
    func versionAndHelp() async {
        let version = await run(["--version"])
        #expect(version.code == 0)
        #expect(version.stdout == "\(Leadline.version)\n")
        let help = await run(["timeline", "--help"])
        #expect(help.code == 0)
        #expect(help.stdout.contains("--channel <LIST>"))
    }

    @Test("The built binary exits with the documented codes")
    func realProcess() async throws {
        let binary = try #require(Self.builtBinary())
        try await withServer { _, config in
            let ok = try await Self.launch(binary, ["timeline", Self.lead, "--config", config, "--format", "ndjson"], key: NexorTestServer.apiKey)
            #expect(ok.code == 0)
            #expect(ok.stdout.split(separator: "\n").count == 10)
            let denied = try await Self.launch(binary, ["timeline", Self.lead, "--config", config], key: "nxr_live_nope_0000")
            #expect(denied.code == 1)
            #expect(denied.stderr.contains("nexor: 401"))
            #expect(!denied.stderr.contains("nxr_live_nope_0000"))
            let usage = try await Self.launch(binary, ["timeline", "--reverse"], key: "")
            #expect(usage.code == 2)
        }
    }

    /// The `leadline` executable built beside this test bundle.
    static func builtBinary() -> URL? {
        #if os(Linux)
        let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        #else
        let bundle = Bundle.main.bundleURL
        #endif
        var directory = bundle.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("leadline")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    static func launch(_ binary: URL, _ arguments: [String], key: String) async throws -> Run {
        let result = try await Subprocess.run(binary, arguments, environment: ["NEXOR_API_KEY": key, "HOME": "/nonexistent", "TZ": "UTC"])
        return Run(code: result.code, stdout: result.standardOutput, stderr: result.standardError)
    }
}
