import Foundation

// Liveforce's payloads as documented (api-docs/liveforce-leads-summary.txt). Two fields of
// `data.analytics` are JSON documents inside strings; they are decoded in a second pass, and a
// malformed one costs only what it held, never the lead.

/// `GET /leads/summary/{lead_id}`: `{data{…}, message}`.
struct LiveforceSummary: Decodable {
    let lead: LiveforceLead
    let message: String?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        lead = try container.decode(LiveforceLead.self, forKey: AnyKey("data"))
        message = container.lenientString(AnyKey("message"))
    }
}

/// `GET /leads?page=&per_page=` (shape assumed, see ``LiveforceClient/leads(after:)``):
/// `{data:[lead objects], message}`.
struct LiveforceLeadList: Decodable {
    let leads: [LiveforceLead]
    /// How many items `data` held, readable or not: what tells an empty page from a bad one.
    let itemCount: Int

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        // One malformed lead must not hide the rest of the page.
        let items = try container.decode([Lenient<LiveforceLead>].self, forKey: AnyKey("data"))
        leads = items.compactMap(\.value)
        itemCount = items.count
    }
}

/// A JSON document that travels inside a string field.
enum EmbeddedDocument<Document: Decodable>: Decodable {
    /// The field is missing, null or an empty string.
    case absent
    case decoded(Document)
    /// The field holds text that is not the expected document.
    case malformed

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .absent
        } else if let text = try? container.decode(String.self) {
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                self = .absent
            } else if let document = try? JSONValueDecoder.decode(Document.self, from: Data(text.utf8)) {
                self = .decoded(document)
            } else {
                self = .malformed
            }
        } else if let document = try? container.decode(Document.self) {
            // Should Liveforce ever send the document itself rather than its text.
            self = .decoded(document)
        } else {
            self = .malformed
        }
    }

    /// The document, if it was there and readable.
    var document: Document? {
        if case .decoded(let document) = self { return document }
        return nil
    }
}

/// A lead object: `data` of the summary, or an item of the lead list.
struct LiveforceLead: Decodable {
    let id: String
    let name: String?
    let title: String?
    let company: String?
    let phoneNumber: String?
    let email: String?
    let status: String?
    /// `YYYY-MM-DD HH:MM:SS` without a zone, read as UTC.
    let date: Date?
    let chatID: String?
    let assigned: String?
    let assignedTo: String?
    let leadType: String?
    let color: String?
    let chatDate: String?
    let analytics: LiveforceAnalytics?
    let notesCount: Int?
    let attachmentCount: Int?
    let raw: JSONValue

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        func string(_ key: String) -> String? {
            container.lenientString(AnyKey(key)).flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let id = string("id") else {
            throw DecodingError.keyNotFound(AnyKey("id"), .init(codingPath: container.codingPath, debugDescription: "a lead needs an id"))
        }
        self.id = id
        name = string("name")
        title = string("title")
        company = string("company")
        phoneNumber = string("phonenumber")
        email = string("email")
        status = string("status")
        date = container.lenientDate(AnyKey("date"))
        chatID = string("chat_id")
        assigned = string("assigned")
        assignedTo = string("assigned_to")
        leadType = string("lead_type")
        color = string("color")
        chatDate = string("chat_date")
        analytics = container.lenient(LiveforceAnalytics.self, AnyKey("analytics"))
        notesCount = container.lenientInt(AnyKey("notes_count"))
        attachmentCount = container.lenientInt(AnyKey("attachment_count"))
        raw = try JSONValue(from: decoder)
    }
}

/// `data.analytics`: where the visitor came from, and the chat itself.
struct LiveforceAnalytics: Decodable {
    let source: String?
    /// `analytics`: the visitor's location, as a JSON object inside a string.
    let visitor: EmbeddedDocument<LiveforceVisitor>
    let browser: String?
    let sourceURL: String?
    let ip: String?
    let chatStartTime: Date?
    let chatEndTime: Date?
    /// `chat`: the LiveChat-style transcript, as a JSON array inside a string.
    let chat: EmbeddedDocument<[LiveforceChatItem]>

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        func string(_ key: String) -> String? {
            container.lenientString(AnyKey(key)).flatMap { $0.isEmpty ? nil : $0 }
        }
        source = string("source")
        visitor = container.lenient(EmbeddedDocument<LiveforceVisitor>.self, AnyKey("analytics")) ?? .absent
        browser = string("browser")
        sourceURL = string("source_url")
        ip = string("ip")
        chatStartTime = container.lenientDate(AnyKey("chat_start_time"))
        chatEndTime = container.lenientDate(AnyKey("chat_end_time"))
        chat = container.lenient(EmbeddedDocument<[LiveforceChatItem]>.self, AnyKey("chat")) ?? .absent
    }
}

/// The document inside `analytics.analytics`: where the visitor's IP places them.
struct LiveforceVisitor: Decodable {
    let city: String?
    let region: String?
    let country: String?
    let countryCode: String?
    let timezone: String?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        city = container.lenientString(AnyKey("city"))
        region = container.lenientString(AnyKey("region"))
        country = container.lenientString(AnyKey("country"))
        countryCode = container.lenientString(AnyKey("country_code"))
        timezone = container.lenientString(AnyKey("timezone"))
    }
}

/// One item of the chat array, in LiveChat's event format: `type` is `message` or
/// `system_message` in the docs; other LiveChat types (files, forms) may appear.
struct LiveforceChatItem: Decodable {
    let id: String?
    let createdAt: Date?
    let visibility: String?
    let type: String?
    let text: String?
    let authorID: String?
    let customID: String?
    let systemMessageType: String?
    let raw: JSONValue

    init(from decoder: any Decoder) throws {
        raw = try JSONValue(from: decoder)
        // An item that is not an object still becomes an item, which mapping then skips.
        let container = try? decoder.container(keyedBy: AnyKey.self)
        func string(_ key: String) -> String? {
            container?.lenientString(AnyKey(key)).flatMap { $0.isEmpty ? nil : $0 }
        }
        id = string("id")
        createdAt = container?.lenientDate(AnyKey("created_at"))
        visibility = string("visibility")
        type = string("type")
        text = string("text")
        authorID = string("author_id")
        customID = string("custom_id")
        systemMessageType = string("system_message_type")
    }
}

/// The body of a Liveforce error; the docs list the statuses but not the body, which is assumed
/// to carry a `message` like the success answer does.
struct LiveforceErrorBody: Decodable {
    let message: String?
    let error: String?

    static func message(from data: Data) -> String? {
        guard let body = try? JSONValueDecoder.decode(LiveforceErrorBody.self, from: data) else { return nil }
        return body.message ?? body.error
    }
}
