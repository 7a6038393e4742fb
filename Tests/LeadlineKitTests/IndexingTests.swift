import Foundation
import Testing
@testable import LeadlineKit

/// A small deterministic generator, so a failing case can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Text index: the same answers as SearchQuery, without lower-casing per keystroke")
struct TextIndexTests {
    static let words = ["María", "maria", "MARTÍN", "Émile", "émile", "Ørsted", "Zoë", "李小龙", "mar", "amar", "Co. Ltd", "+1 555", "x@y.com", ""]

    /// An index of `count` items, numbered from 0, each with the fields `makeFields` gives; and
    /// those fields.
    static func index(
        of count: Int, _ random: inout SplitMix, _ makeFields: (inout SplitMix) -> [String] = randomFields
    ) -> (index: TextIndex, fields: [[String]]) {
        var index = TextIndex()
        var fields: [[String]] = []
        for item in 0..<count {
            fields.append(makeFields(&random))
            index.set(item, fields: fields[item])
        }
        return (index, fields)
    }

    /// Makes one to three fields of up to `maxLength` characters drawn from `alphabet`.
    static func fields(of alphabet: [Character], upTo maxLength: Int) -> (inout SplitMix) -> [String] {
        { random in
            (0..<Int.random(in: 1...3, using: &random)).map { _ in
                String((0..<Int.random(in: 0...maxLength, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            }
        }
    }

    static func randomFields(_ random: inout SplitMix) -> [String] {
        (0..<Int.random(in: 0...4, using: &random)).map { _ in
            (0..<Int.random(in: 1...3, using: &random)).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
        }
    }

    @Test("Every item the index finds is one SearchQuery matches, and no other, for many queries")
    func agreesWithSearchQuery() {
        var random = SplitMix(state: 7)
        var (index, fields) = Self.index(of: 300, &random)
        // Overwrite some, so stale text is in the buffer and must not match.
        for _ in 0..<200 {
            let item = Int.random(in: 0..<300, using: &random)
            fields[item] = Self.randomFields(&random)
            index.set(item, fields: fields[item])
        }
        for text in ["mar", "MAR", "ma ri", "émile", "ÉMILE", "李", "zoë", "co. ltd", "555", "@y.", "nothing", "ia m", "a"] {
            let query = SearchQuery(text.lowercased())
            let expected = fields.map { query.matches($0) }
            #expect(index.items(containingAll: query.terms) == expected, "query \(text)")
            // Narrowing from a superset gives the same answer.
            let all = Array(0..<300)
            #expect(index.items(containingAll: query.terms, among: all) == expected, "query \(text) among all")
            let few = Array(stride(from: 0, to: 300, by: 17))
            let narrowed = index.items(containingAll: query.terms, among: few)
            #expect(narrowed == expected.indices.map { few.contains($0) && expected[$0] }, "query \(text) among few")
        }
    }

    @Test("Long texts and random terms of 1 to 5 bytes: the same answers as a plain substring test")
    func agreesOnLongTexts() {
        // Few distinct bytes, so terms hit often, at every offset of the 16-byte blocks the index
        // compares at once, and at the very end of the buffer.
        let alphabet = Array("abcA9 .-é")
        var random = SplitMix(state: 11)
        let (index, fields) = Self.index(of: 400, &random, Self.fields(of: alphabet, upTo: 70))
        let few = Array(stride(from: 0, to: 400, by: 3))
        for _ in 0..<300 {
            let term = String((0..<Int.random(in: 1...5, using: &random)).map { _ in alphabet.randomElement(using: &random)! }).lowercased()
            let expected = fields.map { $0.contains { $0.lowercased().contains(term) } }
            #expect(index.items(containingAll: [term]) == expected, "term \(term)")
            let narrowed = index.items(containingAll: [term], among: few)
            #expect(narrowed == expected.indices.map { few.contains($0) && expected[$0] }, "term \(term) among few")
        }
    }

    @Test("Typing, erasing and retyping a search, letter by letter, gives SearchQuery's answer at every step")
    func incrementalSearchAgrees() {
        // Few distinct letters and some capitals, so terms grow through many hits, a capital
        // makes the query exact, and words repeat within one field.
        let alphabet = Array("abcaB ")
        var random = SplitMix(state: 23)
        var (index, fields) = Self.index(of: 500, &random, Self.fields(of: alphabet, upTo: 40))
        // Some items set again, so stale text is in the buffer.
        for item in stride(from: 0, to: 500, by: 7) {
            fields[item] = ["abcab cab", "é\u{301}Cab"][item % 2 == 0 ? 0 : 1].components(separatedBy: " ")
            index.set(item, fields: fields[item])
        }
        var search = IncrementalSearch()
        var text = ""
        for step in 0..<400 {
            // Now and then texts move under a search that was not told, as when the timeline
            // sets every event again for a new time zone or gives back spare capacity: the
            // answers are the same, but where the search found its terms no longer holds.
            if step % 37 == 36 {
                for item in stride(from: step % 5, to: 500, by: 3) { index.set(item, fields: fields[item]) }
                if step % 74 == 73 { index.releaseSpareCapacity() }
            }
            if !text.isEmpty && Int.random(in: 0..<4, using: &random) == 0 {
                text.removeLast()
            } else if text.count > 7 {
                text = ""
            } else {
                text.append(alphabet.randomElement(using: &random)!)
            }
            let query = SearchQuery(text)
            let matches = search.matches(text, in: index) { query, item in query.matches(fields[item]) }
            if query.isEmpty {
                #expect(matches == nil, "text \(text)")
            } else {
                #expect(matches == fields.map { query.matches($0) }, "text \(text)")
            }
        }
    }

    @Test("A term never matches across two fields, and removed items match nothing")
    func fieldsAndRemoval() {
        var index = TextIndex()
        index.set(0, fields: ["ab", "cd"])
        index.set(1, fields: ["abcd"])
        #expect(index.items(containingAll: ["bc"]) == [false, true])
        #expect(index.items(containingAll: ["ab", "cd"]) == [true, true])
        index.remove(1)
        #expect(index.items(containingAll: ["ab"]) == [true, false])
        #expect(index.items(containingAll: [""]) == [true, false])
    }

    @Test("Setting items again and again compacts the buffer and keeps the answers")
    func compaction() {
        var index = TextIndex()
        for round in 0..<2_000 {
            index.set(round % 3, fields: ["item \(round % 3) round \(round)"])
        }
        #expect(index.items(containingAll: ["round 1999"]) == [false, true, false])
        #expect(index.items(containingAll: ["round 1"]) == [true, true, true])
        #expect(index.items(containingAll: ["round 5"]) == [false, false, false])
    }
}

@Suite("Person directory: slots that stay put while pages arrive")
struct PersonDirectorySlotTests {
    static func lead(_ ref: String, phone: String? = nil, email: String? = nil) -> Lead {
        let parts = ref.split(separator: ":")
        return Lead(source: String(parts[0]), id: String(parts[1]), name: ref, phone: phone, email: email)
    }

    @Test("A page reports the slots it filled, joined and emptied")
    func changes() {
        var directory = PersonDirectory()
        let first = directory.add([Self.lead("a:1", phone: "+12025550001"), Self.lead("b:1", email: "x@y.com")])
        #expect(first == PersonDirectory.Changes(updated: [0, 1], emptied: []))
        let second = directory.add([Self.lead("c:1", phone: "+12025550001")])
        #expect(second == PersonDirectory.Changes(updated: [0], emptied: []))
        let third = directory.add([Self.lead("d:1", phone: "+1 202 555 0001", email: "X@y.com")])
        #expect(third == PersonDirectory.Changes(updated: [0], emptied: [1]))
        #expect(directory.person(inSlot: 1) == nil)
        #expect(directory.person(inSlot: 0)?.leads.map(\.ref) == ["a:1", "b:1", "c:1", "d:1"])
        #expect(directory.slot(containing: "b:1") == 0)
        #expect(directory.personCount == 1)
        #expect(directory.slotCount == 2)
    }

    @Test("Page by page gives the same persons as all at once, in arrival order")
    func pagesEqualWhole() {
        var random = SplitMix(state: 11)
        let leads = (0..<600).map { number in
            Self.lead("s\(number % 4):\(number)",
                      phone: Bool.random(using: &random) ? "+1202555\(String(format: "%04d", Int.random(in: 0..<150, using: &random)))" : nil,
                      email: Bool.random(using: &random) ? "p\(Int.random(in: 0..<150, using: &random))@example.com" : nil)
        }
        let whole = PersonDirectory(leads).persons.map { $0.leads.map(\.ref) }
        var paged = PersonDirectory()
        var start = 0
        while start < leads.count {
            let end = min(leads.count, start + Int.random(in: 1...40, using: &random))
            paged.add(leads[start..<end])
            start = end
        }
        #expect(paged.persons.map { $0.leads.map(\.ref) } == whole)
        // Reference: union-find over all leads, persons ordered by their first lead.
        var parent = Array(leads.indices)
        func find(_ i: Int) -> Int { parent[i] == i ? i : find(parent[i]) }
        var owner: [ContactKey: Int] = [:]
        for (index, lead) in leads.enumerated() {
            for key in lead.contactKeys {
                if let other = owner[key] { let (a, b) = (find(index), find(other)); parent[max(a, b)] = min(a, b) } else { owner[key] = index }
            }
        }
        var groups: [Int: [String]] = [:]
        for index in leads.indices { groups[find(index), default: []].append(leads[index].ref) }
        #expect(whole == groups.keys.sorted().map { groups[$0]! })
    }
}

@Suite("Timeline: merging pages one by one")
struct TimelineMergeTests {
    @Test("Pages merged one by one, with repeats that move, equal one stable sort of everything")
    func pagesEqualSort() {
        var random = SplitMix(state: 3)
        var timeline = Timeline()
        var latest: [String: (event: TimelineEvent, arrival: Int)] = [:]
        var arrivals = 0
        for _ in 0..<30 {
            var page: [TimelineEvent] = []
            for _ in 0..<Int.random(in: 0...25, using: &random) {
                let id = "e\(Int.random(in: 0..<200, using: &random))"
                let time = Date(timeIntervalSince1970: Double(Int.random(in: 0..<50, using: &random)) * 3_600)
                let channel = Channel.allCases.randomElement(using: &random)!
                page.append(TimelineEvent(source: "s", id: id, channel: channel, kind: "k", timestamp: time, title: id))
            }
            timeline.merge(page)
            for event in page {
                if let known = latest[event.id] { latest[event.id] = (event, known.arrival) } else {
                    latest[event.id] = (event, arrivals)
                    arrivals += 1
                }
            }
        }
        let expected = latest.values.sorted { a, b in
            a.event.timestamp != b.event.timestamp ? a.event.timestamp < b.event.timestamp : a.arrival < b.arrival
        }.map(\.event)
        #expect(Array(timeline.events) == expected)
        let counts = expected.reduce(into: [Channel: Int]()) { $0[$1.channel, default: 0] += 1 }
        #expect(timeline.countsByChannel == counts)
        #expect(timeline.ordered(.newestFirst) == expected.reversed())
    }
}

@Suite("Spare capacity: a complete list or index gives back what it grew beyond")
struct SpareCapacityTests {
    @Test("An array keeps its elements and drops to about their size")
    func array() {
        var numbers: [Int] = []
        for number in 0..<10_000 { numbers.append(number) }
        numbers.removeLast(4_000)
        let before = numbers.capacity
        numbers.releaseSpareCapacity()
        #expect(numbers == Array(0..<6_000))
        #expect(before >= 10_000)
        #expect(numbers.capacity < 6_000 + 6_000 / 8 + 64)
        // Small slack is left alone: no copy for nothing.
        var small = Array(0..<100)
        small.reserveCapacity(120)
        let capacity = small.capacity
        small.releaseSpareCapacity()
        #expect(small.capacity == capacity)
    }

    @Test("The index and the directory answer the same after giving back their spare storage")
    func indexAndDirectory() {
        var random = SplitMix(state: 5)
        var (index, fields) = TextIndexTests.index(of: 500, &random)
        var directory = PersonDirectory()
        for item in 0..<500 {
            _ = directory.add([PersonDirectorySlotTests.lead("s:\(item)", phone: "+1202555\(String(format: "%04d", item % 300))")])
        }
        for item in stride(from: 0, to: 500, by: 3) { index.set(item, fields: ["replaced \(item)"]); fields[item] = ["replaced \(item)"] }
        let persons = directory.persons
        index.releaseSpareCapacity()
        directory.releaseSpareCapacity()
        #expect(directory.persons == persons)
        for text in ["mar", "replaced 3", "555", "zoë", "a"] {
            let query = SearchQuery(text)
            #expect(index.items(containingAll: query.terms) == fields.map { query.matches($0) }, "query \(text)")
        }
        // And they keep growing correctly afterwards.
        _ = directory.add([PersonDirectorySlotTests.lead("t:1", phone: "+12025550007")])
        #expect(directory.person(inSlot: directory.slot(containing: "t:1")!)?.leads.map(\.ref) == ["s:7", "s:307", "t:1"])
        index.set(500, fields: ["late"])
        #expect(index.items(containingAll: ["late"]).last == true)
    }
}
