import LeadlineKit

/// The semantic styles the screen is drawn with.
///
/// Views never pick colours themselves; they ask the theme for the style of a role, so a theme
/// file (themes/*.toml) can restyle everything.
public struct Theme: Sendable, Equatable {
    public var text = Style()
    public var muted = Style(foreground: .ansi(8))
    public var border = Style(foreground: .ansi(8))
    public var borderFocused = Style(foreground: .ansi(6), attributes: .bold)
    public var title = Style(foreground: .ansi(7), attributes: .bold)
    public var selection = Style(foreground: .ansi(0), background: .ansi(6))
    public var selectionUnfocused = Style(attributes: .reverse)
    public var statusLine = Style(foreground: .ansi(7), background: .rgb(0x1f, 0x24, 0x30))
    public var daySeparator = Style(foreground: .ansi(8), attributes: .dim)
    public var inbound = Style(foreground: .ansi(10))
    public var outbound = Style(foreground: .ansi(12))
    public var ok = Style(foreground: .ansi(2))
    public var warning = Style(foreground: .ansi(3))
    public var error = Style(foreground: .ansi(9), attributes: .bold)
    public var heading = Style(attributes: [.bold, .underline])
    public var searchMatch = Style(foreground: .ansi(0), background: .ansi(3))
    public var channels: [Channel: Style] = [
        .call: Style(foreground: .rgb(0x56, 0xb6, 0xc2)),
        .whatsapp: Style(foreground: .rgb(0x98, 0xc3, 0x79)),
        .email: Style(foreground: .rgb(0x61, 0xaf, 0xef)),
        .sms: Style(foreground: .rgb(0xe5, 0xc0, 0x7b)),
        .chat: Style(foreground: .rgb(0xc6, 0x78, 0xdd)),
        .system: Style(foreground: .rgb(0xab, 0xb2, 0xbf)),
    ]

    /// The default theme (themes/default.toml), for dark backgrounds.
    public static let standard = Theme()

    /// The style of a channel's glyph and name.
    public func channel(_ channel: Channel) -> Style { channels[channel] ?? text }
}

/// A run of text in one style.
public struct Span: Sendable, Equatable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = Style()) {
        self.text = text
        self.style = style
    }
}

/// One line of styled text, as the detail pane and overlays lay it out.
public struct StyledLine: Sendable, Equatable {
    public var spans: [Span]

    public init(_ spans: [Span] = []) { self.spans = spans }
    public init(_ text: String, _ style: Style = Style()) { spans = [Span(text, style)] }
}

extension StyledLine {
    /// The cells this line takes in a row `width` columns wide, up to the last one it used:
    /// drawn once, to be pasted into frames (``Buffer/paste(_:row:column:maxWidth:)``) rather
    /// than cleaned and measured for each.
    func cells(width: Int) -> ArraySlice<Cell> {
        guard width > 0 else { return [] }
        var row = Buffer(width: width, height: 1)
        let used = row.write(self, row: 0, column: 0, maxWidth: width)
        return row.cells(row: 0).prefix(used)
    }
}

extension Buffer {
    /// Writes spans one after another from `column`, within `maxWidth` columns; returns the
    /// columns used.
    @discardableResult
    public mutating func write(_ line: StyledLine, row: Int, column: Int, maxWidth: Int) -> Int {
        var used = 0
        for span in line.spans where used < maxWidth {
            used += write(span.text, row: row, column: column + used, style: span.style, maxWidth: maxWidth - used)
        }
        return used
    }
}
