import Foundation

/// One lead's history at LeadPing: SMS both ways with their delivery lifecycle, calls, missed
/// calls, voicemails, notes and status changes.
///
/// The same event is shown three ways, each in its documented shape: as an event row in the lead's
/// timeline (leadping-list-lead-events.txt, numbers as strings), and as an SMS or call row
/// (smsevents.yml, callevents.yml) carrying the text, the recording and the durations. All three
/// share the event's id. Slots are independent, like ``SimNexorJourney``'s.
struct SimLeadPingJourney {
    enum Kind: Equatable {
        case created
        case smsOut, smsIn
        case callOut, callIn, callMissed, voicemail
        case note
        case statusChanged(step: Int)

        var isSMS: Bool { self == .smsOut || self == .smsIn }
        var isCall: Bool { self == .callOut || self == .callIn || self == .callMissed || self == .voicemail }
    }

    /// LeadPing's lead statuses: display name, tone, category.
    static let stages: [(name: String, tone: String, category: String)] = [
        ("New", "neutral", "Open"),
        ("Contacted", "info", "Open"),
        ("Qualified", "primary", "Qualified"),
        ("Appointment Set", "warning", "Qualified"),
        ("Sold", "success", "Converted"),
        ("Not Interested", "danger", "Lost"),
    ]
    /// The organisation's sending numbers.
    static let orgNumbers = ["+14155550134", "+14155550188", "+13055550112"]

    /// LeadPing's id for sending number `line` of ``orgNumbers``.
    static func phoneNumberID(_ line: Int) -> String { "pn_" + SimID.hex(SimRandom.hash(0x706E, UInt64(line)), digits: 12) }

    let world: SimWorld
    let person: SimPerson
    let count: Int
    let path: [Int]

    init(world: SimWorld, person: SimPerson) {
        self.world = world
        self.person = person
        count = world.eventCount(person.index, .leadping)
        var random = SimRandom(world.seed, SimSalt.leadPingSlot.rawValue, UInt64(person.index))
        let final = random.weighted([(0, 1), (1, 3), (2, 3), (3, 2), (4, 2), (5, 2)])
        let path = final == 5 ? [0, 1, 5] : Array(0...final)
        self.path = Array(path.prefix(max(1, count / 3 + 1)))
    }

    var currentStage: Int { path[path.count - 1] }
    var leadID: String { world.leadID(person.index, .leadping) }
    var conversationID: String { "conv_" + SimID.hex(SimRandom.hash(world.seed, SimSalt.leadPingSlot.rawValue, UInt64(person.index), 7), digits: 16) }

    func kind(at slot: Int) -> Kind {
        if slot == 0 { return .created }
        let steps = path.count
        if steps > 1 {
            let step = (slot * steps + count - 1) / count
            if step >= 1, step < steps, step * count / steps == slot { return .statusChanged(step: step) }
        }
        var random = SimRandom(world.seed, SimSalt.leadPingSlot.rawValue, UInt64(person.index), UInt64(slot))
        return random.weighted([
            (.smsOut, 35), (.smsIn, 28), (.callOut, 12), (.callIn, 4), (.callMissed, 8), (.voicemail, 3), (.note, 10),
        ])
    }

    func time(_ slot: Int) -> Int64 { world.slotTime(person.index, .leadping, slot: slot, of: count) }

    func eventID(_ slot: Int) -> String { world.leadPingEventIDs.objectID(SimWorld.pack(person.index, slot)) }

    /// Everything about the event in `slot`, from which each of its three shapes is built.
    struct Facts {
        var kind: Kind
        var id: String
        var createdAt: Int64
        var direction: String?
        var text: String
        var description: String
        var eventType: String
        var category: String
        var fromNumber: String?
        var toNumber: String?
        var phoneNumberID: String?
        var createdBy: String
        var actorUserID: String?
        // SMS lifecycle
        var smsStatus: String?
        var queuedAt: Int64?
        var scheduledFor: Int64?
        var scheduledReason: String?
        var sendingStartedAt: Int64?
        var sentAt: Int64?
        var deliveredAt: Int64?
        var receivedAt: Int64?
        var failedAt: Int64?
        var undeliverableAt: Int64?
        var blockedAt: Int64?
        var nextRetryAt: Int64?
        var errorCode: String?
        var statusReason: String?
        var complianceAction: String?
        var retryCount = 0
        var providerMessageID: String?
        var telnyxID: String?
        // Calls
        var callStatus: String?
        var answeredAt: Int64?
        var endedAt: Int64?
        var duration: Int?
        var recordingURL: String?
        var billableAmount: Double?
    }

