import Foundation
import Testing
@testable import LeadlineKit

@Suite("Timeline order and filters")
struct TimelineTests {
    static func event(_ id: String, _ time: String, _ channel: Channel = .call, kind: String = "call", title: String = "", text: String? = nil) -> TimelineEvent {
        TimelineEvent(source: "s", id: id, channel: channel, kind: kind, timestamp: date(time), title: title, text: text)
    }

    @Test("Chronological, with ties kept in arrival order, and exactly reversed")
    func order() {
        let timeline = Timeline([
            Self.event("c", "2026-01-10T10:00:00Z"),
            Self.event("a", "2026-01-10T08:00:00Z"),
            Self.event("t1", "2026-01-10T09:00:00Z"),
            Self.event("t2", "2026-01-10T09:00:00Z"),
            Self.event("t3", "2026-01-10T09:00:00Z"),
        ])
        #expect(timeline.events.map(\.id) == ["a", "t1", "t2", "t3", "c"])
        #expect(timeline.ordered(.newestFirst).map(\.id) == ["c", "t3", "t2", "t1", "a"])
        #expect(TimelineOrder.oldestFirst.reversed == .newestFirst)
    }

    @Test("Merging later pages keeps order; a repeated key replaces, a new subtype adds")
    func merge() {
        var timeline = Timeline([Self.event("m", "2026-01-10T10:00:00Z", .system, kind: "meeting.booked", title: "old")])
        timeline.merge([
            Self.event("m", "2026-01-10T10:00:00Z", .system, kind: "meeting.booked", title: "new"),
            Self.event("m", "2026-01-15T17:00:00Z", .system, kind: "meeting.completed"),
            Self.event("x", "2026-01-09T10:00:00Z"),
        ])
        #expect(timeline.events.map(\.kind) == ["call", "meeting.booked", "meeting.completed"])
        #expect(timeline.events[1].title == "new")
        #expect(timeline.countsByChannel == [.call: 1, .system: 2])
    }

    @Test("Keys whose hashes collide are told apart, and a repeat still replaces", arguments: [
        ("every key collides", { @Sendable (_: TimelineEvent.Key) in 7 }),
        ("keys collide in pairs", { @Sendable (key: TimelineEvent.Key) in key.id.count / 2 }),
    ] as [(String, @Sendable (TimelineEvent.Key) -> Int)])
    func collidingKeys(_ name: String, hash: @escaping @Sendable (TimelineEvent.Key) -> Int) {
        let first = (0..<40).map { Self.event("e\($0)", "2026-01-\(10 + $0 % 9)T10:00:00Z", kind: $0 % 3 == 0 ? "sms" : "call", title: "first") }
        let again = stride(from: 0, to: 40, by: 3).map {
            Self.event("e\($0)", "2026-01-\(10 + $0 % 9)T10:00:00Z", kind: $0 % 3 == 0 ? "sms" : "call", title: "again")
        }
        var colliding = Timeline(hashingKeysWith: hash)
        var usual = Timeline()
        for page in [Array(first[..<25]), Array(first[25...]), again] {
            colliding.merge(page)
            usual.merge(page)
        }
        #expect(colliding.events.count == 40, "\(name)")
        #expect(Array(colliding.events) == Array(usual.events), "\(name)")
        #expect(colliding.events.filter { $0.title == "again" }.count == again.count, "\(name)")
    }

    @Test("An event is a small value: 56 bytes beside the bytes of its strings and raw item")
    func eventSize() {
        // A date, two 16-byte references to bytes, a 32-bit duration, two 32-bit counts (links,
        // transcript lines) and two one-byte enums; with the fields in declaration order as they
        // once were, padding made it 80 bytes, and with a 64-bit duration it would be 64.
        #expect(MemoryLayout<TimelineEvent>.stride <= 56, "\(MemoryLayout<TimelineEvent>.stride) bytes")
        var event = Self.event("1", "2026-01-10T08:00:00Z", title: "Call")
        for duration in [nil, 0, -5, 125, Int(Int32.max)] {
            event.durationSeconds = duration
            #expect(event.durationSeconds == duration)
        }
        event.durationSeconds = Int.max
        #expect(event.durationSeconds == Int(Int32.max))
        event.durationSeconds = Int.min
        #expect(event.durationSeconds == Int(Int32.min) + 1)
    }

