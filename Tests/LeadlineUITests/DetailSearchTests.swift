import Foundation
import LeadlineKit
import Testing
@testable import LeadlineUI

@Suite("Detail pane search: / finds, matches are highlighted, n and N move between them")
struct DetailSearchTests {
    /// Ana's timeline plus a call whose 120-turn transcript mentions the budget three times.
    static func longCall() -> AppState {
        var state = Sample.loaded(width: 200, height: 60)
        let turns: [TranscriptLine] = (0..<120).map { (turn: Int) -> TranscriptLine in
            let text: String = [10, 60, 110].contains(turn) ? "Turn \(turn): what about the Budget? budget first." : "Turn \(turn): fine."
            let speaker: String = turn % 2 == 0 ? "agent" : "lead"
            return TranscriptLine(speaker: speaker, text: text, start: Double(turn * 5), end: Double(turn * 5 + 4))
        }
        _ = state.handle(.eventsArrived(generation: state.timeline!.generation, events: [Sample.event(
            "long", "2026-01-13T10:00:00Z", .call, kind: "call", title: "Long call", duration: 600, transcript: turns)]))
        _ = state.press(.tab, .character("G"), .tab)
        return state
    }

    /// The visible text drawn in the search-match style on each row of the detail pane.
    static func highlighted(_ state: AppState) -> [(row: Int, text: String, current: Bool)] {
        let buffer = Screen.render(state)
        let detail = Layout(width: state.width, height: state.height)!.detail.inner
        var found: [(row: Int, text: String, current: Bool)] = []
        for row in detail.y..<detail.y + detail.height {
            var text = ""
            var current = false
            for column in detail.x..<detail.x + detail.width {
                let cell = buffer[row: row, column: column]
                if cell.style.background == state.theme.searchMatch.background {
                    text += cell.grapheme
                    current = current || cell.style.attributes.contains(.underline)
                }
            }
            if !text.isEmpty { found.append((row, text, current)) }
        }
        return found
    }

