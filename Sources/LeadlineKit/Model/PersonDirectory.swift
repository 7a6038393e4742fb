import Foundation

/// Groups leads from every source into persons: leads that share a normalised phone number or
/// email address (directly or through a chain of other leads) are one person.
///
/// Leads can be added page by page; a later lead may join two persons into one. Persons keep the
/// order in which their first lead arrived, and each person's leads keep arrival order, so the
/// list does not jump around as pages load.
///
/// Each person lives in a numbered slot that does not move as pages arrive, so a list can keep
/// indexes (sort order, search text) by slot and update only the slots a page touched. When
/// two persons join, the earlier slot takes both and the later one is left empty.
///
/// A directory holds every lead of every source, 100,000s of them, so it keeps them compactly
/// (``LeadStore``) and makes a ``Person`` when one is asked for; it finds leads by REF and
/// persons by contact key without a `String` per lead (``NumberTable``).
public struct PersonDirectory: Sendable {
    /// What one ``add(_:)`` changed, by slot.
    public struct Changes: Sendable, Equatable {
        /// Slots that hold a new person or a person with new or updated leads.
        public var updated: [Int] = []
        /// Slots emptied because their person joined an earlier one.
        public var emptied: [Int] = []

        public var isEmpty: Bool { updated.isEmpty && emptied.isEmpty }
    }

    /// Every lead, by lead number: the order of arrival.
    private var leads = LeadStore()
    /// Each lead's slot, by lead number.
    private var slotOfLead: [Int32] = []
    /// The next lead of the same person, by lead number; -1 after the person's last lead. A
    /// person's leads are a chain in arrival order from `firstLead` to `lastLead`, so persons
    /// cost no array each.
    private var nextLead: [Int32] = []
    /// Each slot's first lead, or -1 for a slot emptied by a join.
    private var firstLead: [Int32] = []
    /// Each slot's last lead, or -1 for a slot emptied by a join.
    private var lastLead: [Int32] = []
    /// Lead numbers by REF.
    private var leadsByRef = NumberTable()
    /// Every contact key seen, numbered.
    private var contactKeys = ContactKeyNumbers()
    /// For each contact key, a lead that has or had it: the key's person is that lead's.
    private var leadOfContactKey: [Int32] = []
    public private(set) var personCount = 0

    /// An empty directory.
    public init() {}

    /// A directory of `leads`.
    public init(_ leads: some Sequence<Lead>) {
        add(leads)
    }

    /// Adds leads; a lead already present (same REF) is updated in place.
    @discardableResult
    public mutating func add(_ newLeads: some Sequence<Lead>) -> Changes {
        var updated = Set<Int>()
        var emptied = Set<Int>()
        for lead in newLeads {
            let keys = lead.contactKeys
            let number: Int32
            var slot: Int
            if let existing = leadNumber(source: lead.source, id: lead.id) {
                number = existing
                slot = Int(slotOfLead[Int(number)])
                leads.replace(number, with: lead)
            } else {
                number = leads.append(lead)
                leadsByRef.insert(number, hash: refHash(of: number))
                nextLead.append(-1)
                if let known = keys.compactMap({ self.slot(of: $0) }).min() {
                    // The usual case for a second vendor's lead: it joins a person already listed.
                    slot = known
                    nextLead[Int(lastLead[slot])] = number
                    lastLead[slot] = number
                } else {
                    slot = firstLead.count
                    firstLead.append(number)
                    lastLead.append(number)
                    personCount += 1
                }
                slotOfLead.append(Int32(slot))
            }
            updated.insert(slot)
            for key in keys {
                guard let other = self.slot(of: key) else {
                    _ = contactKeys.add(key)
                    leadOfContactKey.append(number)
                    continue
                }
                guard other != slot else { continue }
                let (kept, joined) = (min(slot, other), max(slot, other))
                join(joined, into: kept)
                emptied.insert(joined)
                updated.insert(kept)
                slot = kept
            }
        }
        return Changes(updated: updated.subtracting(emptied).sorted(), emptied: emptied.sorted())
    }

    /// Moves every lead of the person in slot `joined` to the person in slot `kept`, merging
    /// the two chains by lead number so the leads stay in arrival order.
    private mutating func join(_ joined: Int, into kept: Int) {
        var moving = firstLead[joined]
        while moving >= 0 {
            slotOfLead[Int(moving)] = Int32(kept)
            moving = nextLead[Int(moving)]
        }
        var (a, b) = (firstLead[kept], firstLead[joined])
        var (head, tail): (Int32, Int32) = (-1, -1)
        while a >= 0 || b >= 0 {
            let next: Int32
            if b < 0 || (a >= 0 && a < b) {
                next = a
                a = nextLead[Int(a)]
            } else {
                next = b
                b = nextLead[Int(b)]
            }
            if tail < 0 { head = next } else { nextLead[Int(tail)] = next }
            tail = next
        }
        nextLead[Int(tail)] = -1
        (firstLead[kept], lastLead[kept]) = (head, tail)
        (firstLead[joined], lastLead[joined]) = (-1, -1)
        personCount -= 1
    }

