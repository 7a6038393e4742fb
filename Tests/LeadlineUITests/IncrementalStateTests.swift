import Foundation
import LeadlineKit
import Testing
@testable import LeadlineUI

/// The list and timeline keep indexes that are updated, not rebuilt, as pages and keys arrive.
/// These tests compare them with the plain computation they replace.
@Suite("Incremental indexes agree with computing everything again")
struct IncrementalStateTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
    }

    @Test("Local day and minute, and the day's label, match Calendar across DST changes", arguments: [
        "UTC", "Europe/Berlin", "America/Santiago", "Australia/Lord_Howe", "Asia/Kolkata", "America/St_Johns",
    ])
    func localTimes(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var clock = LocalClock(timeZone: timeZone)
        var random = Generator(state: 5)
        // Forward in 37-minute steps over two years, then random instants (backwards too).
        var instants = stride(from: 1_735_689_600.0, to: 1_798_761_600.0, by: 2_220).map { Date(timeIntervalSince1970: $0) }
        instants += (0..<2_000).map { _ in Date(timeIntervalSince1970: Double.random(in: -2e9...4e9, using: &random)) }
        for date in instants {
            let (day, minute) = clock.dayAndMinute(of: date)
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
            #expect(minute == parts.hour! * 60 + parts.minute!, "\(zone) \(date)")
            let label = "\(Screen.weekdays[parts.weekday! - 1]) \(parts.day!) \(Screen.months[parts.month! - 1]) \(parts.year!)"
            #expect(Screen.dayLabel(day) == label, "\(zone) \(date)")
        }
    }

    static func lead(_ number: Int, random: inout Generator) -> Lead {
        let names = ["Ana", "ana", "Álvaro", "Bob", "", "Zoë", "carla", "Émile", "李"]
        let statuses = [nil, "Won", "contacted", "Qualified", ""]
        return Lead(
            source: ["nexor", "leadping"][number % 2], id: "\(number)",
            name: names[Int.random(in: 0..<names.count, using: &random)] + " \(Int.random(in: 0..<5, using: &random))",
            phone: Bool.random(using: &random) ? "+1202555\(1000 + Int.random(in: 0..<300, using: &random))" : nil,
            email: Bool.random(using: &random) ? "p\(Int.random(in: 0..<300, using: &random))@example.com" : nil,
            status: statuses[Int.random(in: 0..<statuses.count, using: &random)].map { Lead.Status(label: $0) },
            lastActivity: Bool.random(using: &random) ? Date(timeIntervalSince1970: Double(Int.random(in: 0..<40, using: &random)) * 86_400) : nil)
    }

    @Test("The list built page by page is the list sorted and filtered from scratch", arguments: LeadSort.allCases)
    func listOrder(sort: LeadSort) {
        var random = Generator(state: UInt64(sort.hashValue & 0xFFFF) + 1)
        var state = AppState(sources: ["nexor", "leadping"], width: 120, height: 40, now: Date(timeIntervalSince1970: 50 * 86_400))
        _ = state.start()
        while state.leads.sort != sort { _ = state.handle(.key(.character("S"))) }
        var number = 0
        for page in 0..<25 {
            let leads = (0..<Int.random(in: 1...30, using: &random)).map { _ in
                defer { number += 1 }
                return Self.lead(number, random: &random)
            }
            _ = state.handle(.leadsLoaded(source: page % 2 == 0 ? "nexor" : "leadping", page: LeadPage(leads: leads, next: "p\(page)")))
        }
        let incremental = state.leads.visible.map { state.leads.person($0).id }
        // From scratch: the same directory, every slot sorted at once.
        var fresh = state.leads
        fresh.sort = sort == .recent ? .name : .recent
        fresh.sort = sort
        fresh.applyFilter()
        #expect(incremental == fresh.visible.map { fresh.person($0).id })
        #expect(Set(incremental).count == state.leads.personCount)

        // Typing a filter narrows; erasing it goes back through the same answers.
        _ = state.handle(.key(.character("/")))
        var seen: [String: [String]] = [:]
        for key in ["a", "n", "a", " ", "2"] {
            _ = state.handle(.key(.character(Character(key))))
            let text = state.leads.filter.text
            let query = SearchQuery(text)
            let expected = fresh.visible.map { fresh.person($0) }.filter { query.matches(LeadListState.searchFields($0)) }.map(\.id)
            #expect(state.leads.visible.map { state.leads.person($0).id } == expected, "filter \"\(text)\"")
            seen[text] = expected
        }
        for _ in 0..<5 {
            _ = state.handle(.key(.backspace))
            let text = state.leads.filter.text
            if let expected = seen[text] {
                #expect(state.leads.visible.map { state.leads.person($0).id } == expected, "back to \"\(text)\"")
            }
        }
        #expect(state.leads.visible.map { state.leads.person($0).id } == incremental)
    }

    @Test("A person's search text keeps each distinct field once, and matches what all of them match")
    func searchFieldsOnce() {
        let person = Person(leads: [
            Lead(source: "nexor", id: "1", name: "Ana Ruiz", phone: "+34600111222", email: "ana@example.com"),
            Lead(source: "leadping", id: "2", name: "Ana Ruiz", phone: "+34600111222", email: "ANA@work.example", company: "Acme"),
            Lead(source: "liveforce", id: "3", name: "", email: "ana@example.com"),
        ])
        let fields = LeadListState.searchFields(person)
        #expect(fields == ["Ana Ruiz", "+34600111222", "ana@example.com", "ANA@work.example", "Acme"])
        let every = person.leads.flatMap { [$0.name, $0.phone ?? "", $0.email ?? "", $0.company ?? ""] }
        for text in ["ana", "ANA", "ruiz 600", "work acme", "Ana Ruiz", "example.com", "nobody", "+34 6"] {
            let query = SearchQuery(text)
            #expect(query.matches(fields) == query.matches(every), "\(text)")
        }
    }

    @Test("Channel toggles and a search on the timeline show exactly the matching events, with day lines")
    func timelineLines() {
        var random = Generator(state: 9)
        var state = Sample.loaded()
        guard let generation = state.timeline?.generation else {
            Issue.record("no timeline")
            return
        }
        let words = ["call back", "Price", "price list", "demo", "Thanks"]
        var events: [TimelineEvent] = []
        for number in 0..<400 {
            let time = Date(timeIntervalSince1970: 1_767_225_600 + Double(Int.random(in: 0..<(20 * 86_400), using: &random)))
            events.append(TimelineEvent(
                source: "nexor", id: "r\(number)", channel: Channel.allCases.randomElement(using: &random)!, kind: "message",
                timestamp: time, title: words.randomElement(using: &random)!, text: words.randomElement(using: &random)))
        }
        for page in stride(from: 0, to: events.count, by: 50) {
            _ = state.handle(.eventsArrived(generation: generation, events: Array(events[page..<(page + 50)])))
        }
        _ = state.handle(.key(.tab))
        for keys in [["c"], ["w"], ["e"], ["a"], ["/", "p", "r"], ["P"]] {
            for key in keys { _ = state.handle(.key(.character(Character(key)))) }
            let timeline = state.timeline!
            let query = SearchQuery(timeline.filter.text)
            let expected = Array(timeline.timeline.events).filter { timeline.channels.contains($0.channel) && query.matches($0.searchableFields) }
            let shown = timeline.lines.compactMap { line -> TimelineEvent? in
                if case .event(let index) = line { return timeline.timeline.events[index] }
                return nil
            }
            #expect(shown == expected, "after \(keys)")
            // A day line before the first event of each day, and only there.
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = Sample.utc
            var previous: Date?
            var expectedLines = 0
            for event in expected {
                let day = calendar.startOfDay(for: event.timestamp)
                if day != previous { expectedLines += 1 }
                previous = day
                expectedLines += 1
            }
            #expect(timeline.lines.count == expectedLines, "after \(keys)")
        }
    }
}

