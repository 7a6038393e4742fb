/// Measures how many terminal columns text occupies, and cuts or pads it to a width.
///
/// Widths follow glibc's `wcwidth`, which xterm, tmux and ncurses use: East
/// Asian Wide and Fullwidth characters and emoji-presentation emoji take two
/// columns, combining marks and most format characters take none, everything
/// else one. East Asian Ambiguous characters count as one, as in a non-CJK
/// locale. A grapheme cluster (ZWJ sequence, base plus marks) is as wide as its
/// base, except that VS16 widens a text-presentation emoji to two.
///
/// One deliberate difference: flags (regional indicator pairs) are 2, as
/// terminals draw them, where `wcwidth` says 1 per indicator.
public enum DisplayWidth {
    /// Returns the columns `character` occupies: 0, 1 or 2.
    ///
    /// Control characters and lone zero-width characters (combining marks,
    /// U+200B and the like) are 0. An emoji base followed by VS16 (U+FE0F) is 2
    /// even when the base alone is text-presentation, such as U+2764 U+FE0F.
    public static func of(_ character: Character) -> Int {
        // Not `character.asciiValue`: for any other character it compares with "\r\n" as
        // strings, which normalises, and this runs for every character drawn off the fast paths.
        // "\r\n" is two controls here, so it has width 0 all the same.
        let scalars = character.unicodeScalars
        guard let base = scalars.first else { return 0 }
        if scalars.index(after: scalars.startIndex) == scalars.endIndex { return width(of: base) }
        if isZWJSequence(scalars) { return width(of: base) }
        return scalars.reduce(0) { $0 + width(of: $1) }
    }

    /// Whether `character` goes into a cell whole, so ``terminalUnits(_:)`` would give it back
    /// as it is.
    public static func isOneUnit(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        return scalars.index(after: scalars.startIndex) == scalars.endIndex || isZWJSequence(scalars)
            || !scalars.dropFirst().contains(where: { width(of: $0) > 0 })
    }

    /// The pieces of a grapheme that go into terminal cells of their own.
    ///
    /// ncurses gives a cell the width of its first scalar, and terminals (tmux, xterm, VTE) draw
    /// scalar by scalar with the C library's widths, joining only ZWJ emoji sequences and
    /// regional-indicator pairs into one picture. So a grapheme is split before every scalar
    /// that takes a column — Indic conjuncts and vowel signs, a flag's two letters, an emoji and
    /// its skin-tone modifier — each piece keeping the zero-width marks after it; a ZWJ
    /// sequence stays whole. Measured this way, leadline, ncurses and the terminal agree on
    /// where every character of a line goes.
    public static func terminalUnits(_ character: Character) -> [String] {
        guard !isOneUnit(character) else { return [String(character)] }
        let scalars = character.unicodeScalars
        var units: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in scalars {
            if !current.isEmpty, width(of: scalar) > 0 {
                units.append(String(current))
                current = String.UnicodeScalarView()
            }
            current.append(scalar)
        }
        if !current.isEmpty { units.append(String(current)) }
        return units
    }

    /// An emoji ZWJ sequence (👩‍👩‍👧): terminals draw it as one picture as wide as its first emoji.
    private static func isZWJSequence(_ scalars: Character.UnicodeScalarView) -> Bool {
        guard let base = scalars.first, base.properties.isEmoji else { return false }
        return scalars.contains("\u{200D}")
    }

    /// Returns the columns `string` occupies: the sum of its graphemes' widths.
    public static func of(_ string: String) -> Int {
        if let width = printableASCIIWidth(string) { return width }
        return string.reduce(0) { $0 + of($1) }
    }

    /// Returns the longest prefix of `string` that fits in `toWidth` columns, marking any cut.
    ///
    /// Graphemes are never split. When something is cut, `ellipsis` is appended
    /// and the prefix shortened to make room; an ellipsis wider than `toWidth` is
    /// left off. The result's width never exceeds `toWidth` (but may be one less
    /// when a wide grapheme sits at the cut). A non-positive width gives "".
    public static func truncate(_ string: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        guard of(string) > width else { return string }
        let ellipsis = of(ellipsis) <= width ? ellipsis : ""
        return String(prefix(of: string, fitting: width - of(ellipsis))) + ellipsis
    }

    /// Returns `string` truncated to `toWidth` columns, then right-padded with spaces to exactly that width.
    ///
    /// Truncation is as in ``truncate(_:toWidth:ellipsis:)`` with the default
    /// ellipsis. A non-positive width gives "".
    public static func pad(_ string: String, toWidth width: Int) -> String {
        let (text, used) = fit(string, toWidth: width)
        return used < width ? text + String(repeating: " ", count: width - used) : text
    }

    /// ``pad(_:toWidth:)`` without the padding: the text, truncated as it truncates, and the
    /// columns it takes; for a caller that fills the rest of the width itself.
    public static func fit(_ string: String, toWidth width: Int) -> (text: String, width: Int) {
        guard width > 0 else { return ("", 0) }
        if let columns = printableASCIIWidth(string) {
            // Cut, it is `width - 1` letters and the ellipsis.
            return columns <= width ? (string, columns) : (truncate(string, toWidth: width), width)
        }
        if let fitted = fitScalarByScalar(string, toWidth: width) { return fitted }
        // One walk that stops just past the width, however long the text: a row is fitted on
        // every frame, and the text may be a whole email.
        var used = 0
        var kept = string.startIndex
        var keptWidth = 0
        var index = string.startIndex
        while index < string.endIndex {
            let next = string.index(after: index)
            let characterWidth = of(string[index])
            if used + characterWidth > width {
                return (String(string[..<kept]) + "…", keptWidth + 1)
            }
            used += characterWidth
            if used <= width - 1 {
                kept = next
                keptWidth = used
            }
            index = next
        }
        return (string, used)
    }

