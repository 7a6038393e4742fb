import Foundation

/// A vendor's item kept for the raw view (`J`): its compact JSON text, parsed again on demand.
///
/// A ``JSONValue`` tree costs a dictionary per object and a boxed enum per value, several times
/// the item's own size; every cached event keeps its item, so it is kept as one string instead.
/// The text has sorted keys, so equal items have equal text.
public struct RawJSON: Sendable, Hashable {
    /// Compact JSON text with sorted keys, as ``JSONValue/compactJSON`` writes it.
    public let text: String

    /// The compact form of `value`.
    public init(_ value: JSONValue) {
        text = value.compactJSON
    }

    /// No item: `null`.
    public static let null = RawJSON(.null)

    /// The item as a value again.
    public var value: JSONValue {
        // The text was written from a value, so it always parses; `.null` only guards the type.
        (try? JSONValue.parse(text)) ?? .null
    }

    /// Indented JSON text with sorted keys, for showing the item to a person.
    public var prettyJSON: String { value.prettyJSON }

    /// The member `key` of the item; nil when it is not an object or lacks the key.
    public subscript(key: String) -> JSONValue? { value[key] }
}
