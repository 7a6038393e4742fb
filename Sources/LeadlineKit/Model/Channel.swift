import Foundation

/// The medium an event travelled on, as leadline groups them for filtering.
///
/// Vendors use their own channel names; each vendor's mapping decides which of these an item is.
/// `system` covers everything that is not a conversation: meetings, conversions, status changes,
/// workflow activities, notes.
public enum Channel: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case call
    case whatsapp
    case email
    case sms
    case chat
    case system

    /// A one-column glyph for the channel, used in text output and the timeline pane.
    public var glyph: String {
        switch self {
        case .call: "☎"
        case .whatsapp: "✆"
        case .email: "✉"
        case .sms: "✎"
        case .chat: "☰"
        case .system: "⚙"
        }
    }

    /// The short human name ("WhatsApp", "SMS").
    public var displayName: String {
        switch self {
        case .call: "Call"
        case .whatsapp: "WhatsApp"
        case .email: "Email"
        case .sms: "SMS"
        case .chat: "Chat"
        case .system: "System"
        }
    }

    /// Parses a comma-separated list such as `call,whatsapp` (case-insensitive, spaces allowed).
    ///
    /// Throws ``ChannelListError`` naming the first word that is not a channel.
    public static func parseList(_ text: String) throws(ChannelListError) -> Set<Channel> {
        var channels = Set<Channel>()
        for word in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = word.trimmingCharacters(in: .whitespaces).lowercased()
            guard let channel = Channel(rawValue: name) else {
                throw ChannelListError(word: String(word))
            }
            channels.insert(channel)
        }
        return channels
    }

    public static func < (lhs: Channel, rhs: Channel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A word in a channel list that names no channel.
public struct ChannelListError: Error, CustomStringConvertible, Equatable {
    /// The offending word, as the user typed it.
    public let word: String

    public var description: String {
        let valid = Channel.allCases.map(\.rawValue).joined(separator: ", ")
        return "unknown channel '\(word)' (valid: \(valid))"
    }
}
