import Foundation
import Testing
@testable import LeadlineKit

@Suite("Nexor documented payloads")
struct NexorDecodingTests {
    @Test("GET /leads/{id}, flat shape, every field")
    func flatLead() throws {
        let envelope = try JSONValueDecoder.decode(NexorLeadEnvelope.self, from: Fixture.data("nexor-get-lead.json"))
        let lead = envelope.lead.toLead(source: "nexor", variables: envelope.variables)
        #expect(lead.source == "nexor")
        #expect(lead.id == "123e4567-e89b-12d3-a456-426614174000")
        #expect(lead.ref == "nexor:123e4567-e89b-12d3-a456-426614174000")
        #expect(lead.name == "Carlos Lopez")
        #expect(lead.email == "carlos@example.com")
        #expect(lead.phone == "+56912345678")
        #expect(lead.company == "Acme Corp")
        #expect(lead.status == Lead.Status(label: "Contacted", key: "contacted", color: "#3b82f6"))
        #expect(lead.createdAt == date("2026-02-10T12:00:00Z"))
        #expect(lead.details == [
            Detail("Lead source", "api"),
            Detail("Campaign", "Q1 Campaign"),
            Detail("Workflow", "Sales Pipeline"),
            Detail("Workflow run", "running"),
            Detail("Status category", "active"),
            Detail("Assigned to", "Ana"),
            Detail("broker_asociado", "Juan Perez"),
            Detail("edad", "35"),
            Detail("estado_lead", "calificado"),
        ])
    }

    @Test("GET /leads/{id}, wrapped shape with variables")
    func wrappedLead() throws {
        let envelope = try JSONValueDecoder.decode(NexorLeadEnvelope.self, from: Fixture.data("nexor-get-lead-wrapped.json"))
        let lead = envelope.lead.toLead(source: "nx", variables: envelope.variables)
        #expect(lead.id == "550e8400-e29b-41d4-a716-446655440000")
        #expect(lead.name == "John Doe")
        #expect(lead.phone == "+1234567890")
        #expect(lead.status == Lead.Status(label: "Qualified", key: "qualified", color: nil))
        #expect(lead.details.contains(Detail("Workflow", "Sales Pipeline")))
        #expect(lead.details.contains(Detail("Tags", "vip, demo-requested")))
        #expect(lead.details.contains(Detail("Title", "CTO")))
        #expect(lead.details.contains(Detail("budget", "5000")))
        #expect(lead.details.contains(Detail("preferred_plan", "Annual plan")))
    }

    @Test("A lead with no name falls back to its email; a lead without id is an error")
    func leadEdges() throws {
        let nameless = try JSONValueDecoder.decode(NexorLeadEnvelope.self, from: Data(#"{"id": 42, "email": "x@y.z", "metadata": "oops"}"#.utf8))
        let lead = nameless.lead.toLead(source: "n")
        #expect(lead.id == "42")
        #expect(lead.name == "x@y.z")
        #expect(lead.details.isEmpty)
        #expect(throws: DecodingError.self) {
            try JSONValueDecoder.decode(NexorLeadEnvelope.self, from: Data(#"{"first_name": "Ann"}"#.utf8))
        }
    }

    @Test("GET /leads/{id}/history: every documented item type, field by field")
    func history() throws {
        let page = try JSONValueDecoder.decode(NexorHistoryPage.self, from: Fixture.data("nexor-get-lead-history.json"))
        #expect(page.pagination?.hasMore == false)
        #expect(page.pagination?.limit == 50)
        #expect(page.lead?.id == "550e8400-e29b-41d4-a716-446655440000")
        let events = page.history.compactMap { $0.toEvent(source: "nexor") }
        try #require(events.count == 10)

        let assigned = events[0]
        #expect(assigned.channel == .system)
        #expect(assigned.kind == "activity.workflow_assigned")
        #expect(assigned.title == "Assigned to Sales Outreach")
        #expect(assigned.text == "Lead enrolled via API")
        #expect(assigned.timestamp == date("2026-01-10T08:00:00Z"))
        #expect(assigned.direction == nil)
        #expect(assigned.details == [Detail("Activity", "workflow_assigned"), Detail("By", "system")])
        #expect(assigned.id.hasPrefix("activity-"))

        let template = events[1]
        #expect(template.id == "11111111-1111-1111-1111-111111111111")
        #expect(template.channel == .whatsapp)
        #expect(template.kind == "message")
        #expect(template.direction == .outbound)
        #expect(template.title == "WhatsApp template")
        #expect(template.text == "Hi John, thanks for your interest!")
        #expect(template.status == "delivered")
        #expect(template.urls == [LabeledURL(label: "Book a call", url: "https://cal.example.com/john")])
        #expect(template.details == [
            Detail("Message type", "template"),
            Detail("Sent", "2026-01-10T09:00:00Z"),
            Detail("Delivered", "2026-01-10T09:00:05Z"),
            Detail("Buttons", "Book a call"),
            Detail("Provider message id", "wamid.HBgL..."),
        ])

        let reply = events[2]
        #expect(reply.direction == .inbound)
        #expect(reply.title == "WhatsApp message")
        #expect(reply.text == "Yes, I'd like to learn more about pricing")
        #expect(reply.status == "read")
        #expect(reply.details.contains(Detail("Reaction", "👍")))

        let missed = events[3]
        #expect(missed.channel == .call)
        #expect(missed.kind == "call_missed")
        #expect(missed.title == "Missed call — No answer")
        #expect(missed.status == "not_connected")
        #expect(missed.details == [Detail("Disconnection reason", "dial_no_answer"), Detail("Provider call id", "call_abc123")])

        let call = events[4]
        #expect(call.id == "44444444-4444-4444-4444-444444444444")
        #expect(call.channel == .call)
        #expect(call.kind == "call")
        #expect(call.durationSeconds == 185)
        #expect(call.status == "ended")
        #expect(call.text == "Discussed pricing tiers and scheduled a demo for next week")
        #expect(call.urls == [LabeledURL(label: "recording", url: "https://storage.example.com/recordings/abc123.wav")])
        #expect(call.details == [
            Detail("Sentiment", "positive"), Detail("Successful", "yes"),
            Detail("Disconnection reason", "user_hangup"), Detail("Provider call id", "call_def456"),
        ])

        let booked = events[5]
        #expect(booked.kind == "meeting.booked")
        #expect(booked.channel == .system)
        #expect(booked.title == "Product demo with John Doe")
        #expect(booked.status == "scheduled")
        #expect(booked.urls == [LabeledURL(label: "meeting", url: "https://meet.example.com/abc")])
        #expect(booked.details == [
            Detail("Starts", "2026-01-15T17:00:00Z"), Detail("Ends", "2026-01-15T17:30:00Z"),
            Detail("Location", "video"), Detail("Attendee", "John Doe <john@example.com>"),
        ])

        let email = events[6]
        #expect(email.channel == .email)
        #expect(email.direction == .outbound)
        #expect(email.title == "Your demo is confirmed")
        #expect(email.text == "Hi John, confirming our demo for Jan 15...")
        #expect(email.details == [
            Detail("From", "Alice <alice@starkindustries.com>"), Detail("To", "john@example.com"),
            Detail("Reply", "no"), Detail("Delivered", "2026-01-10T14:03:00Z"), Detail("Opened", "2026-01-10T14:10:00Z"),
        ])

        let statusChange = events[7]
        #expect(statusChange.channel == .system, "an activity Nexor files under 'call' is still a system event")
        #expect(statusChange.kind == "activity.status_changed")
        #expect(statusChange.details.contains(Detail("By", "ai")))

        let conversion = events[8]
        #expect(conversion.kind == "conversion")
        #expect(conversion.title == "Deal Won")
        #expect(conversion.text == "Annual plan")
        #expect(conversion.details == [Detail("Amount", "1200 USD")])

        let completed = events[9]
        #expect(completed.kind == "meeting.completed")
        #expect(completed.text == "Demo went well, sending proposal")
        #expect(completed.id == booked.id)
        #expect(completed.key != booked.key, "same meeting id, different subtype: two events")
        #expect(Set(events.map(\.key)).count == 10)
    }

    @Test("Unknown types become generic events; items without a timestamp are skipped, not fatal")
    func unknownAndBroken() throws {
        let body = #"""
        {"history": [
          {"type": "sms_sent", "id": "9", "channel": "sms", "content": "Hola 👋", "timestamp": "2026-01-11T10:00:00.250Z"},
          {"type": "webhook", "title": "Fired", "timestamp": "2026-01-11T10:00:00+02:00"},
          {"type": "message", "id": "no-time", "content": "lost"},
          "not an object",
          {"type": "call", "id": "c", "duration_seconds": "oops", "timestamp": "2026-01-11T11:00:00Z",
           "transcript": [{"role": "agent", "content": "Hi", "start": 0.5, "end": 1.5}]}
        ], "pagination": {"limit": 50, "offset": 0, "has_more": false}}
        """#
        let page = try JSONValueDecoder.decode(NexorHistoryPage.self, from: Data(body.utf8))
        let events = page.history.map { $0.toEvent(source: "nexor") }
        #expect(events.count == 5)
        let sms = try #require(events[0])
        #expect(sms.kind == "sms_sent")
        #expect(sms.channel == .sms)
        #expect(sms.title == "sms_sent")
        #expect(sms.text == "Hola 👋")
        #expect(sms.timestamp == Date(timeIntervalSince1970: 1_768_125_600.25))
        let webhook = try #require(events[1])
        #expect(webhook.channel == .system)
        #expect(webhook.title == "Fired")
        #expect(webhook.timestamp == date("2026-01-11T08:00:00Z"))
        #expect(webhook.id.hasPrefix("webhook-"))
        #expect(events[2] == nil)
        #expect(events[3] == nil)
        let call = try #require(events[4])
        #expect(call.durationSeconds == nil)
        #expect(call.transcript == [TranscriptLine(speaker: "agent", text: "Hi", start: 0.5, end: 1.5)])
    }

    @Test("A page whose history is not an array is an invalid response")
    func notAPage() {
        #expect(throws: DecodingError.self) {
            try JSONValueDecoder.decode(NexorHistoryPage.self, from: Data(#"{"history": {}}"#.utf8))
        }
    }
}
