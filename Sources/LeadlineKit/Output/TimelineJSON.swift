import Foundation

/// The JSON forms of leads and events that `--format json|ndjson` print (DESIGN §2).
///
/// Field names are snake_case and stable: scripts depend on them. Missing values are `null`
/// rather than absent, so every event has the same keys; `duration_seconds` and `transcript`
/// appear on call events only.
public enum TimelineJSON {
    /// `{"lead": {...}, "leads": [...], "events": [...]}`, indented, keys sorted.
    ///
    /// `lead` is the person's first lead; `leads` has every lead the person has across sources.
    public static func document(person: Person, events: [TimelineEvent]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try escapingInvisibleControls(encoder.encode(Document(
            lead: LeadJSON(person.leads[0]), leads: person.leads.map(LeadJSON.init), events: events.map(EventJSON.init))))
    }

    /// Persons as a JSON array, for `leadline leads --format json`, indented, keys sorted.
    public static func persons(_ persons: [Person]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try escapingInvisibleControls(encoder.encode(persons.map(PersonJSON.init)))
    }

    private struct PersonJSON: Encodable {
        let person: Person
        init(_ person: Person) { self.person = person }

        enum CodingKeys: String, CodingKey { case name, phone, email, company, sources, leads }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(person.name, forKey: .name)
            try container.encode(person.phone, forKey: .phone)
            try container.encode(person.email, forKey: .email)
            try container.encode(person.company, forKey: .company)
            try container.encode(person.sources, forKey: .sources)
            try container.encode(person.leads.map(LeadJSON.init), forKey: .leads)
        }
    }

    /// One event as a single line of JSON, keys sorted, without the trailing newline.
    public static func line(_ event: TimelineEvent) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try escapingInvisibleControls(encoder.encode(EventJSON(event)))
    }

    /// `json` with DEL, the C1 controls (U+0080–U+009F) and the bidi controls written as `\u`
    /// escapes: the same JSON to a parser, but nothing a terminal showing it could act on or
    /// be made to reorder text by. `JSONEncoder` escapes only U+0000–U+001F.
    ///
    /// JSON's own syntax is ASCII, so these bytes can only be inside strings, where an escape is
    /// always allowed.
    static func escapingInvisibleControls(_ json: Data) -> Data {
        // Every such character starts with one of these bytes; most output has none of them.
        guard json.contains(where: { $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }) else { return json }
        var output = Data()
        output.reserveCapacity(json.count + 64)
        [UInt8](json).withUnsafeBufferPointer { bytes in
            // Bytes are copied in runs, up to each character escaped.
            var runStart = 0
            var index = 0
            while index < bytes.count {
                // `JSONEncoder` writes valid UTF-8, so each lead byte gives its scalar's length.
                let (value, length) = UTF8Scalar.decode(bytes, at: index)
                if value == 0x7F || (0x80...0x9F).contains(value) || TerminalSanitizer.isBidiControl(value) {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    let hex = String(value, radix: 16)
                    output.append(contentsOf: Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8))
                    runStart = index + length
                }
                index += length
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        return output
    }

    private struct Document: Encodable {
        let lead: LeadJSON
        let leads: [LeadJSON]
        let events: [EventJSON]
    }

    private struct LeadJSON: Encodable {
        let lead: Lead
        init(_ lead: Lead) { self.lead = lead }

        enum CodingKeys: String, CodingKey {
            case source, id, ref, name, phone, email, company, status, createdAt = "created_at", details
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(lead.source, forKey: .source)
            try container.encode(lead.id, forKey: .id)
            try container.encode(lead.ref, forKey: .ref)
            try container.encode(lead.name, forKey: .name)
            try container.encode(lead.phone, forKey: .phone)
            try container.encode(lead.email, forKey: .email)
            try container.encode(lead.company, forKey: .company)
            try container.encode(lead.status.map(StatusJSON.init), forKey: .status)
            try container.encode(lead.createdAt.map(ISO8601.format), forKey: .createdAt)
            try container.encode(lead.details, forKey: .details)
        }
    }

    private struct StatusJSON: Encodable {
        let label: String
        let key: String?
        let color: String?

        init(_ status: Lead.Status) {
            label = status.label
            key = status.key
            color = status.color
        }

        enum CodingKeys: String, CodingKey { case label, key, color }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(label, forKey: .label)
            try container.encode(key, forKey: .key)
            try container.encode(color, forKey: .color)
        }
    }

    private struct EventJSON: Encodable {
        let event: TimelineEvent
        init(_ event: TimelineEvent) { self.event = event }

        enum CodingKeys: String, CodingKey {
            case source, id, channel, kind, timestamp, direction, title, status, text, urls
            case durationSeconds = "duration_seconds", transcript, details
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(event.source, forKey: .source)
            try container.encode(event.id, forKey: .id)
            try container.encode(event.channel, forKey: .channel)
            try container.encode(event.kind, forKey: .kind)
            try container.encode(ISO8601.format(event.timestamp), forKey: .timestamp)
            try container.encode(event.direction, forKey: .direction)
            try container.encode(event.title, forKey: .title)
            try container.encode(event.status, forKey: .status)
            try container.encode(event.text, forKey: .text)
            try container.encode(event.urls, forKey: .urls)
            if event.channel == .call {
                try container.encode(event.durationSeconds, forKey: .durationSeconds)
                try container.encode(event.transcript, forKey: .transcript)
            }
            try container.encode(event.details, forKey: .details)
        }
    }
}
