import Foundation
import Testing
@testable import LeadlineKit

@Suite("NLPearl payloads and mapping")
struct NLPearlDecodingTests {
    /// A call as `GET /v1/Call/{id}` would plausibly answer, with codes the docs do not list.
    static let realisticCall = #"""
    {
      "id": "65f1c0ffee0000000000c001",
      "name": "Ana Ruiz",
      "pearlId": "pearl-7",
      "startTime": "2026-01-12T15:04:05.250Z",
      "conversationStatus": 300,
      "status": 42,
      "from": "+15550001111",
      "to": "+34600111222",
      "duration": 87.6,
      "recording": "https://recordings.nlpearl.test/c001.mp3",
      "transcript": [
        {"role": 0, "content": "Hi Ana, this is Pearl from Acme.", "startTime": 0.4, "endTime": 2.9},
        {"role": 1, "content": "Hi, yes?", "startTime": 3.1, "endTime": 3.8},
        {"role": "assistant", "content": "Would Friday suit you?", "startTime": 4, "endTime": 5},
        {"role": 1, "content": ""},
        "not a turn"
      ],
      "summary": "Ana agreed to a demo on Friday.",
      "collectedInfo": [
        {"id": "v1", "name": "confirmBooking", "value": true},
        {"id": "v2", "name": "rideTime", "value": "Friday at 12:00"},
        {"id": "v3", "name": "address", "value": {"city": "Madrid"}},
        {"id": "v4", "name": "skipped", "value": null},
        {"id": "v5", "value": 3}
      ],
      "tags": ["demo", "hot"],
      "overallSentiment": 0.8
    }
    """#

    @Test("The documented lead decodes and maps field by field, placeholders included")
    func documentedLead() throws {
        let wire = try JSONValueDecoder.decode(NLPearlLead.self, from: Fixture.data("nlpearl-get-outbound-lead.json"))
        #expect(wire.id == "<string>")
        #expect(wire.externalID == "<string>")
        #expect(wire.phoneNumber == "<string>")
        #expect(wire.timeZone == "<string>")
        #expect(wire.status == 123)
        #expect(wire.created == date("2023-11-07T05:31:56Z"))
        #expect(wire.callIDs == ["<string>"])
        #expect(wire.callData.isEmpty)
        #expect(wire.collectedData.isEmpty)

        let lead = wire.toLead(source: "pearl", outboundID: "out1", leadID: wire.id ?? "asked")
        #expect(lead.source == "pearl")
        #expect(lead.id == "out1/<string>")
        #expect(lead.ref == "pearl:out1/<string>")
        #expect(lead.name == "<string>")
        #expect(lead.phone == "<string>")
        #expect(lead.email == nil)
        #expect(lead.company == nil)
        #expect(lead.status == Lead.Status(label: "status 123", key: "123"))
        #expect(lead.createdAt == date("2023-11-07T05:31:56Z"))
        #expect(lead.details == [Detail("External id", "<string>"), Detail("Time zone", "<string>"), Detail("Calls", "1")])
    }

    @Test("The documented lastCall maps to one call event, its nested transcript and infos included")
    func documentedLastCall() throws {
        let wire = try JSONValueDecoder.decode(NLPearlLead.self, from: Fixture.data("nlpearl-get-outbound-lead.json"))
        let event = try #require(wire.lastCall?.toEvent(source: "pearl"))
        #expect(event.source == "pearl")
        #expect(event.id == "<string>")
        #expect(event.channel == .call)
        #expect(event.kind == "call")
        #expect(event.timestamp == date("2023-11-07T05:31:56Z"))
        #expect(event.direction == .outbound)
        #expect(event.title == "Call")
        #expect(event.status == "status 123")
        #expect(event.text == "<string>")
        #expect(event.durationSeconds == 123)
        #expect(event.urls == [LabeledURL(label: "recording", url: "<string>")])
        #expect(event.transcript == [TranscriptLine(speaker: "speaker 123", text: "<string>", start: 123, end: 123)])
        #expect(event.details == [
            Detail("Tags", "<string>"),
            Detail("From", "<string>"),
            Detail("Name", "<string>"),
            Detail("Pearl", "<string>"),
            Detail("<string>", "<any>"),
        ])
    }

    @Test("A call from GET /v1/Call/{id}: transcript, recording, collected info, unknown codes")
    func realisticCall() throws {
        let call = try JSONValueDecoder.decode(NLPearlCall.self, from: Data(Self.realisticCall.utf8))
        let event = try #require(call.toEvent(source: "pearl"))
        #expect(event.id == "65f1c0ffee0000000000c001")
        #expect(event.timestamp == date("2026-01-12T15:04:05.250Z"))
        #expect(event.direction == .outbound)
        #expect(event.status == "status 42")
        #expect(event.text == "Ana agreed to a demo on Friday.")
        #expect(event.durationSeconds == 88)
        #expect(event.urls == [LabeledURL(label: "recording", url: "https://recordings.nlpearl.test/c001.mp3")])
        #expect(event.transcript == [
            TranscriptLine(speaker: "speaker 0", text: "Hi Ana, this is Pearl from Acme.", start: 0.4, end: 2.9),
            TranscriptLine(speaker: "speaker 1", text: "Hi, yes?", start: 3.1, end: 3.8),
            TranscriptLine(speaker: "assistant", text: "Would Friday suit you?", start: 4, end: 5),
        ])
        #expect(event.details == [
            Detail("Conversation", "QueueAbandon"),
            Detail("Sentiment", "0.8"),
            Detail("Tags", "demo, hot"),
            Detail("From", "+15550001111"),
            Detail("To", "+34600111222"),
            Detail("Name", "Ana Ruiz"),
            Detail("Pearl", "pearl-7"),
            Detail("confirmBooking", "true"),
            Detail("rideTime", "Friday at 12:00"),
            Detail("address", #"{"city":"Madrid"}"#),
            Detail("v5", "3"),
        ])
        #expect(event.raw["pearlId"] == .string("pearl-7"))
    }

    @Test("A call may nest its transcript and infos as lastCall does; a string sentiment is kept")
    func nestedCollectedData() throws {
        let text = #"""
        {"id":"c2","startTime":"2026-01-12T15:04:05Z","status":4,"conversationStatus":100,"overallSentiment":"Positive",
         "collectedData":{"transcript":[{"role":1,"content":"Yes please","startTime":1200,"endTime":1900}],
                          "collectedInfos":[{"id":"x","name":"wantsDemo","value":"yes"}]}}
        """#
        let event = try #require(try JSONValueDecoder.decode(NLPearlCall.self, from: Data(text.utf8)).toEvent(source: "pearl"))
        #expect(event.status == "Completed")
        #expect(event.transcript == [TranscriptLine(speaker: "speaker 1", text: "Yes please", start: 1200, end: 1900)])
        #expect(event.details == [Detail("Conversation", "Success"), Detail("Sentiment", "Positive"), Detail("wantsDemo", "yes")])
    }

    @Test("A call without a usable startTime maps to nil", arguments: [
        #"{"id":"c3"}"#, #"{"id":"c3","startTime":null}"#, #"{"id":"c3","startTime":"yesterday"}"#,
    ])
    func callWithoutStart(text: String) throws {
        let call = try JSONValueDecoder.decode(NLPearlCall.self, from: Data(text.utf8))
        #expect(call.toEvent(source: "pearl") == nil)
    }

    static let codes: [(NLPearlCodeTable, Int, String)] = [
        (.leadStatus, 1, "New"), (.leadStatus, 10, "NeedRetry"), (.leadStatus, 20, "InCallQueue"),
        (.leadStatus, 30, "WrongCountryCode"), (.leadStatus, 40, "OnCall"), (.leadStatus, 70, "VoiceMailLeft"),
        (.leadStatus, 100, "Success"), (.leadStatus, 110, "NotSuccessfull"), (.leadStatus, 130, "Completed"),
        (.leadStatus, 150, "Unreachable"), (.leadStatus, 220, "Blacklisted"), (.leadStatus, 500, "Error"),
        (.leadStatus, 300, "status 300"), (.leadStatus, 999, "status 999"),
        (.conversationStatus, 100, "Success"), (.conversationStatus, 300, "QueueAbandon"),
        (.conversationStatus, 2, "status 2"),
        (.callStatus, 3, "InProgress"), (.callStatus, 4, "Completed"), (.callStatus, 5, "Busy"),
        (.callStatus, 6, "Failed"), (.callStatus, 7, "NoAnswer"), (.callStatus, 8, "Canceled"),
        (.callStatus, 100, "status 100"),
    ]

    @Test("Code tables name documented codes and show others as their number", arguments: codes)
    func codeTable(table: NLPearlCodeTable, code: Int, name: String) {
        #expect(table.name(code) == name)
    }

    @Test("callData gives the name and email; the rest of callData and collectedData become details")
    func callDataFields() throws {
        let text = #"""
        {"id":"L9","phoneNumber":"+34600111222","timeZone":-5.0,"status":100,"created":"2026-01-02T10:00:00Z",
         "callData":{"first_name":"Ana","LastName":"Ruiz","Email":"ana@example.com","carLicense":"90-929-82","vip":true},
         "collectedData":{"confirmBooking":true,"rideTime":"Friday at 12:00"}}
        """#
        let lead = try JSONValueDecoder.decode(NLPearlLead.self, from: Data(text.utf8)).toLead(source: "pearl", outboundID: "o", leadID: "L9")
        #expect(lead.name == "Ana Ruiz")
        #expect(lead.email == "ana@example.com")
        #expect(lead.phone == "+34600111222")
        #expect(lead.status == Lead.Status(label: "Success", key: "100"))
        #expect(lead.contactKeys == [.phone("+34600111222"), .email("ana@example.com")])
        #expect(lead.details == [
            Detail("Time zone", "-5"),
            Detail("carLicense", "90-929-82"),
            Detail("vip", "true"),
            Detail("confirmBooking", "true"),
            Detail("rideTime", "Friday at 12:00"),
        ])
    }

    @Test("A full name field wins over first and last; no name at all falls back to the phone, then the id")
    func nameFallbacks() throws {
        func lead(_ text: String) throws -> Lead {
            try JSONValueDecoder.decode(NLPearlLead.self, from: Data(text.utf8)).toLead(source: "pearl", outboundID: "o", leadID: "asked")
        }
        #expect(try lead(#"{"callData":{"fullName":"Ana María Ruiz","firstName":"Ana"}}"#).name == "Ana María Ruiz")
        #expect(try lead(#"{"callData":{"firstName":"Ana"}}"#).name == "Ana")
        #expect(try lead(#"{"phoneNumber":"+34600111222","callData":{"name":"  "}}"#).name == "+34600111222")
        let bare = try lead(#"{"callData":null}"#)
        #expect(bare.name == "asked")
        #expect(bare.id == "o/asked")
        #expect(bare.status == nil)
    }
}
