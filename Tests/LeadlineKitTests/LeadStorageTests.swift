import Foundation
import Testing
@testable import LeadlineKit

@Suite("Compact lead storage: the same answers as plain Swift values")
struct LeadStorageTests {
    /// Values 0..<`range` as strings, found through a `NumberTable` with `hash`, against a
    /// `Dictionary`.
    static func compareWithDictionary(hash: @escaping (String) -> Int, range: Int, seed: UInt64) {
        var random = SplitMix(state: seed)
        var values: [String] = []
        var table = NumberTable()
        var reference: [String: Int32] = [:]
        for _ in 0..<2_000 {
            let value = "v\(Int.random(in: 0..<range, using: &random))"
            let found = table.first(hash: hash(value)) { values[Int($0)] == value }
            #expect(found == reference[value], "lookup of \(value)")
            if found == nil {
                let number = Int32(values.count)
                values.append(value)
                table.insert(number, hash: hash(value))
                reference[value] = number
            }
        }
        #expect(table.count == reference.count)
        for probe in 0..<(range + 50) {
            let value = "v\(probe)"
            #expect(table.first(hash: hash(value)) { values[Int($0)] == value } == reference[value])
        }
    }

    @Test("NumberTable finds what a Dictionary finds, on random values")
    func numberTable() {
        Self.compareWithDictionary(hash: { $0.hashValue }, range: 1_500, seed: 5)
    }

    @Test("NumberTable finds what a Dictionary finds when hashes collide", arguments: [1, 3, 64])
    func numberTableCollisions(distinctHashes: Int) {
        // Few distinct hashes: most values share a hash with others and are told apart by `matches`.
        Self.compareWithDictionary(hash: { abs($0.hashValue) % distinctHashes }, range: 300, seed: UInt64(distinctHashes))
    }

    @Test("NumberTable finds what a Dictionary finds when hashes differ only above their low 32 bits")
    func numberTableHighBits() {
        // The table keeps and compares a hash's low 32 bits; here those are all zero.
        Self.compareWithDictionary(hash: { (abs($0.hashValue) % 97) << 40 }, range: 300, seed: 11)
    }

    @Test("LeadStore gives back the leads it was given, also after replacing many")
    func leadStore() {
        var random = SplitMix(state: 9)
        func randomLead(_ number: Int) -> Lead {
            func maybe(_ text: String) -> String? { Bool.random(using: &random) ? text : nil }
            return Lead(
                source: ["nexor", "leadping", "liveforce"].randomElement(using: &random)!,
                id: "id-\(number)-\(String(repeating: "x", count: Int.random(in: 0..<30, using: &random)))",
                name: ["", "Ana", "María José Ñúñez", "李小龙"].randomElement(using: &random)!,
                phone: maybe("+1202555\(number)"), email: maybe("p\(number)@example.com"), company: maybe(""),
                status: Bool.random(using: &random) ? Lead.Status(label: "Contacted", key: maybe("contacted"), color: maybe("#00ff00")) : nil,
                createdAt: Bool.random(using: &random) ? Date(timeIntervalSince1970: Double(number) * 1.5) : nil,
                lastActivity: Bool.random(using: &random) ? Date(timeIntervalSinceReferenceDate: -Double(number)) : nil,
                details: Bool.random(using: &random) ? [Detail("Campaign", "Spring \(number)")] : [])
        }
        var store = LeadStore()
        var expected: [Lead] = []
        for number in 0..<500 {
            let lead = randomLead(number)
            #expect(store.append(lead) == Int32(number))
            expected.append(lead)
        }
        // Enough replacements that the text is compacted on the way.
        for round in 0..<3_000 {
            let number = Int.random(in: 0..<expected.count, using: &random)
            let lead = randomLead(round)
            store.replace(Int32(number), with: lead)
            expected[number] = lead
        }
        #expect(store.count == expected.count)
        #expect((0..<expected.count).map { store.lead(Int32($0)) } == expected)
        #expect(store.sourceNumber("nexor").map { store.source(of: 0) == $0 || store.lead(0).source != "nexor" } == true)
        #expect(store.sourceNumber("unknown") == nil)
    }

    @Test("ContactKeyNumbers numbers each distinct key once")
    func contactKeys() {
        var random = SplitMix(state: 2)
        var numbers = ContactKeyNumbers()
        var reference: [ContactKey: Int32] = [:]
        for _ in 0..<3_000 {
            let value = Int.random(in: 0..<800, using: &random)
            // A phone and an email key with the same text are different keys.
            let key: ContactKey = Bool.random(using: &random) ? .phone("+1202\(value)") : .email("+1202\(value)")
            #expect(numbers.number(of: key) == reference[key])
            if reference[key] == nil { reference[key] = numbers.add(key) }
        }
        #expect(numbers.count == reference.count)
        #expect(Set(reference.values) == Set((0..<Int32(reference.count))))
    }
}
