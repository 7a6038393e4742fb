import LeadlineTerminal
import LeadlineUI
import Testing

extension CursesScreenTests {
    @Test("The terminal's colours decide the depth; NO_COLOR and monochrome terminals get attributes only", arguments: [
        ("xterm-256color", [String: String](), true, ColorDepth.colors256),
        ("xterm-256color", ["COLORTERM": "truecolor"], true, .colors256),
        ("xterm", [:], true, .colors8),
        ("vt100", [:], true, .monochrome),
        ("xterm-256color", ["NO_COLOR": "1"], false, .monochrome),
    ])
    func depthOfHeadlessTerminal(terminal: String, environment: [String: String], colors: Bool, depth: ColorDepth) throws {
        let screen = try CursesScreen(headlessRows: 5, columns: 20, terminal: terminal)
        defer { screen.close() }
        screen.prepareForUI(mouse: false, colors: colors)
        #expect(screen.colorDepth(environment: environment) == depth)
    }

    @Test("A palette allocates one pair per colour combination, none in monochrome")
    func paletteAllocatesPairs() throws {
        let screen = try CursesScreen(headlessRows: 5, columns: 20)
        defer { screen.close() }
        screen.prepareForUI(mouse: false)
        var palette = ColorPalette(depth: screen.colorDepth(environment: [:]))
        let selection = palette.resolve(Style(foreground: .ansi(0), background: .ansi(6)))
        #expect(selection.attributes == [] && selection.pair > 0)
        #expect(palette.resolve(Style(foreground: .ansi(0), background: .ansi(6), attributes: .bold)) == (.bold, selection.pair))
        #expect(palette.resolve(Style(attributes: .dim)) == (.dim, 0))
        #expect(palette.resolve(Style(foreground: .rgb(0x56, 0xb6, 0xc2))).pair != selection.pair)

        var mono = ColorPalette(depth: .monochrome)
        #expect(mono.resolve(Style(foreground: .ansi(0), background: .ansi(6))) == (.reverse, 0))
        #expect(mono.resolve(Style(foreground: .ansi(9), attributes: .bold)) == (.bold, 0))
    }
}

@Suite("ncurses colour numbers")
struct ColorNumberTests {
    @Test("Truecolor: ANSI 0–7 stay palette entries, everything else is 0xRRGGBB")
    func direct() {
        #expect(ColorPalette.number(.default, depth: .trueColor) == -1)
        #expect(ColorPalette.number(.ansi(6), depth: .trueColor) == 6)
        #expect(ColorPalette.number(.ansi(9), depth: .trueColor) == 0xff0000)
        #expect(ColorPalette.number(.indexed(196), depth: .trueColor) == 0xff0000)
        #expect(ColorPalette.number(.rgb(0x56, 0xb6, 0xc2), depth: .trueColor) == 0x56b6c2)
        #expect(ColorPalette.number(.rgb(0, 0, 0), depth: .trueColor) == 8)
    }

    @Test("Palette depths: the index itself")
    func indexed() {
        #expect(ColorPalette.number(.indexed(73), depth: .colors256) == 73)
        #expect(ColorPalette.number(.ansi(12), depth: .colors16) == 12)
        #expect(ColorPalette.number(.ansi(3), depth: .colors8) == 3)
        #expect(ColorPalette.number(.default, depth: .colors8) == -1)
    }
}