    func facts(at slot: Int) -> Facts {
        var random = SimRandom(world.seed, SimSalt.leadPingSlot.rawValue, UInt64(person.index), UInt64(slot), 1)
        let book = person.phrasebook
        let t = time(slot)
        let kind = kind(at: slot)
        let hostile = world.hostileSuffix(person.index, 1 << 40 | UInt64(slot))
        let leadNumber = person.e164
        let orgLine = Int(SimRandom.hash(world.seed, UInt64(person.index)) % UInt64(Self.orgNumbers.count))
        let orgNumber = Self.orgNumbers[orgLine]
        var facts = Facts(
            kind: kind, id: eventID(slot), createdAt: t, direction: nil, text: "", description: "", eventType: "",
            category: "", createdBy: "System")

        switch kind {
        case .created:
            facts.eventType = "lead.created"
            facts.category = "Lead"
            facts.description = "Lead created"
            facts.text = "Lead received from \(random.pick(["Facebook Lead Ads", "Website form", "Zapier", "CSV import", "LeadPing API"]))"
        case .statusChanged(let step):
            let from = Self.stages[path[step - 1]].name, to = Self.stages[path[step]].name
            facts.eventType = "lead.status_changed"
            facts.category = "Lead"
            facts.description = "Status changed to \(to)"
            facts.text = "Status changed from \(from) to \(to)"
            facts.createdBy = random.chance(0.5) ? person.agent.fullName : "LeadPing AI"
            facts.actorUserID = facts.createdBy == person.agent.fullName ? person.agent.id : nil
        case .note:
            facts.eventType = "note.created"
            facts.category = "Note"
            facts.description = "Note added"
            facts.text = random.pick(book.notes) + hostile
            facts.createdBy = person.agent.fullName
            facts.actorUserID = person.agent.id
        case .smsOut:
            facts.eventType = "sms.outbound"
            facts.category = "Sms"
            facts.direction = "outbound"
            facts.description = "Outbound SMS"
            facts.text = person.fill(random.pick(random.chance(0.2) ? book.openers : book.agentMessages)) + hostile
            facts.fromNumber = orgNumber
            facts.toNumber = leadNumber
            facts.phoneNumberID = Self.phoneNumberID(orgLine)
            facts.createdBy = random.chance(0.6) ? person.agent.fullName : "Automation: Speed to Lead"
            facts.actorUserID = facts.createdBy == person.agent.fullName ? person.agent.id : nil
            facts.providerMessageID = "SM" + random.hex(32)
            facts.telnyxID = random.uuid()
            facts.billableAmount = 0.0079
            smsLifecycle(&facts, time: t, random: &random)
        case .smsIn:
            facts.eventType = "sms.inbound"
            facts.category = "Sms"
            facts.direction = "inbound"
            facts.description = "Inbound SMS"
            facts.text = random.pick(book.leadMessages) + hostile
            facts.fromNumber = leadNumber
            facts.toNumber = orgNumber
            facts.createdBy = person.fullName
            facts.smsStatus = "received"
            facts.receivedAt = t
            facts.providerMessageID = "SM" + random.hex(32)
            facts.telnyxID = random.uuid()
        case .callOut, .callIn, .callMissed, .voicemail:
            let inbound = kind == .callIn
            facts.category = "Call"
            facts.direction = inbound ? "inbound" : "outbound"
            facts.fromNumber = inbound ? leadNumber : orgNumber
            facts.toNumber = inbound ? orgNumber : leadNumber
            facts.phoneNumberID = inbound ? nil : Self.phoneNumberID(orgLine)
            facts.createdBy = inbound ? person.fullName : person.agent.fullName
            facts.actorUserID = person.agent.id
            facts.telnyxID = random.uuid()
            switch kind {
            case .callMissed:
                facts.eventType = "call.missed"
                facts.callStatus = random.chance(0.7) ? "no_answer" : "busy"
                facts.description = "Missed call"
                facts.text = facts.callStatus == "busy" ? "Line busy" : "No answer after 30 seconds"
                facts.endedAt = t + 30
                facts.duration = 0
            case .voicemail:
                facts.eventType = "call.voicemail"
                facts.callStatus = "voicemail"
                facts.description = "Voicemail left"
                facts.text = person.fill(random.pick(book.voicemails))
                facts.answeredAt = t + Int64(random.int(15...28))
                facts.duration = random.int(18...45)
                facts.endedAt = facts.answeredAt! + Int64(facts.duration!)
                facts.recordingURL = "https://recordings.leadping.example/\(random.hex(20)).mp3"
                facts.billableAmount = 0.014
            default:
                let duration = random.int(40...1_500)
                facts.eventType = inbound ? "call.inbound" : "call.outbound"
                facts.callStatus = "completed"
                facts.description = "\(inbound ? "Inbound" : "Outbound") call · \(duration / 60)m \(String(format: "%02d", duration % 60))s"
                facts.text = random.pick(book.callSummaries) + hostile
                facts.answeredAt = t + Int64(random.int(3...20))
                facts.duration = duration
                facts.endedAt = facts.answeredAt! + Int64(duration)
                facts.recordingURL = "https://recordings.leadping.example/\(random.hex(20)).mp3"
                facts.billableAmount = (Double((duration + 59) / 60) * 0.014 * 1000).rounded() / 1000
            }
        }
        return facts
    }

