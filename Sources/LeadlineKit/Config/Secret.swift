import Foundation

/// A credential, kept out of every description so it cannot leak through printing or logging.
///
/// `description` names where it came from, never the value. Use ``reveal()`` only to build the
/// auth header and to redact vendor texts.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let value: String
    /// Where the value came from, for messages: "NEXOR_API_KEY" or "secret_file ~/x.secret".
    public let origin: String

    public init(_ value: String, origin: String) {
        self.value = value
        self.origin = origin
    }

    /// The credential itself.
    public func reveal() -> String { value }

    public var description: String { "<secret from \(origin)>" }
    public var debugDescription: String { description }
    /// What `dump` and debuggers' reflection show: the origin only.
    public var customMirror: Mirror { Mirror(self, children: ["origin": origin]) }

    /// `text` with every occurrence of the credential (and of its parts around `:` for the
    /// `id:secret` forms) replaced, so a vendor that echoes it back cannot make us print it.
    public func redact(_ text: String) -> String {
        var result = text
        // Liveforce sends `client_id:access_token` base64-encoded (HTTP Basic).
        let parts = [value, Data(value.utf8).base64EncodedString()] + value.split(separator: ":").map(String.init)
        for part in parts where part.count >= 6 {
            result = result.replacingOccurrences(of: part, with: "[redacted]")
        }
        return result
    }
}
