/// One column of a ``Buffer``: a grapheme, how many columns it spans, and its style.
///
/// A wide grapheme (CJK, most emoji) lives in the cell where it starts, with
/// `width` 2; the cell to its right is a continuation cell with an empty
/// grapheme and `width` 0, which renderers skip.
public struct Cell: Sendable, Equatable {
    /// The text drawn in this column: one grapheme, or "" in a continuation cell.
    public var grapheme: String
    /// Columns the grapheme spans: 1 or 2, or 0 for a continuation cell.
    public var width: Int
    /// Colours and attributes the grapheme is drawn with.
    public var style: Style

    /// Creates a cell. The caller is responsible for `width` matching the grapheme.
    public init(grapheme: String, width: Int, style: Style = Style()) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    /// A space in the default style: what an empty buffer holds.
    public static let blank = Cell(grapheme: " ", width: 1)

    /// A space in `style`, for clearing an area while keeping its colours.
    public static func blank(_ style: Style) -> Cell {
        Cell(grapheme: " ", width: 1, style: style)
    }

    /// Whether this is the right half of a wide grapheme rather than a grapheme of its own.
    public var isContinuation: Bool { width == 0 }
}
