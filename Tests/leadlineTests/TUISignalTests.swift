import Foundation
import Testing
@testable import leadline

/// Job control and signals in a real shell: the terminal must come back to the shell on ^Z and
/// ^C, and the UI must come back whole on `fg`.
@Suite("TUI and job control", .serialized, .timeLimit(.minutes(5)))
struct TUISignalTests {
    @Test("^Z hands the terminal back, fg redraws the UI, ^C exits 130 with the terminal restored")
    func suspendResumeInterrupt() async throws {
        let binary = try TUIEndToEndTests.binary()
        let session = try await TmuxSession(interactiveShellWidth: 120, height: 40, environment: ["HOME": "/nonexistent"])
        try await session.send("PS1='shell$ '", literal: true)
        try await session.send("Enter")
        try await session.waitFor { $0.contains("shell$") }
        try await session.send("\(TmuxSession.quote(binary)) --demo", literal: true)
        try await session.send("Enter")
        try await session.waitFor { $0.contains("┌ Leads (") }
        try await session.send("C-z")
        let suspended = try await session.waitFor { $0.contains("Stopped") && $0.contains("shell$") }
        #expect(!suspended.contains("┌ Leads ("), "the UI left the screen: \(suspended)")
        try await session.send("fg", literal: true)
        try await session.send("Enter")
        let resumed = try await session.waitFor { $0.contains("┌ Leads (") && $0.contains("q quit") }
        #expect(resumed.split(separator: "\n").first?.hasPrefix("┌ Leads") == true)
        try await session.send("C-c")
        try await session.waitFor { $0.contains("shell$") && !$0.contains("┌ Leads (") }
        try await session.send("echo rc=$?", literal: true)
        try await session.send("Enter")
        try await session.waitFor { $0.contains("rc=130") }
    }
}
