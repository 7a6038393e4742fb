import Foundation

// NLPearl's payloads as documented (api-docs/nlpearl-get-outbound-lead.txt and the NLPearl section
// of api-docs/README.md). Every field is read leniently: the published example itself carries
// placeholders ("<string>", 123) and most fields are documented as nullable.

/// A lead of an outbound campaign: the answer of `GET /v1/Outbound/{o}/Lead/{lead}` and of the
/// phone-number lookup, and one result of the `POST /v1/Outbound/{o}/Leads` search (which leaves
/// out `callsId`, `lastCall` and `collectedData`).
struct NLPearlLead: Decodable {
    /// Nullable in the docs; the caller falls back to the id it asked for.
    let id: String?
    let externalID: String?
    let phoneNumber: String?
    /// Documented as "a float (e.g., -5.0 for EST)" but typed string; either is accepted.
    let timeZone: String?
    let status: Int?
    let created: Date?
    let callIDs: [String]
    let lastCall: NLPearlCall?
    let callData: [String: JSONValue]
    let collectedData: [String: JSONValue]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        id = container.lenientString(AnyKey("id")).flatMap { $0.isEmpty ? nil : $0 }
        externalID = container.lenientString(AnyKey("externalId"))
        phoneNumber = container.lenientString(AnyKey("phoneNumber"))
        timeZone = container.lenientString(AnyKey("timeZone"))
        status = container.lenientInt(AnyKey("status"))
        created = container.lenientDate(AnyKey("created"))
        callIDs = (container.lenient([JSONValue].self, AnyKey("callsId")) ?? []).compactMap(\.stringValue)
        lastCall = container.lenient(NLPearlCall.self, AnyKey("lastCall"))
        callData = container.lenient([String: JSONValue].self, AnyKey("callData")) ?? [:]
        collectedData = container.lenient([String: JSONValue].self, AnyKey("collectedData")) ?? [:]
    }
}

/// A call: the answer of `GET /v1/Call/{callId}`, or a lead's embedded `lastCall`.
///
/// The two spell the transcript and collected information differently: the call endpoint has
/// top-level `transcript` and `collectedInfo`, `lastCall` nests them as
/// `collectedData{transcript, collectedInfos}`. Both spellings are read from either.
struct NLPearlCall: Decodable {
    /// One turn of the transcript. `role` is an undocumented integer; the unit of the times is
    /// undocumented too, so they are kept as the vendor sent them.
    struct Turn: Decodable {
        let role: JSONValue?
        let content: String?
        let startTime: Double?
        let endTime: Double?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            role = container.lenient(JSONValue.self, AnyKey("role"))
            content = container.lenientString(AnyKey("content"))
            startTime = container.lenientNumber(AnyKey("startTime"))
            endTime = container.lenientNumber(AnyKey("endTime"))
        }
    }

    /// One answer the Pearl collected; `value` may be any JSON.
    struct CollectedInfo: Decodable {
        let id: String?
        let name: String?
        let value: JSONValue?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            id = container.lenientString(AnyKey("id"))
            name = container.lenientString(AnyKey("name"))
            value = container.lenient(JSONValue.self, AnyKey("value"))
        }
    }

    /// `lastCall.collectedData`: where the lead endpoint puts the transcript and the answers.
    private struct CollectedData: Decodable {
        let transcript: [Turn]?
        let collectedInfos: [CollectedInfo]?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            transcript = container.turns(AnyKey("transcript"))
            collectedInfos = container.infos(AnyKey("collectedInfos")) ?? container.infos(AnyKey("collectedInfo"))
        }
    }

    let id: String?
    let startTime: Date?
    /// Same codes as a lead's status, plus 300 QueueAbandon.
    let conversationStatus: Int?
    /// 3 InProgress … 8 Canceled.
    let status: Int?
    let from: String?
    let to: String?
    /// Seconds; a fractional value is rounded.
    let durationSeconds: Int?
    let recording: String?
    let transcript: [Turn]
    let summary: String?
    let collectedInfo: [CollectedInfo]
    let tags: [String]
    /// A word or a score, whichever the vendor sends, as text.
    let overallSentiment: String?
    let name: String?
    let pearlID: String?
    let raw: JSONValue

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        func string(_ key: String) -> String? {
            container.lenientString(AnyKey(key)).flatMap { $0.isEmpty ? nil : $0 }
        }
        let nested = container.lenient(CollectedData.self, AnyKey("collectedData"))

        id = string("id")
        startTime = container.lenientDate(AnyKey("startTime"))
        conversationStatus = container.lenientInt(AnyKey("conversationStatus"))
        status = container.lenientInt(AnyKey("status"))
        from = string("from")
        to = string("to")
        durationSeconds = container.lenientNumber(AnyKey("duration")).flatMap { seconds in
            seconds.isFinite && abs(seconds) < 1e12 ? Int(seconds.rounded()) : nil
        }
        recording = string("recording")
        transcript = container.turns(AnyKey("transcript")) ?? nested?.transcript ?? []
        summary = string("summary")
        collectedInfo = container.infos(AnyKey("collectedInfo")) ?? container.infos(AnyKey("collectedInfos"))
            ?? nested?.collectedInfos ?? []
        tags = (container.lenient([JSONValue].self, AnyKey("tags")) ?? []).compactMap(\.stringValue)
        overallSentiment = string("overallSentiment")
        name = string("name")
        pearlID = string("pearlId")
        raw = try JSONValue(from: decoder)
    }
}

