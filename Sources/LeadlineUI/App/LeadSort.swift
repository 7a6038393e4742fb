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
    /// `indices` (into `persons`) in the list's order. Ties keep arrival order, so rows without
    /// a sort key do not shuffle as pages load.
    func ordered(_ indices: [Int]) -> [Int] {
        func stable<Key: Comparable>(_ keys: [Key], by areInOrder: (Key, Key) -> Bool) -> [Int] {
            indices.indices.sorted { a, b in
                keys[a] == keys[b] ? a < b : areInOrder(keys[a], keys[b])
            }.map { indices[$0] }
        }
        switch sort {
        case .recent:
            let dates = indices.map { index in
                let person = persons[index]
                return lastActivity[person.id] ?? person.lastActivity ?? .distantPast
            }
            return stable(dates, by: >)
        case .name:
            let names = indices.map { Self.sortKey(persons[$0].name) }
            return stable(names, by: Self.emptyLast)
        case .status:
            let labels = indices.map { Self.sortKey(persons[$0].leads.lazy.compactMap(\.status?.label).first ?? "") }
            return stable(labels, by: Self.emptyLast)
        }
    }

    private static func sortKey(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    private static func emptyLast(_ a: String, _ b: String) -> Bool {
        a.isEmpty != b.isEmpty ? !a.isEmpty : a < b
    }
}
