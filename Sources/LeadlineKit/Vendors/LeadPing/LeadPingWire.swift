import Foundation

// LeadPing's payloads as documented (api-docs/leadping-list-lead-events.txt and the OpenAPI files
// in api-docs/leadping-openapi). The published page and the OpenAPI contract disagree on types
// (`retryCount`, `pageSize` and `totalCount` are strings in one and integers in the other,
// `billableAmount` a string or a number) and on fields (`activityCategory`, `isWarmup` and
// `telnyxId` are only on the page; `status`, `timelineType` and `media` only in the contract), so
// every field but an id is read leniently and both spellings are accepted.

/// One page of any LeadPing list: `{items, pageSize, totalCount|null, continuationToken|null}`.
///
/// `items` must be there (an answer without it is not a page); a null `items` is an empty page.
/// An item that does not decode is counted in `unreadableItems` instead of failing the page.
struct LeadPingPage<Item: Decodable>: Decodable {
    let items: [Item]
    let unreadableItems: Int
    let pageSize: Int?
    let totalCount: Int?
    /// The cursor for the next page; nil (never empty) on the last one.
    let continuationToken: String?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        let slots = try container.decode([Lenient<Item>]?.self, forKey: AnyKey("items")) ?? []
        items = slots.compactMap(\.value)
        unreadableItems = slots.count - items.count
        pageSize = container.lenientInt(AnyKey("pageSize"))
        totalCount = container.lenientInt(AnyKey("totalCount"))
        continuationToken = container.lenientString(AnyKey("continuationToken")).flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// An item of `POST /events/leads/{leadId}`: the fields of the documented example and of the
/// contract's `EventTableRow`, plus the call fields of `CallEventTableRow` and the message body of
/// `SmsEventTableRow`, which the lead listing may carry for calls and messages.
struct LeadPingEvent: Decodable {
    /// An MMS attachment.
    struct Media: Decodable {
        let url: String?
        let contentType: String?
        let fileName: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            url = container.lenientString(AnyKey("url"))
            contentType = container.lenientString(AnyKey("contentType"))
            fileName = container.lenientString(AnyKey("fileName"))
        }
    }

    let id: String?
    let eventType: String?
    let eventCategory: String?
    let activityCategory: String?
    let timelineType: String?
    let timelineCategory: String?
    let description: String?
    let conversationId: String?
    let leadId: String?
    let relatedEntityType: String?
    let relatedEntityId: String?
    let summary: String?
    /// The message body: `text` in `SmsEventTableRow`, `body` assumed as an alias.
    let text: String?
    let media: [Media]
    let direction: String?
    let status: String?
    let statusReason: String?
    let trafficType: String?
    let isWarmup: Bool?
    let fromPhoneNumberId: String?
    let outboundPhoneNumberId: String?
    let fromPhoneNumber: String?
    let toPhoneNumber: String?
    let selectionReason: String?
    let telnyxId: String?
    let providerMessageId: String?
    let wasManuallyOverridden: Bool?
    let campaignId: String?
    let sourceId: String?
    let tenDlcCampaignId: String?
    let complianceAction: String?
    let billingStatus: String?
    let billableAmount: String?
    let errorCode: String?
    let errorMessage: String?
    let retryCount: Int?
    let queuedAt: Date?
    let sendingStartedAt: Date?
    let sentAt: Date?
    let deliveredAt: Date?
    let receivedAt: Date?
    let failedAt: Date?
    let undeliverableAt: Date?
    let blockedAt: Date?
    let nextRetryAt: Date?
    let scheduledFor: Date?
    let scheduledReason: String?
    let canceledAt: Date?
    let cancelReason: String?
    // Calls (CallEventTableRow).
    let answeredAt: Date?
    let endedAt: Date?
    let durationSeconds: Int?
    let recordingURL: String?
    let createdAt: Date?
    let createdBy: String?
    let actorUserId: String?
    let actorDisplayName: String?
    let actorEmail: String?

    let raw: JSONValue

    /// Throws only when the item is not a JSON object.
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        func string(_ key: String) -> String? { c.lenientString(AnyKey(key)) }
        func date(_ key: String) -> Date? { c.lenientDate(AnyKey(key)) }
        func bool(_ key: String) -> Bool? { c.lenient(Bool.self, AnyKey(key)) }

