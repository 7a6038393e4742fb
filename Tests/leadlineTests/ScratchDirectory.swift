import Foundation

/// A fresh directory under the system's temporary one, for one test's files.
struct ScratchDirectory: Sendable {
    let url: URL
    var path: String { url.path }

    /// Creates `leadline-NAME-UUID` in the temporary directory.
    init(_ name: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("leadline-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside it.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// An opener for tests: `record.sh`, which writes its arguments one per line to `argv.txt`.
struct ArgvRecorder: Sendable {
    let scratch: ScratchDirectory
    var script: String { scratch.path("record.sh") }
    var record: String { scratch.path("argv.txt") }

    init(in scratch: ScratchDirectory) throws {
        self.scratch = scratch
        try "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '\(record)'\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
    }

    /// The arguments the script was given, once it has run (waiting up to `timeout`).
    func arguments(timeout: Duration = .seconds(20)) async throws -> [String] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOfFile: record, encoding: .utf8), text.hasSuffix("\n") {
                return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw CancellationError()
    }
}
