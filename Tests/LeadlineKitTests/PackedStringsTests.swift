import Testing
@testable import LeadlineKit

@Suite struct PackedStringsTests {
    @Test func givesBackWhatWasPacked() {
        let cases: [[String?]] = [
            [],
            [nil],
            [""],
            ["", nil, ""],
            ["nexor", "5f1c0c9a-6a0b-4b1e-9d43-5a4c0e0f0c11", nil, "Call", "a body with ünïcödé, 👩‍👩‍👧 and \u{0}", nil],
            [String(repeating: "x", count: 70_000), "after a long one", nil],
        ]
        for strings in cases {
            let packed = PackedStrings(strings)
            #expect(packed.count == strings.count)
            #expect(packed.strings == strings)
            for index in strings.indices { #expect(packed[index] == strings[index]) }
        }
        #expect(PackedStrings().count == 0)
    }

    @Test func fieldsThenDetails() {
        let details = [Detail("Campaign", "Spring"), Detail("", ""), Detail("Sentiment", "positive 👍")]
        for kept in [[], details] {
            let packed = PackedStrings(["a", nil, "c"], details: kept)
            #expect(packed.count == 3 + 2 * kept.count)
            #expect(packed.details(after: 3) == kept)
            #expect(Array(packed.strings.prefix(3)) == ["a", nil, "c"])
            let replaced = packed.replacing(1, with: "b")
            #expect(Array(replaced.strings.prefix(3)) == ["a", "b", "c"])
            #expect(replaced.details(after: 3) == kept)
        }
    }

    @Test func nilAndEmptyDiffer() {
        #expect(PackedStrings([nil]) != PackedStrings([""]))
        #expect(PackedStrings(["a", nil]) != PackedStrings([nil, "a"]))
        #expect(PackedStrings(["ab", "c"]) != PackedStrings(["a", "bc"]))
        #expect(PackedStrings(["ab", "c"]) == PackedStrings(["ab", "c"]))
    }
}