@Suite("Row text prepared for the rows on screen")
struct PreparedRowTests {
    @Test("A frame drawn from prepared rows equals one that works every row out itself")
    func preparedEqualsComputed() {
        var state = Sample.loaded(width: 200, height: 30)
        for key in [Key.tab, .character("j"), .character("j"), .pageDown, .character("G")] {
            _ = state.handle(.key(key))
            var unprepared = state
            unprepared.leads.rows = [:]
            unprepared.timeline?.rows = [:]
            #expect(Screen.render(state) == Screen.render(unprepared), "after \(key)")
            #expect(!state.leads.rows.isEmpty)
            #expect(state.timeline?.rows.isEmpty == false)
        }
    }

    @Test("Rows prepared in one theme are not drawn in another")
    func themeChangeRedrawsRows() {
        var state = Sample.loaded(width: 200, height: 30)
        _ = state.handle(.key(.tab))
        #expect(!state.leads.rows.isEmpty && state.timeline?.rows.isEmpty == false)
        var theme = state.theme
        theme.text.foreground = .ansi(3)
        theme.muted.foreground = .ansi(5)
        state.theme = theme
        var unprepared = state
        unprepared.leads.rows = [:]
        unprepared.timeline?.rows = [:]
        let frame = Screen.render(state)
        #expect(frame == Screen.render(unprepared))
        #expect(frame.lines.indices.contains { row in (0..<frame.width).contains { frame[row: row, column: $0].style.foreground == .ansi(5) } })
    }

    @Test("A page that renames a listed person redraws their row")
    func renamedPersonRedrawn() {
        var state = Sample.state(width: 120, height: 30)
        #expect(Screen.render(state).lines.contains { $0.contains("Carlos Lopez") })
        var renamed = Sample.carlos
        renamed.name = "Carla Lopez"
        _ = state.handle(.leadsLoaded(source: "nlpearl", page: LeadPage(leads: [renamed], next: nil)))
        let lines = Screen.render(state).lines
        #expect(lines.contains { $0.contains("Carla Lopez") })
        #expect(!lines.contains { $0.contains("Carlos Lopez") })
    }
}
