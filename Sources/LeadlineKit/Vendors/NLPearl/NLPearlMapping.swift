import Foundation

/// One of NLPearl's numeric code lists, with the names its docs give the codes.
///
/// Names are kept exactly as NLPearl spells them ("NotSuccessfull" included) so they match what
/// the user sees on NLPearl's own platform. A code the docs do not list reads "status N".
struct NLPearlCodeTable: Sendable {
    let names: [Int: String]

    /// The documented name of `code`, or "status N".
    func name(_ code: Int) -> String { names[code] ?? "status \(code)" }

    /// A lead's `status`: the status of its last conversation.
    static let leadStatus = NLPearlCodeTable(names: [
        1: "New", 10: "NeedRetry", 20: "InCallQueue", 30: "WrongCountryCode", 40: "OnCall",
        70: "VoiceMailLeft", 100: "Success", 110: "NotSuccessfull", 130: "Completed",
        150: "Unreachable", 220: "Blacklisted", 500: "Error",
    ])

    /// A call's `conversationStatus`: the lead status codes plus 300.
    static let conversationStatus = NLPearlCodeTable(
        names: leadStatus.names.merging([300: "QueueAbandon"]) { documented, _ in documented })

    /// A call's `status`: how the telephony side of the call ended.
    static let callStatus = NLPearlCodeTable(names: [
        3: "InProgress", 4: "Completed", 5: "Busy", 6: "Failed", 7: "NoAnswer", 8: "Canceled",
    ])
}

extension NLPearlLead {
    /// The lead in leadline's model, with the id `OUTBOUND/LEAD` so its REF names the campaign.
    ///
    /// `leadID` is the payload's own id, or the id the caller asked for when the payload has
    /// none (the docs allow a null id).
    func toLead(source: String, outboundID: String, leadID: String) -> Lead {
        // `callData` holds the campaign's own variables; NLPearl fixes no names for them, so the
        // usual spellings of a name and an email are looked for.
        var used = Set<String>()
        func field(_ names: String...) -> String? {
            for name in names {
                for key in callData.keys.sorted() where Self.normalized(key) == name {
                    if let value = callData[key]?.displayText?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                        used.insert(key)
                        return value
                    }
                }
            }
            return nil
        }
        let fullName = field("fullname", "name")
            ?? [field("firstname"), field("lastname")].compactMap { $0 }.joined(separator: " ")
        let email = field("email", "emailaddress")

        var details: [Detail] = []
        details.add("External id", externalID)
        details.add("Time zone", timeZone)
        if !callIDs.isEmpty { details.add("Calls", String(callIDs.count)) }
        for key in callData.keys.sorted() where !used.contains(key) {
            details.add(key, callData[key]?.displayText)
        }
        for key in collectedData.keys.sorted() {
            details.add(key, collectedData[key]?.displayText)
        }
        let status = status.map { Lead.Status(label: NLPearlCodeTable.leadStatus.name($0), key: String($0)) }
        return Lead(
            source: source, id: "\(outboundID)/\(leadID)",
            name: fullName.isEmpty ? (phoneNumber ?? leadID) : fullName,
            phone: phoneNumber, email: email, status: status, createdAt: created,
            lastActivity: lastCall?.startTime, details: details)
    }

    /// `first_name`, `firstName` and `First Name` all read as `firstname`.
    private static func normalized(_ key: String) -> String {
        key.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}

extension NLPearlCall {
    /// The call as a timeline event, or nil when it has no usable `startTime`.
    ///
    /// `fallbackID` is the id the call was fetched by, for a payload that leaves its own out.
    /// Every call is `.outbound`: leadline reads NLPearl's outbound campaigns only, whose calls
    /// the Pearl places (the call payload has no direction field).
    func toEvent(source: String, fallbackID: String? = nil) -> TimelineEvent? {
        guard let startTime else { return nil }
        // Gathered here and stored once: each change to an event packs its text again.
        var details: [Detail] = []
        var event = TimelineEvent(
            source: source, id: id ?? fallbackID ?? stableID("call", ISO8601.format(startTime), from, to),
            channel: .call, kind: "call", timestamp: startTime, direction: .outbound, title: "Call",
            status: status.map(NLPearlCodeTable.callStatus.name), text: summary,
            durationSeconds: durationSeconds, transcript: transcriptLines, raw: RawJSON(raw))
        if let recording { event.urls.append(LabeledURL(label: "recording", url: recording)) }
        details.add("Conversation", conversationStatus.map(NLPearlCodeTable.conversationStatus.name))
        details.add("Sentiment", overallSentiment)
        if !tags.isEmpty { details.add("Tags", tags.joined(separator: ", ")) }
        details.add("From", from)
        details.add("To", to)
        details.add("Name", name)
        details.add("Pearl", pearlID)
        for info in collectedInfo {
            details.add(info.name ?? info.id ?? "Collected", info.value?.displayText)
        }
        event.details = details
        return event
    }

    /// NLPearl documents `role` as an integer without saying which number is the Pearl and which
    /// the lead, so no name is guessed: role N reads "speaker N". Times are passed on as sent,
    /// because their unit (seconds or milliseconds) is not documented either.
    private var transcriptLines: [TranscriptLine] {
        transcript.compactMap { turn in
            guard let content = turn.content, !content.isEmpty else { return nil }
            let speaker: String
            switch turn.role {
            case .string(let role)? where !role.isEmpty: speaker = role
            case let role?: speaker = role.displayText.map { "speaker \($0)" } ?? "speaker"
            case nil: speaker = "speaker"
            }
            return TranscriptLine(speaker: speaker, text: content, start: turn.startTime, end: turn.endTime)
        }
    }
}
