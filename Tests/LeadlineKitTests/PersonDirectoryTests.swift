import Foundation
import Testing
@testable import LeadlineKit

@Suite("One person across vendors")
struct PersonDirectoryTests {
    static func lead(_ ref: String, phone: String? = nil, email: String? = nil, name: String = "") -> Lead {
        let parts = ref.split(separator: ":", maxSplits: 1).map(String.init)
        return Lead(source: parts[0], id: parts[1], name: name, phone: phone, email: email)
    }

    @Test("Phones are normalised to E.164", arguments: [
        ("+1 (234) 567-890", "+1234567890"), ("+1234567890", "+1234567890"), ("001234567890", "+1234567890"),
        ("+56 9 1234 5678", "+56912345678"), ("56912345678", "+56912345678"), ("+1.234.567.890", "+1234567890"),
        ("0912345678", "0912345678"), ("912345678", "912345678"),
    ])
    func phones(text: String, normalised: String) {
        #expect(ContactKey.phone(normalizing: text) == .phone(normalised))
    }

    @Test("Things that are not phone numbers give no key", arguments: ["<string>", "123", "01234XXXXXX", "+1 234 ext 5", "", "1+234567"])
    func notPhones(text: String) {
        #expect(ContactKey.phone(normalizing: text) == nil)
    }

    @Test("Emails are trimmed and lower-cased; junk gives no key")
    func emails() {
        #expect(ContactKey.email(normalizing: " John@Example.COM ") == .email("john@example.com"))
        #expect(ContactKey.email(normalizing: "[email protected]") == nil)
        #expect(ContactKey.email(normalizing: "@x.com") == nil)
        #expect(ContactKey.email(normalizing: "a@b") == nil)
        #expect(ContactKey(parsing: "john@example.com") == .email("john@example.com"))
        #expect(ContactKey(parsing: "+1 (234) 567-890") == .phone("+1234567890"))
        #expect(ContactKey(parsing: "john") == nil)
    }

    @Test("Same phone in different formats, or same email in different case, is one person")
    func merge() {
        let directory = PersonDirectory([
            Self.lead("nexor:1", phone: "+1234567890", email: "john@example.com", name: "John Doe"),
            Self.lead("leadping:a", phone: "+1 (234) 567-890"),
            Self.lead("liveforce:7", email: "JOHN@example.com"),
            Self.lead("nexor:2", phone: "+56912345678", name: "Ana"),
            Self.lead("nlpearl:o/x", phone: "+44 20 7946 0000"),
        ])
        let persons = directory.persons
        #expect(persons.map { $0.leads.map(\.ref) } == [["nexor:1", "leadping:a", "liveforce:7"], ["nexor:2"], ["nlpearl:o/x"]])
        #expect(persons[0].name == "John Doe")
        #expect(persons[0].sources == ["nexor", "leadping", "liveforce"])
        #expect(directory.person(containing: "liveforce:7")?.leads.count == 3)
    }

    @Test("A later lead can join two persons through a chain of keys")
    func chain() {
        var directory = PersonDirectory([
            Self.lead("a:1", phone: "+1234567890"),
            Self.lead("b:1", email: "x@y.com"),
        ])
        #expect(directory.persons.count == 2)
        directory.add([Self.lead("c:1", phone: "+1 234 567 890", email: "X@Y.com")])
        #expect(directory.persons.map { $0.leads.map(\.ref) } == [["a:1", "b:1", "c:1"]])
        directory.add([Self.lead("b:1", email: "x@y.com", name: "Renamed")])
        #expect(directory.leadCount == 3)
        #expect(directory.persons[0].leads[1].name == "Renamed")
    }

    @Test("A key a lead had before an update still finds its person after the person joins another")
    func updatedKeyFollowsJoin() {
        var directory = PersonDirectory([Self.lead("x:0", phone: "+12025550000"), Self.lead("a:1", phone: "+12025550001")])
        // a:1 now has x:0's phone: its person joins x:0's; the phone it had still names that person.
        directory.add([Self.lead("a:1", phone: "+12025550000")])
        directory.add([Self.lead("d:1", phone: "+12025550001")])
        #expect(directory.persons.map { $0.leads.map(\.ref) } == [["x:0", "a:1", "d:1"]])
        #expect(directory.person(inSlot: 1) == nil)
    }

    @Test("A slot's id, name, status and last activity are the person's, without making the person")
    func slotSummaries() {
        var random = SplitMix(state: 4)
        let leads = (0..<300).map { number in
            Lead(source: "s\(number % 3)", id: "\(number)", name: Bool.random(using: &random) ? "" : "Name \(number)",
                 phone: "+1202555\(String(format: "%04d", Int.random(in: 0..<120, using: &random)))",
                 status: Bool.random(using: &random) ? Lead.Status(label: "L\(number % 5)") : nil,
                 createdAt: Bool.random(using: &random) ? Date(timeIntervalSince1970: Double(number)) : nil,
                 lastActivity: Bool.random(using: &random) ? Date(timeIntervalSince1970: Double(1_000 - number)) : nil)
        }
        let directory = PersonDirectory(leads)
        for slot in 0..<directory.slotCount {
            let person = directory.person(inSlot: slot)
            #expect(directory.id(inSlot: slot) == person?.id)
            guard let person else { continue }
            #expect(directory.name(inSlot: slot) == person.name)
            #expect(directory.status(inSlot: slot) == person.leads.lazy.compactMap(\.status).first)
            #expect(directory.lastActivity(inSlot: slot) == person.lastActivity)
        }
    }

    @Test("Leads without contact details stay on their own")
    func loners() {
        let directory = PersonDirectory([Self.lead("a:1"), Self.lead("b:1"), Self.lead("c:1", phone: "n/a")])
        #expect(directory.persons.count == 3)
    }
}
