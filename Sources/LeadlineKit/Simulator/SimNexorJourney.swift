import Foundation

/// One lead's history at Nexor: WhatsApp both ways, calls, missed calls, meetings, emails,
/// conversions and activities, in the item shapes of nexor-get-lead-history.txt.
///
/// Each event ("slot") is computed on its own from `(seed, person, slot)`, so a page of a
/// 20,000-event history costs only its own items. Events that belong together are placed by
/// rule instead of by walking the history: slots come in blocks of eight, and a block may hold a
/// meeting booked in one slot and completed (same meeting id) in a later one; status changes sit
/// at fixed fractions of the journey; a won deal converts in the last slot.
struct SimNexorJourney {
    enum Kind: Equatable {
        case assigned
        case statusChanged(stage: Int)
        case whatsappOut, whatsappIn, call, callMissed, emailOut, emailIn, note
        case meetingBooked(block: Int)
        case meetingEnded(block: Int)
        case conversion
    }

    /// Where a lead can be in Nexor's workflow: key, label, colour, category.
    static let stages: [(key: String, label: String, color: String, category: String)] = [
        ("new", "New", "#94a3b8", "active"),
        ("contacted", "Contacted", "#3b82f6", "active"),
        ("qualified", "Qualified", "#8b5cf6", "active"),
        ("meeting_booked", "Meeting booked", "#f59e0b", "active"),
        ("won", "Won", "#22c55e", "won"),
        ("lost", "Lost", "#ef4444", "lost"),
    ]
    static let workflows = ["Sales Outreach", "Sales Pipeline", "Inbound Qualification", "Reactivation"]
    static let blockSize = 8

    let world: SimWorld
    let person: SimPerson
    let count: Int
    /// Stages the lead went through, first to current; a change happens at each step.
    let path: [Int]
    let workflow: String

    init(world: SimWorld, person: SimPerson) {
        self.world = world
        self.person = person
        count = world.eventCount(person.index, .nexor)
        var random = SimRandom(world.seed, SimSalt.nexorSlot.rawValue, UInt64(person.index))
        let final = random.weighted([(0, 1), (1, 3), (2, 3), (3, 2), (4, 2), (5, 2)])
        var path = final == 5 ? [0, 1, 5] : Array(0...final)
        // A short history cannot hold every step; keep the first ones.
        path = Array(path.prefix(max(1, count / 3 + 1)))
        self.path = path
        workflow = random.pick(Self.workflows)
    }

    var currentStage: Int { path[path.count - 1] }

    // MARK: Where things happen

    func kind(at slot: Int) -> Kind {
        if slot == 0 { return .assigned }
        let block = slot / Self.blockSize
        if let meeting = meetingSlots(block: block) {
            if slot == meeting.booked { return .meetingBooked(block: block) }
            if slot == meeting.ended { return .meetingEnded(block: block) }
        }
        let steps = path.count
        if steps > 1 {
            // Step k (1…steps-1) happens at slot k·count/steps.
            let step = (slot * steps + count - 1) / count
            if step >= 1, step < steps, step * count / steps == slot { return .statusChanged(stage: path[step]) }
        }
        if currentStage == 4, slot == count - 1 { return .conversion }
        var random = SimRandom(world.seed, SimSalt.nexorSlot.rawValue, UInt64(person.index), UInt64(slot))
        return random.weighted([
            (.whatsappOut, 26), (.whatsappIn, 22), (.call, 9), (.callMissed, 7), (.emailOut, 9),
            (.emailIn, 4), (.note, 4),
        ])
    }

    /// The slots of the meeting in `block`, if it has one; the end may fall past the history.
    func meetingSlots(block: Int) -> (booked: Int, ended: Int)? {
        var random = SimRandom(world.seed, SimSalt.nexorBlock.rawValue, UInt64(person.index), UInt64(block))
        guard random.chance(0.3) else { return nil }
        let booked = block * Self.blockSize + random.int(1...4)
        let ended = booked + random.int(1...(Self.blockSize - 1 - (booked - block * Self.blockSize)))
        guard booked < count else { return nil }
        return (booked, ended)
    }

