import Foundation
import LeadlineTerminal
import LeadlineUI
import Testing

/// ncurses is process-wide state, so every test that opens a screen lives here, serialized.
@Suite(.serialized) struct CursesScreenTests {
    @Test func headlessScreenHasRequestedSize() throws {
        let screen = try CursesScreen(headlessRows: 10, columns: 40)
        defer { screen.close() }
        #expect(screen.size == (rows: 10, columns: 40))
    }

    @Test func roundTripsASCII() throws {
        let screen = try CursesScreen(headlessRows: 5, columns: 20)
        defer { screen.close() }
        for (offset, character) in "Leads: 42".enumerated() {
            screen.put(String(character), row: 1, column: offset, attributes: .bold)
        }
        screen.refresh()
        let text = (0..<9).map { screen.read(row: 1, column: $0) }.joined()
        #expect(text == "Leads: 42")
        #expect(screen.read(row: 0, column: 0) == " ")
    }

    @Test func roundTripsWideAndClusteredGraphemes() throws {
        let screen = try CursesScreen(headlessRows: 5, columns: 20)
        defer { screen.close() }
        let samples: [(Character, column: Int)] = [
            ("世", 0), ("界", 2), ("👍", 4), ("👩‍👩‍👧", 6), ("e\u{301}", 8), ("a", 9),
        ]
        for (grapheme, column) in samples {
            screen.put(String(grapheme), row: 2, column: column)
        }
        screen.refresh()
        for (grapheme, column) in samples {
            #expect(screen.read(row: 2, column: column) == String(grapheme))
        }
        // The right half of a wide cell reads back as the same grapheme.
        #expect(screen.read(row: 2, column: 1) == "世")
        #expect(screen.read(row: 2, column: 7) == "👩‍👩‍👧")
    }

    @Test func dropsScalarsBeyondCursesLimit() throws {
        let screen = try CursesScreen(headlessRows: 2, columns: 10)
        defer { screen.close() }
        // Seven scalars; a cell holds five, so the last ZWJ and person are lost.
        screen.put("👨‍👩‍👧‍👦", row: 0, column: 0)
        #expect(screen.read(row: 0, column: 0) == "👨‍👩‍👧")
    }

    @Test func ignoresPositionsOutsideTheScreen() throws {
        let screen = try CursesScreen(headlessRows: 2, columns: 4)
        defer { screen.close() }
        screen.put("x", row: 5, column: 0)
        screen.put("x", row: 0, column: -1)
        screen.put("z", row: 1, column: 3)
        #expect(screen.read(row: 5, column: 0) == "")
        #expect(screen.read(row: 1, column: 3) == "z")
    }

    @Test func onlyOneScreenAtATime() throws {
        let screen = try CursesScreen(headlessRows: 2, columns: 4)
        #expect(throws: CursesScreenError.alreadyOpen) {
            _ = try CursesScreen(headlessRows: 2, columns: 4)
        }
        screen.close()
        let next = try CursesScreen(headlessRows: 2, columns: 4)
        next.close()
    }

    // Only meaningful where the test runner has no terminal, as in CI; on a
    // developer's tty it would take over the screen.
    @Test(.enabled(if: isatty(STDIN_FILENO) != 1 || isatty(STDOUT_FILENO) != 1))
    func realTerminalNeedsATTY() {
        #expect(throws: CursesScreenError.notATerminal) {
            _ = try CursesScreen()
        }
    }

    @Test func unknownTerminalTypeThrows() {
        #expect(throws: CursesScreenError.cannotStartTerminal("no-such-terminal")) {
            _ = try CursesScreen(headlessRows: 2, columns: 4, terminal: "no-such-terminal")
        }
    }
}
