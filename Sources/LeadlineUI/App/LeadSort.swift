import Foundation
import LeadlineKit

/// The order of the lead list; a key cycles through them.
public enum LeadSort: String, CaseIterable, Sendable {
    /// Latest activity first (persons with none last).
    case recent
    /// By name, ignoring case and accents.
    case name
    /// By status label, persons without one last.
    case status

    /// The next order in the cycle.
    public var next: LeadSort {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

extension LeadListState {
    /// What a person is sorted by.
    enum SortKey: Equatable {
        case date(Date)
        case text(String)
    }

    /// The sort key of `slot`, from the cache when it has one.
    mutating func sortKey(_ slot: Int) -> SortKey {
        if slot < sortKeys.count, let key = sortKeys[slot] { return key }
        let key = computeSortKey(slot)
        if slot >= sortKeys.count { sortKeys.append(contentsOf: repeatElement(nil, count: slot - sortKeys.count + 1)) }
        sortKeys[slot] = key
        return key
    }

    private func computeSortKey(_ slot: Int) -> SortKey {
        // From the directory, without making the person: a new sort works this out for everyone.
        switch sort {
        case .recent:
            let noted = lastActivity.isEmpty ? nil : directory.id(inSlot: slot).flatMap { lastActivity[$0] }
            return .date(noted ?? directory.lastActivity(inSlot: slot) ?? .distantPast)
        case .name: return .text(Self.sortKey(directory.name(inSlot: slot)))
        case .status: return .text(Self.sortKey(directory.status(inSlot: slot)?.label ?? ""))
        }
    }

    /// Whether `a` is listed before `b`. Ties keep arrival (slot) order, so rows without a sort
    /// key do not shuffle as pages load.
    static func precedes(_ a: (key: SortKey, slot: Int), _ b: (key: SortKey, slot: Int)) -> Bool {
        switch (a.key, b.key) {
        case (.date(let x), .date(let y)) where x != y: return x > y
        case (.text(let x), .text(let y)) where x != y: return emptyLast(x, y)
        default: return a.slot < b.slot
        }
    }

    /// `slots` in the list's order.
    mutating func ordered(_ slots: [Int]) -> [Int] {
        slots.map { (key: sortKey($0), slot: $0) }.sorted(by: Self.precedes).map(\.slot)
    }

    /// `order` and `inserted`, both in the list's order, as one list in that order: each
    /// inserted slot's place is found by binary search, so this costs one pass over `order`
    /// and no sort keys beyond the ones compared.
    mutating func merged(_ order: [Int], _ inserted: [Int]) -> [Int] {
        guard !inserted.isEmpty else { return order }
        var result: [Int] = []
        result.reserveCapacity(order.count + inserted.count)
        var copied = 0
        for slot in inserted {
            let item = (key: sortKey(slot), slot: slot)
            var low = copied, high = order.count
            while low < high {
                let middle = (low + high) / 2
                if Self.precedes((sortKey(order[middle]), order[middle]), item) { low = middle + 1 } else { high = middle }
            }
            result.append(contentsOf: order[copied..<low])
            result.append(slot)
            copied = low
        }
        result.append(contentsOf: order[copied...])
        return result
    }

    private static func sortKey(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    private static func emptyLast(_ a: String, _ b: String) -> Bool {
        a.isEmpty != b.isEmpty ? !a.isEmpty : a < b
    }
}
