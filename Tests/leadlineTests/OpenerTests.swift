import Foundation
import Synchronization
import Testing
@testable import leadline

/// The opener runs the configured program with the link as one argument, never through a shell,
/// and only for http(s) links.
@Suite("Opener: argv without a shell, http(s) only", .serialized, .timeLimit(.minutes(1)))
struct OpenerTests {
    /// Failures the opener reported.
    final class Failures: Sendable {
        private let messages = Mutex<[String]>([])
        var all: [String] { messages.withLock { $0 } }
        func add(_ message: String) { messages.withLock { $0.append(message) } }

        func first() async throws -> String {
            let deadline = ContinuousClock.now + .seconds(20)
            while ContinuousClock.now < deadline {
                if let message = all.first { return message }
                try await Task.sleep(for: .milliseconds(20))
            }
            throw CancellationError()
        }
    }

    @Test("Shell syntax in a link is one argument, and nothing runs it")
    func noShell() async throws {
        let directory = try ScratchDirectory("opener")
        defer { directory.remove() }
        let scratch = try ArgvRecorder(in: directory)
        let pwned = directory.path("PWNED")
        let url = "https://example.com/rec.wav?a=1&b=$(touch%20\(pwned));touch%20\(pwned)|id"
        #expect(URL(string: url) != nil)
        let failures = Failures()
        Opener(template: [scratch.script, "--url", "{url}"]).open(url) { failures.add($0) }
        #expect(try await scratch.arguments() == ["--url", url])
        #expect(!FileManager.default.fileExists(atPath: pwned))
        #expect(failures.all.isEmpty)
    }

    @Test("Without {url} the link is the last argument; the scheme's case does not matter")
    func appended() async throws {
        let directory = try ScratchDirectory("opener")
        defer { directory.remove() }
        let scratch = try ArgvRecorder(in: directory)
        Opener(template: [scratch.script, "-n"]).open("HTTPS://Example.com/x") { _ in }
        #expect(try await scratch.arguments() == ["-n", "HTTPS://Example.com/x"])
    }

    @Test("Links that are not http(s) are refused and nothing runs", arguments: [
        "file:///etc/passwd", "javascript:alert(1)", "ftp://example.com/x", "-https://example.com", "//example.com/x",
        "example.com", "", "https ://example.com", "data:text/html,hi", "ssh://host",
    ])
    func refused(_ url: String) async throws {
        let directory = try ScratchDirectory("opener")
        defer { directory.remove() }
        let scratch = try ArgvRecorder(in: directory)
        let failures = Failures()
        Opener(template: [scratch.script, "{url}"]).open(url) { failures.add($0) }
        #expect(try await failures.first() == "Refusing to open a link that is not http(s).")
        try await Task.sleep(for: .milliseconds(200))
        #expect(!FileManager.default.fileExists(atPath: scratch.record))
    }

    @Test("An empty opener, or one whose program is the link, is refused; a failing one is reported")
    func badOpeners() async throws {
        let directory = try ScratchDirectory("opener")
        defer { directory.remove() }
        let url = "https://example.com/x"
        for (template, message) in [
            ([], "The opener in the config is empty."),
            ([""], "The opener in the config is empty."),
            (["{url}"], "The opener's program cannot be the link itself; put {url} after it."),
        ] as [([String], String)] {
            let failures = Failures()
            Opener(template: template).open(url) { failures.add($0) }
            #expect(try await failures.first() == message)
        }
        let failing = directory.path("fail.sh")
        try "#!/bin/sh\nexit 3\n".write(toFile: failing, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: failing)
        let failures = Failures()
        Opener(template: [failing]).open(url) { failures.add($0) }
        #expect(try await failures.first() == "Opener \(failing) exited with status 3.")
        let missing = Failures()
        Opener(template: [directory.path("nope")]).open(url) { missing.add($0) }
        #expect(try await missing.first().hasPrefix("Cannot run opener "))
    }
}
