/// SplitMix64 (Steele, Lea & Flood, 2014): the simulator's only source of randomness.
///
/// Written here rather than taken from the standard library because the simulator must give the
/// same bytes on every run, platform and Swift version: `SystemRandomNumberGenerator` is not
/// seedable, `Hasher` is seeded per process, and `Int.random(in:using:)` may change how it draws.
/// Every choice is made from a generator seeded by ``hash(_:)`` of what it is about (seed, person,
/// vendor, event number), so any event can be produced on its own without producing the others.
struct SimRandom {
    private var state: UInt64

    /// A generator whose stream is fixed by `parts`.
    init(_ parts: UInt64...) {
        state = Self.hash(parts)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.finalize(state)
    }

    /// SplitMix64's output function: a bijective mix of all 64 bits.
    static func finalize(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// One well-mixed value for a tuple; order matters.
    static func hash(_ parts: [UInt64]) -> UInt64 {
        var value: UInt64 = 0x6A09_E667_F3BC_C908
        for part in parts {
            value = finalize(value ^ finalize(part &+ 0x9E37_79B9_7F4A_7C15))
        }
        return value
    }

    static func hash(_ parts: UInt64...) -> UInt64 { hash(parts) }

    /// A uniform value in `0..<1` from the first 53 bits of a hash.
    static func unit(_ parts: UInt64...) -> Double {
        Double(hash(parts) >> 11) * 0x1p-53
    }

    /// An integer in `0..<bound`; the modulo bias is far below anything a test could see.
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "below(\(bound))")
        return Int(next() % UInt64(bound))
    }

    /// An integer in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform value in `0..<1`.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    mutating func pick<Element>(_ items: [Element]) -> Element {
        items[below(items.count)]
    }

    /// An item drawn in proportion to its weight.
    mutating func weighted<Element>(_ items: [(Element, Int)]) -> Element {
        let total = items.reduce(0) { $0 + $1.1 }
        var roll = below(total)
        for (item, weight) in items {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1].0
    }

    /// `count` lower-case hex digits.
    mutating func hex(_ count: Int) -> String {
        var text = ""
        while text.count < count {
            text += SimID.hex(next(), digits: min(16, count - text.count))
        }
        return text
    }

    /// A random lower-case UUID (version 4 layout), for ids nobody looks up.
    mutating func uuid() -> String {
        let digits = Array(hex(32))
        func part(_ range: Range<Int>) -> String { String(digits[range]) }
        return "\(part(0..<8))-\(part(8..<12))-4\(part(13..<16))-a\(part(17..<20))-\(part(20..<32))"
    }

    /// `count` characters from `alphabet`.
    mutating func token(_ count: Int, alphabet: String = "abcdefghijklmnopqrstuvwxyz0123456789") -> String {
        let characters = Array(alphabet)
        return String((0..<count).map { _ in characters[below(characters.count)] })
    }
}

/// Where a generator's stream is used; keeps streams for different purposes apart.
enum SimSalt: UInt64 {
    case referenceDate = 1
    case outbound
    case membership
    case person
    case created
    case eventCount
    case journeyEnd
    case nexorLeadID, nexorEventID, nexorSlot, nexorBlock, nexorOrder, nexorShape
    case leadPingLeadID, leadPingEventID, leadPingSlot
    case nlpearlLeadID, nlpearlCallID, nlpearlCall, nlpearlLead
    case liveforceItem, liveforceLead
    case fault
    case hostile
    case token
}

/// Ids that carry the number they were made from, so the simulator can find a lead or a call from
/// its id in constant time without keeping a table of every id it handed out.
///
/// The number is XOR-masked with a seed-derived value (so ids do not look sequential) and the
/// rest of the id is a hash of the number; decoding re-encodes and compares, so a made-up or
/// altered id is refused rather than mapped to some other lead.
struct SimID: Sendable {
    let salt: UInt64
    let mask: UInt64

    init(seed: UInt64, salt: SimSalt) {
        self.salt = SimRandom.hash(seed, salt.rawValue)
        mask = SimRandom.hash(seed, salt.rawValue, 0x6D61_736B)
    }

    /// A lower-case UUID (version 4 layout) whose last 12 hex digits carry `number` (< 2^48).
    func uuid(_ number: UInt64) -> String {
        let check = SimRandom.hash(salt, number)
        let low = (number ^ mask) & 0xFFFF_FFFF_FFFF
        let a = Self.hex(check >> 32, digits: 8)
        let b = Self.hex((check >> 16) & 0xFFFF, digits: 4)
        let c = "4" + Self.hex(check & 0xFFF, digits: 3)
        let variant = Self.hex(8 + (SimRandom.finalize(check) & 3), digits: 1)
        let d = variant + Self.hex(SimRandom.finalize(check) >> 52, digits: 3)
        return "\(a)-\(b)-\(c)-\(d)-\(Self.hex(low, digits: 12))"
    }

    /// The number inside an id made by ``uuid(_:)``, or nil for any other text.
    func number(fromUUID id: String) -> UInt64? {
        let text = id.lowercased()
        guard text.utf8.count == 36, let low = UInt64(text.suffix(12), radix: 16) else { return nil }
        let number = (low ^ mask) & 0xFFFF_FFFF_FFFF
        return uuid(number) == text ? number : nil
    }

    /// 24 lower-case hex digits, the shape of a MongoDB ObjectId, carrying all 64 bits of `number`.
    func objectID(_ number: UInt64) -> String {
        Self.hex(SimRandom.hash(salt, number) >> 32, digits: 8) + Self.hex(number ^ mask, digits: 16)
    }

    /// The number inside an id made by ``objectID(_:)``, or nil for any other text.
    func number(fromObjectID id: String) -> UInt64? {
        let text = id.lowercased()
        guard text.utf8.count == 24, let low = UInt64(text.suffix(16), radix: 16) else { return nil }
        let number = low ^ mask
        return objectID(number) == text ? number : nil
    }

    /// `value` as exactly `digits` lower-case hex digits (the low ones).
    static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        if text.count >= digits { return String(text.suffix(digits)) }
        return String(repeating: "0", count: digits - text.count) + text
    }
}

/// Lines dealt from a shuffled deck, reshuffled when it runs out.
struct SimDeck {
    private let lines: [String]
    private var order: [Int]
    private var next = 0
    private var random: SimRandom

    init(_ lines: [String], random: inout SimRandom) {
        self.lines = lines
        self.random = SimRandom(random.next())
        order = Array(lines.indices)
        shuffle()
    }

    mutating func deal() -> String {
        if next == order.count {
            shuffle()
            next = 0
        }
        defer { next += 1 }
        return lines[order[next]]
    }

    private mutating func shuffle() {
        for position in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(position, random.below(position + 1))
        }
    }
}
