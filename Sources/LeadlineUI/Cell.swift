import Synchronization

/// One column of a ``Buffer``: a grapheme, how many columns it spans, and its style.
///
/// A wide grapheme (CJK, most emoji) lives in the cell where it starts, with
/// `width` 2; the cell to its right is a continuation cell with an empty
/// grapheme and `width` 0, which renderers skip.
///
/// A cell holds no reference: its grapheme's UTF-8 is stored inline (up to 15 bytes, nearly every
/// grapheme) or, for longer ones such as family emoji, as a number in a shared table. Copying a
/// cell is then copying bytes, where a `String` per cell made every frame of 12,000 cells retain
/// and release as many strings.
public struct Cell: Sendable, Equatable {
    /// The grapheme's UTF-8, little-endian from `low` into `high`; the top byte of `high` is the
    /// length, or 0xFF when `low` is an index into ``LongGraphemes``.
    private var low: UInt64
    private var high: UInt64
    /// Columns the grapheme spans: 1 or 2, or 0 for a continuation cell.
    public var width: Int {
        get { Int(columns) }
        set { columns = UInt8(clamping: newValue) }
    }
    /// ``width``, stored in a byte so a cell is 32 bytes rather than 40: a frame is 12,000 of them.
    private var columns: UInt8
    /// Colours and attributes the grapheme is drawn with.
    public var style: Style

    /// Creates a cell. The caller is responsible for `width` matching the grapheme.
    public init(grapheme: String, width: Int, style: Style = Style()) {
        (low, high) = Self.pack(grapheme)
        columns = UInt8(clamping: width)
        self.style = style
    }

    /// A cell of one printable ASCII byte, with no string made on the way.
    init(ascii byte: UInt8, style: Style) {
        low = UInt64(byte)
        high = 1 << 56
        columns = 1
        self.style = style
    }

    /// A cell of one scalar, packed from its UTF-8 with no string made on the way. The caller is
    /// responsible for `width` matching the scalar.
    init(scalar: Unicode.Scalar, width: Int, style: Style) {
        var packed: UInt64 = 0
        var length = 0
        for byte in UTF8.encode(scalar)! {
            packed |= UInt64(byte) << (8 * length)
            length += 1
        }
        self.init(utf8: packed, count: length, width: width, style: style)
    }

    /// A cell of a grapheme whose `count` (at most 8) UTF-8 bytes are `packed` little-endian.
    /// The caller is responsible for `width` matching it.
    init(utf8 packed: UInt64, count: Int, width: Int, style: Style) {
        low = packed
        high = UInt64(count) << 56
        columns = UInt8(clamping: width)
        self.style = style
    }

    /// The text drawn in this column: one grapheme, or "" in a continuation cell.
    public var grapheme: String {
        get {
            let length = Int(high >> 56)
            if length == 0xFF { return LongGraphemes.shared.grapheme(at: Int(truncatingIfNeeded: low)) }
            var bytes = (low, high & 0x00FF_FFFF_FFFF_FFFF)
            return withUnsafeBytes(of: &bytes) { String(decoding: $0.prefix(length), as: UTF8.self) }
        }
        set { (low, high) = Self.pack(newValue) }
    }

    private static func pack(_ grapheme: String) -> (UInt64, UInt64) {
        var text = grapheme
        return text.withUTF8 { utf8 in
            guard utf8.count <= 15 else {
                return (UInt64(truncatingIfNeeded: LongGraphemes.shared.index(of: grapheme)), 0xFF << 56)
            }
            var packed: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &packed) { raw in
                for (offset, byte) in utf8.enumerated() { raw[offset] = byte }
            }
            return (packed.0, packed.1 | UInt64(utf8.count) << 56)
        }
    }

    /// A space in the default style: what an empty buffer holds.
    public static let blank = Cell(grapheme: " ", width: 1)

    /// A space in `style`, for clearing an area while keeping its colours.
    public static func blank(_ style: Style) -> Cell {
        Cell(ascii: 0x20, style: style)
    }

    /// Whether this is the right half of a wide grapheme rather than a grapheme of its own.
    public var isContinuation: Bool { width == 0 }
}

/// Graphemes longer than a cell holds inline, numbered in the order first seen.
///
/// Bounded: vendor text could otherwise grow it without end with ever new long sequences. Past
/// the bound a new one is drawn as U+FFFD; the ones already numbered keep drawing.
final class LongGraphemes: Sendable {
    static let shared = LongGraphemes()
    static let limit = 65_536

    private let table = Mutex<(graphemes: [String], numbers: [String: Int])>(([], [:]))

    func index(of grapheme: String) -> Int {
        table.withLock { table in
            if let number = table.numbers[grapheme] { return number }
            guard table.graphemes.count < Self.limit else { return -1 }
            table.graphemes.append(grapheme)
            table.numbers[grapheme] = table.graphemes.count - 1
            return table.graphemes.count - 1
        }
    }

    func grapheme(at index: Int) -> String {
        table.withLock { table in table.graphemes.indices.contains(index) ? table.graphemes[index] : "\u{FFFD}" }
    }
}
