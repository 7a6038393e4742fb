extension Style {
    /// The ANSI SGR escape sequence that draws this style at `depth` (after degrading it), or ""
    /// for the plain style; for output that does not go through ncurses, such as the samples of
    /// `leadline themes`. End the styled text with `Style.sgrReset`.
    public func sgr(depth: ColorDepth) -> String {
        let style = degraded(to: depth)
        var parameters: [String] = []
        let attributeCodes: [(Attributes, String)] = [(.bold, "1"), (.dim, "2"), (.italic, "3"), (.underline, "4"), (.reverse, "7")]
        for (attribute, code) in attributeCodes where style.attributes.contains(attribute) { parameters.append(code) }
        if let code = Self.sgrCode(style.foreground, normal: 30, bright: 90, extended: 38) { parameters.append(code) }
        if let code = Self.sgrCode(style.background, normal: 40, bright: 100, extended: 48) { parameters.append(code) }
        return parameters.isEmpty ? "" : "\u{1B}[" + parameters.joined(separator: ";") + "m"
    }

    /// Ends a styled run: back to the terminal's plain look.
    public static let sgrReset = "\u{1B}[0m"

    private static func sgrCode(_ color: Color, normal: Int, bright: Int, extended: Int) -> String? {
        switch color {
        case .default: nil
        case .ansi(let index): String(index < 8 ? normal + Int(index) : bright + Int(index) - 8)
        case .indexed(let index): "\(extended);5;\(index)"
        case .rgb(let red, let green, let blue): "\(extended);2;\(red);\(green);\(blue)"
        }
    }
}
