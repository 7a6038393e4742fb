import Testing
@testable import LeadlineUI

@Suite("Colour depth: detection and degradation tables")
struct ColorDepthTests {
    @Test("Depth from COLORS, NO_COLOR and COLORTERM", arguments: [
        (0, [String: String](), ColorDepth.monochrome),
        (2, [:], .monochrome),
        (8, [:], .colors8),
        (16, [:], .colors16),
        (88, [:], .colors16),
        (256, [:], .colors256),
        (256, ["COLORTERM": "truecolor"], .colors256),
        (1 << 24, ["COLORTERM": "truecolor"], .trueColor),
        (1 << 24, ["COLORTERM": "24bit"], .trueColor),
        (1 << 24, ["COLORTERM": "yes"], .colors8),
        (1 << 24, [:], .colors8),
        (256, ["NO_COLOR": "1"], .monochrome),
        (1 << 24, ["NO_COLOR": "yes please", "COLORTERM": "truecolor"], .monochrome),
        (256, ["NO_COLOR": ""], .colors256),
    ])
    func detect(colors: Int, environment: [String: String], depth: ColorDepth) {
        #expect(ColorDepth.detect(colors: colors, environment: environment) == depth)
    }

    @Test("#rrggbb → nearest xterm-256 index", arguments: [
        (0x00, 0x00, 0x00, 16), (0xff, 0xff, 0xff, 231), (0xff, 0x00, 0x00, 196), (0x00, 0x00, 0xff, 21),
        (0x5f, 0xaf, 0xd7, 74), (0x80, 0x80, 0x80, 244), (0x08, 0x08, 0x08, 232), (0xee, 0xee, 0xee, 255),
        (0x56, 0xb6, 0xc2, 73), (0x1f, 0x24, 0x30, 235),
    ])
    func nearest256(red: Int, green: Int, blue: Int, index: Int) {
        #expect(ColorMath.nearest256(UInt8(red), UInt8(green), UInt8(blue)) == index)
        #expect(Color.rgb(UInt8(red), UInt8(green), UInt8(blue)).degraded(to: .colors256) == .indexed(UInt8(index)))
    }

    @Test("256 → 16", arguments: [
        (196, 9), (160, 1), (21, 4), (244, 8), (231, 15), (16, 0), (46, 10), (226, 11), (7, 7), (12, 12),
    ])
    func table256to16(index: Int, ansi: Int) {
        #expect(Color.indexed(UInt8(index)).degraded(to: .colors16) == .ansi(UInt8(ansi)))
    }

    @Test("16 → 8: bright colours become normal ones, in bold when they are the foreground", arguments: 0..<16)
    func table16to8(index: Int) {
        let style = Style(foreground: .ansi(UInt8(index)), background: .ansi(UInt8(index))).degraded(to: .colors8)
        #expect(style.foreground == .ansi(UInt8(index % 8)))
        #expect(style.background == .ansi(UInt8(index % 8)))
        #expect(style.attributes == (index >= 8 ? .bold : []))
    }

    @Test("#rrggbb on 16 and 8 colours")
    func rgbToBasic() {
        #expect(Color.rgb(0xe5, 0xe5, 0x00).degraded(to: .colors16) == .ansi(3))
        #expect(Color.rgb(0x1f, 0x24, 0x30).degraded(to: .colors16) == .ansi(0))
        #expect(Color.rgb(0xf0, 0x10, 0x10).degraded(to: .colors16) == .ansi(9))
        #expect(Style(foreground: .rgb(0xf0, 0x10, 0x10)).degraded(to: .colors8) == Style(foreground: .ansi(1), attributes: .bold))
        #expect(Style(background: .rgb(0xf0, 0x10, 0x10)).degraded(to: .colors8) == Style(background: .ansi(1)))
    }

    @Test("Truecolor keeps everything; the default colour stays the default everywhere", arguments: ColorDepth.allCases)
    func identities(depth: ColorDepth) {
        #expect(Color.default.degraded(to: depth) == .default)
        let style = Style(foreground: .rgb(1, 2, 3), background: .indexed(200), attributes: .italic)
        if depth == .trueColor { #expect(style.degraded(to: depth) == style) }
    }

    @Test("Monochrome: no colours; what stood out by its background is reversed")
    func monochrome() {
        #expect(Style(foreground: .ansi(9), attributes: .bold).degraded(to: .monochrome) == Style(attributes: .bold))
        #expect(Style(foreground: .ansi(0), background: .ansi(6)).degraded(to: .monochrome) == Style(attributes: .reverse))
        #expect(Style(background: .rgb(9, 9, 9), attributes: .reverse).degraded(to: .monochrome) == Style(attributes: .reverse))
        let theme = Theme.standard
        for style in [theme.selection, theme.statusLine, theme.searchMatch, theme.selectionUnfocused] {
            #expect(style.degraded(to: .monochrome).attributes.contains(.reverse))
        }
    }

    @Test("SGR sequences for samples outside ncurses")
    func sgr() {
        #expect(Style().sgr(depth: .trueColor) == "")
        #expect(Style(foreground: .ansi(1)).sgr(depth: .colors16) == "\u{1B}[31m")
        #expect(Style(foreground: .ansi(9), background: .ansi(12)).sgr(depth: .colors16) == "\u{1B}[91;104m")
        #expect(Style(foreground: .ansi(9)).sgr(depth: .colors8) == "\u{1B}[1;31m")
        #expect(Style(foreground: .rgb(0x56, 0xb6, 0xc2), attributes: [.bold, .underline]).sgr(depth: .trueColor) == "\u{1B}[1;4;38;2;86;182;194m")
        #expect(Style(foreground: .rgb(0x56, 0xb6, 0xc2), background: .indexed(200)).sgr(depth: .colors256) == "\u{1B}[38;5;73;48;5;200m")
        #expect(Style(foreground: .ansi(0), background: .ansi(6), attributes: .dim).sgr(depth: .monochrome) == "\u{1B}[2;7m")
    }
}
