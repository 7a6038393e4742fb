import Foundation

// Nexor's payloads as documented (api-docs/nexor-get-lead.txt, nexor-get-lead-history.txt).
// Every field but a lead's id is read leniently: a wrong type reads as absent.

/// `GET /leads/{id}`: the flat shape, or the newer `{success, lead{…}, variables{…}}` wrapper.
struct NexorLeadEnvelope: Decodable {
    let lead: NexorLead
    let variables: [String: NexorVariable]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        if case .object? = container.lenient(JSONValue.self, AnyKey("lead")) {
            lead = try container.decode(NexorLead.self, forKey: AnyKey("lead"))
            variables = container.lenient([String: NexorVariable].self, AnyKey("variables")) ?? [:]
        } else {
            lead = try NexorLead(from: decoder)
            variables = [:]
        }
    }
}

/// A lead object, in the flat (camelCase nested objects) or wrapped (snake_case) spelling.
struct NexorLead: Decodable {
    struct Named: Decodable {
        let id: String?
        let name: String?
    }

    struct Workflow: Decodable {
        let id: String?
        let name: String?
        let goalType: String?

        enum CodingKeys: String, CodingKey {
            case id, name, goalType = "goal_type"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = container.lenientString(.id)
            name = container.lenientString(.name)
            goalType = container.lenientString(.goalType)
        }
    }

    struct Status: Decodable {
        let key: String?
        let label: String?
        let color: String?
        let category: String?
    }

    struct WorkflowRun: Decodable {
        let runStatus: String?
        let isActive: Bool?
        let workflow: Workflow?
        let currentStatus: Status?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            runStatus = container.lenientString(AnyKey("run_status"))
            isActive = container.lenient(Bool.self, AnyKey("is_active"))
            workflow = container.lenient(Workflow.self, AnyKey("workflow"))
            currentStatus = container.lenient(Status.self, AnyKey("current_status"))
        }
    }

    struct User: Decodable {
        let name: String?
        let email: String?
    }

    let id: String
    let firstName: String?
    let lastName: String?
    let email: String?
    let phone: String?
    let leadSource: String?
    let company: String?
    let jobTitle: String?
    let metadata: [String: JSONValue]
    let campaign: Named?
    let workflowRun: WorkflowRun?
    let workflow: Workflow?
    let currentStatus: Status?
    let assignedUser: User?
    let tags: [String]
    let createdAt: Date?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        guard let id = container.lenientString(AnyKey("id")), !id.isEmpty else {
            throw DecodingError.keyNotFound(AnyKey("id"), .init(codingPath: container.codingPath, debugDescription: "a lead needs an id"))
        }
        self.id = id
        firstName = container.lenientString(AnyKey("first_name"))
        lastName = container.lenientString(AnyKey("last_name"))
        email = container.lenientString(AnyKey("email"))
        phone = container.lenientString(AnyKey("phone"))
        leadSource = container.lenientString(AnyKey("source"))
        company = container.lenientString(AnyKey("company"))
        jobTitle = container.lenientString(AnyKey("title"))
        metadata = container.lenient([String: JSONValue].self, AnyKey("metadata")) ?? [:]
        campaign = container.lenient(Named.self, AnyKey("campaign"))
        workflowRun = container.lenient(WorkflowRun.self, AnyKey("activeWorkflowRun"))
            ?? container.lenient(WorkflowRun.self, AnyKey("active_workflow_run"))
        workflow = container.lenient(Workflow.self, AnyKey("workflow"))
        currentStatus = container.lenient(Status.self, AnyKey("currentStatus"))
            ?? container.lenient(Status.self, AnyKey("current_status"))
        assignedUser = container.lenient(User.self, AnyKey("assigned_user"))
        tags = (container.lenient([JSONValue].self, AnyKey("tags")) ?? []).compactMap {
            $0.stringValue ?? $0["name"]?.stringValue ?? $0["label"]?.stringValue
        }
        createdAt = container.lenientDate(AnyKey("created_at"))
    }
}

/// A lead variable of the wrapped shape: `{value, value_text, confidence, updated_at}`.
struct NexorVariable: Decodable {
    let value: JSONValue?
    let valueText: String?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        value = container.lenient(JSONValue.self, AnyKey("value"))
        valueText = container.lenientString(AnyKey("value_text"))
    }
}

/// `GET /leads/{id}/history`: one page.
struct NexorHistoryPage: Decodable {
    struct Pagination: Decodable {
        let limit: Int?
        let offset: Int?
        let hasMore: Bool

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            limit = container.lenientInt(AnyKey("limit"))
            offset = container.lenientInt(AnyKey("offset"))
            hasMore = container.lenient(Bool.self, AnyKey("has_more")) ?? false
        }
    }

    let lead: NexorLead?
    let history: [NexorHistoryItem]
    let pagination: Pagination?

    enum CodingKeys: String, CodingKey {
        case lead, history, pagination
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        lead = container.lenient(NexorLead.self, .lead)
        history = try container.decode([NexorHistoryItem].self, forKey: .history)
        pagination = container.lenient(Pagination.self, .pagination)
    }
}