    /// ``fit(_:toWidth:)`` walking scalars instead of graphemes, which is several times cheaper;
    /// nil as soon as it meets a scalar that may join the one before it into one grapheme (a
    /// mark, a joiner, a spacing vowel sign, a flag letter, anything outside the Basic
    /// Multilingual Plane), where the grapheme walk must decide.
    private static func fitScalarByScalar(_ string: String, toWidth width: Int) -> (text: String, width: Int)? {
        let scalars = string.unicodeScalars
        var used = 0
        var kept = scalars.startIndex
        var keptWidth = 0
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard scalar.value < 0x1_0000, basicPlaneStandsAlone[Int(scalar.value)] else { return nil }
            let scalarWidth = Self.width(of: scalar)
            if used + scalarWidth > width {
                return (String(string[..<kept]) + "…", keptWidth + 1)
            }
            used += scalarWidth
            index = scalars.index(after: index)
            if used <= width - 1 {
                kept = index
                keptWidth = used
            }
        }
        return (string, used)
    }

    /// Whether a Basic Multilingual Plane scalar is always a grapheme of its own: it takes a
    /// column, and no grapheme rule joins it to the scalar before it (marks and joiners take
    /// none; spacing marks, Hangul leading consonants, prepended marks and the half-width kana
    /// voice marks are the rest).
    private static let basicPlaneStandsAlone: [Bool] = (0..<0x1_0000).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)), basicPlaneWidths[value] > 0 else { return false }
        if scalar.properties.generalCategory == .spacingMark || scalar.properties.isGraphemeExtend { return false }
        switch value {
        case 0x1100...0x115F, 0xA960...0xA97F, 0x0E33, 0x0EB3, 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x0D4E, 0xFF9E...0xFF9F:
            return false
        default:
            return true
        }
    }

    /// The longest whole-grapheme prefix of `string` no wider than `budget`.
    private static func prefix(of string: String, fitting budget: Int) -> Substring {
        if printableASCIIWidth(string) != nil {
            return string[..<string.utf8.index(string.startIndex, offsetBy: min(budget, string.utf8.count))]
        }
        var used = 0
        var end = string.startIndex
        for index in string.indices {
            used += of(string[index])
            if used > budget { break }
            end = string.index(after: index)
        }
        return string[..<end]
    }

    private static func isPrintableASCII(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x7F
    }

    /// The width of `string` when it is entirely printable ASCII, else nil.
    private static func printableASCIIWidth(_ string: String) -> Int? {
        var count = 0
        for byte in string.utf8 {
            guard isPrintableASCII(byte) else { return nil }
            count += 1
        }
        return count
    }

    /// The columns one scalar takes. Basic Multilingual Plane scalars come from a table built on
    /// first use: asking Unicode's property tables per scalar made drawing a frame of accented
    /// or CJK text cost milliseconds.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x80 { return isPrintableASCII(UInt8(value)) ? 1 : 0 }
        if value < 0x1_0000 { return Int(basicPlaneWidths[Int(value)]) }
        return computeWidth(of: scalar)
    }

    private static let basicPlaneWidths: [UInt8] = (0..<0x1_0000).map { value in
        Unicode.Scalar(UInt32(value)).map { UInt8(computeWidth(of: $0)) } ?? 0
    }

    private static func computeWidth(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x80 { return isPrintableASCII(UInt8(value)) ? 1 : 0 }
        switch scalar.properties.generalCategory {
        case .control, .nonspacingMark, .enclosingMark, .lineSeparator, .paragraphSeparator:
            return 0
        case .format:
            // glibc draws the soft hyphen and the prepended concatenation marks
            // (Arabic number signs and the like); other format characters are invisible.
            return isVisibleFormat(value) ? 1 : 0
        default:
            break
        }
        // Regional indicators are emoji but glibc (and so ncurses) gives each letter one column.
        if (0x1F1E6...0x1F1FF).contains(value) { return 1 }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        // Hangul medial vowels and final consonants join the preceding leading
        // consonant into one wide syllable.
        return (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) ? 0 : 1
    }

    private static func isVisibleFormat(_ value: UInt32) -> Bool {
        switch value {
        case 0x00AD, 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x110BD, 0x110CD: true
        default: false
        }
    }

    private static func isWide(_ value: UInt32) -> Bool {
        guard value >= wideRanges[0].lowerBound else { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// East Asian Wide and Fullwidth blocks, sorted. Emoji are left to
    /// `isEmojiPresentation`: the pictograph blocks also hold text-presentation
    /// symbols (🌡 U+1F321) that glibc, and so ncurses, draws one column wide.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo leading consonants
        0x2329...0x232A,  // angle brackets
        0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK punctuation
        0x3041...0x33FF,  // kana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
        0x3400...0x4DFF,  // CJK Extension A, Yijing hexagrams
        0x4E00...0x9FFF,  // CJK Unified Ideographs
        0xA000...0xA4CF,  // Yi
        0xA960...0xA97F,  // Hangul Jamo Extended-A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19,  // vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // fullwidth forms
        0xFFE0...0xFFE6,  // fullwidth signs
        0x16FE0...0x18D7F,  // ideographic symbols, Tangut, Khitan
        0x1AFF0...0x1B2FF,  // kana extensions and supplement, Nushu
        0x1F1E6...0x1F1FF,  // regional indicators, so a flag is as wide as its first half
        0x1F200...0x1F2FF,  // enclosed ideographic supplement
        0x20000...0x2FFFD,  // CJK Extensions B–F, compatibility supplement
        0x30000...0x3FFFD,  // CJK Extensions G and later
    ]
}