        id = string("id")
        eventType = string("eventType")
        eventCategory = string("eventCategory")
        activityCategory = string("activityCategory")
        timelineType = string("timelineType")
        timelineCategory = string("timelineCategory")
        description = string("description")
        conversationId = string("conversationId")
        leadId = string("leadId")
        relatedEntityType = string("relatedEntityType")
        relatedEntityId = string("relatedEntityId")
        summary = string("summary")
        text = string("text") ?? string("body")
        media = (c.lenient([Lenient<Media>].self, AnyKey("media")) ?? []).compactMap(\.value)
        direction = string("direction")
        status = string("status")
        statusReason = string("statusReason")
        trafficType = string("trafficType")
        isWarmup = bool("isWarmup")
        fromPhoneNumberId = string("fromPhoneNumberId")
        outboundPhoneNumberId = string("outboundPhoneNumberId")
        fromPhoneNumber = string("fromPhoneNumber")
        toPhoneNumber = string("toPhoneNumber")
        selectionReason = string("selectionReason")
        telnyxId = string("telnyxId")
        providerMessageId = string("providerMessageId")
        wasManuallyOverridden = bool("wasManuallyOverridden")
        campaignId = string("campaignId")
        sourceId = string("sourceId")
        tenDlcCampaignId = string("tenDlcCampaignId")
        complianceAction = string("complianceAction")
        billingStatus = string("billingStatus")
        billableAmount = string("billableAmount")
        errorCode = string("errorCode")
        errorMessage = string("errorMessage")
        retryCount = c.lenientInt(AnyKey("retryCount"))
        queuedAt = date("queuedAt")
        sendingStartedAt = date("sendingStartedAt")
        sentAt = date("sentAt")
        deliveredAt = date("deliveredAt")
        receivedAt = date("receivedAt")
        failedAt = date("failedAt")
        undeliverableAt = date("undeliverableAt")
        blockedAt = date("blockedAt")
        nextRetryAt = date("nextRetryAt")
        scheduledFor = date("scheduledFor")
        scheduledReason = string("scheduledReason")
        canceledAt = date("canceledAt")
        cancelReason = string("cancelReason")
        answeredAt = date("answeredAt")
        endedAt = date("endedAt")
        durationSeconds = c.lenientInt(AnyKey("duration"))
        recordingURL = string("recordingUrl")
        createdAt = date("createdAt")
        createdBy = string("createdBy")
        actorUserId = string("actorUserId")
        actorDisplayName = string("actorDisplayName")
        actorEmail = string("actorEmail")
        raw = try JSONValue(from: decoder)
    }
}