    @Test("Links, transcript lines and details are kept exactly, and changing one part keeps the others")
    func packedParts() {
        let urls = [LabeledURL(label: "recording", url: "https://r.example/1.mp3"), LabeledURL(label: "", url: ""),
                    LabeledURL(label: "ünï", url: "https://x.example/ü?a=1&b=2")]
        let times: [Double?] = [nil, 0, 0.1, 1e-7, 123_456.789, -0.5, 1e300, .infinity, Double.leastNonzeroMagnitude]
        let transcript = times.enumerated().map { index, start in
            TranscriptLine(speaker: index % 2 == 0 ? "agent" : "", text: "line \(index) 🎧", start: start, end: times.reversed()[index])
        }
        let details = [Detail("Sentiment", "positive"), Detail("", "")]
        var event = TimelineEvent(
            source: "nexor", id: "c1", channel: .call, kind: "call", timestamp: date("2026-01-10T08:00:00Z"),
            title: "Call", status: nil, text: "summary", urls: urls, durationSeconds: 61, transcript: transcript, details: details)
        #expect(event.urls == urls)
        #expect(event.transcript == transcript)
        #expect(event.details == details)
        #expect(event.title == "Call" && event.status == nil && event.text == "summary" && event.durationSeconds == 61)

        event.title = "Call back"
        event.status = "ended"
        #expect(event.urls == urls && event.transcript == transcript && event.details == details)
        event.urls = [urls[0]]
        #expect(event.urls == [urls[0]] && event.transcript == transcript && event.details == details)
        event.transcript = []
        #expect(event.urls == [urls[0]] && event.transcript.isEmpty && event.details == details)
        event.details = [details[0]]
        event.transcript = Array(transcript.prefix(2))
        #expect(event.urls == [urls[0]] && event.transcript == Array(transcript.prefix(2)) && event.details == [details[0]])
        event.urls = []
        #expect(event.urls.isEmpty && event.transcript == Array(transcript.prefix(2)) && event.details == [details[0]])
        #expect(event.source == "nexor" && event.id == "c1" && event.kind == "call" && event.title == "Call back")
        #expect(event.status == "ended" && event.text == "summary")
        let same = TimelineEvent(
            source: "nexor", id: "c1", channel: .call, kind: "call", timestamp: date("2026-01-10T08:00:00Z"),
            title: "Call back", status: "ended", text: "summary", durationSeconds: 61, transcript: Array(transcript.prefix(2)),
            details: [details[0]])
        #expect(event == same && event.hashValue == same.hashValue)
    }

    @Test("Filter by channel set and smart-case text, terms ANDed")
    func filters() {
        let timeline = Timeline([
            Self.event("1", "2026-01-10T08:00:00Z", .call, title: "Call", text: "Pricing tiers"),
            Self.event("2", "2026-01-10T09:00:00Z", .whatsapp, kind: "message", title: "WhatsApp message", text: "pricing please"),
            Self.event("3", "2026-01-10T10:00:00Z", .email, kind: "email", title: "Demo confirmed", text: "see you"),
        ])
        #expect(timeline.filtered(channels: [.call, .email]).map(\.id) == ["1", "3"])
        #expect(timeline.filtered(query: SearchQuery("pricing")).map(\.id) == ["1", "2"])
        #expect(timeline.filtered(query: SearchQuery("Pricing")).map(\.id) == ["1"])
        #expect(timeline.filtered(query: SearchQuery("pricing whatsapp")).map(\.id) == ["2"])
        #expect(timeline.filtered(channels: [.whatsapp], query: SearchQuery("demo")).isEmpty)
        #expect(timeline.filtered(query: SearchQuery("  "), order: .newestFirst).map(\.id) == ["3", "2", "1"])
    }

    @Test("Channel lists parse case-insensitively and name a wrong word")
    func channelList() throws {
        #expect(try Channel.parseList("call, WhatsApp") == [.call, .whatsapp])
        #expect(throws: ChannelListError(word: "fax")) { try Channel.parseList("call,fax") }
        #expect(throws: ChannelListError(word: "")) { try Channel.parseList("call,") }
    }

    @Test("REFs split at the first colon")
    func refs() throws {
        #expect(try LeadRef(parsing: "pearl:65f0/abc:1") == LeadRef(source: "pearl", id: "65f0/abc:1"))
        #expect(throws: LeadRefError(text: "+1234567890")) { try LeadRef(parsing: "+1234567890") }
        #expect(throws: LeadRefError(text: "nexor:")) { try LeadRef(parsing: "nexor:") }
        #expect(throws: LeadRefError(text: ":1")) { try LeadRef(parsing: ":1") }
    }
}

@Suite("Timestamps")
struct ISO8601Tests {
    @Test("Vendor forms parse to the same instant", arguments: [
        "2026-01-10T08:00:00Z", "2026-01-10T08:00:00.000Z", "2026-01-10T09:00:00+01:00",
        "2026-01-10T03:00:00-0500", "2026-01-10 08:00:00", "2026-01-10T08:00Z", " 2026-01-10t08:00:00z ",
    ])
    func forms(text: String) {
        #expect(ISO8601.parse(text) == Date(timeIntervalSince1970: 1_768_032_000))
    }

    @Test("Fractions are kept", arguments: [("2023-09-13T11:06:31.060009Z", 1_694_603_191.060009)])
    func fractions(text: String, seconds: Double) throws {
        let parsed = try #require(ISO8601.parse(text))
        #expect(abs(parsed.timeIntervalSince1970 - seconds) < 1e-5)
    }

    @Test("Nonsense is refused", arguments: ["", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-01-10", "yesterday", "2026-01-10T08:00:00Zjunk", "2026-01-10T25:00:00Z"])
    func nonsense(text: String) {
        #expect(ISO8601.parse(text) == nil)
    }

    @Test("Formatting is UTC, with milliseconds only when present")
    func format() {
        #expect(ISO8601.format(Date(timeIntervalSince1970: 1_768_032_000)) == "2026-01-10T08:00:00Z")
        #expect(ISO8601.format(Date(timeIntervalSince1970: 1_694_603_191.06)) == "2023-09-13T11:06:31.060Z")
        #expect(ISO8601.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        #expect(ISO8601.format(ISO8601.parse("2024-02-29T23:59:59Z")!) == "2024-02-29T23:59:59Z")
    }
}