    /// Queued → sending → sent → delivered, or a failure, a block, a quiet-hours delay.
    private func smsLifecycle(_ facts: inout Facts, time: Int64, random: inout SimRandom) {
        var clock = time
        facts.queuedAt = clock
        if random.chance(0.06) {
            facts.scheduledFor = clock + Int64(random.int(3_600...36_000))
            facts.scheduledReason = "Quiet hours in the lead's time zone (\(person.locale.timeZoneID))"
            clock = facts.scheduledFor!
        }
        let outcome = random.weighted([("delivered", 72), ("sent", 10), ("failed", 8), ("undeliverable", 5), ("blocked", 2), ("retried", 3)])
        if outcome == "blocked" {
            facts.blockedAt = clock + 1
            facts.complianceAction = "Blocked: recipient opted out"
            facts.statusReason = "The lead replied STOP earlier"
            facts.smsStatus = "blocked_compliance"
            facts.billableAmount = nil
            return
        }
        facts.sendingStartedAt = clock + 1
        facts.sentAt = clock + 2
        facts.complianceAction = "None"
        switch outcome {
        case "delivered", "retried":
            if outcome == "retried" {
                facts.retryCount = 1
                facts.sentAt = clock + 62
            }
            facts.deliveredAt = facts.sentAt! + Int64(random.int(2...45))
            facts.smsStatus = "delivered"
        case "failed":
            facts.failedAt = facts.sentAt! + Int64(random.int(2...20))
            facts.errorCode = random.pick(["30007", "30003", "30008"])
            facts.statusReason = facts.errorCode == "30007" ? "Carrier filtered the message" : "Unreachable destination handset"
            facts.retryCount = random.int(0...2)
            facts.nextRetryAt = facts.retryCount < 2 ? facts.failedAt! + 900 : nil
            facts.smsStatus = "failed"
        case "undeliverable":
            facts.undeliverableAt = facts.sentAt! + Int64(random.int(5...60))
            facts.errorCode = "30005"
            facts.statusReason = "Unknown destination handset"
            facts.smsStatus = "undeliverable"
        default:
            facts.smsStatus = "sent"
        }
    }