/// A lead: `LeadResponse` from `GET /leads/{id}` (contact details nested under `contact`) or
/// `LeadTableRow` from `POST /leads/all/my` (flat `firstName`, `phone`, `status`, …).
struct LeadPingLead: Decodable {
    /// `{id, name}`: a lead's source or organization.
    struct Named: Decodable {
        let id: String?
        let name: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            id = container.lenientString(AnyKey("id"))
            name = container.lenientString(AnyKey("name"))
        }
    }

    /// `CurrentLeadStatusSummary`.
    struct Status: Decodable {
        let displayName: String?
        let category: String?
        let outcome: String?
        let changedAt: Date?
        let source: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            displayName = container.lenientString(AnyKey("displayName"))
            category = container.lenientString(AnyKey("category"))
            outcome = container.lenientString(AnyKey("outcome"))
            changedAt = container.lenientDate(AnyKey("changedAt"))
            source = container.lenientString(AnyKey("source"))
        }
    }

    /// `StreetAddress`.
    struct Address: Decodable {
        let lines: [String]

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            let parts = ["line1", "line2", "city", "state", "province", "region", "postalCode", "country"]
            lines = parts.compactMap { container.lenientString(AnyKey($0)) }
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    /// The parts of `LeadMetadata` worth showing beside a lead.
    struct Metadata: Decodable {
        let utmSource: String?
        let utmMedium: String?
        let utmCampaign: String?
        let externalId: String?
        let product: String?
        let vertical: String?
        let origin: String?
        let price: String?
        let complianceStatus: String?
        let complianceBlockedReason: String?
        let smsConsentStatus: String?
        let smsOptedOut: Bool?
        let smsOptOutAt: Date?

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: AnyKey.self)
            func string(_ key: String) -> String? { c.lenientString(AnyKey(key)) }
            utmSource = string("utmSource")
            utmMedium = string("utmMedium")
            utmCampaign = string("utmCampaign")
            externalId = string("externalId")
            product = string("product")
            vertical = string("vertical")
            origin = string("origin")
            price = string("price")
            complianceStatus = string("complianceStatus")
            complianceBlockedReason = string("complianceBlockedReason")
            smsConsentStatus = string("smsConsentStatus")
            smsOptedOut = c.lenient(Bool.self, AnyKey("smsOptedOut"))
            smsOptOutAt = c.lenientDate(AnyKey("smsOptOutAt"))
        }
    }

    let id: String
    let firstName: String?
    let lastName: String?
    /// Not in either schema; read in case a lead carries only a whole name.
    let fullName: String?
    let phone: String?
    let phoneType: String?
    let email: String?
    /// Not in either schema; read in case LeadPing adds it.
    let company: String?
    let address: Address?
    let timeZone: String?
    /// `LeadTableRow.status`, the list's flat status label.
    let statusLabel: String?
    let currentStatus: Status?
    let processingStatus: String?
    let processingStatusReason: String?
    let source: Named?
    let tags: [String]
    let price: String?
    let enabled: Bool?
    let isArchived: Bool?
    let archivedAt: Date?
    let archiveNote: String?
    let metadata: Metadata?
    let createdAt: Date?
    let modifiedAt: Date?

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        guard let id = c.lenientString(AnyKey("id")), !id.isEmpty else {
            throw DecodingError.keyNotFound(AnyKey("id"), .init(codingPath: c.codingPath, debugDescription: "a lead needs an id"))
        }
        self.id = id
        // `LeadResponse` nests the person under `contact`; `LeadTableRow` has the same names flat.
        let contact = try? c.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("contact"))
        func string(_ key: String) -> String? {
            contact?.lenientString(AnyKey(key)) ?? c.lenientString(AnyKey(key))
        }
        firstName = string("firstName")
        lastName = string("lastName")
        fullName = string("fullName") ?? string("name")
        email = string("email")
        company = string("company") ?? string("companyName")

        // `contact.phone` is a `Phone` object; the list's `phone` is the number itself.
        let phoneObject = (try? contact?.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("phone")))
            ?? (try? c.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("phone")))
        let identity = try? c.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("phoneIdentity"))
        phone = phoneObject?.lenientString(AnyKey("number")) ?? string("phone")
            ?? identity?.lenientString(AnyKey("number"))
        phoneType = phoneObject?.lenientString(AnyKey("type"))
        address = contact?.lenient(Address.self, AnyKey("streetAddress"))
        timeZone = contact?.lenientString(AnyKey("timeZoneId"))

        statusLabel = c.lenientString(AnyKey("status"))
        currentStatus = c.lenient(Status.self, AnyKey("currentLeadStatus"))
        processingStatus = c.lenientString(AnyKey("processingStatus"))
        processingStatusReason = c.lenientString(AnyKey("processingStatusReason"))
        source = c.lenient(Named.self, AnyKey("source"))
        tags = (c.lenient([JSONValue].self, AnyKey("tags")) ?? []).compactMap {
            $0["name"]?.stringValue ?? $0.stringValue
        }
        price = c.lenientString(AnyKey("price"))
        enabled = c.lenient(Bool.self, AnyKey("enabled"))
        isArchived = c.lenient(Bool.self, AnyKey("isArchived"))
        archivedAt = c.lenientDate(AnyKey("archivedAt"))
        archiveNote = c.lenientString(AnyKey("archiveNote"))
        metadata = c.lenient(Metadata.self, AnyKey("metadata"))
        createdAt = c.lenientDate(AnyKey("createdAt"))
        modifiedAt = c.lenientDate(AnyKey("modifiedAt")) ?? c.lenientDate(AnyKey("updatedAt"))
    }
}

/// An RFC 9457 error body, LeadPing's answer to every failed request.
struct LeadPingProblem: Decodable {
    let type: String?
    let title: String?
    let status: Int?
    let detail: String?
    let instance: String?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        type = container.lenientString(AnyKey("type"))
        title = container.lenientString(AnyKey("title"))
        status = container.lenientInt(AnyKey("status"))
        detail = container.lenientString(AnyKey("detail"))
        instance = container.lenientString(AnyKey("instance"))
    }

    /// "title: detail", or whichever of the two there is; nil when the body is not a problem.
    static func message(from data: Data) -> String? {
        guard let problem = try? JSONValueDecoder.decode(LeadPingProblem.self, from: data) else { return nil }
        let title = problem.title.flatMap { $0.isEmpty ? nil : $0 }
        let detail = problem.detail.flatMap { $0.isEmpty ? nil : $0 }
        switch (title, detail) {
        case let (title?, detail?) where title != detail: return "\(title): \(detail)"
        case let (title?, _): return title
        case let (nil, detail?): return detail
        default: return nil
        }
    }
}

/// The `RequestDataOptions` body every LeadPing list endpoint takes.
///
/// `pageSize` travels as a string, as the published page documents it (`string<int32>`).
struct LeadPingListRequest: Encodable {
    /// One sort instruction.
    struct Order: Encodable {
        let field: String
        let direction: String
    }

    var pageSize: String
    var continuationToken: String?
    var orderBy: [Order]?
    var search: String?
    var searchFields: [String]?

    /// The body as JSON with sorted keys, so the same request always sends the same bytes; nil
    /// members are left out rather than sent as null.
    var json: Data {
        let encoder = JSONEncoder()
        // Tokens are opaque and often hold slashes: send them exactly as received.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings and arrays of strings always encode.
        return try! encoder.encode(self)
    }
}
