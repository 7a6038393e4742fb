import LeadlineKit
import LeadlineUI
import Testing

@Suite struct BufferTests {
    @Test func newBufferIsBlank() {
        let buffer = Buffer(width: 3, height: 2)
        #expect(buffer.lines == ["   ", "   "])
        #expect(buffer[row: 1, column: 2] == .blank)
    }

    @Test func writesASCII() {
        var buffer = Buffer(width: 8, height: 1)
        let bold = Style(attributes: .bold)
        #expect(buffer.write("hello", row: 0, column: 1, style: bold) == 5)
        #expect(buffer.lines == [" hello  "])
        #expect(buffer[row: 0, column: 1] == Cell(grapheme: "h", width: 1, style: bold))
        #expect(buffer[row: 0, column: 6] == .blank)
    }

    @Test func stopsAtRightEdgeAndMaxWidth() {
        var buffer = Buffer(width: 6, height: 2)
        #expect(buffer.write("overflowing", row: 0, column: 2) == 4)
        #expect(buffer.write("overflowing", row: 1, column: 0, maxWidth: 3) == 3)
        #expect(buffer.lines == ["  over", "ove   "])
    }

    @Test func outOfRangeWritesNothing() {
        var buffer = Buffer(width: 4, height: 1)
        #expect(buffer.write("x", row: 1, column: 0) == 0)
        #expect(buffer.write("x", row: 0, column: 4) == 0)
        #expect(buffer.write("x", row: 0, column: -1) == 0)
        #expect(buffer.write("x", row: 0, column: 0, maxWidth: 0) == 0)
        #expect(buffer == Buffer(width: 4, height: 1))
    }

    @Test func wideGraphemesTakeTwoCells() {
        var buffer = Buffer(width: 8, height: 1)
        #expect(buffer.write("世界👩‍👩‍👧", row: 0, column: 0) == 6)
        #expect(buffer.lines == ["世界👩‍👩‍👧  "])
        #expect(buffer[row: 0, column: 0] == Cell(grapheme: "世", width: 2))
        #expect(buffer[row: 0, column: 1].isContinuation)
        #expect(buffer[row: 0, column: 1].grapheme == "")
        #expect(buffer[row: 0, column: 4].grapheme == "👩‍👩‍👧")
    }

    /// Text that starts with scalars of a column each and then needs the general path (a
    /// combining mark, an escape): the cells are the general path's, whatever came first.
    @Test func textLeavingTheFastPathMidwayIsDrawnAsAWhole() {
        var buffer = Buffer(width: 8, height: 3)
        buffer.write("世世世世", row: 0, column: 0)
        #expect(buffer.write("─e\u{301}x", row: 0, column: 1) == 3)
        // The first 世 lost its right half, the second its left; the last two are whole.
        #expect(buffer.lines[0] == " ─e\u{301}x世世")
        #expect(buffer[row: 0, column: 2] == Cell(grapheme: "e\u{301}", width: 1))
        #expect(buffer[row: 0, column: 3] == Cell(grapheme: "x", width: 1))
        #expect(buffer[row: 0, column: 4] == Cell(grapheme: "世", width: 2))
        #expect(buffer[row: 0, column: 5].isContinuation)
        #expect(buffer.write("│a\u{1B}]0;owned\u{7}b", row: 1, column: 0) == 3)
        #expect(buffer.lines[1] == "│ab     ")
        // The mark after the last letter that fits joins it, as it would on the general path.
        #expect(buffer.write("ab\u{301}cd", row: 2, column: 0, maxWidth: 2) == 2)
        #expect(buffer[row: 2, column: 1] == Cell(grapheme: "b\u{301}", width: 1))
    }

    @Test func wideGraphemeStraddlingRightEdgeBecomesSpace() {
        var buffer = Buffer(width: 5, height: 1, fill: Cell(grapheme: ".", width: 1))
        #expect(buffer.write("ab世", row: 0, column: 2) == 3)
        #expect(buffer.lines == ["..ab "])
    }

