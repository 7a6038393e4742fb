import Foundation
import Testing
@testable import LeadlineKit

@Suite("timeline output formats")
struct TimelineOutputTests {
    static func documentedEvents() throws -> [TimelineEvent] {
        let page = try JSONDecoder().decode(NexorHistoryPage.self, from: Fixture.data("nexor-get-lead-history.json"))
        return Array(Timeline(page.history.compactMap { $0.toEvent(source: "nexor") }).events)
    }

    @Test("JSON: every event has the design's fields; calls add duration and transcript")
    func jsonFields() throws {
        let lead = Lead(source: "nexor", id: "550e", name: "John Doe", phone: "+1234567890", status: Lead.Status(label: "Qualified"))
        let data = try TimelineJSON.document(person: Person(leads: [lead]), events: Self.documentedEvents())
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let leadObject = try #require(document["lead"] as? [String: Any])
        #expect(leadObject["ref"] as? String == "nexor:550e")
        #expect(leadObject["email"] is NSNull)
        #expect((leadObject["status"] as? [String: Any])?["label"] as? String == "Qualified")
        #expect((document["leads"] as? [[String: Any]])?.map { $0["ref"] as? String } == ["nexor:550e"])
        let events = try #require(document["events"] as? [[String: Any]])
        #expect(events.count == 10)
        let common: Set = ["source", "id", "channel", "kind", "timestamp", "direction", "title", "status", "text", "urls", "details"]
        for event in events {
            let keys = Set(event.keys)
            if event["channel"] as? String == "call" {
                #expect(keys == common.union(["duration_seconds", "transcript"]))
            } else {
                #expect(keys == common)
            }
        }
        let call = try #require(events.first { $0["kind"] as? String == "call" })
        #expect(call["duration_seconds"] as? Int == 185)
        #expect(call["timestamp"] as? String == "2026-01-10T14:00:00Z")
        #expect(call["direction"] is NSNull)
        #expect((call["urls"] as? [[String: String]]) == [["label": "recording", "url": "https://storage.example.com/recordings/abc123.wav"]])
        #expect((call["transcript"] as? [Any])?.isEmpty == true)
        #expect(events.map { $0["timestamp"] as? String } == events.map { $0["timestamp"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") })
    }

    @Test("NDJSON: one compact object per event")
    func ndjson() throws {
        let line = try TimelineJSON.line(Self.documentedEvents()[1])
        let text = String(decoding: line, as: UTF8.self)
        #expect(!text.contains("\n"))
        #expect(text.contains(#""url":"https://cal.example.com/john""#))
        #expect(text.contains(#""direction":"outbound""#))
    }

    @Test("Text: aligned columns, local time zone, glyphs and status")
    func text() throws {
        let lines = TimelineText(timeZone: TimeZone(identifier: "UTC")!).lines(for: try Self.documentedEvents())
        #expect(lines == [
            "2026-01-10 08:00  nexor  ⚙ system       Assigned to Sales Outreach — Lead enrolled via API",
            "2026-01-10 09:00  nexor  ✆ whatsapp  →  WhatsApp template — Hi John, thanks for your interest!  [delivered]",
            "2026-01-10 09:05  nexor  ✆ whatsapp  ←  WhatsApp message — Yes, I'd like to learn more about pricing  [read]",
            "2026-01-10 13:00  nexor  ☎ call         Missed call — No answer  [not_connected]",
            "2026-01-10 14:00  nexor  ☎ call         Call 3m05s — Discussed pricing tiers and scheduled a demo for next week  [ended]",
            "2026-01-10 14:02  nexor  ⚙ system       Product demo with John Doe  [scheduled]",
            "2026-01-10 14:03  nexor  ✉ email     →  Your demo is confirmed — Hi John, confirming our demo for Jan 15...  [delivered]",
            "2026-01-10 14:05  nexor  ⚙ system       Status changed to Qualified — Lead qualified after discovery call",
            "2026-01-15 17:00  nexor  ⚙ system       Product demo with John Doe — Demo went well, sending proposal  [completed]",
            "2026-01-20 11:00  nexor  ⚙ system       Deal Won — Annual plan",
        ])
        let santiago = TimelineText(timeZone: TimeZone(identifier: "America/Santiago")!).lines(for: [try Self.documentedEvents()[0]])
        #expect(santiago[0].hasPrefix("2026-01-10 05:00"))
    }

    @Test("Text: nothing a vendor sends reaches the terminal as a control sequence")
    func hostileText() {
        let event = TimelineEvent(
            source: "nexor", id: "x", channel: .whatsapp, kind: "message", timestamp: date("2026-01-10T08:00:00Z"),
            direction: .inbound, title: "\u{1B}]0;owned\u{07}Hi\u{1B}[2J", status: "read\r\u{1B}]52;c;cHduZWQ=\u{07}",
            text: "safe\rEVIL \u{202E}txt.exe\n\u{9B}31mred\u{85}")
        let line = TimelineText(timeZone: TimeZone(identifier: "UTC")!).lines(for: [event])[0]
        #expect(line == "2026-01-10 08:00  nexor  ✆ whatsapp  ←  Hi — safeEVIL txt.exe red  [read]")
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test("JSON: controls and bidi characters a vendor sends are escaped, and parse back to the same text")
    func hostileJSON() throws {
        let hostile = "\u{1B}]0;owned\u{07}a\u{7F}b\u{9B}31m\u{85}c\u{202E}exe.txt\u{2066}d\u{061C}e\u{200F}f ¿qué? é 山 🌸"
        let event = TimelineEvent(
            source: "nexor", id: "x", channel: .whatsapp, kind: "message", timestamp: date("2026-01-10T08:00:00Z"),
            title: hostile, text: hostile, details: [Detail("From", hostile)])
        let lead = Lead(source: "nexor", id: "l1", name: hostile, phone: "+15550000000", email: nil, company: hostile, status: nil,
                        createdAt: nil, lastActivity: nil)
        let person = try #require(PersonDirectory([lead]).persons.first)
        for output in [try TimelineJSON.line(event), try TimelineJSON.document(person: person, events: [event]), try TimelineJSON.persons([person])] {
            let text = try #require(String(data: output, encoding: .utf8))
            let bad = text.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) || TerminalSanitizer.isBidiControl($0.value) }
            #expect(bad.isEmpty, "\(bad.map { String($0.value, radix: 16) })")
            #expect(text.contains(#"\u001b]0;owned\u0007a\u007fb\u009b31m\u0085c\u202eexe.txt\u2066d\u061ce\u200ff ¿qué? é 山 🌸"#))
            // The same strings to a parser.
            let parsed = try JSONValue.parse(output)
            #expect(parsed.compactJSON.contains(JSONValue.string(hostile).compactJSON))
        }
    }

    @Test("Text: long previews are cut to the preview width without splitting wide characters")
    func longPreview() {
        let event = TimelineEvent(
            source: "n", id: "x", channel: .email, kind: "email", timestamp: date("2026-01-10T08:00:00Z"),
            title: "件名", text: String(repeating: "世界", count: 100))
        let line = TimelineText(timeZone: TimeZone(identifier: "UTC")!, previewWidth: 20).lines(for: [event])[0]
        #expect(line.hasSuffix("件名 — 世界世界世界…"))
    }

    @Test("Durations", arguments: [(0, "0s"), (45, "45s"), (185, "3m05s"), (3725, "1h02m")])
    func durations(seconds: Int, text: String) {
        #expect(TimelineText.duration(seconds) == text)
    }
}
