import Foundation
import Testing
@testable import LeadlineKit

@Suite("Liveforce payloads and mapping")
struct LiveforceDecodingTests {
    static func summary(_ text: String? = nil) throws -> LiveforceLead {
        let data = try text.map { Data($0.utf8) } ?? Fixture.data("liveforce-leads-summary.json")
        return try JSONValueDecoder.decode(LiveforceSummary.self, from: data).lead
    }

    /// The documented example with one of its inner JSON strings broken.
    static func exampleText(replacing target: String, with replacement: String) throws -> String {
        let text = String(decoding: try Fixture.data("liveforce-leads-summary.json"), as: UTF8.self)
        #expect(text.contains(target))
        return text.replacingOccurrences(of: target, with: replacement)
    }

    @Test("The documented summary decodes and maps to a lead field by field")
    func documentedLead() throws {
        let wire = try Self.summary()
        #expect(wire.chatID == "uyisa77")
        #expect(wire.notesCount == 0)
        #expect(wire.attachmentCount == 0)
        #expect(wire.analytics?.source == "3")
        #expect(wire.analytics?.ip == "117.20.31.166")
        #expect(wire.analytics?.visitor.document?.countryCode == "PK")
        #expect(wire.analytics?.chat.document?.count == 5)

        let lead = wire.toLead(source: "lf")
        #expect(lead.source == "lf")
        #expect(lead.id == "1")
        #expect(lead.ref == "lf:1")
        #expect(lead.name == "john")
        #expect(lead.phone == "01234XXXXXX")
        #expect(lead.email == "[email protected]")
        #expect(lead.company == nil)
        #expect(lead.status == Lead.Status(label: "New", color: "#84CC16"))
        #expect(lead.createdAt == date("2024-08-05T14:07:36Z"))
        #expect(lead.details == [
            Detail("Lead type", "Sales"),
            Detail("Assigned", "0"),
            Detail("Browser", "Google Chrome"),
            Detail("Source URL", "http://localhost/liveforce/"),
            Detail("City", "New York"),
            Detail("Region", "Sindh"),
            Detail("Country", "US"),
            Detail("Chat started", "2023-09-13T11:06:31.060Z"),
            Detail("Chat ended", "2024-08-05T09:07:36.406Z"),
        ])
    }

    @Test("data.date has no zone and is read as UTC")
    func dateIsUTC() throws {
        let lead = try Self.summary().toLead(source: "lf")
        #expect(lead.createdAt?.timeIntervalSince1970 == 1_722_866_856)
    }

    @Test("The documented chat gives 3 messages, 2 system messages and the lead's creation")
    func documentedHistory() throws {
        let history = try Self.summary().toHistory(source: "lf")
        let events = history.events
        #expect(history.skippedItems == 0)
        #expect(events.map(\.id) == ["1", "S09XQ866FV_1", "S09XQ866FV_2", "S09XQ866FV_3", "S09XQ866FV_4", "S09XQ866FV_5"])
        #expect(events.map(\.kind) == ["lead.created", "chat.message", "chat.message", "chat.message", "chat.system", "chat.system"])
        #expect(events.map(\.channel) == [.system, .chat, .chat, .chat, .system, .system])
        #expect(events.map(\.direction) == [nil, .outbound, .inbound, .outbound, nil, nil])
        #expect(events.allSatisfy { $0.source == "lf" })

        let created = events[0]
        #expect(created.title == "Lead created")
        #expect(created.timestamp == date("2024-08-05T14:07:36Z"))
        #expect(created.details == [Detail("Lead type", "Sales"), Detail("Source URL", "http://localhost/liveforce/")])

        let welcome = events[1]
        #expect(welcome.title == "[email protected]")
        #expect(welcome.text == "Hello. How may I help you?")
        #expect(welcome.details == [Detail("Visibility", "all"), Detail("Author", "[email protected]")])
        // Fractional seconds survive: .060009 after 11:06:31.
        #expect(abs(welcome.timestamp.timeIntervalSince1970 - 1_694_603_191.060009) < 1e-5)
        #expect(welcome.raw["properties"]?["lc2"]?["welcome_message"] == .bool(true))

        let visitor = events[2]
        #expect(visitor.title == "665ac64a-d751-4b4d-a1ed-4cbf46057f98")
        #expect(visitor.text == "Hey")
        #expect(visitor.timestamp == date("2023-09-13T11:06:31.060011Z"))
        #expect(events[3].text == "Hi there! :wave: How can I help you today? ")

        let idle = events[4]
        #expect(idle.title == "Chat is idle due to 10 minutes of inactivity")
        #expect(idle.text == nil)
        #expect(idle.details == [Detail("System message", "routing.idle")])
        #expect(idle.timestamp == date("2023-09-13T11:22:15.002002Z"))
        #expect(events[5].title == "Chat archived due to 15 minutes of inactivity")
        #expect(events[5].details == [Detail("System message", "routing.archived_inactive")])
    }

    @Test("A malformed chat string leaves the lead whole, says 'chat unavailable' and yields no chat events")
    func malformedChat() throws {
        let text = try Self.exampleText(replacing: #""chat": "[{\"id\""#, with: #""chat": "[{\"id\" oops"#)
        let wire = try Self.summary(text)
        let lead = wire.toLead(source: "lf")
        #expect(lead.name == "john")
        #expect(lead.details.contains(Detail("City", "New York")))
        #expect(lead.details.last == Detail("Chat", "chat unavailable"))

        let history = wire.toHistory(source: "lf")
        #expect(history.events.map(\.kind) == ["lead.created"])
        #expect(history.events.first?.details.contains(Detail("Chat", "chat unavailable")) == true)
    }

    @Test("A malformed visitor analytics string costs only the location")
    func malformedAnalytics() throws {
        let text = try Self.exampleText(replacing: #""analytics": "{\"city\""#, with: #""analytics": "{city"#)
        let wire = try Self.summary(text)
        let lead = wire.toLead(source: "lf")
        #expect(!lead.details.contains { ["City", "Region", "Country"].contains($0.label) })
        #expect(lead.details.contains(Detail("Browser", "Google Chrome")))
        #expect(wire.toHistory(source: "lf").events.count == 6)
    }

    @Test("No chat at all is not an error and not 'unavailable'", arguments: [
        #""chat":null"#, #""chat":"""#, #""other":1"#,
    ])
    func absentChat(chatField: String) throws {
        let wire = try Self.summary(#"{"data":{"id":7,"name":"Bo","date":"2025-01-01 00:00:00","analytics":{\#(chatField)}},"message":"success"}"#)
        let lead = wire.toLead(source: "lf")
        #expect(lead.id == "7")
        #expect(!lead.details.contains { $0.label == "Chat" })
        #expect(wire.toHistory(source: "lf").events.map(\.kind) == ["lead.created"])
    }

    @Test("A chat sent as a real array is read too; items without a timestamp are counted as skipped")
    func chatAsArray() throws {
        let wire = try Self.summary(#"""
        {"data":{"id":"8","name":"Cy","date":"not a date","color":"#000000","analytics":{"chat":[
          {"id":"a","created_at":"2025-02-01T10:00:00.5Z","type":"message","text":"hello","author_id":"agent@shop.test","visibility":"all"},
          {"id":"b","type":"message","text":"no time"},
          {"id":"c","created_at":"2025-02-01T10:01:00Z","type":"file","author_id":"3f1e2d4c-0000-4000-8000-000000000000"},
          42
        ]}}}
        """#)
        let lead = wire.toLead(source: "lf")
        #expect(lead.createdAt == nil)
        #expect(lead.status == nil)
        let history = wire.toHistory(source: "lf")
        #expect(history.events.map(\.id) == ["a", "c"])
        #expect(history.events.map(\.kind) == ["chat.message", "chat.file"])
        #expect(history.events.map(\.direction) == [.outbound, .inbound])
        // The lead's date, item b and the bare number.
        #expect(history.skippedItems == 3)
    }

    @Test("A chat item's direction is guessed from its author", arguments: [
        ("agent@shop.test", Direction.outbound),
        ("[email protected]", .outbound),
        ("665ac64a-d751-4b4d-a1ed-4cbf46057f98", .inbound),
        ("visitor-7", .inbound),
    ])
    func authorDirection(author: String, direction: Direction) {
        #expect(LiveforceChatItem.direction(ofAuthor: author) == direction)
    }

    @Test("A summary without data.id is an error; without data it is too")
    func missingID() {
        #expect(throws: DecodingError.self) { try Self.summary(#"{"data":{"name":"x"},"message":"success"}"#) }
        #expect(throws: DecodingError.self) { try Self.summary(#"{"message":"success"}"#) }
    }
}
