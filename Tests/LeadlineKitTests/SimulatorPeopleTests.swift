import Foundation
import Testing
@testable import LeadlineKit

/// The simulated people: spread over vendors, written differently by each, in many languages.
@Suite("Simulator: people")
struct SimulatorPeopleTests {
    @Test("People are leads at one to four vendors, mostly two to four, and every vendor has leads")
    func vendorSpread() {
        let people = Simulator(options: SimulatorOptions(seed: 1, leads: 1_000)).people
        var byCount: [Int: Int] = [:]
        for person in people { byCount[person.accounts.count, default: 0] += 1 }
        #expect(Set(byCount.keys) == [1, 2, 3, 4])
        #expect((50...150).contains(byCount[1] ?? 0), "\(byCount)")
        #expect((byCount[2] ?? 0) + (byCount[3] ?? 0) + (byCount[4] ?? 0) >= 850)
        #expect((120...280).contains(byCount[4] ?? 0), "\(byCount)")
        for kind in SourceKind.allCases {
            #expect(people.filter { $0.account(kind) != nil }.count > 350, "\(kind)")
        }
        #expect(people.map(\.index) == Array(0..<1_000))
    }

    @Test("Each vendor writes the same phone its own way, and all normalise to one person")
    func phonesAcrossVendors() {
        let people = Simulator(options: SimulatorOptions(seed: 1, leads: 300)).people
        var liveforceShapes: Set<String> = []
        for person in people {
            #expect(ContactKey.phone(normalizing: person.phone) == .phone(person.phone))
            for account in person.accounts {
                let digits = account.phone.filter(\.isNumber)
                #expect(digits == person.phone.filter(\.isNumber), "\(account.ref) \(account.phone)")
                switch account.kind {
                case .nexor, .nlpearl:
                    #expect(account.phone == person.phone)
                case .leadping:
                    #expect(account.phone.contains(" "))
                    #expect(ContactKey.phone(normalizing: account.phone) == .phone(person.phone))
                case .liveforce:
                    liveforceShapes.insert(account.phone.hasPrefix("+") ? "dashes" : account.phone.hasPrefix("(") ? "parentheses" : "digits")
                }
            }
        }
        #expect(liveforceShapes == ["dashes", "parentheses", "digits"])
        let nexorAndLeadPing = people.first { $0.account(.nexor) != nil && $0.account(.leadping) != nil }
        #expect(nexorAndLeadPing?.account(.nexor)?.phone != nexorAndLeadPing?.account(.leadping)?.phone)
        // Numbers are unique, so merging by phone never joins two people.
        #expect(Set(people.map(\.phone)).count == people.count)
        #expect(Set(people.map(\.email)).count == people.count)
    }

    @Test("Emails match case-insensitively across vendors, some written in another case")
    func emailsAcrossVendors() {
        let people = Simulator(options: SimulatorOptions(seed: 1, leads: 300)).people
        var otherCase = 0
        for person in people {
            #expect(person.email == person.email.lowercased())
            #expect(ContactKey.email(normalizing: person.email) != nil)
            for account in person.accounts {
                #expect(account.email.lowercased() == person.email)
                if account.email != person.email { otherCase += 1 }
            }
        }
        #expect(otherCase > 20)
    }

    @Test("Names and messages in many scripts, with emoji")
    func languages() async throws {
        let client = SimClient(SimulatorOptions(seed: 1, leads: 200))
        let names = client.simulator.people.map(\.name).joined(separator: " ")
        var messages = ""
        for person in client.simulator.people.prefix(120) {
            if let account = person.account(.nexor) {
                messages += String(decoding: try await client.send("GET", .nexor, "/leads/\(account.id)/history?limit=200").body, as: UTF8.self)
            }
        }
        let scripts: [(String, ClosedRange<UInt32>)] = [
            ("Han", 0x4E00...0x9FFF), ("Kana", 0x3040...0x30FF), ("Arabic", 0x0600...0x06FF), ("Devanagari", 0x0900...0x097F),
            ("Latin accents", 0x00C0...0x017F), ("emoji", 0x1F300...0x1FAFF),
        ]
        for (script, range) in scripts {
            // Japanese names are mostly written in kanji, so kana are only required in messages.
            if script != "Kana" { #expect(names.unicodeScalars.contains { range.contains($0.value) }, "names: \(script)") }
            #expect(messages.unicodeScalars.contains { range.contains($0.value) }, "messages: \(script)")
        }
        for word in ["Hola", "Olá", "Hallo", "Bonjour", "Hi "] {
            #expect(messages.contains(word), "\(word)")
        }
        let locales = Set(client.simulator.people.map(\.locale))
        #expect(locales.count >= 10)
    }

    @Test("Hostile mode hides every kind of escape attack in names and messages; normal mode none")
    func hostile() async throws {
        func bodies(_ hostile: Bool) async throws -> (names: String, payloads: String) {
            let client = SimClient(SimulatorOptions(seed: 5, leads: 150, hostile: hostile))
            var payloads = ""
            for person in client.simulator.people {
                for account in person.accounts {
                    let response: HTTPResponse = switch account.kind {
                    case .nexor: try await client.send("GET", .nexor, "/leads/\(account.id)/history?limit=200")
                    case .leadping: try await client.send("POST", .leadping, "/events/leads/\(account.id)", body: ["pageSize": 100])
                    case .nlpearl: try await client.send("GET", .nlpearl, "/v1/Outbound/\(account.outboundID!)/Lead/\(account.id)")
                    case .liveforce: try await client.send("GET", .liveforce, "/leads/summary/\(account.id)")
                    }
                    payloads += String(decoding: response.body, as: UTF8.self)
                }
            }
            return (client.simulator.people.map(\.name).joined(separator: "\n"), payloads)
        }
        let attacks = ["\u{1B}]0;", "\u{1B}]2;", "\u{1B}]52;", "\u{1B}[2J", "\r", "\u{202E}"]
        let hostile = try await bodies(true)
        #expect(attacks.filter { hostile.names.contains($0) }.count >= 4)
        // In JSON the control characters travel escaped.
        for escaped in ["\\u001b]0;", "\\u001b]2;", "\\u001b]52;", "\\u001b[2J", "\\r", "\u{202E}"] {
            #expect(hostile.payloads.contains(escaped), "\(escaped.debugDescription) in some message")
        }
        let calm = try await bodies(false)
        for attack in attacks { #expect(!calm.names.contains(attack)) }
        for escaped in ["\\u001b", "\\r", "\u{202E}"] { #expect(!calm.payloads.contains(escaped)) }
    }

    @Test("person(at:) and the REFs name the same leads the endpoints serve")
    func lookups() async throws {
        let client = SimClient(SimulatorOptions(seed: 3, leads: 60))
        let simulator = client.simulator
        #expect(simulator.peopleCount == 60)
        #expect(simulator.person(at: -1) == nil)
        #expect(simulator.person(at: 60) == nil)
        let person = try #require(simulator.person(at: 17))
        #expect(person == simulator.people[17])
        for account in person.accounts {
            let ref = try LeadRef(parsing: account.ref)
            #expect(ref.source == account.kind.rawValue)
            #expect(ref.id == (account.outboundID.map { "\($0)/\(account.id)" } ?? account.id))
            #expect(account.eventCount >= 5 && account.eventCount <= 60)
        }
        #expect(Simulator(options: SimulatorOptions(leads: -5)).peopleCount == 0)
        #expect(Simulator(options: SimulatorOptions(leads: 10, historySize: 7)).people.allSatisfy { $0.accounts.allSatisfy { $0.eventCount == 7 } })
    }
}
