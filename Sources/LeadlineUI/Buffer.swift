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
            func put(_ cell: Cell) -> Bool {
                Self.put(cell, at: &x, limit: limit, rowStart: rowStart, in: cells)
            }
            for character in cleaned {
                // Most characters even here are one scalar, with no units to split into. (A break
                // is always one: a grapheme never continues past a control.)
                let scalars = character.unicodeScalars
                if let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex {
                    guard let cell = Self.cell(scalar, style: style) else { continue }
                    guard put(cell) else { return x - column }
                    continue
                }
                // Next most: a letter with its combining marks, which goes into one cell whole.
                if DisplayWidth.isOneUnit(character) {
                    let characterWidth = DisplayWidth.of(character)
                    if characterWidth == 0 { continue }
                    guard put(Cell(grapheme: String(character), width: characterWidth, style: style)) else { return x - column }
                    continue
                }
                for grapheme in DisplayWidth.terminalUnits(character) {
                    let graphemeWidth = DisplayWidth.of(grapheme)
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

    /// The cells of `row`, which must be inside the buffer: a row drawn once (into a buffer one
    /// row high) to be pasted into many frames with ``paste(_:row:column:maxWidth:)``.
    public func cells(row: Int) -> ArraySlice<Cell> {
        precondition((0..<height).contains(row), "row \(row) is outside the buffer")
        return cells[row * width..<(row + 1) * width]
    }

    /// Copies `cells`, a row of another buffer, to `row` from `column`, and returns the columns
    /// used. It stops like ``write(_:row:column:style:maxWidth:)``: at the right edge or after
    /// `maxWidth` columns, a wide grapheme that would straddle that limit becoming one space.
    /// The cells were cleaned when they were written, so they are not looked at again.
    @discardableResult
    public mutating func paste(_ cells: ArraySlice<Cell>, row: Int, column: Int, maxWidth: Int = .max) -> Int {
        guard contains(row: row, column: column), maxWidth > 0, !cells.isEmpty else { return 0 }
        let count = min(cells.count, maxWidth, width - column)
        let start = row * width + column
        self.cells.withUnsafeMutableBufferPointer { target in
            Self.clearEdges(of: start..<start + count, in: target)
            cells.withUnsafeBufferPointer { source in
                for offset in 0..<count { target[start + offset] = source[offset] }
            }
            // Halves of wide graphemes whose other half was not copied become spaces.
            if target[start].isContinuation { target[start] = .blank(target[start].style) }
            if target[start + count - 1].width == 2 { target[start + count - 1] = .blank(target[start + count - 1].style) }
        }
        return count
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
        // Text not stored as contiguous UTF-8 (bridged) takes the general path.
        return written ?? nil
    }

    /// Writes `text` at `row`, `column` up to column `limit` when each scalar in what shows is a
    /// terminal unit of its own (no combining marks, joiners or selectors) that
    /// ``TerminalSanitizer/clean(_:)`` keeps, and returns the columns used; nil otherwise.
    ///
    /// It gives up at the first other scalar, after placing those before it; the general path
    /// then writes the whole text over them, placing the same units in the same columns.
    private mutating func writeScalars(_ text: String, row: Int, column: Int, limit: Int, style: Style) -> Int? {
        let rowStart = row * width
        // Read as UTF-8 bytes (a string's own storage): decoding scalars through the string's
        // views cost more than placing them.
        let written: Int?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            cells.withUnsafeMutableBufferPointer { cells -> Int? in
                var x = column
                var index = 0
                while index < bytes.count {
                    let lead = bytes[index]
                    let cell: Cell
                    if lead < 0x80 {
                        guard let ascii = Self.cell(Unicode.Scalar(lead), style: style) else { return nil }
                        cell = ascii
                        index += 1
                    } else {
                        let (value, length) = UTF8Scalar.decode(bytes, at: index)
                        var packed: UInt64 = 0
                        for offset in 0..<length { packed |= UInt64(bytes[index + offset]) << UInt64(8 * offset) }
                        guard let scalar = Unicode.Scalar(value), TerminalSanitizer.keeps(scalar) else { return nil }
                        let columns = DisplayWidth.width(of: scalar)
                        guard columns > 0 else { return nil }
                        cell = Cell(utf8: packed, count: length, width: columns, style: style)
                        index += length
                    }
                    guard Self.put(cell, at: &x, limit: limit, rowStart: rowStart, in: cells) else { break }
                }
                return x - column
            }
        }
        // Text not stored as contiguous UTF-8 (bridged) takes the general path.
        return written ?? nil
    }

    /// Places one terminal unit at column `x` of the row starting at `rowStart` and moves `x` past
    /// it; false once the limit is reached (a wide unit that would straddle it leaves one blank).
    private static func put(
        _ cell: Cell, at x: inout Int, limit: Int, rowStart: Int, in cells: UnsafeMutableBufferPointer<Cell>
    ) -> Bool {
        if x + cell.width > limit {
            if x < limit {
                place(.blank(cell.style), at: rowStart + x, in: cells)
                x += 1
            }
            return false
        }
        place(cell, at: rowStart + x, in: cells)
        x += cell.width
        return true
    }

    /// The cell of a scalar that is a grapheme on its own; `\n` and `\t` are spaces. Nil for a
    /// scalar that takes no column.
    private static func cell(_ scalar: Unicode.Scalar, style: Style) -> Cell? {
        if scalar == "\n" || scalar == "\t" { return Cell(ascii: 0x20, style: style) }
        let columns = DisplayWidth.width(of: scalar)
        guard columns > 0 else { return nil }
        return scalar.value < 0x7F ? Cell(ascii: UInt8(scalar.value), style: style) : Cell(scalar: scalar, width: columns, style: style)
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
