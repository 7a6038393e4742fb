import Foundation
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
            let several = packed.replacing([0: nil, 2: "z"])
            #expect(Array(several.strings.prefix(3)) == [nil, nil, "z"])
            #expect(several.details(after: 3) == kept)
            let redetailed = packed.replacingDetails(after: 3, with: [Detail("Only", "one")])
            #expect(Array(redetailed.strings.prefix(3)) == ["a", nil, "c"])
            #expect(redetailed.details(after: 3) == [Detail("Only", "one")])
            #expect(packed.replacingDetails(after: 3, with: []).count == 3)
        }
    }

    @Test("Setting a lead's status or details, or an event's details, keeps everything else")
    func settersKeepTheRest() {
        var lead = Lead(source: "nexor", id: "7", name: "Ana", phone: "+1", company: "Acme",
                        status: Lead.Status(label: "New", key: "new", color: "#00ff00"), details: [Detail("Tags", "vip")])
        lead.status = Lead.Status(label: "Won")
        #expect(lead.status == Lead.Status(label: "Won"))
        #expect([lead.source, lead.id, lead.name] == ["nexor", "7", "Ana"])
        #expect(lead.phone == "+1" && lead.company == "Acme" && lead.email == nil)
        #expect(lead.details == [Detail("Tags", "vip")])
        lead.status = nil
        lead.details = [Detail("Owner", "Bo")]
        #expect(lead.status == nil)
        #expect(lead.details == [Detail("Owner", "Bo")])
        #expect(lead.name == "Ana")

        var event = TimelineEvent(source: "leadping", id: "e1", channel: .sms, kind: "sms.outbound",
                                  timestamp: Date(timeIntervalSince1970: 0), title: "SMS", status: "sent", text: "hi",
                                  details: [Detail("From", "+1")])
        event.details = [Detail("To", "+2"), Detail("Error", "")]
        #expect(event.details == [Detail("To", "+2"), Detail("Error", "")])
        #expect([event.source, event.id, event.kind, event.title] == ["leadping", "e1", "sms.outbound", "SMS"])
        #expect(event.status == "sent" && event.text == "hi")
    }

    @Test func nilAndEmptyDiffer() {
        #expect(PackedStrings([nil]) != PackedStrings([""]))
        #expect(PackedStrings(["a", nil]) != PackedStrings([nil, "a"]))
        #expect(PackedStrings(["ab", "c"]) != PackedStrings(["a", "bc"]))
        #expect(PackedStrings(["ab", "c"]) == PackedStrings(["ab", "c"]))
    }
}
