import Foundation

/// One lead's calls in an NLPearl outbound campaign: answered calls with multi-minute transcripts,
/// voicemails, no-answers, busy lines and failures, each computed on its own from its number.
///
/// Undocumented choices: transcript `role` 1 is the Pearl (the AI agent), 2 the lead, and 3 a
/// rare system turn (a transfer); transcript `startTime`/`endTime` are seconds from the start of
/// the call with one decimal; `overallSentiment` is a word; `lastCall.status` is the call status
/// (3–8) and `lastCall.name` the lead's name.
struct SimNLPearlJourney {
    /// What became of one call.
    struct Call {
        let id: String
        let number: Int
        let start: Int64
        /// 3 InProgress … 8 Canceled.
        let status: Int
        /// The conversation code (same codes as a lead's status, plus 300 QueueAbandon).
        let conversationStatus: Int
        let answered: Bool
        let voicemail: Bool
    }

    let world: SimWorld
    let person: SimPerson
    let count: Int
    let outboundID: String

    init(world: SimWorld, person: SimPerson) {
        self.world = world
        self.person = person
        count = world.eventCount(person.index, .nlpearl)
        outboundID = world.outboundIDs[world.outboundOrdinal(person.index)]
    }

    var leadID: String { world.leadID(person.index, .nlpearl) }
    var pearlNumber: String { world.outboundOrdinal(person.index) == 0 ? "+14155550199" : "+12125550147" }

    func call(_ number: Int) -> Call {
        var random = SimRandom(world.seed, SimSalt.nlpearlCall.rawValue, UInt64(person.index), UInt64(number))
        let outcome = random.weighted([("answered", 55), ("voicemail", 12), ("noAnswer", 18), ("busy", 8), ("failed", 5), ("canceled", 2)])
        let (status, conversation): (Int, Int)
        switch outcome {
        case "answered": (status, conversation) = (4, random.weighted([(100, 4), (110, 3), (130, 3)]))
        case "voicemail": (status, conversation) = (4, 70)
        case "noAnswer": (status, conversation) = (7, 10)
        case "busy": (status, conversation) = (5, 10)
        case "failed": (status, conversation) = (6, random.weighted([(150, 3), (500, 1), (30, 1)]))
        default: (status, conversation) = (8, 300)
        }
        return Call(
            id: world.nlpearlCallIDs.objectID(SimWorld.pack(person.index, number)), number: number,
            start: world.slotTime(person.index, .nlpearl, slot: number, of: count),
            status: status, conversationStatus: conversation, answered: outcome == "answered", voicemail: outcome == "voicemail")
    }

    /// The lead's status: the last conversation's, except leads who asked not to be called again.
    var status: Int {
        guard count > 0 else { return 1 }
        let last = call(count - 1)
        if last.conversationStatus == 110, SimRandom.hash(world.seed, SimSalt.nlpearlLead.rawValue, UInt64(person.index)) % 8 == 0 {
            return 220
        }
        return last.conversationStatus == 300 ? 10 : last.conversationStatus
    }

    var created: Int64 { world.accountCreated(person.index, .nlpearl) }
    var timeZone: String { String(person.locale.utcOffset) }

    // MARK: Conversation

    /// The transcript, summary and collected facts of a call.
    struct Conversation {
        var transcript: [JSONValue] = []
        var duration = 0
        var summary: String?
        var collected: [(id: String, name: String, value: JSONValue)] = []
        var tags: [String] = []
        var sentiment: String?
        var recording: String?
    }

    func conversation(_ call: Call) -> Conversation {
        var random = SimRandom(world.seed, SimSalt.nlpearlCall.rawValue, UInt64(person.index), UInt64(call.number), 1)
        let book = person.phrasebook
        var result = Conversation()
        var clock = Double(random.int(5...25)) / 10
        func turn(_ role: Int, _ text: String) {
            let length = Double(min(140, 18 + text.count)) / 10 + Double(random.int(0...20)) / 10
            let end = ((clock + length) * 10).rounded() / 10
            result.transcript.append(.object([
                "role": .integer(Int64(role)), "content": .string(text),
                "startTime": .number((clock * 10).rounded() / 10), "endTime": .number(end),
            ]))
            clock = end + Double(random.int(3...15)) / 10
        }
        let hostile = world.hostileSuffix(person.index, 2 << 40 | UInt64(call.number))
        if call.answered {
            // A few minutes of conversation: dozens of turns. Lines are dealt from shuffled decks
            // so a call does not say the same thing twice in a row.
            let turns = random.int(8...30)
            var leadDeck = SimDeck(book.leadTurns, random: &random), agentDeck = SimDeck(book.agentTurns, random: &random)
            let transferAt = random.chance(0.05) ? random.below(turns) : -1
            turn(1, person.fill(random.pick(book.callOpenings)))
            for index in 0..<turns {
                turn(2, leadDeck.deal() + (index == turns / 2 ? hostile : ""))
                if index == transferAt { turn(3, "[call transferred to \(person.agent.fullName)]") }
                turn(1, person.fill(agentDeck.deal()))
            }
            turn(2, random.pick(book.leadTurns))
            turn(1, person.fill(random.pick(book.callClosings)))
            result.duration = Int(clock.rounded(.up)) + 1
            result.summary = random.pick(book.callSummaries)
            let interested = call.conversationStatus == 100 || (call.conversationStatus == 130 && random.chance(0.5))
            result.collected = [("interested", "Interested", .bool(interested))]
            if random.chance(0.7) {
                result.collected.append(("budget", "Budget", .string("\(random.int(person.locale.dealSize)) \(person.locale.currency)")))
            }
            if random.chance(0.5) { result.collected.append(("team_size", "Team size", .integer(Int64(random.int(2...80))))) }
            if random.chance(0.5) {
                result.collected.append(("callback_time", "Preferred callback time", .string(random.pick(["Tuesday 10:00", "after 17:00", "next week", "Friday morning"]))))
            }
            result.tags = interested ? ["interested", random.pick(["demo-booked", "send-pricing", "callback"])] : [random.pick(["not-interested", "has-provider", "callback"])]
            result.sentiment = interested ? random.pick(["Positive", "Positive", "Neutral"]) : random.pick(["Neutral", "Negative"])
            result.recording = "https://recordings.nlpearl.example/\(outboundID)/\(call.id).mp3"
        } else if call.voicemail {
            turn(1, person.fill(random.pick(book.voicemails)))
            result.duration = Int(clock.rounded(.up))
            result.summary = "Voicemail left"
            result.tags = ["voicemail"]
            result.recording = "https://recordings.nlpearl.example/\(outboundID)/\(call.id).mp3"
        } else {
            result.tags = [call.status == 5 ? "busy" : call.status == 6 ? "failed" : call.status == 8 ? "canceled" : "no-answer"]
        }
        return result
    }

