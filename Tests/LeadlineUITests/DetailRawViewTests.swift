import Foundation
import LeadlineKit
import Testing
@testable import LeadlineUI

@Suite("Detail pane raw view (J): the vendor's item, rebuilt from its compact text")
struct DetailRawViewTests {
    static func text(_ lines: [StyledLine]) -> [String] {
        lines.map { $0.spans.map(\.text).joined() }
    }

    @Test("Shows every key and value of the item, keys sorted, indented")
    func showsTheItem() {
        let item = JSONValue.object([
            "id": .string("m1"), "amount": .number(12.5), "count": .integer(3), "read": .bool(false), "media": .null,
            "buttons": .array([.object(["text": .string("Go"), "url": .string("https://x.example")])]),
        ])
        let event = TimelineEvent(
            source: "nexor", id: "m1", channel: .whatsapp, kind: "message", timestamp: Sample.now, title: "WhatsApp message",
            raw: RawJSON(item))
        let lines = DetailLayout.lines(for: event, width: 60, raw: true, theme: Theme(), timeZone: Sample.utc)
        #expect(Self.text(lines) == [
            "Raw nexor payload (J to go back)",
            "{",
            #"  "amount": 12.5,"#,
            #"  "buttons": ["#,
            "    {",
            #"      "text": "Go","#,
            #"      "url": "https://x.example""#,
            "    }",
            "  ],",
            #"  "count": 3,"#,
            #"  "id": "m1","#,
            #"  "media": null,"#,
            #"  "read": false"#,
            "}",
        ])
    }

    @Test("Control sequences in the item are shown escaped, never as control characters")
    func hostileItem() {
        let event = TimelineEvent(
            source: "nexor", id: "x", channel: .system, kind: "activity", timestamp: Sample.now, title: "x",
            raw: RawJSON(.object(["content\u{1B}[2J": .string("title \u{1B}]0;owned\u{7} \u{9B}31m\r\n end")])))
        let lines = Self.text(DetailLayout.lines(for: event, width: 80, raw: true, theme: Theme(), timeZone: Sample.utc))
        #expect(lines.contains(#"  "content\u001b[2J": "title \u001b]0;owned\u0007 \u009b31m\r\n end""#))
        #expect(!lines.joined().unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }
}

extension DetailRawViewTests {
    @Test("A long value wraps under its own key, and nesting indents stay within a narrow pane")
    func wrapping() {
        let item = JSONValue.object(["a": .object(["b": .object(["c": .string("one two three four five six")])])])
        let event = TimelineEvent(
            source: "nexor", id: "x", channel: .system, kind: "activity", timestamp: Sample.now, title: "x", raw: RawJSON(item))
        let lines = Self.text(DetailLayout.lines(for: event, width: 20, raw: true, theme: Theme(), timeZone: Sample.utc))
        #expect(Array(lines.dropFirst(2)) == [
            #"  "a": {"#,
            #"    "b": {"#,
            #"      "c": "one two"#,
            #"        three four"#,
            #"        five six""#,
            "    }",
            "  }",
            "}",
        ])
        #expect(lines.dropFirst().allSatisfy { DisplayWidth.of($0) <= 20 }, "the JSON lines; the heading is clipped when drawn")
    }
}
