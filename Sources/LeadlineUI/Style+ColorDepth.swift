extension Color {
    /// This colour as the nearest one a terminal of `depth` has.
    ///
    /// 256 colours: `#rrggbb` becomes the nearest cube or grey entry. 16: anything beyond the
    /// ANSI colours becomes the nearest of them. 8: bright colours become their normal
    /// counterparts (``Style/degraded(to:)`` adds bold to a foreground, as terminals show bold
    /// as bright). Monochrome: the terminal's default.
    public func degraded(to depth: ColorDepth) -> Color {
        switch (depth, self) {
        case (_, .default), (.trueColor, _): return self
        case (.monochrome, _): return .default
        case (.colors256, .rgb(let red, let green, let blue)): return .indexed(UInt8(ColorMath.nearest256(red, green, blue)))
        case (.colors256, _): return self
        case (.colors16, _): return ansi16.map { .ansi(UInt8($0)) } ?? .default
        case (.colors8, _): return ansi16.map { .ansi(UInt8($0 % 8)) } ?? .default
        }
    }

    /// The nearest of the 16 ANSI colours; nil for the terminal's default.
    var ansi16: Int? {
        switch self {
        case .default: return nil
        case .ansi(let index): return Int(index % 16)
        case .indexed(let index): return index < 16 ? Int(index) : ColorMath.nearestBasic(ColorMath.rgb(ofIndexed: index), count: 16)
        case .rgb(let red, let green, let blue): return ColorMath.nearestBasic((red, green, blue), count: 16)
        }
    }
}

extension Style {
    /// This style as a terminal of `depth` can draw it.
    ///
    /// On 8 colours a bright foreground becomes the normal colour in bold. With no colours at
    /// all, a style that stood out by its background (a selection, the status line) is drawn
    /// reversed instead, so it still stands out.
    public func degraded(to depth: ColorDepth) -> Style {
        var style = Style(foreground: foreground.degraded(to: depth), background: background.degraded(to: depth), attributes: attributes)
        switch depth {
        case .colors8:
            if let index = foreground.ansi16, index >= 8 { style.attributes.insert(.bold) }
        case .monochrome:
            if background != .default, !attributes.contains(.reverse) { style.attributes.insert(.reverse) }
        case .trueColor, .colors256, .colors16:
            break
        }
        return style
    }
}
