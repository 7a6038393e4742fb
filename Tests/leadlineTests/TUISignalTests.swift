import Foundation
import LeadlineKit
import Testing
@testable import leadline

/// Job control and signals in a real shell: the terminal must come back to the shell on ^Z and
/// ^C, and the UI must come back whole on `fg`.
@Suite("TUI and job control", .serialized, .timeLimit(.minutes(5)))
struct TUISignalTests {
    @Test("^Z hands the terminal back, fg redraws the UI, ^C exits 130 with the terminal restored")
    func suspendResumeInterrupt() async throws {
        let session = try await Self.demoInShell()
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

    @Test("A fatal signal (a Swift trap is SIGILL on x86-64) or a hangup gives the shell its terminal back", arguments: [
        SIGILL, SIGSEGV, SIGABRT, SIGTRAP, SIGHUP,
    ])
    func fatalSignal(_ signal: Int32) async throws {
        // No backtrace report from the Swift runtime: it would wait for the process to be inspected.
        let session = try await Self.demoInShell(prefix: "SWIFT_BACKTRACE=enable=no ")
        let shell = try await session.display("#{pane_pid}")
        let program = try TUIEndToEndTests.childPID(of: shell)
        kill(program, signal)
        try await Self.expectShellBack(session, endedBy: signal)
    }

    /// The UI has left, the shell's prompt is back with echo on, and `$?` says `signal` ended it.
    static func expectShellBack(_ session: TmuxSession, endedBy signal: Int32) async throws {
        let after = try await session.waitFor(timeout: .seconds(30)) { $0.contains("shell$") && !$0.contains("┌ Leads (") }
        #expect(!after.contains("q quit"), "the UI is still on the screen: \(after)")
        // Echo is back: what is typed shows on the screen.
        try await session.send("echo rc=$? sum=$((40+2))", literal: true)
        try await session.send("Enter")
        let screen = try await session.waitFor { $0.contains("sum=42") }
        #expect(screen.contains("shell$ echo rc=$? sum=$((40+2))"), "typed text is not echoed: \(screen)")
        #expect(screen.contains("rc=\(128 + signal) sum=42"), "\(screen)")
    }

    @Test("A real trap (ud2, the instruction Swift's runtime traps with) in a thread of the UI gives the shell its terminal back")
    func realTrap() async throws {
        // A preloaded library whose thread executes ud2 a while after start: a fault from an
        // instruction, not a signal sent with kill. Built here with the C compiler the Swift
        // toolchain brings.
        let directory = try ScratchDirectory("trap")
        defer { directory.remove() }
        let source = directory.url.appendingPathComponent("trap.c"), library = directory.url.appendingPathComponent("trap.so")
        try Data("""
            #include <pthread.h>
            #include <stdlib.h>
            #include <unistd.h>
            static void *trap(void *unused) {
                usleep(atoi(getenv("LEADLINE_TEST_TRAP_AFTER_MS")) * 1000);
                __builtin_trap();
                return unused;
            }
            __attribute__((constructor)) static void start(void) {
                if (!getenv("LEADLINE_TEST_TRAP_AFTER_MS")) return;
                pthread_t thread;
                pthread_create(&thread, 0, trap, 0);
            }
            """.utf8).write(to: source)
        let compiled = try await Subprocess.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["clang", "-shared", "-fPIC", "-pthread", "-o", library.path, source.path])
        try #require(compiled.code == 0, "clang: \(compiled.standardError)")

        let session = try await Self.demoInShell(
            prefix: "SWIFT_BACKTRACE=enable=no LEADLINE_TEST_TRAP_AFTER_MS=4000 LD_PRELOAD=\(TmuxSession.quote(library.path)) ")
        try await Self.expectShellBack(session, endedBy: SIGILL)
    }

    /// An interactive shell with the prompt `shell$ ` running `leadline --demo` (after
    /// `prefix`), once the UI is up.
    static func demoInShell(prefix: String = "") async throws -> TmuxSession {
        let binary = try TUIEndToEndTests.binary()
        let session = try await TmuxSession(interactiveShellWidth: 120, height: 40, environment: ["HOME": "/nonexistent"])
        try await session.send("PS1='shell$ '", literal: true)
        try await session.send("Enter")
        try await session.waitFor { $0.contains("shell$") }
        try await session.send(prefix + "\(TmuxSession.quote(binary)) --demo", literal: true)
        try await session.send("Enter")
        try await session.waitFor { $0.contains("┌ Leads (") }
        return session
    }

    @Test("The UI's status line gets the warnings the command line prints on stderr: a secret_file others can read")
    func secretFileWarning() throws {
        let directory = try ScratchDirectory("tui-secret")
        defer { directory.remove() }
        let path = directory.path("nexor.secret")
        try Data("nxr_live_k\n".utf8).write(to: URL(fileURLWithPath: path))
        let sources = [
            SourceConfig(name: "nexor", kind: .nexor, credential: .file(path)),
            SourceConfig(name: "gone", kind: .leadping, credential: .environment("LEADLINE_TEST_UNSET")),
        ]
        let workspace = Workspace(config: Config(file: nil, sources: sources), environment: [:])
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(TUIRunner.sourceWarnings(workspace).isEmpty)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        #expect(TUIRunner.sourceWarnings(workspace) == ["source 'nexor': secret_file \(path) is readable by others (mode 640) — run: chmod 600 \(path)"])
    }
}
