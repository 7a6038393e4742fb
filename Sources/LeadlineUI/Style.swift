/// How a cell is drawn: colours and text attributes.
///
/// The default value is the terminal's default colours with no attributes.
public struct Style: Sendable, Hashable {
    /// Text attributes a terminal can render; combine them as a set, e.g. `[.bold, .underline]`.
    public struct Attributes: OptionSet, Sendable, Hashable {
        /// The bit pattern of the set; bits outside the named attributes are ignored by renderers.
        public let rawValue: UInt8

        /// Creates a set from its bit pattern.
        public init(rawValue: UInt8) {
            self.rawValue = rawValue
        }

        /// Heavier or brighter text.
        public static let bold = Attributes(rawValue: 1 << 0)
        /// Fainter text; many terminals render it as a dimmer colour.
        public static let dim = Attributes(rawValue: 1 << 1)
        /// Underlined text.
        public static let underline = Attributes(rawValue: 1 << 2)
        /// Foreground and background swapped.
        public static let reverse = Attributes(rawValue: 1 << 3)
        /// Italic text; terminals without italics may ignore it or show another attribute.
        public static let italic = Attributes(rawValue: 1 << 4)
    }

    /// The text colour.
    public var foreground: Color
    /// The cell's background colour.
    public var background: Color
    /// Attributes such as bold or reverse.
    public var attributes: Attributes

    /// Creates a style; every part defaults to the terminal's plain look.
    public init(foreground: Color = .default, background: Color = .default, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}
