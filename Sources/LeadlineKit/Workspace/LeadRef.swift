/// How a lead is named on the command line: `SOURCE:ID`, where SOURCE is a configured source name.
///
/// The id is everything after the first `:`, so ids that contain `:` or `/` (NLPearl's
/// `OUTBOUND/LEAD`) pass through unchanged.
public struct LeadRef: Sendable, Hashable, CustomStringConvertible {
    public var source: String
    public var id: String

    public init(source: String, id: String) {
        self.source = source
        self.id = id
    }

    /// Parses `SOURCE:ID`; throws ``LeadRefError`` for anything else.
    public init(parsing text: String) throws(LeadRefError) {
        guard let colon = text.firstIndex(of: ":") else { throw LeadRefError(text: text) }
        let source = String(text[..<colon]), id = String(text[text.index(after: colon)...])
        guard !source.isEmpty, !id.isEmpty, !source.contains(where: \.isWhitespace) else {
            throw LeadRefError(text: text)
        }
        self.init(source: source, id: id)
    }

    public var description: String { "\(source):\(id)" }
}

/// Text that does not name a lead.
public struct LeadRefError: Error, Sendable, Equatable, CustomStringConvertible {
    public let text: String

    public var description: String {
        "'\(text)' is not a lead REF: expected SOURCE:ID (e.g. nexor:550e8400-e29b-41d4-a716-446655440000), a phone number or an email"
    }
}
