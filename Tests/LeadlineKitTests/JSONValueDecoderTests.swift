import Foundation
import Testing
@testable import LeadlineKit

/// The clients decode with ``JSONValueDecoder``; the wire types were written against
/// `JSONDecoder`. Decoding the same bytes with both and mapping them must give the same model.
@Suite("JSONValueDecoder reads vendor payloads as JSONDecoder does")
struct JSONValueDecoderTests {
    /// The model mapped from `data` decoded by each decoder: (JSONDecoder's, JSONValueDecoder's).
    static func both<Wire: Decodable, Model>(
        _ type: Wire.Type, _ data: Data, map: (Wire) -> Model
    ) throws -> (reference: Model, fast: Model) {
        (map(try JSONDecoder().decode(Wire.self, from: data)), map(try JSONValueDecoder.decode(Wire.self, from: data)))
    }

    /// A Nexor item with every field of another type than documented, beside a good one.
    static let oddNexorPage = #"""
    {"success": true, "history": [
      {"type": 5, "id": 7, "channel": ["call"], "timestamp": "2026-01-05T10:00:00Z", "direction": {"x": 1},
       "content": 12.5, "summary": true, "duration_seconds": "95", "call_successful": "yes",
       "buttons": "none", "transcript": [{"role": 1, "content": null}, {"speaker": "lead", "text": 3, "start": "1"}],
       "amount": [1, 2], "attachments": {"n": null}, "sent_at": 1700000000, "title": null},
      {"type": "call", "id": "c1", "timestamp": "2026-01-05T11:00:00+02:00", "duration_seconds": 61.0,
       "transcript": "plain text", "recording_url": "https://r.example/1.mp3", "call_successful": false},
      {"type": "conversion", "timestamp": "2026-01-06T09:00:00Z", "amount": 1500.00, "currency": "USD"},
      {"type": "message", "timestamp": "2026-01-06T09:30:00Z", "buttons": [{"text": "Go", "url": "https://x"}, 4, {"text": 5}]},
      "not an object", 42, null, [],
      {"type": "email", "timestamp": "not a date"}
    ], "pagination": {"limit": "200", "offset": 0.0, "has_more": "no"}}
    """#

    @Test("Nexor: the documented history page, an odd one and a simulated one map the same")
    func nexorHistory() async throws {
        let simulator = SimClient(SimulatorOptions(seed: 3, leads: 5, historySize: 120))
        let person = try simulator.simulator.firstPerson(in: .nexor)
        let simulated = try await simulator.send("GET", .nexor, "/leads/\(person.account(.nexor)!.id)/history?limit=200").body
        for data in [try Fixture.data("nexor-get-lead-history.json"), Data(Self.oddNexorPage.utf8), simulated] {
            let (reference, fast) = try Self.both(NexorHistoryPage.self, data) { page in
                (page.history.compactMap { $0.toEvent(source: "nexor") }, page.pagination?.hasMore, page.lead?.toLead(source: "nexor"))
            }
            #expect(fast.0 == reference.0)
            #expect(fast.1 == reference.1)
            #expect(fast.2 == reference.2)
            #expect(!fast.0.isEmpty)
        }
    }

    @Test("Nexor: both lead shapes map the same", arguments: ["nexor-get-lead.json", "nexor-get-lead-wrapped.json"])
    func nexorLead(fixture: String) throws {
        let (reference, fast) = try Self.both(NexorLeadEnvelope.self, Fixture.data(fixture)) {
            $0.lead.toLead(source: "nexor", variables: $0.variables)
        }
        #expect(fast == reference)
    }

    @Test("LeadPing: the documented events page maps the same")
    func leadPingEvents() throws {
        let (reference, fast) = try Self.both(LeadPingPage<LeadPingEvent>.self, Fixture.data("leadping-list-lead-events.json")) {
            ($0.items.compactMap { $0.toEvent(source: "leadping") }, $0.unreadableItems, $0.continuationToken, $0.totalCount)
        }
        #expect(fast.0 == reference.0)
        #expect(fast.1 == reference.1)
        #expect(fast.2 == reference.2)
        #expect(fast.3 == reference.3)
    }

    @Test("NLPearl: the documented lead and its last call map the same")
    func nlpearlLead() throws {
        let (reference, fast) = try Self.both(NLPearlLead.self, Fixture.data("nlpearl-get-outbound-lead.json")) {
            ($0.toLead(source: "pearl", outboundID: "o", leadID: "l"), $0.lastCall?.toEvent(source: "pearl"))
        }
        #expect(fast.0 == reference.0)
        #expect(fast.1 == reference.1)
    }

    @Test("Liveforce: the documented summary, its embedded chat included, maps the same")
    func liveforceSummary() throws {
        let (reference, fast) = try Self.both(LiveforceSummary.self, Fixture.data("liveforce-leads-summary.json")) {
            ($0.lead.toLead(source: "lf"), $0.lead.toHistory(source: "lf").events)
        }
        #expect(fast.0 == reference.0)
        #expect(fast.1 == reference.1)
        #expect(fast.1.count > 1)
    }

    @Test("Bodies that are not the expected document fail with a DecodingError, as with JSONDecoder", arguments: [
        #"[]"#, #""text""#, #"{"history": {}}"#, #"{"pagination": {}}"#, #"{"history": [1, 2"#, "", "\u{0}",
    ])
    func failures(body: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(NexorHistoryPage.self, from: Data(body.utf8)) }
        #expect(throws: DecodingError.self) { try JSONValueDecoder.decode(NexorHistoryPage.self, from: Data(body.utf8)) }
    }

    @Test("Standard Decodable types read as with JSONDecoder's default options")
    func standardTypes() throws {
        struct Sample: Decodable, Equatable {
            var int: Int
            var small: UInt8
            var double: Double
            var float: Float
            var string: String
            var bool: Bool
            var date: Date
            var optional: String?
            var missing: Int?
            var list: [Int64]
            var map: [String: Bool]
            var url: URL
            var data: Data
        }
        let text = #"""
        {"int": 3, "small": 255, "double": 2, "float": 0.5, "string": "s", "bool": false, "date": 86400,
         "optional": null, "list": [1, -2], "map": {"a": true}, "url": "https://example.com/x",
         "data": "aGk="}
        """#
        let (reference, fast) = try Self.both(Sample.self, Data(text.utf8)) { $0 }
        #expect(fast == reference)
        for bad in [#"{"int": "3"}"#, #"{"int": 1.5}"#, #"{"int": 1e30}"#] {
            struct Number: Decodable { var int: Int }
            #expect(throws: DecodingError.self) { try JSONValueDecoder.decode(Number.self, from: Data(bad.utf8)) }
        }
        struct Small: Decodable { var small: UInt8 }
        #expect(throws: DecodingError.self) { try JSONValueDecoder.decode(Small.self, from: Data(#"{"small": 256}"#.utf8)) }
        struct Flag: Decodable { var bool: Bool }
        #expect(throws: DecodingError.self) { try JSONValueDecoder.decode(Flag.self, from: Data(#"{"bool": 1}"#.utf8)) }
    }

    @Test("A type-mismatch error names the path to the value, as VendorHTTPClient's messages need")
    func codingPath() throws {
        struct Inner: Decodable { var value: String }
        struct Outer: Decodable { var items: [Inner] }
        do {
            _ = try JSONValueDecoder.decode(Outer.self, from: Data(#"{"items": [{"value": "a"}, {"value": 2}]}"#.utf8))
            Issue.record("decoded a number as a string")
        } catch DecodingError.typeMismatch(_, let context) {
            #expect(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue } == ["items", "1", "value"])
        }
    }
}
