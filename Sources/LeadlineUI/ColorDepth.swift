/// How many colours the terminal can show, from 24-bit down to none.
///
/// Themes are written in any colour; ``Style/degraded(to:)`` brings each style down to the
/// terminal's depth before drawing.
public enum ColorDepth: Sendable, Hashable, CaseIterable {
    /// `#rrggbb` as written.
    case trueColor
    /// The xterm 256-colour palette.
    case colors256
    /// The 16 ANSI colours.
    case colors16
    /// The 8 basic ANSI colours; bright foregrounds become bold.
    case colors8
    /// No colours: attributes only.
    case monochrome

    /// The depth to draw with, given what ncurses reports and the environment.
    ///
    /// `colors` is ncurses' `COLORS` after `start_color` (0 when `has_colors` is false).
    /// `NO_COLOR` with any non-empty value means attributes only (https://no-color.org).
    /// Truecolor needs both a direct-colour terminfo entry (`COLORS` ≥ 2^24) and `COLORTERM`
    /// saying `truecolor` or `24bit`; a direct-colour entry without it gets the 8 basic colours,
    /// the only palette entries such an entry can name (its higher numbers are RGB values).
    public static func detect(colors: Int, environment: [String: String]) -> ColorDepth {
        if colorsDisabled(environment: environment) { return .monochrome }
        if colors >= 1 << 24 {
            let colorTerm = environment["COLORTERM"]?.lowercased()
            return colorTerm == "truecolor" || colorTerm == "24bit" ? .trueColor : .colors8
        }
        if colors >= 256 { return .colors256 }
        if colors >= 16 { return .colors16 }
        if colors >= 8 { return .colors8 }
        return .monochrome
    }

    /// Whether the user asked for no colours: `NO_COLOR` set to anything but the empty string.
    public static func colorsDisabled(environment: [String: String]) -> Bool {
        environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    }
}
