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
public struct PersonDirectory: Sendable {
    /// What one ``add(_:)`` changed, by slot.
    public struct Changes: Sendable, Equatable {
        /// Slots that hold a new person or a person with new or updated leads.
        public var updated: [Int] = []
        /// Slots emptied because their person joined an earlier one.
        public var emptied: [Int] = []

        public var isEmpty: Bool { updated.isEmpty && emptied.isEmpty }
    }

    private var slots: [Person?] = []
    /// Each lead's slot, and its arrival number so leads of two joining persons keep arrival
    /// order. One dictionary for both: with 100,000s of leads its keys are a large part of memory.
    private var placeByRef: [LeadKey: (slot: Int32, arrival: Int32)] = [:]
    private var slotByKey: [ContactKey: Int32] = [:]
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
            let key = LeadKey(lead)
            var slot: Int
            if let existing = placeByRef[key]?.slot {
                slot = Int(existing)
                let position = slots[slot]!.leads.firstIndex { $0.id == lead.id && $0.source == lead.source }!
                slots[slot]!.leads[position] = lead
            } else if let known = lead.contactKeys.compactMap({ slotByKey[$0] }).min() {
                // The usual case for a second vendor's lead: it joins a person already listed.
                slot = Int(known)
                slots[slot]!.leads.append(lead)
                placeByRef[key] = (Int32(slot), Int32(placeByRef.count))
            } else {
                slot = slots.count
                slots.append(Person(leads: [lead]))
                personCount += 1
                placeByRef[key] = (Int32(slot), Int32(placeByRef.count))
            }
            updated.insert(slot)
            for key in lead.contactKeys {
                guard let other = slotByKey[key].map(Int.init) else {
                    slotByKey[key] = Int32(slot)
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

    /// Moves every lead of the person in slot `joined` to the person in slot `kept`.
    private mutating func join(_ joined: Int, into kept: Int) {
        let moving = slots[joined]!.leads
        slots[joined] = nil
        personCount -= 1
        slots[kept]!.leads += moving
        slots[kept]!.leads.sort { placeByRef[LeadKey($0)]!.arrival < placeByRef[LeadKey($1)]!.arrival }
        for lead in moving {
            placeByRef[LeadKey(lead)]!.slot = Int32(kept)
            for key in lead.contactKeys where slotByKey[key] == Int32(joined) { slotByKey[key] = Int32(kept) }
        }
    }

    /// The persons, in order of their first lead's arrival.
    public var persons: [Person] { slots.compactMap { $0 } }

    /// How many slots there are, empty ones included: every slot number is below this.
    public var slotCount: Int { slots.count }

    /// The person in `slot`, or nil for a slot emptied by a join.
    public func person(inSlot slot: Int) -> Person? {
        slots[slot]
    }

    /// The slot of the person that holds the lead with this REF.
    public func slot(containing ref: String) -> Int? {
        LeadKey(ref: ref).flatMap { placeByRef[$0] }.map { Int($0.slot) }
    }

    /// The person that holds the lead with this REF.
    public func person(containing ref: String) -> Person? {
        slot(containing: ref).flatMap { slots[$0] }
    }

    /// The number of leads added.
    public var leadCount: Int { placeByRef.count }
}

/// A lead's identity as a dictionary key, without building its REF: the two strings share the
/// lead's own storage, where a REF string would be one more allocation per lead.
private struct LeadKey: Hashable {
    let source: String
    let id: String

    init(_ lead: Lead) {
        source = lead.source
        id = lead.id
    }

    /// `SOURCE:ID`; the id may itself hold colons.
    init?(ref: String) {
        guard let colon = ref.firstIndex(of: ":") else { return nil }
        source = String(ref[..<colon])
        id = String(ref[ref.index(after: colon)...])
    }
}