    /// Nexor's `channel` for the item in `slot`; a status change right after a call is filed
    /// under "call", as in Nexor's own example.
    func channel(at slot: Int) -> String {
        switch kind(at: slot) {
        case .whatsappOut, .whatsappIn: "whatsapp"
        case .call, .callMissed: "call"
        case .emailOut, .emailIn: "email"
        case .statusChanged: slot > 0 && kind(at: slot - 1) == .call ? "call" : "system"
        case .assigned, .note, .meetingBooked, .meetingEnded, .conversion: "system"
        }
    }

    /// The slot answered at `position`: Nexor's history is not sorted by time, so some
    /// neighbouring pairs are swapped (and completed meetings carry their start time anyway).
    func slot(atPosition position: Int) -> Int {
        let pair = position / 2
        guard SimRandom.hash(world.seed, SimSalt.nexorOrder.rawValue, UInt64(person.index), UInt64(pair)) % 5 == 0,
              pair * 2 + 1 < count else { return position }
        return position ^ 1
    }

    func time(_ slot: Int) -> Int64 { world.slotTime(person.index, .nexor, slot: slot, of: count) }

    private func eventID(_ slot: Int) -> String { world.nexorEventIDs.uuid(SimWorld.pack(person.index, slot)) }

    // MARK: Items

    func item(at slot: Int) -> JSONValue {
        var random = SimRandom(world.seed, SimSalt.nexorSlot.rawValue, UInt64(person.index), UInt64(slot), 1)
        let book = person.phrasebook
        let t = time(slot)
        let hostile = world.hostileSuffix(person.index, UInt64(slot))
        var item: [String: JSONValue] = ["channel": .string(channel(at: slot)), "timestamp": SimJSON.time(t)]

        switch kind(at: slot) {
        case .assigned:
            item["type"] = .string("activity")
            item["activity_type"] = .string("workflow_assigned")
            item["title"] = .string("Assigned to \(workflow)")
            item["description"] = .string(random.pick(["Lead enrolled via API", "Lead enrolled from WhatsApp", "Lead imported from CSV", "Lead enrolled from web form"]))
            item["actor_type"] = .string("system")
        case .statusChanged(let stage):
            let label = Self.stages[stage].label
            item["type"] = .string("activity")
            item["activity_type"] = .string("status_changed")
            item["title"] = .string("Status changed to \(label)")
            item["description"] = .string(random.pick([
                "Lead qualified after discovery call", "Updated by the AI agent after the conversation",
                "Moved manually by \(person.agent.firstName)", "Workflow rule: no reply in 7 days",
            ]))
            item["actor_type"] = .string(random.pick(["ai", "user", "system"]))
        case .note:
            item["type"] = .string("activity")
            if random.chance(0.6) {
                item["activity_type"] = .string("note_added")
                item["title"] = .string("Note added")
                item["description"] = .string(random.pick(book.notes) + hostile)
                item["actor_type"] = .string("user")
            } else {
                let tag = random.pick(["vip", "demo-requested", "price-sensitive", "decision-maker", "follow-up"])
                item["activity_type"] = .string("tag_added")
                item["title"] = .string("Tag added: \(tag)")
                item["description"] = .string("Tagged by \(person.agent.firstName)")
                item["actor_type"] = .string(random.pick(["ai", "user"]))
            }
        case .whatsappOut:
            whatsappOut(&item, slot: slot, time: t, random: &random, hostile: hostile)
        case .whatsappIn:
            item["type"] = .string("message")
            item["id"] = .string(eventID(slot))
            item["direction"] = .string("inbound")
            item["content"] = .string(random.pick(book.leadMessages) + hostile)
            item["message_type"] = .string("text")
            item["status"] = .string(random.chance(0.8) ? "read" : "received")
            item["reaction"] = random.chance(0.08) ? .string(random.pick(Self.reactions)) : .null
            item["sent_at"] = SimJSON.time(t)
        case .call:
            let duration = random.int(25...1_260)
            let successful = random.chance(0.7)
            item["type"] = .string("call")
            item["id"] = .string(eventID(slot))
            item["duration_seconds"] = .integer(Int64(duration))
            item["call_status"] = .string("ended")
            item["call_successful"] = .bool(successful)
            item["summary"] = .string(random.pick(book.callSummaries) + hostile)
            item["recording_url"] = .string("https://recordings.nexor.example/\(random.hex(12)).wav")
            item["sentiment"] = .string(successful ? random.pick(["positive", "positive", "neutral"]) : random.pick(["neutral", "negative"]))
            item["disconnection_reason"] = .string(random.pick(["user_hangup", "agent_hangup", "user_hangup"]))
            item["provider_call_id"] = .string("call_\(random.hex(10))")
        case .callMissed:
            let (reason, content) = random.pick([
                ("dial_no_answer", "Missed call — No answer"), ("dial_busy", "Missed call — Line busy"),
                ("voicemail_reached", "Missed call — Voicemail"),
            ])
            item["type"] = .string("call_missed")
            item["id"] = .string(eventID(slot))
            item["call_status"] = .string("not_connected")
            item["disconnection_reason"] = .string(reason)
            item["content"] = .string(content)
            item["provider_call_id"] = .string("call_\(random.hex(10))")
        case .emailOut, .emailIn:
            email(&item, slot: slot, time: t, inbound: kind(at: slot) == .emailIn, random: &random, hostile: hostile)
        case .meetingBooked(let block), .meetingEnded(let block):
            meeting(&item, block: block, slot: slot)
        case .conversion:
            let amount = random.int(person.locale.dealSize)
            item["type"] = .string("conversion")
            item["id"] = .string(eventID(slot))
            item["conversion_type"] = .string(random.pick(["Deal Won", "Deal Won", "Subscription", "Upsell"]))
            item["amount"] = .integer(Int64(amount))
            item["currency"] = .string(person.locale.currency)
            item["notes"] = .string(random.pick(["Annual plan", "Monthly plan, 10 seats", "Pilot converted to annual", "Paid upfront"]))
        }
        return .object(item)
    }

