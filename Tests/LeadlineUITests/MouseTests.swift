import Foundation
import LeadlineKit
import Testing
@testable import LeadlineUI

@Suite("Mouse: clicks select what is drawn under them, the wheel scrolls")
struct MouseTests {
    /// The screen row whose text contains `text` within the columns of `pane`.
    private func row(of text: String, in pane: Pane, _ state: AppState) throws -> Int {
        let rect = try #require(Layout(width: state.width, height: state.height)).rect(of: pane)
        let lines = Screen.render(state).lines
        return try #require(lines.indices.first { lines[$0].dropFirst(rect.x).prefix(rect.width).contains(text) })
    }

    private func click(_ state: inout AppState, row: Int, column: Int) {
        _ = state.handle(.mouse(MouseEvent(.press, row: row, column: column)))
    }

    /// A list of `count` people, one per source lead, named "Person 00"….
    private func crowd(_ count: Int, width: Int = 120, height: Int = 40) -> AppState {
        var state = AppState(sources: ["nexor"], width: width, height: height, now: Sample.now, timeZone: Sample.utc)
        _ = state.start()
        let leads = (0..<count).map { Lead(source: "nexor", id: "p\($0)", name: String(format: "Person %02d", $0), phone: "+1202555\(String(format: "%04d", $0))") }
        _ = state.handle(.leadsLoaded(source: "nexor", page: LeadPage(leads: leads, next: nil)))
        return state
    }

    @Test("Clicking a list row selects that person and draws the marker there")
    func clickListRow() throws {
        var state = Sample.loaded()
        let row = try row(of: "Carlos Lopez", in: .leads, state)
        click(&state, row: row, column: 10)
        #expect(state.focus == .leads)
        #expect(state.leads.selectedPerson?.name == "Carlos Lopez")
        #expect(Screen.render(state).lines[row].hasPrefix("│▶Carlos Lopez"))
        #expect(state.timeline?.person.name == "Carlos Lopez", "the click loads the person's timeline as moving there would")
    }

    @Test("Clicking a row of a scrolled list selects the row drawn there, not the row with that index")
    func clickScrolledList() throws {
        var state = crowd(80)
        _ = state.press(.character("G"))
        #expect(state.leads.scroll > 0)
        let row = try row(of: "Person 60", in: .leads, state)
        click(&state, row: row, column: 4)
        #expect(state.leads.selectedPerson?.name == "Person 60")
        #expect(Screen.render(state).lines[row].hasPrefix("│▶Person 60"))
    }

    @Test("Clicking a timeline row focuses the timeline, selects that event and shows it in the detail pane")
    func clickTimelineRow() throws {
        var state = Sample.loaded()
        let row = try row(of: "Your demo is confirmed", in: .timeline, state)
        click(&state, row: row, column: 40)
        #expect(state.focus == .timeline)
        #expect(state.timeline?.selectedEvent?.id == "e1")
        let layout = try #require(Layout(width: 120, height: 40))
        let detail = Screen.render(state).lines.map { String($0.dropFirst(layout.detail.x)) }
        #expect(detail.contains { $0.contains("Your demo is confirmed") })
    }

    @Test("Clicking a day separator, the channel bar or a border focuses the pane and keeps the selection")
    func clickNonRows() throws {
        var state = Sample.loaded()
        _ = state.press(.tab, .character("j"))
        let selected = state.timeline?.selectedEvent?.id
        _ = state.press(.backTab)
        for row in [try row(of: "Sun 11 Jan 2026", in: .timeline, state), try row(of: "[a]", in: .timeline, state), 0] {
            click(&state, row: row, column: 40)
            #expect(state.focus == .timeline)
            #expect(state.timeline?.selectedEvent?.id == selected)
        }
    }

    @Test("Clicking the detail pane focuses it; the wheel there scrolls the text")
    func detailPane() throws {
        var state = Sample.loaded(width: 80, height: 24)
        _ = state.press(.tab, .character("c"), .character("j"))
        let layout = try #require(Layout(width: 80, height: 24))
        click(&state, row: layout.detail.y + 2, column: layout.detail.x + 5)
        #expect(state.focus == .detail)
        #expect(state.detail.scroll == 0)
        _ = state.handle(.mouse(MouseEvent(.wheelDown, row: layout.detail.y + 2, column: layout.detail.x + 5)))
        #expect(state.detail.scroll == 3)
        _ = state.handle(.mouse(MouseEvent(.wheelUp, row: layout.detail.y + 2, column: layout.detail.x + 5)))
        #expect(state.detail.scroll == 0)
    }

    @Test("The wheel over the list moves through it without taking the focus")
    func wheelList() throws {
        var state = crowd(80)
        _ = state.press(.tab)
        for _ in 0..<10 { _ = state.handle(.mouse(MouseEvent(.wheelDown, row: 5, column: 5))) }
        #expect(state.leads.selectedPerson?.name == "Person 30")
        #expect(state.focus == .timeline)
        #expect(Screen.render(state).lines.contains { $0.hasPrefix("│▶Person 30") }, "the list scrolls to keep the selection on screen")
    }

    @Test("Clicks are ignored under an overlay and outside the panes")
    func ignored() throws {
        var state = Sample.loaded()
        _ = state.press(.character("?"))
        click(&state, row: 3, column: 5)
        #expect(state.leads.selectedPerson?.name == "Ana Pérez")
        _ = state.press(.escape)
        click(&state, row: 39, column: 5)
        #expect(state.leads.selectedPerson?.name == "Ana Pérez")
        #expect(state.focus == .leads)
    }
}
