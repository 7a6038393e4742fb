import Foundation

// Vendors send optional fields with the wrong type or not at all; one odd field must not cost the
// user the whole lead or page. These helpers read an optional field as nil when it does not fit.
extension KeyedDecodingContainer {
    /// The value at `key`, or nil when it is missing, null or of another type.
    func lenient<T: Decodable>(_ type: T.Type, _ key: Key) -> T? {
        (try? decodeIfPresent(T.self, forKey: key)) ?? nil
    }

    /// A string at `key`; numbers and booleans are accepted and written as text.
    func lenientString(_ key: Key) -> String? {
        guard let value = lenient(JSONValue.self, key) else { return nil }
        switch value {
        case .string, .integer, .number, .bool: return value.displayText
        default: return nil
        }
    }

    /// An integer at `key`; a whole floating-point number or a numeric string is accepted.
    func lenientInt(_ key: Key) -> Int? {
        switch lenient(JSONValue.self, key) {
        case .integer(let value)?: return Int(exactly: value)
        case .number(let value)? where value.rounded() == value && abs(value) < 1e15: return Int(value)
        case .string(let text)?: return Int(text.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    /// A timestamp at `key`, parsed with ``ISO8601/parse(_:)``.
    func lenientDate(_ key: Key) -> Date? {
        lenientString(key).flatMap(ISO8601.parse)
    }
}

/// An element of an array that decodes to nil instead of failing the whole array.
struct Lenient<Wrapped: Decodable>: Decodable {
    let value: Wrapped?

    init(from decoder: any Decoder) throws {
        value = try? Wrapped(from: decoder)
    }
}

/// A coding key made from any string, for payloads read by name.
struct AnyKey: CodingKey, Hashable {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}

/// A short, stable id for vendor items that carry none, from the fields that identify them.
///
/// FNV-1a: tiny, deterministic across runs and platforms (unlike `Hasher`), and collisions only
/// matter within one lead's history.
func stableID(_ prefix: String, _ parts: String?...) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for part in parts {
        for byte in (part ?? "").utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        hash ^= 0x1f
        hash &*= 0x0000_0100_0000_01b3
    }
    return prefix + "-" + String(hash, radix: 16)
}