    /// The event row of `POST /events/leads/{leadId}`, with exactly the keys of
    /// leadping-list-lead-events.txt (numbers as strings, as published there).
    func event(at slot: Int) -> JSONValue {
        let facts = facts(at: slot)
        let time = SimJSON.time
        let isComms = facts.kind.isSMS || facts.kind.isCall
        return .object([
            "id": .string(facts.id),
            "eventType": .string(facts.eventType),
            "eventCategory": .string(facts.category),
            "activityCategory": .string(isComms ? "Communication" : facts.kind == .note ? "Activity" : "System"),
            "description": .string(facts.description),
            "conversationId": isComms || facts.kind == .note ? .string(conversationID) : .null,
            "leadId": .string(leadID),
            "summary": .string(facts.text),
            "direction": SimJSON.string(facts.direction),
            "statusReason": SimJSON.string(facts.statusReason),
            "isWarmup": .bool(false),
            "fromPhoneNumberId": SimJSON.string(facts.direction == "outbound" ? facts.phoneNumberID : nil),
            "outboundPhoneNumberId": SimJSON.string(facts.direction == "outbound" ? facts.phoneNumberID : nil),
            "fromPhoneNumber": SimJSON.string(facts.fromNumber),
            "toPhoneNumber": SimJSON.string(facts.toNumber),
            "telnyxId": SimJSON.string(facts.telnyxID),
            "providerMessageId": SimJSON.string(facts.providerMessageID),
            "wasManuallyOverridden": .bool(false),
            "campaignId": isComms ? .string(campaignID) : .null,
            "sourceId": .string(sourceID),
            "tenDlcCampaignId": facts.kind.isSMS ? .string("C" + SimID.hex(SimRandom.hash(world.seed, 10), digits: 6).uppercased()) : .null,
            "complianceAction": SimJSON.string(facts.complianceAction),
            "billingStatus": isComms ? .string(facts.billableAmount == nil ? "NotBillable" : "Billed") : .null,
            "billableAmount": facts.billableAmount.map { .string(String($0)) } ?? .null,
            "errorCode": SimJSON.string(facts.errorCode),
            "retryCount": .string(String(facts.retryCount)),
            "queuedAt": time(facts.queuedAt),
            "sendingStartedAt": time(facts.sendingStartedAt),
            "sentAt": time(facts.sentAt),
            "deliveredAt": time(facts.deliveredAt),
            "receivedAt": time(facts.receivedAt),
            "failedAt": time(facts.failedAt),
            "undeliverableAt": time(facts.undeliverableAt),
            "blockedAt": time(facts.blockedAt),
            "nextRetryAt": time(facts.nextRetryAt),
            "scheduledFor": time(facts.scheduledFor),
            "scheduledReason": SimJSON.string(facts.scheduledReason),
            "canceledAt": .null,
            "cancelReason": .null,
            "createdAt": time(facts.createdAt),
            "createdBy": .string(facts.createdBy),
        ])
    }

    private var campaignID: String { "cmp_" + SimID.hex(SimRandom.hash(world.seed, SimSalt.leadPingSlot.rawValue, 11), digits: 12) }
    private var sourceID: String {
        "src_" + SimID.hex(SimRandom.hash(world.seed, SimSalt.leadPingSlot.rawValue, 12, UInt64(person.index % 4)), digits: 12)
    }

    /// `SmsEventTableRow` (smsevents.yml) for an SMS slot.
    func sms(at slot: Int) -> JSONValue? {
        let facts = facts(at: slot)
        guard facts.kind.isSMS else { return nil }
        let time = SimJSON.time
        return .object([
            "id": .string(facts.id),
            "conversationId": .string(conversationID),
            "lead": .object(["id": .string(leadID), "name": .string(person.fullName)]),
            "fromPhoneNumberId": .string(facts.phoneNumberID ?? ""),
            "outboundPhoneNumberId": .string(facts.phoneNumberID ?? ""),
            "fromPhoneNumber": .string(facts.fromNumber ?? ""),
            "toPhoneNumber": .string(facts.toNumber ?? ""),
            "text": .string(facts.text),
            "media": .array([]),
            "status": SimJSON.string(facts.smsStatus),
            "statusReason": SimJSON.string(facts.statusReason),
            "direction": .string(facts.direction ?? ""),
            "createdAt": time(facts.createdAt),
            "queuedAt": time(facts.queuedAt),
            "scheduledFor": time(facts.scheduledFor),
            "scheduledReason": SimJSON.string(facts.scheduledReason),
            "sendingStartedAt": time(facts.sendingStartedAt),
            "sentAt": time(facts.sentAt),
            "deliveredAt": time(facts.deliveredAt),
            "failedAt": time(facts.failedAt),
            "undeliverableAt": time(facts.undeliverableAt),
            "receivedAt": time(facts.receivedAt),
            "blockedAt": time(facts.blockedAt),
            "canceledAt": .null,
            "cancelReason": .null,
            "errorCode": SimJSON.string(facts.errorCode),
            "errorMessage": SimJSON.string(facts.statusReason),
            "isAutomated": .bool(facts.createdBy.hasPrefix("Automation")),
            "outboundSource": facts.direction == "outbound" ? .string(facts.createdBy.hasPrefix("Automation") ? "automation" : "manual") : .null,
            "trafficType": .string("RealLead"),
            "billableAmount": facts.billableAmount.map(JSONValue.number) ?? .null,
            "billingStatus": .string(facts.billableAmount == nil ? "NotBillable" : "Billed"),
            "complianceAction": SimJSON.string(facts.complianceAction),
            "consoleEntries": .array(consoleEntries(facts)),
            "user": .string(facts.direction == "outbound" ? person.agent.fullName : ""),
            "actorUserId": SimJSON.string(facts.actorUserID),
            "actorDisplayName": .string(facts.createdBy),
            "userName": SimJSON.string(facts.direction == "outbound" ? person.agent.fullName : nil),
            "senderName": .string(facts.direction == "outbound" ? person.agent.fullName : person.fullName),
            "organization": .string(Self.organizationName),
            "organizationName": .string(Self.organizationName),
        ])
    }

