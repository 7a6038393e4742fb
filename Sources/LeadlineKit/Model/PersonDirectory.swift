/// Groups leads from every source into persons: leads that share a normalised phone number or
/// email address (directly or through a chain of other leads) are one person.
///
/// Leads can be added page by page; a later lead may join two persons into one. Persons keep the
/// order in which their first lead arrived, and each person's leads keep arrival order, so the
/// list does not jump around as pages load.
public struct PersonDirectory: Sendable {
    private var leads: [Lead] = []
    private var parent: [Int] = []
    private var leadIndexByKey: [ContactKey: Int] = [:]
    private var leadIndexByRef: [String: Int] = [:]

    /// An empty directory.
    public init() {}

    /// A directory of `leads`.
    public init(_ leads: some Sequence<Lead>) {
        add(leads)
    }

    /// Adds leads; a lead already present (same REF) is updated in place.
    public mutating func add(_ newLeads: some Sequence<Lead>) {
        for lead in newLeads {
            let index: Int
            if let existing = leadIndexByRef[lead.ref] {
                index = existing
                leads[index] = lead
            } else {
                index = leads.count
                leads.append(lead)
                parent.append(index)
                leadIndexByRef[lead.ref] = index
            }
            for key in lead.contactKeys {
                if let other = leadIndexByKey[key] {
                    union(index, other)
                } else {
                    leadIndexByKey[key] = index
                }
            }
        }
    }

    /// The persons, in order of their first lead's arrival.
    public var persons: [Person] {
        var groups: [Int: [Lead]] = [:]
        var order: [Int] = []
        for index in leads.indices {
            let root = find(index)
            if groups[root] == nil { order.append(root) }
            groups[root, default: []].append(leads[index])
        }
        // The root is not necessarily the earliest lead; order by each group's first lead.
        return order.map { Person(leads: groups[$0]!) }
    }

    /// The person that holds the lead with this REF.
    public func person(containing ref: String) -> Person? {
        guard let index = leadIndexByRef[ref] else { return nil }
        let root = find(index)
        return Person(leads: leads.indices.filter { find($0) == root }.map { leads[$0] })
    }

    /// The number of leads added.
    public var leadCount: Int { leads.count }

    private func find(_ index: Int) -> Int {
        var current = index
        while parent[current] != current { current = parent[current] }
        return current
    }

    private mutating func union(_ a: Int, _ b: Int) {
        // Path compression on the way, then the earlier lead becomes the root.
        let rootA = compress(a), rootB = compress(b)
        guard rootA != rootB else { return }
        if rootA < rootB { parent[rootB] = rootA } else { parent[rootA] = rootB }
    }

    private mutating func compress(_ index: Int) -> Int {
        let root = find(index)
        var current = index
        while parent[current] != root {
            let next = parent[current]
            parent[current] = root
            current = next
        }
        return root
    }
}