    // MARK: Shapes

    private static func infos(_ conversation: Conversation) -> JSONValue {
        .array(conversation.collected.map { .object(["id": .string($0.id), "name": .string($0.name), "value": $0.value]) })
    }

    /// `GET /v1/Call/{callId}`.
    func callDocument(_ call: Call) -> JSONValue {
        let conversation = conversation(call)
        return .object([
            "id": .string(call.id),
            "startTime": SimJSON.time(call.start),
            "conversationStatus": .integer(Int64(call.conversationStatus)),
            "status": .integer(Int64(call.status)),
            "from": .string(pearlNumber),
            "to": .string(person.e164),
            "duration": .integer(Int64(conversation.duration)),
            "recording": SimJSON.string(conversation.recording),
            "transcript": .array(conversation.transcript),
            "summary": SimJSON.string(conversation.summary),
            "collectedInfo": Self.infos(conversation),
            "tags": .array(conversation.tags.map(JSONValue.string)),
            "overallSentiment": SimJSON.string(conversation.sentiment),
        ])
    }

    /// The upload variables a lead was created with.
    var callData: JSONValue {
        var data: [String: JSONValue] = ["firstName": .string(person.firstName), "email": .string(world.email(person, for: .nlpearl))]
        if let company = person.company { data["company"] = .string(company.native) }
        return .object(data)
    }

    /// `GET /v1/Outbound/{outboundId}/Lead/{leadId}` (nlpearl-get-outbound-lead.txt).
    func leadDocument() -> JSONValue {
        var lastCall: JSONValue = .null
        var collected: [String: JSONValue] = [:]
        if count > 0 {
            let call = call(count - 1)
            let talk = conversation(call)
            lastCall = .object([
                "id": .string(call.id),
                "startTime": SimJSON.time(call.start),
                "pearlId": .string(SimID.hex(SimRandom.hash(world.seed, SimSalt.nlpearlLead.rawValue, UInt64(outboundID.utf8.count), UInt64(world.outboundOrdinal(person.index))), digits: 24)),
                "status": .integer(Int64(call.status)),
                "from": .string(pearlNumber),
                "name": .string(person.fullName),
                "collectedData": .object(["transcript": .array(talk.transcript), "collectedInfos": Self.infos(talk)]),
                "summary": SimJSON.string(talk.summary),
                "duration": .integer(Int64(talk.duration)),
                "recording": SimJSON.string(talk.recording),
                "tags": .array(talk.tags.map(JSONValue.string)),
            ])
            // What the lead's calls collected, latest answer winning; look back a bounded way.
            for number in stride(from: count - 1, through: max(0, count - 20), by: -1) {
                let earlier = self.call(number)
                guard earlier.answered else { continue }
                for info in conversation(earlier).collected where collected[info.id] == nil {
                    collected[info.id] = info.value
                }
            }
        }
        return .object([
            "id": .string(leadID),
            "externalId": .string(world.externalID(person.index)),
            "phoneNumber": .string(person.e164),
            "timeZone": .string(timeZone),
            "status": .integer(Int64(status)),
            "created": SimJSON.time(created),
            "callsId": .array((0..<count).map { .string(world.nlpearlCallIDs.objectID(SimWorld.pack(person.index, $0))) }),
            "lastCall": lastCall,
            "callData": callData,
            "collectedData": .object(collected),
        ])
    }

    /// An item of `POST /v1/Outbound/{outboundId}/Leads`.
    func searchResult() -> JSONValue {
        .object([
            "id": .string(leadID),
            "externalId": .string(world.externalID(person.index)),
            "phoneNumber": .string(person.e164),
            "timeZone": .string(timeZone),
            "status": .integer(Int64(status)),
            "created": SimJSON.time(created),
            "callData": callData,
        ])
    }
}