    @Test func wideGraphemeStraddlingMaxWidthBecomesSpace() {
        var buffer = Buffer(width: 6, height: 1, fill: Cell(grapheme: ".", width: 1))
        #expect(buffer.write("世界", row: 0, column: 0, maxWidth: 3) == 3)
        #expect(buffer.lines == ["世 ..."])
    }

    @Test func overwritingRightHalfBlanksLeftHalf() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.write("世界", row: 0, column: 0)
        buffer.write("x", row: 0, column: 1)
        #expect(buffer.lines == [" x界  "])
        #expect(buffer[row: 0, column: 0] == .blank)
    }

    @Test func overwritingLeftHalfBlanksRightHalf() {
        var buffer = Buffer(width: 6, height: 1)
        let red = Style(foreground: .ansi(1))
        buffer.write("世界", row: 0, column: 0, style: red)
        buffer.write("x", row: 0, column: 2)
        #expect(buffer.lines == ["世x   "])
        // The orphaned half keeps its colours so a highlighted row stays highlighted.
        #expect(buffer[row: 0, column: 3] == .blank(red))
    }

    @Test func wideOverWideAtOffsetBlanksBothNeighbours() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.write("世界", row: 0, column: 0)
        buffer.write("👍", row: 0, column: 1)
        #expect(buffer.lines == [" 👍   "])
    }

    @Test("Pasting a drawn row gives the cells writing its text there gives, cut the same way")
    func pasteMatchesWrite() {
        let red = Style(foreground: .ansi(1))
        var row = Buffer(width: 8, height: 1)
        row.write("a世b界c", row: 0, column: 0, style: red)
        let cells = row.cells(row: 0).prefix(7)
        for maxWidth in 0...9 {
            for column in [0, 1, 3] {
                var pasted = Buffer(width: 9, height: 1, fill: Cell(grapheme: ".", width: 1))
                var written = pasted
                let used = pasted.paste(cells, row: 0, column: column, maxWidth: maxWidth)
                #expect(used == written.write("a世b界c", row: 0, column: column, style: red, maxWidth: maxWidth), "at \(column) in \(maxWidth)")
                #expect(pasted == written, "at \(column) in \(maxWidth)")
            }
        }
    }

    @Test("Pasting over half of a wide grapheme, or from the middle of one, leaves no half drawn")
    func pasteRepairsWideGraphemes() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.write("世界", row: 0, column: 0)
        var source = Buffer(width: 4, height: 1)
        source.write("xy", row: 0, column: 0)
        #expect(buffer.paste(source.cells(row: 0).prefix(2), row: 0, column: 1) == 2)
        #expect(buffer.lines == [" xy   "])
        // A slice that starts on the right half of a wide grapheme starts with a space.
        source.write("世z", row: 0, column: 0)
        #expect(buffer.paste(source.cells(row: 0).dropFirst().prefix(2), row: 0, column: 3) == 2)
        #expect(buffer.lines == [" xy z "])
        #expect(buffer[row: 0, column: 3] == .blank)
    }

    @Test func hostileTextLeavesNoEscapes() {
        var buffer = Buffer(width: 20, height: 1)
        let used = buffer.write("a\u{1B}]52;c;ZXZpbA==\u{07}b\u{1B}[2J\u{9B}31mc\rd\u{202E}e\nf\tg", row: 0, column: 0)
        #expect(buffer.lines == ["abcde f g           "])
        #expect(used == 9)
        let text = buffer.lines.joined()
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test func zeroWidthGraphemesAreSkipped() {
        var buffer = Buffer(width: 4, height: 1)
        #expect(buffer.write("a\u{200B}b", row: 0, column: 0) == 2)
        #expect(buffer.lines == ["ab  "])
    }

    @Test func drawsABox() {
        var buffer = Buffer(width: 10, height: 3)
        buffer.write("┌ Leads ─┐", row: 0, column: 0)
        buffer.write("│", row: 1, column: 0)
        buffer.write("Ana 李世界", row: 1, column: 1, maxWidth: 7)
        buffer.write("│", row: 1, column: 9)
        buffer.write("└" + String(repeating: "─", count: 8) + "┘", row: 2, column: 0)
        #expect(buffer.lines == [
            "┌ Leads ─┐",
            "│Ana 李  │",
            "└────────┘",
        ])
    }

    @Test func fillClipsAndRepairsWideGraphemes() {
        var buffer = Buffer(width: 6, height: 3)
        for row in 0..<3 { buffer.write("世界世", row: row, column: 0) }
        let highlight = Style(attributes: .reverse)
        buffer.fill(Rect(x: 3, y: 1, width: 10, height: 10), with: .blank(highlight))
        #expect(buffer.lines == ["世界世", "世    ", "世    "])
        #expect(buffer[row: 2, column: 5] == .blank(highlight))
        #expect(buffer[row: 2, column: 2] == .blank)
    }

    @Test func setStyleKeepsText() {
        var buffer = Buffer(width: 4, height: 2)
        buffer.write("ab", row: 1, column: 0)
        let selected = Style(background: .rgb(0, 0, 128), attributes: [.bold, .reverse])
        buffer.setStyle(selected, in: Rect(x: 0, y: 1, width: 4, height: 1))
        #expect(buffer.lines == ["    ", "ab  "])
        #expect(buffer[row: 1, column: 1] == Cell(grapheme: "b", width: 1, style: selected))
        #expect(buffer[row: 0, column: 1] == .blank)
    }

    @Test func rectIntersection() {
        let a = Rect(x: 0, y: 0, width: 4, height: 4)
        #expect(a.intersection(Rect(x: 2, y: 3, width: 5, height: 5)) == Rect(x: 2, y: 3, width: 2, height: 1))
        #expect(a.intersection(Rect(x: 5, y: 0, width: 2, height: 2)).isEmpty)
    }
}

