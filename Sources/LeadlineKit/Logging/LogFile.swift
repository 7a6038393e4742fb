import Foundation
import Logging

/// The file `--log-file` names: one line per event, appended, readable only by its owner when
/// leadline creates it.
///
/// swift-log is the API the clients log through; it ships no handler that writes a file, so
/// this is one. Every line goes through ``TerminalSanitizer/line(_:)`` (people `tail -f` a log,
/// and a vendor's error text ends up in it) and is written whole under a lock, so lines from
/// concurrent requests never interleave. A failed write is dropped: logging must never stop
/// the program.
public final class LogFile: Sendable {
    /// The path as given.
    public let path: String
    private let handle: FileHandle
    private let lock = NSLock()

    /// Opens `path` for appending, creating it with mode 0600; throws a message naming the file
    /// and the reason.
    public init(path: String) throws(LogFileError) {
        self.path = path
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw LogFileError(path: path, reason: String(cString: strerror(errno)))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw LogFileError(path: path, reason: "not a regular file")
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// A logger writing here at `level` and above.
    public func logger(label: String = "leadline", level: Logger.Level = .info) -> Logger {
        var logger = Logger(label: label) { _ in LogFileHandler(file: self) }
        logger.logLevel = level
        return logger
    }

    /// Appends one line (a newline is added), cleaned of control sequences.
    func append(_ line: String) {
        let data = Data((TerminalSanitizer.line(line) + "\n").utf8)
        lock.withLock { try? handle.write(contentsOf: data) }
    }
}

/// A log file that cannot be opened.
public struct LogFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "--log-file \(path): \(reason)" }
}

/// Formats events as `2026-11-27T09:16:52.123Z info source=nexor GET … → 200 in 12 ms`.
struct LogFileHandler: LogHandler {
    let file: LogFile
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields = metadata
        if let extra = event.metadata { fields.merge(extra) { _, new in new } }
        var line = Date.now.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
        line += " \(event.level)"
        // The source first, as the column a reader scans; the rest by name.
        for (key, value) in fields.sorted(by: { ($0.key == "source" ? 0 : 1, $0.key) < ($1.key == "source" ? 0 : 1, $1.key) }) {
            line += " \(key)=\(value)"
        }
        line += " \(event.message)"
        file.append(line)
    }
}

extension Logger {
    /// A logger that drops everything: the default when there is no `--log-file`.
    public static let disabled = Logger(label: "leadline") { _ in SwiftLogNoOpLogHandler() }
}