    static let reactions = ["👍", "❤️", "😂", "🙏", "🔥", "👏", "😮"]

    private func whatsappOut(_ item: inout [String: JSONValue], slot: Int, time: Int64, random: inout SimRandom, hostile: String) {
        let book = person.phrasebook
        let messageType = random.weighted([("template", 25), ("text", 67), ("image", 8)])
        let status = random.weighted([("read", 45), ("delivered", 35), ("sent", 12), ("failed", 8)])
        let delivered = status == "read" || status == "delivered" ? time + Int64(random.int(2...40)) : nil
        let read = status == "read" ? delivered.map { min($0 + Int64(random.int(60...21_600)), world.referenceDate - 1) } : nil
        var buttons: [JSONValue] = []
        let content: String
        switch messageType {
        case "template":
            content = person.fill(random.pick(book.openers))
            buttons.append(.object([
                "type": .string("URL"), "text": .string(book.buttons[0]),
                "url": .string("https://cal.example.com/\(SimJSON.digits(person.agent.id).prefix(6))/\(random.hex(8))"),
            ]))
            if book.buttons.count > 1, random.chance(0.5) {
                buttons.append(.object(["type": .string("QUICK_REPLY"), "text": .string(book.buttons[1]), "url": .null]))
            }
        default:
            content = person.fill(random.pick(book.agentMessages))
        }
        item["type"] = .string("message")
        item["id"] = .string(eventID(slot))
        item["direction"] = .string("outbound")
        item["content"] = .string(content + hostile)
        item["message_type"] = .string(messageType)
        item["media_url"] = messageType == "image" ? .string("https://media.nexor.example/wa/\(random.hex(16)).jpg") : .null
        item["attachments"] = .null
        item["status"] = .string(status)
        item["provider_message_id"] = .string("wamid.HBgL" + random.token(28, alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"))
        item["sent_at"] = SimJSON.time(time)
        item["delivered_at"] = SimJSON.time(delivered)
        item["read_at"] = SimJSON.time(read)
        item["reaction"] = status == "read" && random.chance(0.12) ? .string(random.pick(Self.reactions)) : .null
        item["buttons"] = .array(buttons)
    }

    private func email(_ item: inout [String: JSONValue], slot: Int, time: Int64, inbound: Bool, random: inout SimRandom, hostile: String) {
        let book = person.phrasebook
        let subject = person.fill(random.pick(book.emailSubjects))
        let personAddress = world.email(person, for: .nexor)
        item["type"] = .string("email")
        item["id"] = .string(eventID(slot))
        item["direction"] = .string(inbound ? "inbound" : "outbound")
        if inbound {
            item["subject"] = .string("Re: " + subject + hostile)
            item["content"] = .string(person.fill(random.pick(book.emailReplies)))
            item["status"] = .string("received")
            item["sender"] = .string("\(person.fullName) <\(personAddress)>")
            item["recipient"] = .string(person.agent.email)
            item["is_reply"] = .bool(true)
            item["delivered_at"] = SimJSON.time(time)
            item["opened_at"] = random.chance(0.7) ? SimJSON.time(min(time + Int64(random.int(120...30_000)), world.referenceDate - 1)) : .null
        } else {
            // About four in ten are the long, multi-paragraph kind.
            let paragraphs = book.emailParagraphs
            let body: [String]
            if random.chance(0.4) || paragraphs.count <= 3 {
                body = paragraphs
            } else {
                body = [paragraphs[0], random.pick(Array(paragraphs.dropFirst().dropLast())), paragraphs[paragraphs.count - 1]]
            }
            let status = random.weighted([("delivered", 70), ("sent", 22), ("bounced", 8)])
            item["subject"] = .string(subject)
            item["content"] = .string(body.map(person.fill).joined(separator: "\n\n") + hostile)
            item["status"] = .string(status)
            item["sender"] = .string("\(person.agent.fullName) <\(person.agent.email)>")
            item["recipient"] = .string(personAddress)
            item["is_reply"] = .bool(random.chance(0.2))
            item["delivered_at"] = status == "delivered" ? SimJSON.time(time + Int64(random.int(1...30))) : .null
            item["opened_at"] = status == "delivered" && random.chance(0.55)
                ? SimJSON.time(min(time + Int64(random.int(300...86_400)), world.referenceDate - 1)) : .null
        }
    }

    /// Both items of a block's meeting are built from the same facts, so the booked and the
    /// completed item agree on id, title and times.
    private func meeting(_ item: inout [String: JSONValue], block: Int, slot: Int) {
        guard let slots = meetingSlots(block: block) else { return }
        var random = SimRandom(world.seed, SimSalt.nexorBlock.rawValue, UInt64(person.index), UInt64(block), 1)
        let outcome = random.weighted([("completed", 75), ("no_show", 15), ("cancelled", 10)])
        let bookedAt = time(slots.booked)
        let endedAt = slots.ended < count ? time(slots.ended) : world.referenceDate + 2 * SimWorld.day
        // A meeting starts on the half hour at or before the slot that reports it; a cancelled one
        // was still in the future when it was cancelled.
        var startsAt = outcome == "cancelled" ? endedAt + SimWorld.day : endedAt
        startsAt -= startsAt % 1800
        if startsAt <= bookedAt { startsAt = bookedAt + 1800 - bookedAt % 1800 }
        let endsAt = startsAt + Int64(random.pick([30, 30, 45, 60]) * 60)
        item["type"] = .string("meeting")
        item["id"] = .string(world.nexorEventIDs.uuid(SimWorld.pack(person.index, 1 << 23 | block)))
        item["channel"] = .string("system")
        item["title"] = .string(person.fill(person.phrasebook.meetingTitle.replacingOccurrences(of: "{name}", with: "{name} " + person.lastName)))
        item["starts_at"] = SimJSON.time(startsAt)
        item["ends_at"] = SimJSON.time(endsAt)
        if slot == slots.booked {
            item["subtype"] = .string("booked")
            item["status"] = .string("scheduled")
            item["location_type"] = .string(random.pick(["video", "video", "phone", "in_person"]))
            item["meeting_url"] = .string("https://meet.example.com/\(random.token(3))-\(random.token(4))-\(random.token(3))")
            item["attendee_name"] = .string(person.fullName)
            item["attendee_email"] = .string(world.email(person, for: .nexor))
            item["timestamp"] = SimJSON.time(bookedAt)
        } else {
            item["subtype"] = .string(outcome)
            item["status"] = .string(outcome)
            let notes = person.phrasebook.meetingNotes
            item["outcome_notes"] = .string(outcome == "completed" ? notes[0] : outcome == "no_show" ? notes[min(1, notes.count - 1)] : "Cancelled by the lead")
            item["timestamp"] = SimJSON.time(outcome == "cancelled" ? endedAt : startsAt)
        }
    }
}
