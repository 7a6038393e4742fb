import LeadlineKit

/// A grid of styled cells that widgets draw into and the terminal layer renders.
///
/// Text written through ``write(_:row:column:style:maxWidth:)`` is sanitised, so
/// nothing in a buffer can act on the terminal. The buffer keeps wide graphemes
/// whole: every wide grapheme is followed by its continuation cell, and
/// overwriting either half of one blanks the other half.
public struct Buffer: Sendable, Equatable {
    /// Number of columns.
    public let width: Int
    /// Number of rows.
    public let height: Int
    private var cells: [Cell]

    /// Creates a buffer of the given size filled with `fill`, which must be one column wide.
    ///
    /// Negative sizes are treated as 0.
    public init(width: Int, height: Int, fill: Cell = .blank) {
        precondition(fill.width == 1, "a buffer is filled with one-column cells")
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    /// The whole buffer as a rectangle at the origin.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at `row`, `column`; both must be inside the buffer.
    public subscript(row row: Int, column column: Int) -> Cell {
        precondition(contains(row: row, column: column), "cell (\(row), \(column)) is outside the buffer")
        return cells[row * width + column]
    }

    /// Each row's text, one string per row, with continuation cells contributing nothing.
    ///
    /// Styles are not included; this is the view tests compare against.
    public var lines: [String] {
        (0..<height).map { row in
            cells[row * width..<(row + 1) * width].reduce(into: "") { $0 += $1.grapheme }
        }
    }

    /// Writes `text` on one row starting at `column`, and returns the columns it used.
    ///
    /// The text is passed through `TerminalSanitizer.clean`, and `\n` and `\t`
    /// are drawn as spaces. Writing stops at the buffer's right edge or after
    /// `maxWidth` columns, whichever comes first; a wide grapheme that would
    /// straddle that limit is replaced by one space. Zero-width graphemes are
    /// skipped. A row or column outside the buffer writes nothing.
    @discardableResult
    public mutating func write(
        _ text: String, row: Int, column: Int, style: Style = Style(), maxWidth: Int = .max
    ) -> Int {
        guard contains(row: row, column: column), maxWidth > 0 else { return 0 }
        let limit = column + min(maxWidth, width - column)
        var x = column
        // Most of a frame is printable ASCII: nothing to clean, one column per byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for byte in text.utf8 {
                guard x < limit else { break }
                place(Cell(ascii: byte, style: style), row: row, column: x)
                x += 1
            }
            return x - column
        }
        let cleaned = TerminalSanitizer.clean(text)
        /// Places one terminal unit at `x`; false once the limit is reached (a wide unit that
        /// would straddle it leaves one blank).
        func put(_ cell: Cell) -> Bool {
            if x + cell.width > limit {
                if x < limit {
                    place(.blank(style), row: row, column: x)
                    x += 1
                }
                return false
            }
            place(cell, row: row, column: x)
            x += cell.width
            return true
        }
        func cell(_ grapheme: String, width: Int) -> Cell {
            if grapheme.utf8.count == 1, let byte = grapheme.utf8.first { return Cell(ascii: byte, style: style) }
            return Cell(grapheme: grapheme, width: width, style: style)
        }
        // Every scalar takes a column (no combining marks, joiners or selectors): each scalar is
        // a terminal unit of its own, as `terminalUnits` would split it, and no grapheme
        // breaking is needed.
        if cleaned.unicodeScalars.allSatisfy({ $0 == "\n" || $0 == "\t" || DisplayWidth.width(of: $0) > 0 }) {
            for scalar in cleaned.unicodeScalars {
                let isBreak = scalar == "\n" || scalar == "\t"
                let unit = isBreak || scalar.value < 0x7F
                    ? Cell(ascii: isBreak ? 0x20 : UInt8(scalar.value), style: style)
                    : Cell(grapheme: String(scalar), width: DisplayWidth.width(of: scalar), style: style)
                guard put(unit) else { break }
            }
            return x - column
        }
        for character in cleaned {
            let isBreak = character == "\n" || character == "\t"
            for grapheme in isBreak ? [" "] : DisplayWidth.terminalUnits(character) {
                let graphemeWidth = isBreak ? 1 : DisplayWidth.of(grapheme)
                if graphemeWidth == 0 { continue }
                guard put(cell(grapheme, width: graphemeWidth)) else { return x - column }
            }
        }
        return x - column
    }

    /// Fills the part of `rect` inside the buffer with `cell`, which must be one column wide.
    ///
    /// Wide graphemes cut by the rectangle's edges are blanked, so none is left half drawn.
    public mutating func fill(_ rect: Rect, with cell: Cell) {
        precondition(cell.width == 1, "fill uses one-column cells")
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        for row in clipped.y..<clipped.y + clipped.height {
            for column in clipped.x..<clipped.x + clipped.width {
                place(cell, row: row, column: column)
            }
        }
    }

    /// Sets the style of every cell in the part of `rect` inside the buffer, keeping the text.
    ///
    /// Use it to highlight an area, such as a selected row, after drawing into it.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        for row in clipped.y..<clipped.y + clipped.height {
            for column in clipped.x..<clipped.x + clipped.width {
                cells[row * width + column].style = style
            }
        }
    }

    private func contains(row: Int, column: Int) -> Bool {
        (0..<height).contains(row) && (0..<width).contains(column)
    }

    /// Stores `cell` (and its continuation, if wide) at `column`, blanking the
    /// other half of any wide grapheme it partly covers. The caller ensures it fits.
    private mutating func place(_ cell: Cell, row: Int, column: Int) {
        let start = row * width + column
        let end = start + cell.width
        if cells[start].isContinuation {
            cells[start - 1] = .blank(cells[start - 1].style)
        }
        if cells[end - 1].width == 2 {
            cells[end] = .blank(cells[end].style)
        }
        cells[start] = cell
        if cell.width == 2 {
            cells[start + 1] = Cell(grapheme: "", width: 0, style: cell.style)
        }
    }
}
