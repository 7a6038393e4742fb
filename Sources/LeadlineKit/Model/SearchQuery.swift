import Foundation

/// A search as typed by a person: whitespace-separated terms, all of which must match.
///
/// Smart-case: a query with no capital letters ignores case; one capital letter makes it exact.
/// Each term may match a different field.
public struct SearchQuery: Sendable, Hashable {
    /// The terms, in the case they will be compared in.
    public let terms: [String]
    /// True when the query had a capital letter.
    public let isCaseSensitive: Bool

    /// Parses `text`; an empty or blank query matches everything.
    public init(_ text: String) {
        let caseSensitive = text.contains { $0.isUppercase }
        isCaseSensitive = caseSensitive
        terms = text.split(whereSeparator: \.isWhitespace).map {
            caseSensitive ? String($0) : $0.lowercased()
        }
    }

    /// True when the query has no terms.
    public var isEmpty: Bool { terms.isEmpty }

    /// True when every term occurs in at least one of `fields`.
    public func matches(_ fields: [String]) -> Bool {
        guard !terms.isEmpty else { return true }
        let haystack = isCaseSensitive ? fields : fields.map { $0.lowercased() }
        return terms.allSatisfy { term in haystack.contains { $0.contains(term) } }
    }
}
