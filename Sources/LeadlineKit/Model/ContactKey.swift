import Foundation

/// A normalised phone number or email address: what makes leads from different vendors one person.
///
/// Phones are reduced to E.164-like digits: `+1 (234) 567-890`, `+1234567890`,
/// `001234567890` and `1234567890` are all `+1234567890`. A national number (starting with the
/// trunk prefix 0, or shorter than ten digits) keeps its digits without `+`, so it only matches
/// the same national form. Emails are trimmed and
/// lower-cased. Text that is neither (too few digits, no `@`) gives no key.
public enum ContactKey: Sendable, Hashable, CustomStringConvertible {
    case phone(String)
    case email(String)

    /// The key for a phone number, or nil when it has fewer than 6 digits or other letters.
    public static func phone(normalizing text: String) -> ContactKey? {
        var digits = ""
        var international = false
        var sawDigit = false
        for character in text {
            switch character {
            case "0"..."9":
                digits.append(character)
                sawDigit = true
            case "+" where !sawDigit:
                international = true
            case " ", "-", "(", ")", ".", "/", "\u{00A0}":
                continue
            default:
                return nil
            }
        }
        if !international, digits.hasPrefix("00") {
            digits.removeFirst(2)
            international = true
        }
        // Some vendors store international numbers without the `+` (Liveforce's phonenumber
        // field). A national number almost always starts with its trunk prefix 0, so ten or more
        // digits without one are read as already carrying the country code.
        if !international, digits.count >= 10, !digits.hasPrefix("0") {
            international = true
        }
        guard digits.count >= 6, digits.count <= 15 else { return nil }
        return .phone(international ? "+" + digits : digits)
    }

    /// The key for an email address, or nil when it does not look like one.
    public static func email(normalizing text: String) -> ContactKey? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard let at = trimmed.firstIndex(of: "@"), at != trimmed.startIndex,
              trimmed.index(after: at) != trimmed.endIndex, !trimmed.contains(where: \.isWhitespace),
              trimmed[trimmed.index(after: at)...].contains(".")
        else { return nil }
        return .email(trimmed)
    }

    /// Reads what a user typed as a REF: an email if it has `@`, else a phone number.
    public init?(parsing text: String) {
        guard let key = text.contains("@") ? Self.email(normalizing: text) : Self.phone(normalizing: text) else {
            return nil
        }
        self = key
    }

    /// The normalised text: `+1234567890` or `john@example.com`.
    public var value: String {
        switch self {
        case .phone(let value), .email(let value): value
        }
    }

    public var description: String { value }
}

extension Lead {
    /// The keys that can join this lead to the same person in other sources.
    public var contactKeys: [ContactKey] {
        [phone.flatMap(ContactKey.phone(normalizing:)), email.flatMap(ContactKey.email(normalizing:))].compactMap { $0 }
    }
}
