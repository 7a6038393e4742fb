import Foundation
import LeadlineKit
import Testing
@testable import LeadlineUI

@Suite("Lead list: sort, : jump, relative times")
struct LeadListComfortTests {
    static func day(_ text: String) -> Date { ISO8601.parse(text)! }

    /// Four people with different activity, names and statuses, listed in arrival order.
    static func people() -> AppState {
        var state = AppState(sources: ["nexor"], width: 120, height: 40, now: Sample.now, timeZone: Sample.utc)
        _ = state.start()
        let leads = [
            Lead(source: "nexor", id: "1", name: "zoë Adams", phone: "+12025550001", status: Lead.Status(label: "Won", color: nil),
                 lastActivity: day("2026-01-18T00:00:00Z")),
            Lead(source: "nexor", id: "2", name: "Álvaro Díaz", phone: "+12025550002", status: Lead.Status(label: "contacted", color: nil),
                 lastActivity: day("2026-01-20T11:00:00Z")),
            Lead(source: "nexor", id: "3", name: "bob Brown", email: "bob@example.com"),
            Lead(source: "nexor", id: "4", name: "Carla Cruz", phone: "+12025550004", status: Lead.Status(label: "Qualified", color: nil),
                 lastActivity: day("2025-12-01T00:00:00Z")),
        ]
        _ = state.handle(.leadsLoaded(source: "nexor", page: LeadPage(leads: leads, next: nil)))
        return state
    }

    static func names(_ state: AppState) -> [String] {
        state.leads.visible.map { state.leads.person($0).name }
    }

    @Test("S cycles recent activity, name and status; the title says which; the selection stays")
    func sort() {
        var state = Self.people()
        #expect(state.leads.sort == .recent)
        #expect(Self.names(state) == ["Álvaro Díaz", "zoë Adams", "Carla Cruz", "bob Brown"], "latest first, no activity last")
        #expect(Screen.render(state).lines[0].hasPrefix("┌ Leads (4) by recent ─"))
        _ = state.press(.character("j"))
        #expect(state.leads.selectedPerson?.name == "zoë Adams")

        _ = state.press(.character("S"))
        #expect(Self.names(state) == ["Álvaro Díaz", "bob Brown", "Carla Cruz", "zoë Adams"], "ignoring case and accents")
        #expect(Screen.render(state).lines[0].hasPrefix("┌ Leads (4) by name ─"))
        #expect(state.leads.selectedPerson?.name == "zoë Adams")
        #expect(Screen.render(state).lines[4].hasPrefix("│▶zoë Adams"))

        _ = state.press(.character("S"))
        #expect(Self.names(state) == ["Álvaro Díaz", "Carla Cruz", "zoë Adams", "bob Brown"], "by status label; none last")
        #expect(Screen.render(state).lines[0].hasPrefix("┌ Leads (4) by status ─"))

        _ = state.press(.character("S"))
        #expect(state.leads.sort == .recent)
    }

    @Test("The sort applies to the filtered list and to pages that arrive later")
    func sortWithFilterAndPages() {
        var state = Self.people()
        _ = state.press(.character("S"), .character("/"))
        _ = state.type("z")
        _ = state.press(.enter)
        #expect(Self.names(state) == ["Álvaro Díaz", "Carla Cruz", "zoë Adams"])
        _ = state.handle(.leadsLoaded(source: "nexor", page: LeadPage(leads: [Lead(source: "nexor", id: "5", name: "Aaron Zed", phone: "+12025550005")], next: nil)))
        #expect(Self.names(state) == ["Aaron Zed", "Álvaro Díaz", "Carla Cruz", "zoë Adams"])
    }

