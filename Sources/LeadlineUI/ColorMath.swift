/// Colour arithmetic for degrading themes: the xterm palettes as RGB and nearest-colour search.
public enum ColorMath {
    /// xterm's values for the 16 ANSI colours (0–7 normal, 8–15 bright).
    public static let basic: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The xterm-256 index closest to an RGB colour (from the 6×6×6 cube or the grey ramp, never
    /// the 16 ANSI entries, whose values the user may have changed).
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
        let candidates = basic.prefix(max(1, min(count, 16)))
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

    /// A perceptual-ish distance: squared differences weighted 2:4:3 for red, green, blue.
    static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return dr * dr * 2 + dg * dg * 4 + db * db * 3
    }
}
