import Foundation

/// Runs a child process from async tests without ever blocking a thread of Swift's cooperative
/// pool, and without Foundation's `Process`.
///
/// The pool has as many threads as the machine has cores (two on CI). A test that waits on a child
/// with `waitUntilExit` or `readDataToEndOfFile` holds one of them; two such tests starve every
/// other test, including the in-process HTTP servers those children talk to. And Foundation's
/// `Process` on Linux has been seen to miss a child's exit when many children come and go at once
/// (the child stays a zombie, `terminationHandler` never runs, `waitUntilExit` never returns),
/// which hung whole CI runs. So children here are started with `posix_spawn`, each is reaped by a
/// thread of its own blocked in `waitpid` on exactly its pid, its pipes are drained by threads of
/// their own, and every run has a deadline after which the child is killed.
enum Subprocess {
    struct Result: Sendable {
        var code: Int32
        var stdout: Data
        var stderr: Data
        /// The child outlived its deadline and was killed.
        var timedOut: Bool

        var standardOutput: String { String(decoding: stdout, as: UTF8.self) }
        var standardError: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// Runs `executable` with `arguments` to completion or until `timeout`, whichever comes first.
    /// `environment` nil inherits this process's environment.
    static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
        timeout: Duration = .seconds(120)
    ) async throws -> Result {
        let stdout = PipeReader(), stderr = PipeReader()
        let child = try Child(executable, arguments, environment: environment, stdout: stdout, stderr: stderr)
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            child.timedOut = true
            child.signal(SIGTERM)
            try await Task.sleep(for: .seconds(2))
            child.signal(SIGKILL)
        }
        let code = await child.exit.wait()
        watchdog.cancel()
        // A grandchild may hold a pipe open past the child's exit; take what has arrived by then.
        async let out = stdout.collect(within: .seconds(2))
        async let err = stderr.collect(within: .seconds(2))
        return await Result(code: code, stdout: out, stderr: err, timedOut: child.timedOut)
    }

    /// Starts `executable` and returns at once; for children that outlive the call, such as a
    /// `tmux kill-session` from a deinit. Its output goes nowhere; it is still reaped.
    static func launchAndForget(_ executable: URL, _ arguments: [String]) {
        _ = try? Child(executable, arguments, environment: nil, stdout: nil, stderr: nil)
    }
}

/// A child started with `posix_spawn`: standard input from /dev/null, standard output and error
/// into the given readers (or /dev/null), no other descriptor of this process inherited.
final class Child: @unchecked Sendable {
    let pid: pid_t
    let exit = ExitSignal()
    private let lock = NSLock()
    private var timedOutFlag = false

    var timedOut: Bool {
        get { lock.withLock { timedOutFlag } }
        set { lock.withLock { timedOutFlag = newValue } }
    }

    init(_ executable: URL, _ arguments: [String], environment: [String: String]?, stdout: PipeReader?, stderr: PipeReader?) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        for (reader, target) in [(stdout, Int32(1)), (stderr, Int32(2))] {
            if let reader {
                posix_spawn_file_actions_adddup2(&actions, reader.writeEnd, target)
            } else {
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", O_WRONLY, 0)
            }
        }
        // Pipes other threads are creating right now must not leak into this child (a tmux
        // server it starts would hold them open for good).
        // (glibc has had closefrom for spawn since 2.34; Swift's Glibc module does not declare it.)
        if let closeFrom = Self.closeFrom { _ = closeFrom(&actions, 3) }

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environment = environment ?? ProcessInfo.processInfo.environment
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }

        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable.path, &actions, nil, argv, envp)
        stdout?.closeWriteEnd()
        stderr?.closeWriteEnd()
        guard status == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "cannot start \(executable.path): \(String(cString: strerror(status)))"])
        }
        self.pid = pid
        stdout?.start()
        stderr?.start()
        let exit = self.exit
        Thread.detachNewThread { [pid] in
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1, errno == EINTR {}
            // Exit code, or 128 + the signal, as a shell reports it.
            let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            exit.fire(code)
        }
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let closeFrom: CloseFrom? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: CloseFrom.self) }

    /// Sends `signal` unless the child has already been reaped (its pid may be reused by then).
    func signal(_ signal: Int32) {
        guard !exit.hasFired else { return }
        kill(pid, signal)
    }
}

/// The exit status of a child, delivered once to one waiter.
final class ExitSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var status: Int32?
    private var waiter: CheckedContinuation<Int32, Never>?

    func fire(_ code: Int32) {
        let waiter = lock.withLock {
            status = code
            defer { self.waiter = nil }
            return self.waiter
        }
        waiter?.resume(returning: code)
    }

    func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            let known = lock.withLock {
                if status == nil { waiter = continuation }
                return status
            }
            if let known { continuation.resume(returning: known) }
        }
    }

    var hasFired: Bool { lock.withLock { status != nil } }
}

/// Drains one pipe on a thread of its own, so a chatty child never blocks on a full pipe.
final class PipeReader: @unchecked Sendable {
    private let readEnd: Int32
    let writeEnd: Int32
    private let lock = NSLock()
    private var data = Data()
    private var finished = false

    init() {
        var ends: [Int32] = [0, 0]
        pipe(&ends)
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        (readEnd, writeEnd) = (ends[0], ends[1])
    }

    /// Called once the child holds its own copy of the write end, so the reader sees the end.
    func closeWriteEnd() { close(writeEnd) }

    func start() {
        let fd = readEnd
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                lock.withLock {
                    if count > 0 { data.append(contentsOf: buffer[0..<count]) } else { finished = true }
                }
                if count <= 0 { break }
            }
            close(fd)
        }
    }

    /// Everything read so far.
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

    /// What the pipe carried, once it reached its end or `patience` ran out.
    func collect(within patience: Duration) async -> Data {
        let deadline = ContinuousClock.now + patience
        while true {
            let (done, snapshot) = lock.withLock { (finished, data) }
            if done || ContinuousClock.now >= deadline { return snapshot }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }
}