/// `GET /leads`: one page of the lead list (shape assumed, see NexorClient.leads(after:)).
struct NexorLeadList: Decodable {
    let leads: [NexorLead]
    let pagination: NexorHistoryPage.Pagination?

    enum CodingKeys: String, CodingKey {
        case leads, pagination
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // One malformed lead must not hide the rest of the page.
        leads = try container.decode([Lenient<NexorLead>].self, forKey: .leads).compactMap(\.value)
        pagination = container.lenient(NexorHistoryPage.Pagination.self, .pagination)
    }
}

/// One history item. The documented `type`s are activity, message, call_missed, call, meeting,
/// email and conversion; the fields are the union of theirs, each present only for its types.
struct NexorHistoryItem: Decodable {
    struct Button: Decodable {
        let type: String?
        let text: String?
        let url: String?
    }

    let type: String?
    let id: String?
    let channel: String?
    let timestamp: Date?
    let direction: String?
    let status: String?
    let content: String?
    let title: String?
    // activity
    let activityType: String?
    let description: String?
    let actorType: String?
    // message
    let messageType: String?
    let mediaURL: String?
    let attachments: JSONValue?
    let providerMessageID: String?
    let sentAt: Date?
    let deliveredAt: Date?
    let readAt: Date?
    let reaction: String?
    let buttons: [Button]
    // call, call_missed
    let callStatus: String?
    let callSuccessful: Bool?
    let disconnectionReason: String?
    let providerCallID: String?
    let durationSeconds: Int?
    let summary: String?
    let recordingURL: String?
    let sentiment: String?
    let transcript: JSONValue?
    // meeting
    let subtype: String?
    let startsAt: Date?
    let endsAt: Date?
    let locationType: String?
    let meetingURL: String?
    let attendeeName: String?
    let attendeeEmail: String?
    let outcomeNotes: String?
    // email
    let subject: String?
    let sender: String?
    let recipient: String?
    let isReply: Bool?
    let openedAt: Date?
    // conversion
    let conversionType: String?
    let amount: JSONValue?
    let currency: String?
    let notes: String?

    let raw: JSONValue

    init(from decoder: any Decoder) throws {
        raw = try JSONValue(from: decoder)
        // An item that is not an object still becomes an item, which mapping then skips.
        let c = (try? decoder.container(keyedBy: AnyKey.self))
        func string(_ key: String) -> String? { c?.lenientString(AnyKey(key)) }
        func date(_ key: String) -> Date? { c?.lenientDate(AnyKey(key)) }
        func bool(_ key: String) -> Bool? { c?.lenient(Bool.self, AnyKey(key)) }
        func value(_ key: String) -> JSONValue? { c?.lenient(JSONValue.self, AnyKey(key)) }

        type = string("type")
        id = string("id")
        channel = string("channel")
        timestamp = date("timestamp")
        direction = string("direction")
        status = string("status")
        content = string("content")
        title = string("title")
        activityType = string("activity_type")
        description = string("description")
        actorType = string("actor_type")
        messageType = string("message_type")
        mediaURL = string("media_url")
        attachments = value("attachments")
        providerMessageID = string("provider_message_id")
        sentAt = date("sent_at")
        deliveredAt = date("delivered_at")
        readAt = date("read_at")
        reaction = string("reaction")
        buttons = c?.lenient([Button].self, AnyKey("buttons")) ?? []
        callStatus = string("call_status")
        callSuccessful = bool("call_successful")
        disconnectionReason = string("disconnection_reason")
        providerCallID = string("provider_call_id")
        durationSeconds = c?.lenientInt(AnyKey("duration_seconds"))
        summary = string("summary")
        recordingURL = string("recording_url")
        sentiment = string("sentiment")
        transcript = value("transcript")
        subtype = string("subtype")
        startsAt = date("starts_at")
        endsAt = date("ends_at")
        locationType = string("location_type")
        meetingURL = string("meeting_url")
        attendeeName = string("attendee_name")
        attendeeEmail = string("attendee_email")
        outcomeNotes = string("outcome_notes")
        subject = string("subject")
        sender = string("sender")
        recipient = string("recipient")
        isReply = bool("is_reply")
        openedAt = date("opened_at")
        conversionType = string("conversion_type")
        amount = value("amount")
        currency = string("currency")
        notes = string("notes")
    }
}

/// The body of a Nexor error: `{"error": "Invalid API key", "message": "…"}`.
struct NexorErrorBody: Decodable {
    let error: String?
    let message: String?

    static func message(from data: Data) -> String? {
        guard let body = try? JSONValueDecoder.decode(NexorErrorBody.self, from: data) else { return nil }
        switch (body.error, body.message) {
        case let (error?, message?) where error != message: return "\(error): \(message)"
        case let (error?, _): return error
        case let (nil, message?): return message
        default: return nil
        }
    }
}
