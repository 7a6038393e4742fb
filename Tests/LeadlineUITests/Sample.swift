import Foundation
import LeadlineKit
@testable import LeadlineUI

/// A small, fixed workspace for screen tests: three people, one with a journey across sources.
enum Sample {
    static let utc = TimeZone(identifier: "UTC")!
    static let now = ISO8601.parse("2026-01-20T12:00:00Z")!

    static let ana = Lead(source: "nexor", id: "n1", name: "Ana Pérez", phone: "+56912345678", email: "ana@example.com",
                          status: Lead.Status(label: "Qualified", color: "#22c55e"))
    static let anaSMS = Lead(source: "leadping", id: "lp1", name: "Ana P", phone: "+56 9 1234 5678")
    static let carlos = Lead(source: "nlpearl", id: "o/c1", name: "Carlos Lopez", phone: "+12025550123")
    static let yuki = Lead(source: "nexor", id: "n2", name: "山田 由紀 🌸", email: "yuki@example.jp")

    static func event(_ id: String, _ time: String, _ channel: Channel, kind: String, title: String, text: String? = nil,
                      direction: Direction? = nil, status: String? = nil, source: String = "nexor",
                      urls: [LabeledURL] = [], duration: Int? = nil, transcript: [TranscriptLine] = [], details: [Detail] = []) -> TimelineEvent {
        TimelineEvent(source: source, id: id, channel: channel, kind: kind, timestamp: ISO8601.parse(time)!, direction: direction,
                      title: title, status: status, text: text, urls: urls, durationSeconds: duration, transcript: transcript,
                      details: details, raw: RawJSON(.object(["id": .string(id)])))
    }

    static let anaEvents: [TimelineEvent] = [
        event("a1", "2026-01-10T08:00:00Z", .system, kind: "activity.workflow_assigned", title: "Assigned to Sales Outreach"),
        event("m1", "2026-01-10T09:00:00Z", .whatsapp, kind: "message", title: "WhatsApp template", text: "Hi Ana, thanks for your interest!",
              direction: .outbound, status: "delivered", urls: [LabeledURL(label: "Book a call", url: "https://cal.example.com/ana")]),
        event("m2", "2026-01-10T09:05:00Z", .whatsapp, kind: "message", title: "WhatsApp message", text: "Yes, pricing please 👍",
              direction: .inbound, status: "read"),
        event("c0", "2026-01-10T13:00:00Z", .call, kind: "call_missed", title: "Missed call — No answer", status: "not_connected"),
        event("c1", "2026-01-10T14:00:00Z", .call, kind: "call", title: "Call", text: "Discussed pricing tiers and scheduled a demo.",
              status: "ended", urls: [LabeledURL(label: "recording", url: "https://rec.example.com/c1.wav")], duration: 185,
              transcript: [TranscriptLine(speaker: "agent", text: "Hi Ana, this is Alice from Stark.", start: 1, end: 3),
                           TranscriptLine(speaker: "lead", text: "Hi! Yes, I wanted to ask about the annual plan and whether it includes onboarding.", start: 4, end: 9)],
              details: [Detail("Sentiment", "positive")]),
        event("s1", "2026-01-11T10:00:00Z", .sms, kind: "sms.outbound", title: "SMS", text: "Reminder: demo on Thursday",
              direction: .outbound, status: "Delivered", source: "leadping"),
        event("e1", "2026-01-12T14:03:00Z", .email, kind: "email", title: "Your demo is confirmed", text: "Hi Ana,\n\nconfirming our demo.",
              direction: .outbound, status: "delivered"),
    ]

    /// A state at `width`×`height` with the three people listed.
    static func state(width: Int = 120, height: Int = 40) -> AppState {
        var state = AppState(sources: ["nexor", "leadping", "nlpearl"], width: width, height: height, now: now, timeZone: utc)
        _ = state.start()
        _ = state.handle(.leadsLoaded(source: "nexor", page: LeadPage(leads: [ana, yuki], next: nil)))
        _ = state.handle(.leadsLoaded(source: "leadping", page: LeadPage(leads: [anaSMS], next: nil)))
        _ = state.handle(.leadsLoaded(source: "nlpearl", page: LeadPage(leads: [carlos], next: nil)))
        return state
    }

    /// `state` with Ana's timeline loaded.
    static func loaded(width: Int = 120, height: Int = 40) -> AppState {
        var state = state(width: width, height: height)
        let generation = state.timeline!.generation
        _ = state.handle(.eventsArrived(generation: generation, events: anaEvents))
        for lead in state.timeline!.person.leads {
            _ = state.handle(.leadFinished(generation: generation, ref: lead.ref, warnings: [], failure: nil))
        }
        return state
    }
}

extension AppState {
    /// Presses keys in order, collecting the effects.
    mutating func press(_ keys: Key...) -> [Effect] {
        keys.flatMap { handle(.key($0)) }
    }

    /// Types text as character keys.
    mutating func type(_ text: String) -> [Effect] {
        text.flatMap { handle(.key(.character($0))) }
    }
}
