import Foundation
import Logging
import Testing
@testable import LeadlineKit

/// `--log-file`: what the clients write there, how, and what never goes there.
@Suite("Log file: requests, retries and failures, without credentials or control sequences")
struct LogFileTests {
    /// A fresh path in a scratch directory, removed by `body`'s end.
    static func withPath<T>(_ body: (String) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leadline-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await body(directory.appendingPathComponent("leadline.log").path)
    }

    static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test("Lines are appended with time, level and fields; the file is created 0600; escape sequences are cleaned")
    func format() async throws {
        try await Self.withPath { path in
            try Data("an earlier line\n".utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            let logger = try LogFile(path: path).logger()
            logger.info("hello \u{1B}]52;c;cHduZWQ=\u{07}there\u{1B}[2J", metadata: ["source": "nexor", "attempt": "2"])
            logger.debug("below the level")
            let lines = try Self.lines(path)
            #expect(lines.count == 2)
            #expect(lines[0] == "an earlier line")
            #expect(lines[1].wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info source=nexor attempt=2 hello there/) != nil, "\(lines[1])")
        }
        try await Self.withPath { path in
            _ = try LogFile(path: path)
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
    }

    @Test("A path that cannot be a log is refused with the path and the reason")
    func refused() {
        func refusal(_ path: String) -> String? {
            do {
                _ = try LogFile(path: path)
                return nil
            } catch {
                return error.description
            }
        }
        let directory = FileManager.default.temporaryDirectory.path
        #expect(refusal("/nonexistent-dir/leadline.log") == "--log-file /nonexistent-dir/leadline.log: No such file or directory")
        #expect(refusal(directory) == "--log-file \(directory): Is a directory")
        #expect(refusal("/dev/null") == "--log-file /dev/null: not a regular file")
    }

    @Test("Lines from many tasks at once stay whole")
    func concurrent() async throws {
        try await Self.withPath { path in
            let logger = try LogFile(path: path).logger()
            await withTaskGroup(of: Void.self) { group in
                for task in 0..<8 {
                    group.addTask {
                        for line in 0..<200 { logger.info("\(task)-\(line) \(String(repeating: "x", count: 300))") }
                    }
                }
            }
            let lines = try Self.lines(path)
            #expect(lines.count == 1_600)
            #expect(lines.allSatisfy { $0.wholeMatch(of: /\S+ info \d-\d+ x{300}/) != nil })
        }
    }

    @Test("A client logs each try with its status, the retries, and the failure; never the credential")
    func clientLog() async throws {
        try await Self.withPath { path in
            let secret = "nxr_live_secret123"
            // 500 twice, then the vendor refuses the key and echoes it back.
            let transport = StubTransport { _, index in
                index < 2 ? json(#"{"error":"boom"}"#, status: 500) : json(#"{"error":"Invalid API key \#(secret)"}"#, status: 401)
            }
            var source = connection(transport, retry: RetryPolicy(maxAttempts: 4), secret: secret,
                                    baseURL: "https://user:\(secret)@nexor.test/api/public")
            source.logger = try LogFile(path: path).logger()
            await #expect(throws: VendorError.self) { try await NexorClient(connection: source).lead(id: "42") }

            let lines = try Self.lines(path)
            #expect(lines.count == 6, "\(lines)")
            #expect(lines[0].contains("info source=nexor attempt=1 GET https://nexor.test/api/public/leads/42 → 500 in "), "\(lines[0])")
            #expect(lines[1].contains("notice source=nexor retrying in 250 ms"), "\(lines[1])")
            #expect(lines[2].contains("attempt=2 GET https://nexor.test/api/public/leads/42 → 500 in "))
            #expect(lines[3].contains("notice source=nexor retrying in 500 ms"), "\(lines[3])")
            #expect(lines[4].contains("attempt=3 GET https://nexor.test/api/public/leads/42 → 401 in "))
            #expect(lines[5].contains("error source=nexor nexor: 401"), "\(lines[5])")
            #expect(lines[5].contains("[redacted]"), "the vendor's echo, redacted: \(lines[5])")
            #expect(!lines.joined().contains(secret))
        }
    }

    @Test("Without a log file nothing is formatted: the default logger drops everything")
    func disabled() {
        #expect(Logger.disabled.logLevel == .critical)
        #expect(SourceConnection(
            name: "n", baseURL: URL(string: "https://n.test")!, credential: Secret("k", origin: "t"),
            transport: StubTransport { _, _ in json("{}") }).logger.logLevel == .critical)
    }
}
