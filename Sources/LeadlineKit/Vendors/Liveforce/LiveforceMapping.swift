import Foundation

extension LiveforceLead {
    /// What the lead shows when the chat inside `analytics.chat` cannot be read.
    static let chatUnavailable = Detail("Chat", "chat unavailable")

    /// The lead in leadline's model.
    func toLead(source: String) -> Lead {
        var details: [Detail] = []
        details.add("Title", title)
        details.add("Lead type", leadType)
        details.add("Assigned", assigned)
        details.add("Assigned to", assignedTo)
        details.add("Browser", analytics?.browser)
        details.add("Source URL", analytics?.sourceURL)
        if let visitor = analytics?.visitor.document {
            details.add("City", visitor.city)
            details.add("Region", visitor.region)
            details.add("Country", visitor.country)
        }
        details.add("Chat started", analytics?.chatStartTime)
        details.add("Chat ended", analytics?.chatEndTime)
        if case .malformed? = analytics?.chat { details.append(Self.chatUnavailable) }
        return Lead(
            source: source, id: id, name: name ?? email ?? phoneNumber ?? id, phone: phoneNumber,
            email: email, company: company, status: status.map { Lead.Status(label: $0, color: color) },
            createdAt: date, lastActivity: analytics?.chatEndTime, details: details)
    }

    /// The lead's timeline: "Lead created" at `date`, then every chat item.
    ///
    /// Items without a readable `created_at` (and a lead without a readable `date`) are counted
    /// in ``History/skippedItems``.
    func toHistory(source: String) -> History {
        var events: [TimelineEvent] = []
        var skipped = 0
        if let date {
            var created = TimelineEvent(
                source: source, id: id, channel: .system, kind: "lead.created", timestamp: date,
                title: "Lead created", raw: RawJSON(raw))
            created.details.add("Lead type", leadType)
            created.details.add("Source URL", analytics?.sourceURL)
            // The timeline is where a missing chat is noticed, so it is said there as well.
            if case .malformed? = analytics?.chat { created.details.append(Self.chatUnavailable) }
            events.append(created)
        } else {
            skipped += 1
        }
        for item in analytics?.chat.document ?? [] {
            if let event = item.toEvent(source: source) {
                events.append(event)
            } else {
                skipped += 1
            }
        }
        return History(events: events, skippedItems: skipped)
    }
}

extension LiveforceChatItem {
    /// The item as a timeline event, or nil when it has no usable `created_at`.
    ///
    /// A `message` is a chat line; a `system_message` (idle, archived, transferred) is a system
    /// event titled with its text. Other LiveChat types are kept as chat events of their own kind.
    func toEvent(source: String) -> TimelineEvent? {
        guard let createdAt else { return nil }
        let kind = type ?? "unknown"
        // Gathered here and stored once: each change to an event packs its text again.
        var details: [Detail] = []
        var event = TimelineEvent(
            source: source, id: id ?? stableID("chat", ISO8601.format(createdAt), authorID, text),
            channel: .chat, kind: "chat.\(kind)", timestamp: createdAt, title: authorID ?? "chat",
            text: text, raw: RawJSON(raw))
        switch kind {
        case "system_message":
            event.channel = .system
            event.kind = "chat.system"
            event.title = text ?? systemMessageType ?? "System message"
            event.text = nil
            details.add("System message", systemMessageType)
        default:
            event.direction = authorID.map(Self.direction(ofAuthor:))
            details.add("Visibility", visibility)
            details.add("Author", authorID)
        }
        event.details = details
        return event
    }

    /// Which way a message went, judged from its author: no field says.
    ///
    /// In LiveChat's format agents are identified by their email address and visitors by a
    /// UUID, so an author id that looks like an email is the business (`.outbound`) and anything
    /// else the lead (`.inbound`). The published example shows agents as "[email protected]",
    /// which is an email address hidden by the docs site's email protection, so that exact text
    /// counts as an email too.
    static func direction(ofAuthor authorID: String) -> Direction {
        authorID.contains("@") || authorID == "[email protected]" ? .outbound : .inbound
    }
}
