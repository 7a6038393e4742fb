/// Why a ``CursesScreen`` could not be opened.
public enum CursesScreenError: Error, Equatable {
    /// Another `CursesScreen` is still open; ncurses supports one at a time here.
    case alreadyOpen
    /// stdin or stdout is not a terminal, so there is nothing to take over.
    case notATerminal
    /// Neither the user's locale nor C.UTF-8 is a UTF-8 locale, so wide characters would be garbled.
    case noUTF8Locale
    /// /dev/null could not be opened for a headless screen.
    case cannotOpenNullDevice
    /// ncurses rejected the terminal type, given here (nil when `$TERM` is unset).
    case cannotStartTerminal(String?)
    /// A headless screen could not be given the requested size.
    case cannotResize(rows: Int, columns: Int)
}
