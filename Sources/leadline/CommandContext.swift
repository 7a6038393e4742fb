import Foundation
import LeadlineKit
import Logging

/// What a command reads from and writes to, so tests can run the real code path in-process.
struct CommandContext: Sendable {
    var environment: [String: String]
    var transport: any Transport
    var retry: RetryPolicy
    var timeZone: TimeZone
    var stdout: OutputSink
    var stderr: OutputSink
    /// Whether stdout is a terminal (so coloured samples may use escape sequences).
    var stdoutIsTerminal = false
    /// How long one request may wait for its answer; tests shorten it.
    var timeout: Duration = .seconds(30)
    /// The request limits kept per source kind; tests scale the documented ones down.
    var rateLimits = SourceKind.documentedRateLimits
    /// `--log-file`'s logger, or one that drops everything.
    var logger = Logger.disabled

    /// The process's own environment, network and standard streams.
    static func live() -> CommandContext {
        CommandContext(
            environment: ProcessInfo.processInfo.environment, transport: URLSessionTransport(),
            retry: RetryPolicy(), timeZone: .current,
            stdout: OutputSink(FileHandle.standardOutput), stderr: OutputSink(FileHandle.standardError),
            stdoutIsTerminal: isatty(STDOUT_FILENO) == 1)
    }

    /// The configured sources over this context's network, retries, timeout and limits.
    func workspace(config: Config) -> Workspace {
        Workspace(
            config: config, environment: environment, transport: transport, retry: retry, timeout: timeout,
            rateLimits: rateLimits, logger: logger)
    }

    func warn(_ message: String) {
        stderr.writeLine("leadline: warning: \(message)")
    }
}

/// A text stream with a buffer, so printing 20,000 lines is not 20,000 system calls.
final class OutputSink: @unchecked Sendable {
    // @unchecked: every access to `buffer` and `captured` holds `lock`.
    private let handle: FileHandle?
    private let lock = NSLock()
    private var buffer = Data()
    private var captured = Data()

    /// A sink that writes to `handle`.
    init(_ handle: FileHandle) { self.handle = handle }

    /// A sink that keeps everything, for tests.
    init() { handle = nil }

    func write(_ text: String) {
        lock.withLock {
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= 64 * 1024 { flushLocked() }
        }
    }

    func writeLine(_ text: String) { write(text + "\n") }

    func write(_ data: Data) {
        lock.withLock {
            buffer.append(data)
            if buffer.count >= 64 * 1024 { flushLocked() }
        }
    }

    func flush() { lock.withLock { flushLocked() } }

    /// Everything written so far (test sinks only).
    var text: String {
        lock.withLock {
            flushLocked()
            return String(decoding: captured, as: UTF8.self)
        }
    }

    private func flushLocked() {
        guard !buffer.isEmpty else { return }
        if let handle { handle.write(buffer) } else { captured.append(buffer) }
        buffer.removeAll(keepingCapacity: true)
    }
}