@Suite("Buffer: scripts with spacing marks")
struct SpacingMarkTests {
    @Test("A Devanagari vowel sign takes its own cell, as terminals draw it")
    func devanagari() {
        // "हाँ" is one grapheme in Unicode but two columns on a terminal: ह, then ा with ँ.
        #expect(DisplayWidth.of("हाँ") == 2)
        #expect(DisplayWidth.terminalUnits("हाँ") == ["ह", "ाँ"])
        var buffer = Buffer(width: 8, height: 1)
        let used = buffer.write("हाँ जी", row: 0, column: 0)
        #expect(used == 5)
        #expect(buffer[row: 0, column: 0].grapheme == "ह")
        #expect(buffer[row: 0, column: 1].grapheme == "ाँ")
        #expect(buffer[row: 0, column: 2].grapheme == " ")
        #expect(buffer.lines == ["हाँ जी   "])
    }
}

@Suite("Buffer: emoji as the terminal draws them")
struct EmojiCellTests {
    @Test("A flag is two one-column cells, a ZWJ family one two-column cell, a skin tone its own cell")
    func cells() {
        var buffer = Buffer(width: 12, height: 1)
        #expect(buffer.write("🇨🇱👩‍👩‍👧👍🏽x", row: 0, column: 0) == 9)
        #expect(buffer[row: 0, column: 0].grapheme == "\u{1F1E8}")
        #expect(buffer[row: 0, column: 1].grapheme == "\u{1F1F1}")
        #expect(buffer[row: 0, column: 2].grapheme == "👩‍👩‍👧")
        #expect(buffer[row: 0, column: 2].width == 2)
        #expect(buffer[row: 0, column: 4].grapheme == "👍")
        #expect(buffer[row: 0, column: 6].grapheme == "\u{1F3FD}")
        #expect(buffer[row: 0, column: 8].grapheme == "x")
    }

    @Test("A cell gives back its grapheme, inline up to 15 bytes and from the shared table beyond")
    func graphemeRoundTrip() {
        for marks in 0..<12 {
            let grapheme = "e" + String(repeating: "\u{301}", count: marks)
            let cell = Cell(grapheme: grapheme, width: 1)
            #expect(cell.grapheme == grapheme, "\(grapheme.utf8.count) bytes")
            #expect(cell == Cell(grapheme: grapheme, width: 1))
            #expect(cell != Cell(grapheme: grapheme + "\u{301}", width: 1))
        }
        #expect(Cell(grapheme: "", width: 0).grapheme == "")
        #expect(Cell.blank(Style()).grapheme == " ")
    }
}
