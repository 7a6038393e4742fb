import CNcursesw
import Foundation
import LeadlineUI

extension CursesScreen {
    /// Puts the terminal in the mode the UI wants: no echo, keys one at a time with a short Esc
    /// delay, function keys decoded, mouse clicks and wheel reported, cursor hidden, and colours
    /// on unless `colors` is false (`NO_COLOR`: ncurses then sends no colour sequences at all).
    public func prepareForUI(mouse: Bool = true, colors: Bool = true) {
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        if colors, has_colors() {
            start_color()
            use_default_colors()
        }
        if mouse {
            mousemask(ll_BUTTON1_PRESSED() | ll_BUTTON4_PRESSED() | ll_BUTTON5_PRESSED(), nil)
            mouseinterval(0)
        }
    }

    /// The colour depth to draw with: what ncurses reports for this terminal (after
    /// ``prepareForUI(mouse:colors:)``) together with `NO_COLOR` and `COLORTERM`.
    public func colorDepth(environment: [String: String]) -> ColorDepth {
        ColorDepth.detect(colors: has_colors() ? Int(ll_COLORS()) : 0, environment: environment)
    }

    /// Copies `buffer` to the screen, writing only cells that differ from `previous`.
    ///
    /// This is the only place a Buffer becomes terminal output; every grapheme in it was
    /// sanitised when it was written into the Buffer.
    public func draw(_ buffer: Buffer, previous: Buffer?, palette: inout ColorPalette) {
        let full = previous == nil || previous!.width != buffer.width || previous!.height != buffer.height
        if full { werase(window) }
        let rows = min(buffer.height, size.rows), columns = min(buffer.width, size.columns)
        for row in 0..<rows {
            for column in 0..<columns {
                let cell = buffer[row: row, column: column]
                if cell.isContinuation { continue }
                if !full, previous![row: row, column: column] == cell {
                    // A wide cell's neighbour may have changed under it; compare that too.
                    if cell.width < 2 || column + 1 >= columns || previous![row: row, column: column + 1] == buffer[row: row, column: column + 1] {
                        continue
                    }
                }
                // A wide grapheme in the last column cannot be drawn; Buffer never puts one there.
                let (attributes, pair) = palette.resolve(cell.style)
                put(cell.grapheme.isEmpty ? " " : cell.grapheme, row: row, column: column,
                    attributes: attributes, colorPair: pair)
            }
        }
        refresh()
    }

    /// Writes bytes straight to the terminal, around ncurses (OSC 52 clipboard).
    public func writeControl(_ text: String) {
        fflush(ll_stdout())
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { pointer in
            var offset = 0
            while offset < pointer.count {
                let written = Foundation.write(STDOUT_FILENO, pointer.baseAddress! + offset, pointer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }
}

/// Maps styles to what ncurses draws at the terminal's colour depth: attributes and a colour
/// pair, allocating pairs as new colour combinations appear.
public struct ColorPalette {
    /// The depth styles are degraded to before drawing.
    public let depth: ColorDepth
    private var resolved: [Style: (attributes: Style.Attributes, pair: Int)] = [:]
    private var pairs: [Key: Int] = [:]
    private let maxPairs: Int

    private struct Key: Hashable {
        var foreground: Int
        var background: Int
    }

    /// A palette for the terminal ncurses is driving now, at `depth`
    /// (``CursesScreen/colorDepth(environment:)``).
    public init(depth: ColorDepth) {
        self.depth = depth
        maxPairs = depth == .monochrome || !has_colors() ? 0 : Int(ll_COLOR_PAIRS())
    }

    /// The attributes and pair to draw `style` with; pair 0 (the terminal's defaults) when
    /// colours are off or the pairs ran out.
    public mutating func resolve(_ style: Style) -> (attributes: Style.Attributes, pair: Int) {
        if let known = resolved[style] { return known }
        let drawn = style.degraded(to: depth)
        let result = (drawn.attributes, pair(drawn))
        resolved[style] = result
        return result
    }

    private mutating func pair(_ style: Style) -> Int {
        guard depth != .monochrome else { return 0 }
        let key = Key(foreground: Self.number(style.foreground, depth: depth), background: Self.number(style.background, depth: depth))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        let pair = pairs.count + 1
        guard pair < maxPairs, ll_init_pair(Int32(pair), Int32(key.foreground), Int32(key.background)) == ll_OK() else { return 0 }
        pairs[key] = pair
        return pair
    }

    /// The ncurses colour number of a colour already degraded to `depth`; -1 for the default.
    ///
    /// With a direct-colour terminfo entry (truecolor), numbers 0–7 are the ANSI palette and
    /// anything higher is `0xRRGGBB`, so brighter and indexed colours are sent as their RGB
    /// value, and an RGB value below 8 (black and near-black blues) is sent as 8, `#000008`.
    public static func number(_ color: Color, depth: ColorDepth) -> Int {
        switch (color, depth) {
        case (.default, _): return -1
        case (.ansi(let index), .trueColor) where index >= 8, (.indexed(let index), .trueColor) where index >= 8:
            return packed(ColorMath.rgb(ofIndexed: index))
        case (.ansi(let index), _), (.indexed(let index), _): return Int(index)
        case (.rgb(let red, let green, let blue), _): return max(8, packed((red, green, blue)))
        }
    }

    private static func packed(_ rgb: (UInt8, UInt8, UInt8)) -> Int {
        Int(rgb.0) << 16 | Int(rgb.1) << 8 | Int(rgb.2)
    }
}