    /// `CallEventTableRow` (callevents.yml) for a call slot.
    func call(at slot: Int) -> JSONValue? {
        let facts = facts(at: slot)
        guard facts.kind.isCall else { return nil }
        let time = SimJSON.time
        return .object([
            "id": .string(facts.id),
            "leadId": .string(leadID),
            "leadName": .string(person.fullName),
            "organizationId": .string(Self.organizationID),
            "userId": .string(person.agent.id),
            "userName": .string(person.agent.fullName),
            "userEmail": .string(person.agent.email),
            "conversationId": .string(conversationID),
            "fromPhoneNumberId": SimJSON.string(facts.direction == "outbound" ? facts.phoneNumberID : nil),
            "fromPhoneNumber": .string(facts.fromNumber ?? ""),
            "toPhoneNumber": .string(facts.toNumber ?? ""),
            "callerId": SimJSON.string(facts.direction == "outbound" ? facts.fromNumber : nil),
            "status": SimJSON.string(facts.callStatus),
            "statusReason": facts.callStatus == "completed" ? .null : .string(facts.text),
            "direction": .string(facts.direction ?? ""),
            "createdAt": time(facts.createdAt),
            "answeredAt": time(facts.answeredAt),
            "endedAt": time(facts.endedAt),
            "duration": SimJSON.int(facts.duration),
            "billableSeconds": SimJSON.int(facts.duration.map { ($0 + 59) / 60 * 60 }),
            "billableAmount": facts.billableAmount.map(JSONValue.number) ?? .null,
            "billingStatus": .string(facts.billableAmount == nil ? "NotBillable" : "Billed"),
            "recordingUrl": SimJSON.string(facts.recordingURL),
            "consoleEntries": .array(consoleEntries(facts)),
            "user": .string(person.agent.fullName),
            "organization": .string(Self.organizationName),
            "organizationName": .string(Self.organizationName),
        ])
    }

    static let organizationName = "Leadline Demo Org"
    static let organizationID = "org_01HZX3QDEMO"

    private func consoleEntries(_ facts: Facts) -> [JSONValue] {
        var entries: [(String, String, String, Int64?)] = [
            ("validation", "passed", "Recipient number is valid and not suppressed", facts.queuedAt ?? facts.createdAt),
            ("routing", "selected", "Sending number chosen: sticky conversation", facts.sendingStartedAt),
            ("provider", facts.smsStatus ?? facts.callStatus ?? "unknown", facts.statusReason ?? "Provider accepted the request", facts.sentAt ?? facts.answeredAt ?? facts.endedAt),
        ]
        entries = entries.filter { $0.3 != nil }
        return entries.enumerated().map { offset, entry in
            .object([
                "id": .string("\(facts.id)-\(offset + 1)"), "stage": .string(entry.0), "status": .string(entry.1),
                "message": .string(entry.2), "occurredAt": SimJSON.time(entry.3),
            ])
        }
    }
}
