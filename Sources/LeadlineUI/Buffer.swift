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
        // Most of a frame is printable ASCII: nothing to clean, one column per byte.
        if let used = writeASCII(text, row: row, column: column, count: limit - column, style: style) {
            return used
        }
        // Next most: symbols and letters that each take a column or two, nothing to clean.
        if let used = writeScalars(text, row: row, column: column, limit: limit, style: style) {
            return used
        }
        let cleaned = TerminalSanitizer.clean(text)
        let rowStart = row * width
        return cells.withUnsafeMutableBufferPointer { cells in
            var x = column
            /// Places one terminal unit at `x`; false once the limit is reached (a wide unit that
            /// would straddle it leaves one blank).
            func put(_ cell: Cell) -> Bool {
                if x + cell.width > limit {
                    if x < limit {
                        Self.place(.blank(style), at: rowStart + x, in: cells)
                        x += 1
                    }
                    return false
                }
                Self.place(cell, at: rowStart + x, in: cells)
                x += cell.width
                return true
            }
            // Every scalar takes a column (no combining marks, joiners or selectors): each scalar
            // is a terminal unit of its own, as `terminalUnits` would split it, and no grapheme
            // breaking is needed.
            if cleaned.unicodeScalars.allSatisfy({ $0 == "\n" || $0 == "\t" || DisplayWidth.width(of: $0) > 0 }) {
                for scalar in cleaned.unicodeScalars {
                    let isBreak = scalar == "\n" || scalar == "\t"
                    let unit = isBreak || scalar.value < 0x7F
                        ? Cell(ascii: isBreak ? 0x20 : UInt8(scalar.value), style: style)
                        : Cell(scalar: scalar, width: DisplayWidth.width(of: scalar), style: style)
                    guard put(unit) else { break }
                }
                return x - column
            }
            for character in cleaned {
                let isBreak = character == "\n" || character == "\t"
                for grapheme in isBreak ? [" "] : DisplayWidth.terminalUnits(character) {
                    let graphemeWidth = isBreak ? 1 : DisplayWidth.of(grapheme)
                    if graphemeWidth == 0 { continue }
                    let cell = grapheme.utf8.count == 1
                        ? Cell(ascii: grapheme.utf8.first!, style: style)
                        : Cell(grapheme: grapheme, width: graphemeWidth, style: style)
                    guard put(cell) else { return x - column }
                }
            }
            return x - column
        }
    }

    /// Fills the part of `rect` inside the buffer with `cell`, which must be one column wide.
    ///
    /// Wide graphemes cut by the rectangle's edges are blanked, so none is left half drawn.
    public mutating func fill(_ rect: Rect, with cell: Cell) {
        precondition(cell.width == 1, "fill uses one-column cells")
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        let width = width
        cells.withUnsafeMutableBufferPointer { cells in
            for row in clipped.y..<clipped.y + clipped.height {
                let start = row * width + clipped.x
                let run = start..<start + clipped.width
                Self.clearEdges(of: run, in: cells)
                for index in run { cells[index] = cell }
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

    /// Writes up to `count` columns of `text` at `row`, `column` when what shows is printable
    /// ASCII, and returns the columns used; nil, writing nothing, for any other text.
    ///
    /// The fast path of ``write(_:row:column:style:maxWidth:)``: most of a frame is such text, and
    /// one pass over the bytes with one uniqueness check per row keeps a 200×60 frame well under a
    /// millisecond, where placing cell by cell through the general path did not.
    private mutating func writeASCII(_ text: String, row: Int, column: Int, count: Int, style: Style) -> Int? {
        let written: Int?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            let used = min(count, bytes.count)
            // One byte past what shows too: a combining mark there joins the last shown letter.
            let checked = min(used + 1, bytes.count)
            var printable = true
            for byte in bytes[..<checked] { printable = printable && (byte &- 0x20) < 0x5F }
            guard printable else { return nil }
            guard used > 0 else { return 0 }
            let start = row * width + column
            let end = start + used
            cells.withUnsafeMutableBufferPointer { cells in
                Self.clearEdges(of: start..<end, in: cells)
                for offset in 0..<used {
                    cells[start + offset] = Cell(ascii: bytes[offset], style: style)
                }
            }
            return used
        }
        guard let written else {
            // Text not stored as contiguous UTF-8 (bridged): check it byte by byte.
            guard text.utf8.allSatisfy({ ($0 &- 0x20) < 0x5F }) else { return nil }
            let bytes = Array(text.utf8.prefix(count))
            guard !bytes.isEmpty else { return 0 }
            let start = row * width + column
            cells.withUnsafeMutableBufferPointer { cells in
                Self.clearEdges(of: start..<start + bytes.count, in: cells)
                for (offset, byte) in bytes.enumerated() { cells[start + offset] = Cell(ascii: byte, style: style) }
            }
            return bytes.count
        }
        return written
    }

    /// Writes `text` at `row`, `column` up to column `limit` when each scalar in what shows is a
    /// terminal unit of its own (no combining marks, joiners or selectors) that
    /// ``TerminalSanitizer/clean(_:)`` keeps, and returns the columns used; nil otherwise.
    ///
    /// It gives up at the first other scalar, after placing those before it; the general path
    /// then writes the whole text over them, placing the same units in the same columns.
    private mutating func writeScalars(_ text: String, row: Int, column: Int, limit: Int, style: Style) -> Int? {
        let rowStart = row * width
        return cells.withUnsafeMutableBufferPointer { cells -> Int? in
            var x = column
            for scalar in text.unicodeScalars {
                let isBreak = scalar == "\n" || scalar == "\t"
                let columns = isBreak ? 1 : DisplayWidth.width(of: scalar)
                guard columns > 0, TerminalSanitizer.keeps(scalar) else { return nil }
                if x + columns > limit {
                    // A wide unit that would straddle the limit leaves one blank.
                    if x < limit {
                        Self.place(.blank(style), at: rowStart + x, in: cells)
                        x += 1
                    }
                    break
                }
                let cell = isBreak || scalar.value < 0x7F
                    ? Cell(ascii: isBreak ? 0x20 : UInt8(scalar.value), style: style)
                    : Cell(scalar: scalar, width: columns, style: style)
                Self.place(cell, at: rowStart + x, in: cells)
                x += columns
            }
            return x - column
        }
    }

    private func contains(row: Int, column: Int) -> Bool {
        (0..<height).contains(row) && (0..<width).contains(column)
    }

    /// Stores `cell` (and its continuation, if wide) at index `start` of `cells`, blanking the
    /// other half of any wide grapheme it partly covers. The caller ensures it fits in the row.
    private static func place(_ cell: Cell, at start: Int, in cells: UnsafeMutableBufferPointer<Cell>) {
        clearEdges(of: start..<start + cell.width, in: cells)
        cells[start] = cell
        if cell.width == 2 {
            cells[start + 1] = Cell(grapheme: "", width: 0, style: cell.style)
        }
    }

    /// Blanks the other half of each wide grapheme that the edges of `run`, part of one row, cut
    /// through, so every cell of `run` can then be stored over. Inside a row a wide grapheme
    /// never straddles the row's end, so both neighbours looked at are in the same row.
    private static func clearEdges(of run: Range<Int>, in cells: UnsafeMutableBufferPointer<Cell>) {
        if cells[run.lowerBound].isContinuation {
            cells[run.lowerBound - 1] = .blank(cells[run.lowerBound - 1].style)
        }
        if cells[run.upperBound - 1].width == 2 {
            cells[run.upperBound] = .blank(cells[run.upperBound].style)
        }
    }
}
