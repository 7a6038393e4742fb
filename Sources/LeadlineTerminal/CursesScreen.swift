import CNcursesw
import Foundation
import LeadlineUI

/// An ncurses screen, on the real terminal or headless, written and read one grapheme at a time.
///
/// ncurses keeps its current screen, terminal settings and locale in process-wide
/// state, so only one `CursesScreen` may be open at a time (opening a second one
/// throws ``CursesScreenError/alreadyOpen``), and it must be used from one thread.
/// The type is deliberately not `Sendable` so the compiler keeps each instance
/// in the concurrency domain that created it. Call ``close()`` to restore the
/// terminal; deinit closes it too, and on the real terminal a crash before then
/// restores it as well (``CrashRescue``).
public final class CursesScreen {
    private var screen: OpaquePointer?
    let window: UnsafeMutablePointer<WINDOW>
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    /// Files this screen opened itself and must close; the process's stdin and stdout stay open.
    private let ownsFiles: Bool

    /// Takes over the process's terminal through stdin and stdout, using `$TERM`.
    ///
    /// Puts the terminal in cbreak mode without echo, with the keypad enabled so
    /// arrow and function keys arrive as single key codes. Throws
    /// ``CursesScreenError/notATerminal`` when stdin or stdout is redirected, so
    /// escape sequences never end up in a pipe or file, and
    /// ``CursesScreenError/cannotStartTerminal(_:)`` when `$TERM` is unset or unknown.
    public convenience init() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw CursesScreenError.notATerminal }
        CrashRescue.saveShellModes()
        try self.init(terminal: nil, output: ll_stdout(), input: ll_stdin(), ownsFiles: false)
        CrashRescue.arm()
        cbreak()
        noecho()
        keypad(window, true)
    }

    /// Creates a screen that draws to /dev/null, for tests and anything else without a terminal.
    ///
    /// Needs no tty and ignores `$TERM`, but the terminfo entry for `terminal`
    /// must be installed. The size comes from `rows` and `columns`, not from the
    /// environment, so results are reproducible.
    public convenience init(headlessRows rows: Int, columns: Int, terminal: String = "xterm-256color") throws {
        guard let output = fopen("/dev/null", "w") else { throw CursesScreenError.cannotOpenNullDevice }
        guard let input = fopen("/dev/null", "r") else {
            fclose(output)
            throw CursesScreenError.cannotOpenNullDevice
        }
        try self.init(terminal: terminal, output: output, input: input, ownsFiles: true)
        guard resizeterm(Int32(rows), Int32(columns)) == ll_OK() else {
            close()
            throw CursesScreenError.cannotResize(rows: rows, columns: columns)
        }
    }

    private init(
        terminal: String?, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>, ownsFiles: Bool
    ) throws {
        let closeFiles = {
            if ownsFiles {
                fclose(output)
                fclose(input)
            }
        }
        guard Self.openScreen.claim() else {
            closeFiles()
            throw CursesScreenError.alreadyOpen
        }
        do {
            try Self.ensureUTF8Locale()
        } catch {
            Self.openScreen.release()
            closeFiles()
            throw error
        }
        // newterm rather than initscr: initscr exits the process on failure.
        guard let screen = newterm(terminal, output, input), let window = ll_stdscr() else {
            Self.openScreen.release()
            closeFiles()
            throw CursesScreenError.cannotStartTerminal(terminal ?? ProcessInfo.processInfo.environment["TERM"])
        }
        self.screen = screen
        self.window = window
        self.output = output
        self.input = input
        self.ownsFiles = ownsFiles
    }

    deinit {
        close()
    }

    /// The screen size in rows and columns; it changes when the terminal is resized.
    public var size: (rows: Int, columns: Int) {
        checkOpen()
        return (Int(ll_getmaxy(window)), Int(ll_getmaxx(window)))
    }

    /// Writes one grapheme with its top-left at `row`, `column`.
    ///
    /// The grapheme goes into a single ncurses cell, all of its scalars up to
    /// ncurses' limit of five (CCHARW_MAX); further scalars, e.g. the fourth
    /// person of a ZWJ family, are dropped. ncurses decides the width with the
    /// C library's `wcwidth`, which for a few graphemes (flags) differs from
    /// `DisplayWidth`. `colorPair` is an ncurses colour pair number: 0 is the
    /// terminal's default colours, and other pairs draw in the defaults until
    /// they are defined with ncurses' `init_pair`. Positions outside the screen
    /// are ignored. Nothing appears until ``refresh()``.
    public func put(
        _ grapheme: String, row: Int, column: Int, attributes: Style.Attributes = [], colorPair: Int = 0
    ) {
        checkOpen()
        let scalars = grapheme.unicodeScalars.prefix(Int(ll_CCHARW_MAX())).map(\.value)
        var cell = cchar_t()
        guard ll_setcchar(&cell, scalars, Int32(scalars.count), Self.cursesAttributes(attributes), Int32(colorPair))
            == ll_OK()
        else { return }
        // ncurses reports ERR after writing the bottom-right cell because the
        // cursor cannot advance; the cell is written all the same.
        _ = mvwadd_wch(window, Int32(row), Int32(column), &cell)
    }

    /// Returns the grapheme stored at `row`, `column`, or "" outside the screen.
    ///
    /// Both columns of a wide grapheme read back as that grapheme.
    public func read(row: Int, column: Int) -> String {
        checkOpen()
        var cell = cchar_t()
        guard mvwin_wch(window, Int32(row), Int32(column), &cell) == ll_OK() else { return "" }
        var scalars = [UInt32](repeating: 0, count: Int(ll_CCHARW_MAX()))
        var attributes = attr_t()
        var pair: Int32 = 0
        let count = ll_getcchar(&cell, &scalars, &attributes, &pair)
        guard count > 0 else { return "" }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars.prefix(Int(count)).compactMap(Unicode.Scalar.init))
        return String(text)
    }

    /// Sends everything written since the last refresh to the terminal.
    public func refresh() {
        checkOpen()
        wnoutrefresh(window)
        doupdate()
    }

    /// Hands the terminal back to the shell and stops the process, as ^Z does; returns after `fg`
    /// with the terminal in the UI's modes again and the whole screen due to be redrawn.
    ///
    /// Called by the thread that owns the screen when it learns of a SIGTSTP. ncurses has its
    /// own SIGTSTP handler, but a signal handler runs on whatever thread the kernel picks (in a
    /// Swift program, the main thread, parked in libdispatch) while the UI thread is inside
    /// ncurses; that race lost about one ^Z in five.
    public func suspend() {
        checkOpen()
        def_prog_mode()
        endwin()
        fflush(output)
        Self.stopProcess()
        reset_prog_mode()
        clearok(ll_curscr(), true)
        refresh()
    }

    /// Stops the whole process as ^Z would, from the calling thread, and returns once it is
    /// continued. SIGTSTP raised on this thread with the default action makes the stop
    /// synchronous; the previous action and this thread's signal mask are put back afterwards.
    private static func stopProcess() {
        var stop = sigaction()
        stop.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&stop.sa_mask)
        var previous = sigaction()
        sigaction(SIGTSTP, &stop, &previous)
        var only = sigset_t()
        sigemptyset(&only)
        sigaddset(&only, SIGTSTP)
        var saved = sigset_t()
        pthread_sigmask(SIG_UNBLOCK, &only, &saved)
        raise(SIGTSTP)
        pthread_sigmask(SIG_SETMASK, &saved, nil)
        sigaction(SIGTSTP, &previous, nil)
    }

    /// Restores the terminal and frees the screen; later calls do nothing.
    ///
    /// After closing, calling any other method is a programming error and traps.
    public func close() {
        guard let screen else { return }
        CrashRescue.disarm()
        endwin()
        delscreen(screen)
        self.screen = nil
        if ownsFiles {
            fclose(output)
            fclose(input)
        }
        Self.openScreen.release()
    }

    private func checkOpen() {
        precondition(screen != nil, "CursesScreen used after close()")
    }

    private static func cursesAttributes(_ attributes: Style.Attributes) -> attr_t {
        var result = ll_A_NORMAL()
        if attributes.contains(.bold) { result |= ll_A_BOLD() }
        if attributes.contains(.dim) { result |= ll_A_DIM() }
        if attributes.contains(.underline) { result |= ll_A_UNDERLINE() }
        if attributes.contains(.reverse) { result |= ll_A_REVERSE() }
        if attributes.contains(.italic) { result |= ll_A_ITALIC() }
        return result
    }

    /// Makes LC_CTYPE a UTF-8 locale, which ncurses needs to treat text as wide characters.
    ///
    /// The user's locale wins when it is UTF-8; otherwise (typically "C" in CI
    /// and containers) C.UTF-8 is used.
    private static func ensureUTF8Locale() throws {
        setlocale(LC_ALL, "")
        if isUTF8Codeset() { return }
        setlocale(LC_CTYPE, "C.UTF-8")
        guard isUTF8Codeset() else { throw CursesScreenError.noUTF8Locale }
    }

    private static func isUTF8Codeset() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    private static let openScreen = OpenScreenFlag()

    /// Records whether a ``CursesScreen`` is open, across threads.
    ///
    /// `@unchecked Sendable` because the flag is only touched under the lock;
    /// Synchronization's `Mutex` would say so to the compiler but needs macOS 15.
    private final class OpenScreenFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var isOpen = false

        /// Marks a screen open; false if one already was.
        func claim() -> Bool {
            lock.withLock {
                if isOpen { return false }
                isOpen = true
                return true
            }
        }

        func release() {
            lock.withLock { isOpen = false }
        }
    }
}