    @Test(": jumps to a person by SOURCE:ID, by phone in any format or by email, and shows their timeline")
    func jump() {
        var state = Sample.state()
        _ = state.press(.character(":"))
        _ = state.type("nlpearl:c1")
        #expect(Screen.render(state).lines.last!.hasPrefix(" :nlpearl:c1▏  SOURCE:ID, phone or email"))
        let effects = state.press(.enter)
        #expect(state.prompt == nil)
        #expect(state.leads.selectedPerson?.name == "Carlos Lopez", "an NLPearl lead is found by its id without the outbound")
        #expect(state.focus == .timeline)
        #expect(effects.contains { if case .loadTimeline(let person, _, false) = $0 { person.name == "Carlos Lopez" } else { false } })

        for (typed, name) in [("+56 9 1234-5678", "Ana Pérez"), ("YUKI@Example.jp", "山田 由紀 🌸"), ("leadping:lp1", "Ana Pérez"), ("0012025550123", "Carlos Lopez")] {
            _ = state.press(.character(":"))
            _ = state.type(typed)
            _ = state.press(.enter)
            #expect(state.leads.selectedPerson?.name == name, "\(typed)")
        }
    }

    @Test(": clears a filter that hides the person; nothing matching is an error in the status line")
    func jumpMisses() {
        var state = Sample.state()
        _ = state.press(.character("/"))
        _ = state.type("carlos")
        _ = state.press(.enter, .character(":"))
        _ = state.type("ana@example.com")
        _ = state.press(.enter)
        #expect(state.leads.selectedPerson?.name == "Ana Pérez")
        #expect(state.leads.filter.text.isEmpty)

        _ = state.press(.character(":"))
        _ = state.type("nobody@example.com")
        _ = state.press(.enter)
        #expect(state.status?.level == .error)
        #expect(state.status?.text == "No lead matches \"nobody@example.com\" among the 3 people loaded.")
        #expect(Screen.render(state).lines.last!.contains("No lead matches \"nobody@example.com\""))
        #expect(state.leads.selectedPerson?.name == "Ana Pérez")

        _ = state.press(.character(":"))
        _ = state.type("hello")
        _ = state.press(.enter)
        #expect(state.status?.text == "\"hello\" is not a lead: type SOURCE:ID, a phone number or an email.")
        _ = state.press(.character(":"))
        _ = state.type("nexor:")
        _ = state.press(.escape)
        #expect(state.prompt == nil)
        #expect(state.press(.character("q")).isEmpty && state.wantsQuit, "keys are commands again after Esc")
    }

    static let relativeCases: [(Double, String)] = [
        (0, "now"), (59, "now"), (-3600, "now"), (60, "1m ago"), (3599, "59m ago"), (7200, "2h ago"),
        (86_400 * 3, "3d ago"), (86_400 * 45, "1mo ago"), (86_400 * 400, "1y ago"),
    ]

    @Test("Relative times, with a fixed clock", arguments: relativeCases)
    func relative(secondsAgo: Double, expected: String) {
        #expect(Screen.relative(Sample.now.addingTimeInterval(-secondsAgo), now: Sample.now) == expected)
    }

    @Test("The list says \"3d ago\" when it is wide, \"3d\" when narrow")
    func relativeInList() {
        var wide = Self.people()
        _ = wide.handle(.resize(width: 200, height: 50))
        #expect(Screen.render(wide).lines[1].contains("1h ago│"))
        #expect(Screen.render(wide).lines[2].contains("2d ago│"))
        #expect(Screen.render(Self.people()).lines[2].contains(" 2d│"))
    }
}

@Suite("Time zone: absolute times in the timeline and detail, in the configured zone")
struct TimeZoneTests {
    @Test("Europe/Berlin moves times and day separators; UTC does not")
    func berlin() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        var state = AppState(sources: ["nexor"], width: 120, height: 40, now: Sample.now, timeZone: berlin)
        _ = state.start()
        _ = state.handle(.leadsLoaded(source: "nexor", page: LeadPage(leads: [Sample.ana], next: nil)))
        _ = state.handle(.eventsArrived(generation: state.timeline!.generation, events: [
            Sample.event("x", "2026-01-10T14:00:00Z", .call, kind: "call", title: "Afternoon call"),
            Sample.event("y", "2026-01-10T23:30:00Z", .sms, kind: "sms", title: "Late SMS"),
            Sample.event("z", "2026-07-01T12:00:00Z", .email, kind: "email", title: "Summer email"),
        ]))
        _ = state.press(.tab)
        let lines = Screen.render(state).lines.map { String($0.dropFirst(30).prefix(50)) }
        #expect(lines[2].contains("Sat 10 Jan 2026"))
        #expect(lines[3].contains("15:00 ☎   Afternoon call"))
        #expect(lines[4].contains("Sun 11 Jan 2026"), "23:30 UTC is past midnight in Berlin")
        #expect(lines[5].contains("00:30 ✎   Late SMS"))
        #expect(lines[7].contains("14:00 ✉   Summer email"), "summer time is UTC+2")
        #expect(Screen.render(state).lines.contains { $0.contains("When: 2026-01-10 15:00:00") })