    @Test("Typing a search finds every match (smart-case), highlights them and scrolls to the first")
    func typing() {
        var state = Self.longCall()
        #expect(state.focus == .detail)
        #expect(state.timeline?.selectedEvent?.id == "long")
        _ = state.press(.character("/"))
        _ = state.type("budget")
        #expect(state.detail.matches.count == 6, "two on each of three turns, ignoring case")
        #expect(state.detail.currentMatch == 0)
        let lines = Screen.render(state).lines
        #expect(lines[0].contains("/budget▏ 1/6"))
        let marks = Self.highlighted(state)
        #expect(marks.count == 1, "the first matching turn is on screen, the later ones are not")
        #expect(marks.first?.text == "Budgetbudget")
        #expect(marks.first?.current == true)
        #expect(lines[marks[0].row].contains("Turn 10: what about the Budget? budget first."))

        _ = state.press(.backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        _ = state.type("Budget")
        #expect(state.detail.matches.count == 3, "a capital letter makes the search case-sensitive")
    }

    @Test("n and N move to the next and previous match, wrapping, and scroll it into view")
    func nextPrevious() throws {
        var state = Self.longCall()
        _ = state.press(.character("/"))
        _ = state.type("budget")
        _ = state.press(.enter)
        #expect(state.detail.search.isEditing == false)
        _ = state.press(.character("n"), .character("n"))
        #expect(state.detail.currentMatch == 2)
        var lines = Screen.render(state).lines
        var current = try #require(Self.highlighted(state).first { $0.current })
        #expect(lines[current.row].contains("Turn 60: what about the Budget?"))
        #expect(lines[0].contains("/budget 3/6"))

        _ = state.press(.character("n"), .character("n"), .character("n"))
        #expect(state.detail.currentMatch == 5)
        current = try #require(Self.highlighted(state).first { $0.current })
        lines = Screen.render(state).lines
        #expect(lines[current.row].contains("Turn 110:"))
        _ = state.press(.character("n"))
        #expect(state.detail.currentMatch == 0, "n after the last match wraps to the first")
        #expect(Self.highlighted(state).contains { $0.current })
        _ = state.press(.character("N"))
        #expect(state.detail.currentMatch == 5, "N before the first wraps to the last")
        #expect(Screen.render(state).lines.contains { $0.contains("Turn 110:") })
    }

    @Test("No match says so; n without a search explains how to search; Esc clears")
    func noMatch() {
        var state = Self.longCall()
        _ = state.press(.character("n"))
        #expect(state.status?.text.contains("/ in the detail pane searches it") == true)
        _ = state.press(.character("/"))
        _ = state.type("zebra")
        #expect(Screen.render(state).lines[0].contains("/zebra▏ no match"))
        _ = state.press(.enter, .character("n"))
        #expect(state.status?.level == .warning)
        _ = state.press(.character("/"), .escape)
        #expect(state.detail.search == TextInput())
        #expect(Self.highlighted(state).isEmpty)
    }

    @Test("The search stays on another event and finds its matches")
    func otherEvent() {
        var state = Self.longCall()
        _ = state.press(.character("/"))
        _ = state.type("demo")
        _ = state.press(.enter)
        #expect(state.detail.matches.isEmpty)
        _ = state.press(.backTab, .character("k"), .character("k"))
        #expect(state.timeline?.selectedEvent?.id == "s1")
        #expect(state.detail.matches.count == 1)
        #expect(Self.highlighted(state).map(\.text) == ["demo"])
    }

    @Test("Highlighting splits styled spans at match boundaries and keeps the text")
    func highlightSpans() {
        let bold = Style(attributes: .bold)
        let line = StyledLine([Span("Hello ", bold), Span("wor"), Span("ld world")])
        let matches = DetailSearch.matches(of: "world", in: [line])
        #expect(matches == [DetailMatch(line: 0, characters: 6..<11), DetailMatch(line: 0, characters: 12..<17)])
        let match = Style(background: .ansi(3))
        let current = Style(background: .ansi(3), attributes: .underline)
        let drawn = DetailSearch.highlight(line, ranges: matches.map(\.characters), current: 12..<17, matchStyle: match, currentStyle: current)
        #expect(drawn.spans == [Span("Hello ", bold), Span("wor", match), Span("ld", match), Span(" "), Span("world", current)])
    }
}

@Suite("Detail pane: transcript offsets and timestamps")
struct DetailOffsetTests {
    @Test("Offsets read mm:ss or h:mm:ss, and a vendor's NaN, negative or huge offset does not trap")
    func offsets() {
        #expect(DetailLayout.offset(0) == "00:00")
        #expect(DetailLayout.offset(61.9) == "01:01")
        #expect(DetailLayout.offset(3_599) == "59:59")
        #expect(DetailLayout.offset(3_600) == "1:00:00")
        #expect(DetailLayout.offset(36_061) == "10:01:01")
        #expect(DetailLayout.offset(-5) == "00:00")
        #expect(DetailLayout.offset(.nan) == "00:00")
        #expect(DetailLayout.offset(.infinity) == "9999:00:00")
        #expect(DetailLayout.offset(1e300) == "9999:00:00")
    }

    @Test("Timestamps are zero-padded in the given time zone")
    func timestamps() {
        let date = Date(timeIntervalSince1970: 1_700_000_000)  // 2023-11-14 22:13:20 UTC
        #expect(DetailLayout.timestamp(date, timeZone: TimeZone(identifier: "UTC")!) == "2023-11-14 22:13:20")
        #expect(DetailLayout.timestamp(date, timeZone: TimeZone(identifier: "Asia/Tokyo")!) == "2023-11-15 07:13:20")
        #expect(DetailLayout.timestamp(Date(timeIntervalSince1970: -62_000_000_000), timeZone: TimeZone(identifier: "UTC")!).hasPrefix("00"))
    }
}
