import CNcursesw
import Foundation

/// Puts the terminal back when the process dies of a fatal signal while the UI holds it: a
/// Swift runtime trap (SIGILL on x86-64, SIGTRAP on arm64), a bad memory access, an abort.
///
/// ncurses restores the terminal only in `endwin`, which a crashing process never reaches: the
/// shell would be left in the alternate screen, without echo or a cursor. While armed, a handler
/// for those signals writes back the terminal modes the shell had and the terminfo strings that
/// leave the UI's modes, then hands the signal to whoever handled it before (the Swift runtime's
/// backtracer prints its report on the restored screen) or to the default action.
///
/// A signal handler may only make async-signal-safe calls, so everything it needs is prepared
/// when armed: the modes in a `termios`, the bytes to write in one buffer, the previous actions
/// in an array.
enum CrashRescue {
    static let signals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    // Written only by `arm` and `disarm`, on the UI thread, while no handler is installed;
    // read by the handler.
    nonisolated(unsafe) private static var shellModes = termios()
    nonisolated(unsafe) private static var reset: UnsafeMutableBufferPointer<UInt8>?
    /// By signal number.
    nonisolated(unsafe) private static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    nonisolated(unsafe) private static var armed = false

    /// Reads the terminal's modes now, for a crash to restore; call before ncurses changes them.
    static func saveShellModes() {
        tcgetattr(STDIN_FILENO, &shellModes)
    }

    /// Installs the handlers, once ncurses has started: the terminfo strings come from it.
    static func arm() {
        guard !armed else { return }
        // Leave the alternate screen, show the cursor, plain attributes, keypad off; mouse
        // reporting off in every form ncurses may have asked for.
        var bytes: [UInt8] = []
        for capability in ["rmcup", "cnorm", "sgr0", "rmkx"] {
            guard let value = tigetstr(capability), Int(bitPattern: value) != -1 else { continue }
            bytes += Array(String(cString: value).utf8)
        }
        bytes += Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\r\n".utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        reset = buffer
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in CrashRescue.rescue(signal) }
            sigemptyset(&action.sa_mask)
            // Not deferred, so the signal raised from the handler reaches the previous action at
            // once and the handler can still make sure the process ends after it.
            action.sa_flags = Int32(SA_NODEFER)
            sigaction(signal, &action, previous + Int(signal))
        }
        armed = true
    }

    /// Puts the previous handlers back; the terminal is being restored the ordinary way.
    static func disarm() {
        guard armed else { return }
        for signal in signals { sigaction(signal, previous + Int(signal), nil) }
        reset?.deallocate()
        reset = nil
        armed = false
    }

    /// The handler: restores the terminal, then lets the signal do what it would have done.
    private static func rescue(_ signal: Int32) {
        tcsetattr(STDIN_FILENO, TCSANOW, &shellModes)
        if let reset, let base = reset.baseAddress { _ = write(STDOUT_FILENO, base, reset.count) }
        // Raised again, the signal reaches the previous action now: the default (the process
        // ends) or the Swift runtime's backtracer. The backtracer returns once it has printed,
        // expecting the faulting instruction to fault again; a signal sent with kill never
        // does, and the process would live on without its screen. So the default comes last.
        sigaction(signal, previous + Int(signal), nil)
        raise(signal)
        Glibc.signal(signal, SIG_DFL)
        raise(signal)
    }
}
