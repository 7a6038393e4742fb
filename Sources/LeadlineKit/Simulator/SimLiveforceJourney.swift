import Foundation

/// One lead's website chat at Liveforce: the visitor, the agent and the widget's system messages,
/// all inside the `analytics.chat` JSON string of liveforce-leads-summary.txt.
struct SimLiveforceJourney {
    static let statuses: [(name: String, color: String)] = [
        ("New", "#84CC16"), ("Contacted", "#3B82F6"), ("Qualified", "#8B5CF6"), ("Won", "#22C55E"), ("Lost", "#EF4444"),
    ]
    static let systemMessages: [(type: String, text: String, vars: [String: String], visibility: String)] = [
        ("routing.idle", "Chat is idle due to 10 minutes of inactivity", ["duration": "10"], "agents"),
        ("routing.archived_inactive", "Chat archived due to 15 minutes of inactivity", ["duration": "15"], "all"),
        ("routing.assigned_manually", "Chat transferred to an agent", ["queue": "sales"], "all"),
        ("rating.chat_rated", "Chat rated good", ["score": "good"], "all"),
        ("customer.visited_page", "Visitor opened the pricing page", ["page": "/pricing"], "agents"),
    ]

    let world: SimWorld
    let person: SimPerson
    let count: Int

    init(world: SimWorld, person: SimPerson) {
        self.world = world
        self.person = person
        count = world.eventCount(person.index, .liveforce)
    }

    private var random: SimRandom { SimRandom(world.seed, SimSalt.liveforceLead.rawValue, UInt64(person.index)) }
    private var threadID: String { var random = random; return random.token(10, alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") }
    private var visitorID: String { var random = random; _ = random.next(); return random.uuid() }
    private var clientID: String { SimID.hex(SimRandom.hash(world.seed, SimSalt.liveforceLead.rawValue, 1), digits: 16) + SimID.hex(SimRandom.hash(world.seed, 2), digits: 16) }

    /// Items per chat session: a visitor comes back a few times, and each visit is a burst of
    /// messages seconds to minutes apart.
    static let sessionLength = 8

    func time(_ number: Int) -> Int64 {
        let session = number / Self.sessionLength
        let sessions = (count + Self.sessionLength - 1) / Self.sessionLength
        var time = world.slotTime(person.index, .liveforce, slot: session, of: max(sessions, 1))
        for earlier in session * Self.sessionLength..<number {
            time += 8 + Int64(SimRandom.hash(world.seed, SimSalt.liveforceItem.rawValue, UInt64(person.index), UInt64(earlier), 2) % 150)
        }
        return time
    }

    /// Chat item `number`: a welcome message first, then mostly messages, some system messages.
    func item(_ number: Int) -> JSONValue {
        var random = SimRandom(world.seed, SimSalt.liveforceItem.rawValue, UInt64(person.index), UInt64(number))
        let book = person.phrasebook
        let createdAt = SimJSON.isoMicroseconds(time(number), micros: random.below(1_000_000))
        let id = "\(threadID)_\(number + 1)"
        if number == 0 {
            return .object([
                "id": .string(id), "created_at": .string(createdAt), "visibility": .string("all"), "type": .string("message"),
                "properties": .object(["lc2": .object(["welcome_message": .bool(true)])]),
                "text": .string(book.welcome), "author_id": .string(person.agent.email),
            ])
        }
        if random.chance(0.12) {
            let system = random.pick(Self.systemMessages)
            return .object([
                "id": .string(id), "created_at": .string(createdAt), "visibility": .string(system.visibility),
                "type": .string("system_message"), "text": .string(system.text), "system_message_type": .string(system.type),
                "text_vars": .object(system.vars.mapValues(JSONValue.string)),
            ])
        }
        let fromVisitor = random.chance(0.55)
        let text = fromVisitor ? random.pick(book.leadMessages) : person.fill(random.pick(book.agentMessages))
        return .object([
            "id": .string(id), "created_at": .string(createdAt), "visibility": .string("all"), "type": .string("message"),
            "properties": .object(["source": .object(["client_id": .string(clientID)])]),
            "text": .string(text + world.hostileSuffix(person.index, 3 << 40 | UInt64(number))),
            "author_id": .string(fromVisitor ? visitorID : person.agent.email),
            "custom_id": .string(fromVisitor ? random.token(11) : "\(time(number))\(random.int(100...999)).\(random.int(10_000_000...99_999_999))"),
        ])
    }

    /// The `data` object of `GET /leads/summary/{lead_id}`; list items leave the chat out.
    func lead(includingChat: Bool) -> JSONValue {
        var random = random
        let status = Self.statuses[random.weighted([(0, 3), (1, 3), (2, 2), (3, 1), (4, 2)])]
        let locale = person.locale
        let geo: JSONValue = .object([
            "city": .string(locale.city), "country": .string(locale.country), "country_code": .string(locale.countryISO),
            "latitude": .null, "longitude": .null, "region": .string(locale.region), "timezone": .string(locale.timeZoneID),
        ])
        let chat: JSONValue = includingChat ? .string(JSONValue.array((0..<count).map(item)).compactJSON) : .null
        return .object([
            "id": .string(world.leadID(person.index, .liveforce)),
            "name": .string(person.fullName),
            "title": .null,
            "company": .null,
            "phonenumber": .string(world.phone(person, for: .liveforce)),
            "email": .string(world.email(person, for: .liveforce)),
            "status": .string(status.name),
            "date": .string(SimJSON.zoneless(world.accountCreated(person.index, .liveforce))),
            "chat_id": .string(random.token(7)),
            "assigned": .string(random.chance(0.6) ? "1" : "0"),
            "is_public": .string("0"),
            "chat": .null,
            "chat_date": .null,
            "lead_type": .string(random.chance(0.8) ? "Sales" : "Support"),
            "assigned_to": .null,
            "color": .string(status.color),
            "analytics": .object([
                "source": .string(String(random.int(1...4))),
                "analytics": .string(geo.compactJSON),
                "browser": .string(random.pick(["Google Chrome", "Safari", "Mozilla Firefox", "Microsoft Edge", "Samsung Internet"])),
                "source_url": .string("https://www.example.com/\(random.pick(["pricing", "contact", "", "blog/how-to-choose"]))"),
                "ip": .string("198.51.100.\(random.int(1...254))"),
                "chat_start_time": .string(SimJSON.isoMicroseconds(time(0), micros: random.below(1_000_000))),
                "chat_end_time": .string(SimJSON.isoMicroseconds(time(max(count - 1, 0)) + 30, micros: random.below(1_000_000))),
                "chat": chat,
            ]),
            "notes_count": .integer(Int64(random.int(0...4))),
            "attachment_count": .integer(Int64(random.int(0...2))),
        ])
    }
}
