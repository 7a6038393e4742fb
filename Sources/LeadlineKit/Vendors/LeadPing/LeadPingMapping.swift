import Foundation

extension LeadPingLead {
    /// The lead in leadline's model; the list's flat row and the full lead map the same way.
    func toLead(source: String) -> Lead {
        let name = [firstName, lastName].compactMap { $0?.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        let label = currentStatus?.displayName ?? statusLabel
        let status = label.map { label in
            Lead.Status(label: label, key: currentStatus?.outcome.flatMap { $0 == label ? nil : $0 })
        }
        var details: [Detail] = []
        details.add("Status category", currentStatus?.category)
        details.add("Status changed", currentStatus?.changedAt)
        details.add("Status set by", currentStatus?.source)
        details.add("Processing", processingStatus)
        details.add("Processing reason", processingStatusReason)
        details.add("Lead source", self.source?.name)
        if !tags.isEmpty { details.add("Tags", tags.joined(separator: ", ")) }
        details.add("Phone type", phoneType)
        if let address, !address.lines.isEmpty { details.add("Address", address.lines.joined(separator: ", ")) }
        details.add("Time zone", timeZone)
        details.add("Price", price ?? metadata?.price)
        details.add("Product", metadata?.product)
        details.add("Vertical", metadata?.vertical)
        details.add("UTM source", metadata?.utmSource)
        details.add("UTM medium", metadata?.utmMedium)
        details.add("UTM campaign", metadata?.utmCampaign)
        details.add("External id", metadata?.externalId)
        details.add("Origin", metadata?.origin)
        details.add("SMS consent", metadata?.smsConsentStatus)
        if metadata?.smsOptedOut == true {
            details.add("SMS opted out", metadata?.smsOptOutAt.map(ISO8601.format) ?? "yes")
        }
        details.add("Compliance", metadata?.complianceStatus)
        details.add("Compliance block", metadata?.complianceBlockedReason)
        if let archivedAt {
            details.add("Archived", archivedAt)
        } else if isArchived == true {
            details.add("Archived", "yes")
        }
        details.add("Archive note", archiveNote)
        // Disabled leads still answer; say so, since the vendor's own screens hide them.
        if enabled == false { details.add("Enabled", "no") }
        details.add("Updated", modifiedAt)

        let fallbackName = fullName.flatMap { $0.isEmpty ? nil : $0 } ?? email ?? phone ?? id
        return Lead(
            source: source, id: id, name: name.isEmpty ? fallbackName : name, phone: phone,
            email: email, company: company, status: status, createdAt: createdAt,
            lastActivity: [modifiedAt, currentStatus?.changedAt].compactMap { $0 }.max(), details: details)
    }
}

extension LeadPingEvent {
    /// The item as a timeline event, or nil when it has no usable timestamp.
    ///
    /// LeadPing publishes no catalogue of `eventType`/`eventCategory` values, so the channel is
    /// read from the words in them (see ``LeadPingChannelRule``) and unknown values are shown as
    /// they come.
    func toEvent(source: String) -> TimelineEvent? {
        // Without createdAt, the item began at its first step that has already happened.
        guard let timestamp = createdAt ?? lifecycle.filter({ !$0.isPlan }).map(\.date).min() else { return nil }
        let channel = LeadPingChannelRule.channel(of: [timelineType, eventType, eventCategory, activityCategory, timelineCategory])
        let kind = self.kind(channel: channel)
        let raw = RawJSON(self.raw)
        // Gathered here and stored once: each change to an event packs its text again.
        var details: [Detail] = []
        var event = TimelineEvent(
            source: source, id: id ?? stableID(kind, raw.text), channel: channel, kind: kind,
            timestamp: timestamp, direction: Direction(vendorValue: direction),
            title: title(channel: channel), status: status ?? derivedStatus,
            text: body, durationSeconds: durationSeconds, raw: raw)

        // Assigned once: each change to an event's links packs its strings again.
        event.urls = (recordingURL.map { [LabeledURL(label: "recording", url: $0)] } ?? [])
            + media.compactMap { attachment in attachment.url.map { LabeledURL(label: attachment.fileName ?? "media", url: $0) } }
        for moment in lifecycle { details.add(moment.label, moment.date) }
        details.add("From", fromPhoneNumber)
        details.add("To", toPhoneNumber)
        details.add("Status reason", statusReason)
        details.add("Error code", errorCode)
        details.add("Error", errorMessage)
        // Zero retries is the normal case, not worth a line.
        if let retryCount, retryCount > 0 { details.add("Retry count", String(retryCount)) }
        details.add("Cancel reason", cancelReason)
        details.add("Scheduled reason", scheduledReason)
        details.add("Provider message id", providerMessageId)
        details.add("Telnyx id", telnyxId)
        // Whichever of summary and description did not become the text is still worth reading.
        if summary != event.text { details.add("Summary", summary) }
        if description != event.text, description != summary { details.add("Description", description) }
        // Calls and texts get a plain title; keep the vendor's own words for them.
        if event.title != eventType { details.add("Event type", eventType) }
        details.add("Category", eventCategory)
        details.add("Activity category", activityCategory)
        details.add("By", actorDisplayName ?? createdBy)
        details.add("Conversation", conversationId)
        details.add("Traffic", trafficType ?? (isWarmup == true ? "Warmup" : nil))
        details.add("Number selection", selectionReason)
        if wasManuallyOverridden == true { details.add("Number chosen by hand", "yes") }
        details.add("Compliance action", complianceAction)
        details.add("Billing status", billingStatus)
        details.add("Billable amount", billableAmount)
        event.details = details
        return event
    }

