import Foundation

/// The real `leadline` binary running in a detached tmux session, driven like a person would:
/// keys in with `send-keys`, the screen out with `capture-pane`.
final class TmuxSession {
    let name: String
    private static let tmux = "/usr/bin/env"

    /// Starts `command` (argv, run without a shell) in a new session of `width`×`height`.
    init(_ command: [String], width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        name = "leadline-test-\(UUID().uuidString.prefix(8))"
        let env = environment.merging(["TERM": "xterm-256color", "LANG": "C.UTF-8"]) { mine, _ in mine }
        // tmux runs the command through a shell; quote every word so nothing is interpreted.
        let line = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
            + " " + command.map(Self.quote).joined(separator: " ") + "; echo \"[exited $?]\"; sleep 600"
        try Self.run(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), "env " + line])
    }

    /// Starts an interactive shell as the session's own program (so it has job control), with
    /// `environment` set.
    init(interactiveShellWidth width: Int = 120, height: Int = 40, environment: [String: String]) throws {
        name = "leadline-test-\(UUID().uuidString.prefix(8))"
        var arguments = ["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height)]
        for (key, value) in environment.merging(["TERM": "xterm-256color", "LANG": "C.UTF-8"], uniquingKeysWith: { mine, _ in mine }) {
            arguments += ["-e", "\(key)=\(value)"]
        }
        try Self.run(arguments + ["bash --norc --noprofile"])
    }

    deinit { _ = try? Self.run(["kill-session", "-t", name]) }

    /// Sends tmux key names or literal text (`literal: true`).
    func send(_ keys: String..., literal: Bool = false) throws {
        try Self.run(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    /// The screen as text (with `escapes`, the colour/attribute sequences too).
    func capture(escapes: Bool = false) throws -> String {
        try Self.run(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : []))
    }

    /// The pane's title, as the program may have set it with OSC 0/2.
    func title() throws -> String {
        try Self.run(["display-message", "-p", "-t", name, "#{pane_title}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(width: Int, height: Int) throws {
        try Self.run(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// Waits until the screen satisfies `condition`, up to `timeout` (generous: CI machines are
    /// shared and the whole suite runs in parallel); returns the last capture.
    @discardableResult
    func waitFor(timeout: TimeInterval = 45, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if condition(screen) { return screen }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxError.timedOut(screen: screen)
    }

    @discardableResult
    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tmux)
        process.arguments = ["tmux"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TmuxError.failed(arguments) }
        return String(decoding: data, as: UTF8.self)
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
