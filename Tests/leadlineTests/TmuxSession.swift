import Foundation

/// The real `leadline` binary running in a detached tmux session, driven like a person would:
/// keys in with `send-keys`, the screen out with `capture-pane`.
///
/// Every call is async and bounded (see ``Subprocess``): waiting on tmux never holds a thread of
/// the cooperative pool. The sessions live on a tmux server of this test run's own (`-L`), so
/// they neither see nor disturb the user's sessions or that server's global environment.
final class TmuxSession: Sendable {
    let name: String
    private static let env = URL(fileURLWithPath: "/usr/bin/env")
    private static let socket = "leadline-tests-\(getpid())"

    /// Starts `command` (argv, run without a shell) in a new session of `width`×`height`.
    init(_ command: [String], width: Int = 120, height: Int = 40, environment: [String: String] = [:]) async throws {
        name = "leadline-test-\(UUID().uuidString.prefix(8))"
        let env = environment.merging(["TERM": "xterm-256color", "LANG": "C.UTF-8"]) { mine, _ in mine }
        // tmux runs the command through a shell; quote every word so nothing is interpreted.
        let line = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
            + " " + command.map(Self.quote).joined(separator: " ") + "; echo \"[exited $?]\"; sleep 600"
        try await Self.startSession(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), "env " + line])
    }

    /// Starts an interactive shell as the session's own program (so it has job control), with
    /// `environment` set.
    init(interactiveShellWidth width: Int = 120, height: Int = 40, environment: [String: String]) async throws {
        name = "leadline-test-\(UUID().uuidString.prefix(8))"
        var arguments = ["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height)]
        for (key, value) in environment.merging(["TERM": "xterm-256color", "LANG": "C.UTF-8"], uniquingKeysWith: { mine, _ in mine }) {
            arguments += ["-e", "\(key)=\(value)"]
        }
        try await Self.startSession(arguments + ["bash --norc --noprofile"])
    }

    /// Runs `new-session`, again when tmux refuses it: when the previous test's last session was
    /// just killed, the run's server may be exiting as this client connects ("server exited
    /// unexpectedly", about 1 in 30 back-to-back starts).
    private static func startSession(_ arguments: [String]) async throws {
        for attempt in 1... {
            do {
                try await run(arguments)
                return
            } catch TmuxError.failed where attempt < 4 {
                try await Task.sleep(for: .milliseconds(300))
            }
        }
    }

    deinit { Subprocess.launchAndForget(Self.env, ["tmux", "-L", Self.socket, "kill-session", "-t", name]) }

    /// Sends tmux key names or literal text (`literal: true`).
    func send(_ keys: String..., literal: Bool = false) async throws {
        try await send(keys, literal: literal)
    }

    func send(_ keys: [String], literal: Bool = false) async throws {
        try await Self.run(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    /// The screen as text (with `escapes`, the colour/attribute sequences too).
    func capture(escapes: Bool = false) async throws -> String {
        try await Self.run(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : []))
    }

    /// The pane's title, as the program may have set it with OSC 0/2.
    func title() async throws -> String {
        try await display("#{pane_title}")
    }

    /// A tmux format (`#{pane_pid}`, …) expanded for this session's pane.
    func display(_ format: String) async throws -> String {
        try await Self.run(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(width: Int, height: Int) async throws {
        try await Self.run(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// Waits until the screen satisfies `condition`, up to `timeout` (generous: CI machines are
    /// shared and the whole suite runs in parallel); returns the last capture.
    @discardableResult
    func waitFor(timeout: Duration = .seconds(60), _ condition: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        var screen = ""
        while ContinuousClock.now < deadline {
            screen = try await capture()
            if condition(screen) { return screen }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TmuxError.timedOut(screen: screen)
    }

    /// Runs one tmux command against this test run's server; its standard output.
    @discardableResult
    static func run(_ arguments: [String]) async throws -> String {
        let result = try await Subprocess.run(env, ["tmux", "-L", socket] + arguments, timeout: .seconds(30))
        guard result.code == 0, !result.timedOut else { throw TmuxError.failed(arguments) }
        return result.standardOutput
    }

    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

enum TmuxError: Error, CustomStringConvertible {
    case failed([String])
    case timedOut(screen: String)

    var description: String {
        switch self {
        case .failed(let arguments): "tmux \(arguments.joined(separator: " ")) failed"
        case .timedOut(let screen): "timed out waiting; the screen was:\n\(screen)"
        }
    }
}
