import Foundation

extension NexorLead {
    /// The lead in leadline's model, with the status taken from whichever shape carried it.
    func toLead(source: String, variables: [String: NexorVariable] = [:]) -> Lead {
        let name = [firstName, lastName].compactMap { $0?.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        let status = (currentStatus ?? workflowRun?.currentStatus).flatMap { status -> Lead.Status? in
            guard let label = status.label ?? status.key else { return nil }
            return Lead.Status(label: label, key: status.key, color: status.color)
        }
        var details: [Detail] = []
        details.add("Title", jobTitle)
        details.add("Lead source", leadSource)
        details.add("Campaign", campaign?.name)
        details.add("Workflow", (workflow ?? workflowRun?.workflow)?.name)
        details.add("Workflow run", workflowRun?.runStatus)
        details.add("Status category", (currentStatus ?? workflowRun?.currentStatus)?.category)
        details.add("Assigned to", assignedUser?.name)
        if !tags.isEmpty { details.add("Tags", tags.joined(separator: ", ")) }
        for key in metadata.keys.sorted() {
            details.add(key, metadata[key]?.displayText)
        }
        for key in variables.keys.sorted() {
            let variable = variables[key]!
            details.add(key, variable.valueText ?? variable.value?.displayText)
        }
        return Lead(
            source: source, id: id, name: name.isEmpty ? (email ?? phone ?? id) : name,
            phone: phone, email: email, company: company, status: status, createdAt: createdAt,
            details: details)
    }
}

extension NexorHistoryItem {
    /// The item as a timeline event, or nil when it has no usable timestamp.
    ///
    /// The channel comes from the item's type, not from Nexor's `channel` field: Nexor files some
    /// activities under "call" (a status change after a call), and leadline shows every activity,
    /// meeting and conversion as `system`.
    func toEvent(source: String) -> TimelineEvent? {
        guard let timestamp else { return nil }
        let kind = type ?? "unknown"
        let raw = RawJSON(self.raw)
        // Gathered here and stored once: each change to an event packs its text again.
        var details: [Detail] = []
        var event = TimelineEvent(
            source: source, id: id ?? stableID(kind, raw.text), channel: .system, kind: kind,
            timestamp: timestamp, direction: Direction(vendorValue: direction),
            title: title ?? kind, status: status, text: content, raw: raw)

        switch kind {
        case "activity":
            event.id = id ?? stableID("activity", ISO8601.format(timestamp), activityType, title)
            event.kind = activityType.map { "activity.\($0)" } ?? "activity"
            event.text = description
            details.add("Activity", activityType)
            details.add("By", actorType)
        case "message":
            let channel = vendorChannel ?? .whatsapp
            event.channel = channel
            event.title = messageType == "template" ? "\(channel.displayName) template" : "\(channel.displayName) message"
            // Assigned once: each change to an event's links packs its strings again.
            event.urls = (mediaURL.map { [LabeledURL(label: "media", url: $0)] } ?? [])
                + buttons.compactMap { button in button.url.map { LabeledURL(label: button.text ?? "button", url: $0) } }
            details.add("Message type", messageType)
            details.add("Sent", sentAt)
            details.add("Delivered", deliveredAt)
            details.add("Read", readAt)
            details.add("Reaction", reaction)
            let buttonTexts = buttons.compactMap(\.text)
            if !buttonTexts.isEmpty { details.add("Buttons", buttonTexts.joined(separator: " · ")) }
            if let attachments, attachments != .null { details.add("Attachments", attachments.displayText) }
            details.add("Provider message id", providerMessageID)
        case "call_missed":
            event.channel = .call
            event.title = content ?? "Missed call"
            event.text = nil
            event.status = callStatus ?? status
            details.add("Disconnection reason", disconnectionReason)
            details.add("Provider call id", providerCallID)
        case "call":
            event.channel = .call
            event.title = "Call"
            event.text = summary ?? content
            event.status = callStatus ?? status
            event.durationSeconds = durationSeconds
            event.transcript = transcriptLines
            if let recordingURL { event.urls.append(LabeledURL(label: "recording", url: recordingURL)) }
            details.add("Sentiment", sentiment)
            details.add("Successful", callSuccessful.map { $0 ? "yes" : "no" })
            details.add("Disconnection reason", disconnectionReason)
            details.add("Provider call id", providerCallID)
        case "meeting":
            event.kind = subtype.map { "meeting.\($0)" } ?? "meeting"
            event.title = title ?? "Meeting"
            event.text = outcomeNotes
            if let meetingURL { event.urls.append(LabeledURL(label: "meeting", url: meetingURL)) }
            details.add("Starts", startsAt)
            details.add("Ends", endsAt)
            details.add("Location", locationType)
            details.add("Attendee", [attendeeName, attendeeEmail.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " "))
        case "email":
            event.channel = .email
            event.title = subject ?? "(no subject)"
            details.add("From", sender)
            details.add("To", recipient)
            details.add("Reply", isReply.map { $0 ? "yes" : "no" })
            details.add("Delivered", deliveredAt)
            details.add("Opened", openedAt)
        case "conversion":
            event.title = conversionType ?? "Conversion"
            event.text = notes
            let amountText = [amount?.displayText, currency].compactMap { $0 }.joined(separator: " ")
            details.add("Amount", amountText)
        default:
            // A type Nexor added after these docs: keep whatever text it has.
            event.channel = vendorChannel ?? .system
            event.title = title ?? subject ?? kind
            event.text = content ?? description ?? summary ?? notes
        }
        event.details = details
        return event
    }

    private var vendorChannel: Channel? {
        channel.flatMap { Channel(rawValue: $0.lowercased()) }
    }

    /// Nexor documents no call transcript; if one arrives as `[{role|speaker, content|text, …}]`
    /// or as plain text, it is kept.
    private var transcriptLines: [TranscriptLine] {
        switch transcript {
        case .array(let turns)?:
            return turns.compactMap { turn in
                guard let text = (turn["content"] ?? turn["text"] ?? turn["message"])?.displayText else { return nil }
                let speaker = (turn["role"] ?? turn["speaker"])?.displayText ?? "speaker"
                return TranscriptLine(speaker: speaker, text: text,
                                      start: turn["start"].flatMap(Self.seconds), end: turn["end"].flatMap(Self.seconds))
            }
        case .string(let text)?:
            return text.isEmpty ? [] : [TranscriptLine(speaker: "transcript", text: text)]
        default:
            return []
        }
    }

    private static func seconds(_ value: JSONValue) -> Double? {
        switch value {
        case .integer(let number): Double(number)
        case .number(let number): number
        default: nil
        }
    }
}