    /// The slot of the person a contact key belongs to, nil for a key not seen.
    private func slot(of key: ContactKey) -> Int? {
        contactKeys.number(of: key).map { Int(slotOfLead[Int(leadOfContactKey[Int($0)])]) }
    }

    /// The number of the lead with this source and id.
    private func leadNumber(source: String, id: String) -> Int32? {
        guard let sourceNumber = leads.sourceNumber(source) else { return nil }
        var id = id
        return id.withUTF8 { idBytes in
            leadsByRef.first(hash: Self.refHash(source: sourceNumber, id: idBytes)) { number in
                leads.source(of: number) == sourceNumber && leads.withID(of: number) { $0.elementsEqual(idBytes) }
            }
        }
    }

    private func refHash(of number: Int32) -> Int {
        leads.withID(of: number) { Self.refHash(source: leads.source(of: number), id: $0) }
    }

    private static func refHash(source: Int32, id: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(source)
        hasher.combine(bytes: UnsafeRawBufferPointer(id))
        return hasher.finalize()
    }

    /// The persons, in order of their first lead's arrival.
    public var persons: [Person] { (0..<slotCount).compactMap(person(inSlot:)) }

    /// How many slots there are, empty ones included: every slot number is below this.
    public var slotCount: Int { firstLead.count }

    /// The person in `slot`, or nil for a slot emptied by a join. The person is made from the
    /// directory's compact storage on each call.
    public func person(inSlot slot: Int) -> Person? {
        guard firstLead[slot] >= 0 else { return nil }
        return Person(leads: leadNumbers(inSlot: slot).map(leads.lead))
    }

    /// The numbers of the leads of the person in `slot`, ascending: two persons have equal
    /// numbers exactly when they have the same leads (a lead keeps its number for good). Cheaper
    /// than making the persons to compare their leads' REFs.
    public func leadNumbersSorted(inSlot slot: Int) -> [Int32] {
        firstLead[slot] < 0 ? [] : leadNumbers(inSlot: slot).sorted()
    }

    /// The ``Person/id`` of the person in `slot`, without making the person.
    public func id(inSlot slot: Int) -> String? {
        firstLead[slot] < 0 ? nil : leads.ref(of: firstLead[slot])
    }

    /// The ``Person/name`` of the person in `slot`, without making the person.
    public func name(inSlot slot: Int) -> String {
        leadNumbers(inSlot: slot).lazy.map(leads.name(of:)).first { !$0.isEmpty } ?? ""
    }

    /// The first status a lead of the person in `slot` has, without making the person.
    public func status(inSlot slot: Int) -> Lead.Status? {
        leadNumbers(inSlot: slot).lazy.compactMap(leads.status(of:)).first
    }

    /// The ``Person/lastActivity`` of the person in `slot`, without making the person.
    public func lastActivity(inSlot slot: Int) -> Date? {
        leadNumbers(inSlot: slot).compactMap(leads.activity(of:)).max()
    }

    /// The numbers of the leads of the person in `slot`, in arrival order; none for an emptied slot.
    private func leadNumbers(inSlot slot: Int) -> some Sequence<Int32> {
        sequence(first: firstLead[slot]) { nextLead[Int($0)] }.prefix { $0 >= 0 }
    }

    /// The slot of the person that holds the lead with this REF.
    public func slot(containing ref: String) -> Int? {
        guard let colon = ref.firstIndex(of: ":") else { return nil }
        return leadNumber(source: String(ref[..<colon]), id: String(ref[ref.index(after: colon)...]))
            .map { Int(slotOfLead[Int($0)]) }
    }

    /// The person that holds the lead with this REF.
    public func person(containing ref: String) -> Person? {
        slot(containing: ref).flatMap(person(inSlot:))
    }

    /// The number of leads added.
    public var leadCount: Int { leads.count }

    /// Gives back the storage the directory grew beyond its leads; for when a list is complete.
    public mutating func releaseSpareCapacity() {
        leads.releaseSpareCapacity()
        contactKeys.releaseSpareCapacity()
        slotOfLead.releaseSpareCapacity()
        nextLead.releaseSpareCapacity()
        firstLead.releaseSpareCapacity()
        lastLead.releaseSpareCapacity()
        leadOfContactKey.releaseSpareCapacity()
    }
}