    /// One dated step of the item's delivery, as shown in the detail pane.
    struct Moment {
        let label: String
        let date: Date
        /// The status word this step means once it is the latest; nil for a next retry, which
        /// says nothing about where the message is now.
        let status: String?
        /// Which status wins when two steps carry the same time: the later in a message's life.
        let rank: Int
        /// A time set for the future (a scheduled send, the next retry), not a step taken.
        let isPlan: Bool
    }

    /// The steps the item has dates for, in display order: a message's steps as it goes through
    /// them, its plans, then a call's.
    var lifecycle: [Moment] {
        let steps: [(String, Date?, String?, Int, Bool)] = [
            ("Queued", queuedAt, "Queued", 1, false),
            ("Sending", sendingStartedAt, "Sending", 2, false),
            ("Sent", sentAt, "Sent", 3, false),
            ("Delivered", deliveredAt, "Delivered", 6, false),
            ("Received", receivedAt, "Received", 5, false),
            ("Failed", failedAt, "Failed", 8, false),
            ("Undeliverable", undeliverableAt, "Undeliverable", 9, false),
            ("Blocked", blockedAt, "Blocked", 10, false),
            ("Canceled", canceledAt, "Canceled", 11, false),
            ("Next retry", nextRetryAt, nil, 0, true),
            ("Scheduled for", scheduledFor, "Scheduled", 0, true),
            ("Answered", answeredAt, "Answered", 4, false),
            ("Ended", endedAt, "Ended", 7, false),
        ]
        return steps.compactMap { label, date, status, rank, isPlan in
            date.map { Moment(label: label, date: $0, status: status, rank: rank, isPlan: isPlan) }
        }
    }

    /// The status of the latest step, for items that carry no `status` of their own.
    private var derivedStatus: String? {
        lifecycle.filter { $0.status != nil }
            .max { ($0.date, $0.rank) < ($1.date, $1.rank) }?.status
    }

    /// The message or note itself: the SMS body when there is one, else LeadPing's summary.
    private var body: String? {
        [text, summary, description].lazy.compactMap { $0 }.first { !$0.isEmpty }
    }