        var utc = state
        utc.timeZone = Sample.utc
        utc.timeline!.rebuild(timeZone: Sample.utc)
        #expect(Screen.render(utc).lines.contains { $0.dropFirst(30).contains("23:30 ✎   Late SMS") })
    }
}

@Suite("Lead list while pages arrive")
struct LeadListLoadingTests {
    @Test("A lead that joins the shown person is loaded into the timeline; keys after that load nothing")
    func timelineFollowsAJoiningLead() {
        var state = AppState(sources: ["nexor", "leadping"], width: 120, height: 40, now: Sample.now, timeZone: Sample.utc)
        _ = state.start()
        let olga = Lead(source: "nexor", id: "1", name: "Olga", phone: "+12025550001")
        let first = state.handle(.leadsLoaded(source: "nexor", page: LeadPage(leads: [olga], next: nil)))
        #expect(first.contains { if case .loadTimeline(let person, _, _) = $0 { person.leads.map(\.ref) == ["nexor:1"] } else { false } })
        let generation = state.timeline?.generation
        // Keys that leave the selection on Olga do not reopen her timeline.
        for key in [Key.tab, .character("j"), .character("k"), .tab] {
            #expect(!state.press(key).contains { if case .loadTimeline = $0 { true } else { false } }, "key \(key)")
        }
        #expect(state.timeline?.generation == generation)
        // The same phone at another vendor joins her: her timeline asks for both leads.
        let joined = state.handle(.leadsLoaded(source: "leadping", page: LeadPage(
            leads: [Lead(source: "leadping", id: "9", name: "Olga S", phone: "+1 202 555 0001")], next: nil)))
        #expect(joined.contains { if case .loadTimeline(let person, _, _) = $0 { Set(person.leads.map(\.ref)) == ["nexor:1", "leadping:9"] } else { false } })
        #expect(state.timeline?.person.leads.count == 2)
        #expect(!state.press(.character("j")).contains { if case .loadTimeline = $0 { true } else { false } })
    }


    @Test("Until the user moves, the top row stays selected as sorted pages arrive; after, the chosen person does")
    func topRowUntilChosen() {
        var state = AppState(sources: ["nexor", "leadping"], width: 120, height: 40, now: Sample.now, timeZone: Sample.utc)
        _ = state.start()
        let old = Lead(source: "nexor", id: "1", name: "Old Olga", phone: "+12025550001", lastActivity: LeadListComfortTests.day("2025-06-01T00:00:00Z"))
        let new = Lead(source: "leadping", id: "2", name: "New Nina", phone: "+12025550002", lastActivity: LeadListComfortTests.day("2026-01-19T00:00:00Z"))
        let newest = Lead(source: "leadping", id: "3", name: "Newest Ned", phone: "+12025550003", lastActivity: LeadListComfortTests.day("2026-01-20T00:00:00Z"))
        _ = state.handle(.leadsLoaded(source: "nexor", page: LeadPage(leads: [old], next: nil)))
        let effects = state.handle(.leadsLoaded(source: "leadping", page: LeadPage(leads: [new], next: "p2")))
        #expect(state.leads.selected == 0)
        #expect(state.leads.selectedPerson?.name == "New Nina")
        #expect(effects.contains { if case .loadTimeline(let person, _, _) = $0 { person.name == "New Nina" } else { false } })
        _ = state.press(.character("j"))
        #expect(state.leads.selectedPerson?.name == "Old Olga")
        _ = state.handle(.leadsLoaded(source: "leadping", page: LeadPage(leads: [newest], next: nil)))
        #expect(state.leads.selectedPerson?.name == "Old Olga", "a chosen person stays chosen as rows arrive above")
        #expect(state.leads.selected == 2)
    }
}
