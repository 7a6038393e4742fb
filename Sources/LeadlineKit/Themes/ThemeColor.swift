/// A colour as a theme file writes it: the terminal's default, an ANSI name, a 256-colour index
/// or `#rrggbb`.
public enum ThemeColor: Sendable, Hashable {
    /// The terminal's own foreground or background.
    case `default`
    /// One of the 16 named ANSI colours: 0–7 normal, 8–15 bright.
    case ansi(UInt8)
    /// An entry of the 256-colour palette, written as a number.
    case indexed(UInt8)
    /// A 24-bit colour, written `#rrggbb`.
    case rgb(UInt8, UInt8, UInt8)

    /// The 16 ANSI names in palette order: `black` is 0, `bright_white` is 15.
    public static let ansiNames: [String] = {
        let base = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        return base + base.map { "bright_" + $0 }
    }()

    /// Reads a colour as written in a theme: `"default"`, an ANSI name, `"0"`–`"255"` or
    /// `"#rrggbb"` (case-insensitive); nil for anything else.
    public init?(parsing text: String) {
        let lowered = text.lowercased()
        if lowered == "default" {
            self = .default
        } else if let index = Self.ansiNames.firstIndex(of: lowered) {
            self = .ansi(UInt8(index))
        } else if let number = UInt8(lowered), lowered.allSatisfy(\.isASCII) {
            self = .indexed(number)
        } else if lowered.hasPrefix("#"), lowered.count == 7, lowered.dropFirst().allSatisfy(\.isHexDigit),
                  let value = UInt32(lowered.dropFirst(), radix: 16) {
            self = .rgb(UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff))
        } else {
            return nil
        }
    }
}

/// A text attribute a theme may ask for.
public enum ThemeAttribute: String, Sendable, Hashable, CaseIterable {
    case bold, dim, underline, reverse, italic
}

/// One semantic style of a theme as written: each part may be left out (and then comes from the
/// inherited theme, or is the terminal's plain look).
public struct ThemeStyle: Sendable, Hashable {
    public var foreground: ThemeColor?
    public var background: ThemeColor?
    public var attributes: [ThemeAttribute]?

    public init(foreground: ThemeColor? = nil, background: ThemeColor? = nil, attributes: [ThemeAttribute]? = nil) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// This style with every part `other` sets taking its place.
    public func overridden(by other: ThemeStyle) -> ThemeStyle {
        ThemeStyle(
            foreground: other.foreground ?? foreground, background: other.background ?? background,
            attributes: other.attributes ?? attributes)
    }
}

/// The semantic keys of a theme file (DESIGN §5); the raw value is the TOML table name.
public enum ThemeRole: String, Sendable, Hashable, CaseIterable {
    case text
    case muted
    case border
    case borderFocused = "border_focused"
    case title
    case heading
    case selection
    case selectionUnfocused = "selection_unfocused"
    case statusLine = "status_line"
    case daySeparator = "day_separator"
    case directionInbound = "direction_inbound"
    case directionOutbound = "direction_outbound"
    case statusOK = "status_ok"
    case statusWarn = "status_warn"
    case statusError = "status_error"
    case channelCall = "channel_call"
    case channelWhatsApp = "channel_whatsapp"
    case channelEmail = "channel_email"
    case channelSMS = "channel_sms"
    case channelChat = "channel_chat"
    case channelSystem = "channel_system"
    case searchMatch = "search_match"
}