/// The answer of `POST /v1/Outbound/{o}/Leads`: `{count, results[…]}`.
struct NLPearlLeadSearch: Decodable {
    /// How many leads match in all, across every page; nil when the vendor left it out.
    let count: Int?
    let results: [NLPearlLead]
    /// How many items `results` held, readable or not: what the next `skip` advances by.
    let itemCount: Int

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        count = container.lenientInt(AnyKey("count"))
        // One malformed lead must not hide the rest of the page.
        let items = try container.decode([Lenient<NLPearlLead>].self, forKey: AnyKey("results"))
        results = items.compactMap(\.value)
        itemCount = items.count
    }
}

/// The answer of `GET /v1/Outbound/{o}/Lead/PhoneNumber/{phone}`, whose shape is not documented:
/// one lead object (as `GET …/Lead/{id}` answers) or an array of them; `null` means none.
struct NLPearlPhoneLookup: Decodable {
    let leads: [NLPearlLead]

    init(from decoder: any Decoder) throws {
        if try decoder.singleValueContainer().decodeNil() {
            leads = []
        } else if let many = try? [Lenient<NLPearlLead>](from: decoder) {
            leads = many.compactMap(\.value)
        } else {
            leads = [try NLPearlLead(from: decoder)]
        }
    }
}

/// The body of `POST /v1/Outbound/{o}/Leads`; the filters it also accepts are not used.
struct NLPearlLeadSearchRequest: Encodable {
    let skip: Int
    let limit: Int
    let sortProp: String
    let isAscending: Bool
}

/// The body of an NLPearl error. Not documented; NLPearl is an ASP.NET service, so both
/// ProblemDetails (`title`, `detail`) and a plain `message` are looked for.
struct NLPearlErrorBody: Decodable {
    let message: String?
    let title: String?
    let detail: String?

    static func message(from data: Data) -> String? {
        guard let body = try? JSONValueDecoder.decode(NLPearlErrorBody.self, from: data) else { return nil }
        if let message = body.message { return message }
        let parts = [body.title, body.detail].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ": ")
    }
}

extension KeyedDecodingContainer {
    /// A finite number at `key`; integers and numeric strings are accepted, but not "nan",
    /// "inf" or a number too big for a `Double`.
    fileprivate func lenientNumber(_ key: Key) -> Double? {
        let number: Double? = switch lenient(JSONValue.self, key) {
        case .integer(let value)?: Double(value)
        case .number(let value)?: value
        case .string(let text)?: Double(text.trimmingCharacters(in: .whitespaces))
        default: nil
        }
        return number.flatMap { $0.isFinite ? $0 : nil }
    }

    /// Transcript turns at `key`, nil when there is no array there.
    fileprivate func turns(_ key: Key) -> [NLPearlCall.Turn]? {
        lenient([Lenient<NLPearlCall.Turn>].self, key)?.compactMap(\.value)
    }

    /// Collected information at `key`, nil when there is no array there.
    fileprivate func infos(_ key: Key) -> [NLPearlCall.CollectedInfo]? {
        lenient([Lenient<NLPearlCall.CollectedInfo>].self, key)?.compactMap(\.value)
    }
}