    /// `category.type` in lower case ("sms.outbound"), or whichever of the two there is.
    ///
    /// A type that repeats its category is not doubled: "Sms" + "SmsSent" is "sms.sent". Otherwise
    /// both are kept as sent, only lower-cased, so unknown values stay recognisable.
    private func kind(channel: Channel) -> String {
        func word(_ text: String?) -> String? {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: "_")
        }
        guard let type = word(eventType) else {
            return word(eventCategory) ?? word(timelineType) ?? channel.rawValue
        }
        guard let category = word(eventCategory), category != type else { return type }
        // Compare words, not letters, so "Call" + "Callback" stays "call.callback".
        let typeWords = LeadPingChannelRule.words(eventType ?? "")
        let categoryWords = LeadPingChannelRule.words(eventCategory ?? "")
        if type.hasPrefix(category), typeWords.starts(with: categoryWords) {
            let rest = type.dropFirst(category.count).drop { !($0.isLetter || $0.isNumber) }
            if !rest.isEmpty { return "\(category).\(rest)" }
        }
        return "\(category).\(type)"
    }

    private func title(channel: Channel) -> String {
        let words = Set([timelineType, eventType, eventCategory, status].flatMap { LeadPingChannelRule.words($0 ?? "") })
        switch channel {
        case .sms:
            return words.contains("mms") || !media.isEmpty ? "MMS" : "SMS"
        case .call:
            if words.contains("voicemail") { return "Voicemail" }
            return words.contains("missed") ? "Missed call" : "Call"
        default:
            if words.contains("note") { return "Note" }
            let named = [eventType, eventCategory, timelineType].lazy
                .compactMap { $0?.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
            return named ?? "Event"
        }
    }
}

/// Decides an item's channel from LeadPing's free-text type fields.
///
/// The fields are read most specific first (`timelineType`, LeadPing's own display class, then
/// `eventType`, `eventCategory`, `activityCategory`, `timelineCategory`); the first that names a
/// channel, or names something that is not a conversation (a note, a status change, a new lead),
/// decides. So a status change LeadPing files under a "Call" category stays a system event, while
/// a generic type ("Outbound") defers to its category ("SMS").
enum LeadPingChannelRule {
    static let smsWords: Set<String> = ["sms", "mms", "text", "texts", "texted"]
    /// "Message" alone means a text, but a "voicemail message" is a call.
    static let weakSMSWords: Set<String> = ["message", "messages", "msg"]
    static let callWords: Set<String> = ["call", "calls", "called", "voice", "voicemail", "voicemails", "dial", "dialer", "dialed"]
    static let systemWords: Set<String> = [
        "note", "notes", "lead", "status", "created", "updated", "notification", "payment", "warmup",
        "tag", "tags", "assigned", "archived", "workflow", "automation",
    ]

    /// The channel named by the first decisive field, else `.system`.
    static func channel(of fields: [String?]) -> Channel {
        for field in fields {
            if let channel = decide(words(field ?? "")) { return channel }
        }
        return .system
    }

    /// The channel `words` name, nil when they say nothing either way.
    ///
    /// When one field names both ("MissedCallTextBack"), the last channel word wins: English puts
    /// the head of a compound last, and that automatic reply is a text.
    static func decide(_ words: [String]) -> Channel? {
        if let last = words.last(where: { smsWords.contains($0) || callWords.contains($0) }) {
            return smsWords.contains(last) ? .sms : .call
        }
        if words.contains(where: weakSMSWords.contains) { return .sms }
        if words.contains(where: systemWords.contains) { return .system }
        return nil
    }

    /// The lower-cased words of `text`, split at anything not a letter or digit and at case
    /// changes: "InboundSMSReceived" → inbound, sms, received.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current.lowercased()); current = "" }
                continue
            }
            if character.isUppercase, let previous = current.last {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let startsWord = previous.isLowercase || previous.isNumber
                    || (previous.isUppercase && next?.isLowercase == true)
                if startsWord { words.append(current.lowercased()); current = "" }
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        return words
    }
}
