import CNcursesw
import Foundation
import LeadlineUI

extension CursesScreen {
    /// Puts the terminal in the mode the UI wants: no echo, keys one at a time with a short Esc
    /// delay, function keys decoded, mouse clicks and wheel reported, cursor hidden, colours on.
    public func prepareForUI(mouse: Bool = true) {
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        if has_colors() {
            start_color()
            use_default_colors()
        }
        if mouse {
            mousemask(ll_BUTTON1_PRESSED() | ll_BUTTON4_PRESSED() | ll_BUTTON5_PRESSED(), nil)
            mouseinterval(0)
        }
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
                let pair = palette.pair(for: cell.style)
                put(cell.grapheme.isEmpty ? " " : cell.grapheme, row: row, column: column,
                    attributes: cell.style.attributes, colorPair: pair)
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

/// Maps styles to ncurses colour pairs, allocating pairs as new colour combinations appear.
///
/// Colours degrade to what the terminal has: 256-colour terminals get the nearest xterm-256
/// colour for `#rrggbb`, 8/16-colour ones the nearest basic colour, monochrome ones none.
public struct ColorPalette {
    private var pairs: [Key: Int] = [:]
    private let colors: Int
    private let maxPairs: Int

    private struct Key: Hashable {
        var foreground: Int
        var background: Int
    }

    /// A palette for the terminal ncurses is driving now.
    public init() {
        colors = has_colors() ? Int(ll_COLORS()) : 0
        maxPairs = has_colors() ? Int(ll_COLOR_PAIRS()) : 0
    }

    /// The pair for a style's colours; 0 (the terminal's defaults) when colours are off or
    /// the pairs ran out.
    public mutating func pair(for style: Style) -> Int {
        guard colors >= 8 else { return 0 }
        let key = Key(foreground: number(style.foreground), background: number(style.background))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        let pair = pairs.count + 1
        guard pair < maxPairs, init_pair(Int16(pair), Int16(key.foreground), Int16(key.background)) == ll_OK() else { return 0 }
        pairs[key] = pair
        return pair
    }

    private func number(_ color: Color) -> Int {
        switch color {
        case .default: return -1
        case .ansi(let index): return colors >= 16 ? Int(index) : Int(index % 8)
        case .indexed(let index): return colors >= 256 ? Int(index) : ColorMath.nearestBasic(ColorMath.rgb(ofIndexed: index), count: min(colors, 16))
        case .rgb(let red, let green, let blue):
            return colors >= 256 ? ColorMath.nearest256(red, green, blue) : ColorMath.nearestBasic((red, green, blue), count: min(colors, 16))
        }
    }
}

/// Colour arithmetic for degrading truecolor themes.
public enum ColorMath {
    static let basic: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The xterm-256 index closest to an RGB colour (from the 6×6×6 cube or the grey ramp).
    public static func nearest256(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> Int {
        func cubeLevel(_ value: UInt8) -> Int { value < 48 ? 0 : value < 115 ? 1 : (Int(value) - 35) / 40 }
        let levels = [0, 95, 135, 175, 215, 255]
        let (r, g, b) = (cubeLevel(red), cubeLevel(green), cubeLevel(blue))
        let cube = (levels[r], levels[g], levels[b])
        let average = (Int(red) + Int(green) + Int(blue)) / 3
        let greyIndex = average > 238 ? 23 : max(0, (average - 3) / 10)
        let grey = 8 + greyIndex * 10
        let cubeDistance = distance((red, green, blue), (UInt8(cube.0), UInt8(cube.1), UInt8(cube.2)))
        let greyDistance = distance((red, green, blue), (UInt8(grey), UInt8(grey), UInt8(grey)))
        return greyDistance < cubeDistance ? 232 + greyIndex : 16 + 36 * r + 6 * g + b
    }

    /// The closest of the first `count` (8 or 16) basic colours.
    public static func nearestBasic(_ color: (UInt8, UInt8, UInt8), count: Int) -> Int {
        let candidates = basic.prefix(max(1, count))
        return candidates.indices.min { distance(color, candidates[$0]) < distance(color, candidates[$1]) }!
    }

    /// The RGB value of an xterm-256 colour.
    public static func rgb(ofIndexed index: UInt8) -> (UInt8, UInt8, UInt8) {
        switch index {
        case 0..<16: return basic[Int(index)]
        case 16..<232:
            let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
            let value = Int(index) - 16
            return (levels[value / 36], levels[value / 6 % 6], levels[value % 6])
        default:
            let grey = UInt8(8 + (Int(index) - 232) * 10)
            return (grey, grey, grey)
        }
    }

    static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return dr * dr * 2 + dg * dg * 4 + db * db * 3
    }
}
