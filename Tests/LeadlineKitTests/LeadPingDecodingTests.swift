import Foundation
import Testing
@testable import LeadlineKit

@Suite("LeadPing payloads and mapping")
struct LeadPingDecodingTests {
    static let documentedDate = date("2023-11-07T05:31:56Z")

    static func event(_ text: String) throws -> LeadPingEvent {
        try JSONValueDecoder.decode(LeadPingEvent.self, from: Data(text.utf8))
    }

    static func lead(_ text: String) throws -> LeadPingLead {
        try JSONValueDecoder.decode(LeadPingLead.self, from: Data(text.utf8))
    }

    @Test("The documented page decodes exactly; placeholder numbers do not fail it")
    func documentedPage() throws {
        let data = try Fixture.data("leadping-list-lead-events.json")
        let page = try JSONValueDecoder.decode(LeadPingPage<LeadPingEvent>.self, from: data)
        #expect(page.items.count == 1)
        #expect(page.unreadableItems == 0)
        #expect(page.pageSize == nil, "\"<string>\" is no number")
        #expect(page.totalCount == nil)
        #expect(page.continuationToken == "<string>")

        let item = try #require(page.items.first)
        let placeholder = "<string>"
        #expect(item.id == placeholder)
        #expect(item.eventType == placeholder)
        #expect(item.eventCategory == placeholder)
        #expect(item.activityCategory == placeholder)
        #expect(item.description == placeholder)
        #expect(item.conversationId == placeholder)
        #expect(item.leadId == placeholder)
        #expect(item.summary == placeholder)
        #expect(item.direction == placeholder)
        #expect(item.statusReason == placeholder)
        #expect(item.isWarmup == true)
        #expect(item.fromPhoneNumberId == placeholder)
        #expect(item.outboundPhoneNumberId == placeholder)
        #expect(item.fromPhoneNumber == placeholder)
        #expect(item.toPhoneNumber == placeholder)
        #expect(item.telnyxId == placeholder)
        #expect(item.providerMessageId == placeholder)
        #expect(item.wasManuallyOverridden == true)
        #expect(item.campaignId == placeholder)
        #expect(item.sourceId == placeholder)
        #expect(item.tenDlcCampaignId == placeholder)
        #expect(item.complianceAction == placeholder)
        #expect(item.billingStatus == placeholder)
        #expect(item.billableAmount == placeholder)
        #expect(item.errorCode == placeholder)
        #expect(item.retryCount == nil, "the example's retryCount is \"<string>\"")
        for moment in [item.queuedAt, item.sendingStartedAt, item.sentAt, item.deliveredAt, item.receivedAt,
                       item.failedAt, item.undeliverableAt, item.blockedAt, item.nextRetryAt, item.scheduledFor,
                       item.canceledAt, item.createdAt] {
            #expect(moment == Self.documentedDate)
        }
        #expect(item.scheduledReason == placeholder)
        #expect(item.cancelReason == placeholder)
        #expect(item.createdBy == placeholder)
        // Contract fields the example does not carry.
        #expect(item.status == nil)
        #expect(item.timelineType == nil)
        #expect(item.text == nil)
        #expect(item.media.isEmpty)
        #expect(item.durationSeconds == nil)

        let documented = try JSONValueDecoder.decode(JSONValue.self, from: data)
        guard case .array(let rawItems)? = documented["items"] else { Issue.record("no items"); return }
        #expect(item.raw == rawItems.first)
        #expect(item.raw["retryCount"] == .string(placeholder))
    }

    @Test("The documented item maps field by field")
    func documentedEvent() throws {
        let data = try Fixture.data("leadping-list-lead-events.json")
        let page = try JSONValueDecoder.decode(LeadPingPage<LeadPingEvent>.self, from: data)
        let event = try #require(page.items.first?.toEvent(source: "leadping"))
        let when = "2023-11-07T05:31:56Z"
        #expect(event.source == "leadping")
        #expect(event.id == "<string>")
        #expect(event.channel == .system, "\"<string>\" names no channel")
        #expect(event.kind == "<string>")
        #expect(event.title == "<string>")
        #expect(event.text == "<string>")
        #expect(event.direction == nil)
        #expect(event.timestamp == Self.documentedDate)
        #expect(event.status == "Canceled", "every step has the same time; the last in a message's life wins")
        #expect(event.urls.isEmpty)
        #expect(event.durationSeconds == nil)
        #expect(event.details == [
            Detail("Queued", when), Detail("Sending", when), Detail("Sent", when),
            Detail("Delivered", when), Detail("Received", when), Detail("Failed", when),
            Detail("Undeliverable", when), Detail("Blocked", when), Detail("Canceled", when),
            Detail("Next retry", when), Detail("Scheduled for", when),
            Detail("From", "<string>"), Detail("To", "<string>"),
            Detail("Status reason", "<string>"), Detail("Error code", "<string>"),
            Detail("Cancel reason", "<string>"), Detail("Scheduled reason", "<string>"),
            Detail("Provider message id", "<string>"), Detail("Telnyx id", "<string>"),
            Detail("Category", "<string>"), Detail("Activity category", "<string>"),
            Detail("By", "<string>"), Detail("Conversation", "<string>"),
            Detail("Traffic", "Warmup"), Detail("Number chosen by hand", "yes"),
            Detail("Compliance action", "<string>"), Detail("Billing status", "<string>"),
            Detail("Billable amount", "<string>"),
        ])
        // Internal ids stay in the raw view only.
        for key in ["leadId", "fromPhoneNumberId", "outboundPhoneNumberId", "campaignId", "sourceId", "tenDlcCampaignId"] {
            #expect(event.raw[key] == .string("<string>"))
        }
    }

    @Test("A delivered outbound SMS")
    func sms() throws {
        let item = try Self.event(#"""
        {"id":"evt_01HZX3","eventType":"SmsSent","eventCategory":"Sms","timelineType":"Sms",
         "timelineCategory":"Messages","description":"Outbound SMS to +15551230000",
         "conversationId":"conv_77","leadId":"lead_42",
         "summary":"Hi Dana, this is Max from Acme Solar. Still interested in a quote?",
         "media":[],"direction":"Outbound","status":"Delivered","statusReason":null,
         "trafficType":"RealLead","fromPhoneNumberId":"pn_3","outboundPhoneNumberId":"pn_3",
         "fromPhoneNumber":"+15557654321","toPhoneNumber":"+15551230000",
         "selectionReason":"StickyConversation","wasManuallyOverridden":false,
         "campaignId":"cmp_8","sourceId":"src_1","complianceAction":null,"billingStatus":"Billed",
         "billableAmount":0.0079,"errorCode":null,"retryCount":1,
         "queuedAt":"2026-03-02T15:04:05.120Z","sendingStartedAt":"2026-03-02T15:04:05.480Z",
         "sentAt":"2026-03-02T15:04:06Z","deliveredAt":"2026-03-02T15:04:09Z","receivedAt":null,
         "createdAt":"2026-03-02T15:04:05.100Z","createdBy":"usr_5","actorUserId":"usr_5",
         "actorDisplayName":"Max Power","actorEmail":"max@acme.example"}
        """#)
        let event = try #require(item.toEvent(source: "lp"))
        #expect(event.id == "evt_01HZX3")
        #expect(event.channel == .sms)
        #expect(event.kind == "sms.sent")
        #expect(event.title == "SMS")
        #expect(event.text == "Hi Dana, this is Max from Acme Solar. Still interested in a quote?")
        #expect(event.direction == .outbound)
        #expect(event.status == "Delivered")
        #expect(event.timestamp == date("2026-03-02T15:04:05.100Z"))
        #expect(event.details == [
            Detail("Queued", "2026-03-02T15:04:05.120Z"), Detail("Sending", "2026-03-02T15:04:05.480Z"),
            Detail("Sent", "2026-03-02T15:04:06Z"), Detail("Delivered", "2026-03-02T15:04:09Z"),
            Detail("From", "+15557654321"), Detail("To", "+15551230000"), Detail("Retry count", "1"),
            Detail("Description", "Outbound SMS to +15551230000"),
            Detail("Event type", "SmsSent"), Detail("Category", "Sms"), Detail("By", "Max Power"),
            Detail("Conversation", "conv_77"), Detail("Traffic", "RealLead"),
            Detail("Number selection", "StickyConversation"), Detail("Billing status", "Billed"),
            Detail("Billable amount", "0.0079"),
        ])
    }

    @Test("An inbound MMS carries its body, media and received time")
    func mms() throws {
        let item = try Self.event(#"""
        {"id":"evt_in_5","eventType":"Inbound","eventCategory":"MMS","direction":"inbound",
         "text":"Here is the roof photo","summary":"MMS from Dana",
         "media":[{"url":"https://media.leadping.ai/m/roof.jpg","contentType":"image/jpeg","size":48213,"fileName":"roof.jpg"},{"url":"https://media.leadping.ai/m/2"}, 7],
         "receivedAt":"2026-03-02T16:00:00Z"}
        """#)
        let event = try #require(item.toEvent(source: "lp"))
        #expect(event.channel == .sms)
        #expect(event.kind == "mms.inbound")
        #expect(event.title == "MMS")
        #expect(event.text == "Here is the roof photo")
        #expect(event.direction == .inbound)
        #expect(event.status == "Received")
        #expect(event.timestamp == date("2026-03-02T16:00:00Z"), "no createdAt: the first step taken")
        #expect(event.urls == [
            LabeledURL(label: "roof.jpg", url: "https://media.leadping.ai/m/roof.jpg"),
            LabeledURL(label: "media", url: "https://media.leadping.ai/m/2"),
        ])
        #expect(event.details == [
            Detail("Received", "2026-03-02T16:00:00Z"), Detail("Summary", "MMS from Dana"),
            Detail("Event type", "Inbound"), Detail("Category", "MMS"),
        ])
    }

    @Test("A missed inbound call")
    func missedCall() throws {
        let item = try Self.event(#"""
        {"id":"evt_call_9","eventType":"CallMissed","eventCategory":"Call","timelineType":"Call",
         "direction":"Inbound","status":"Missed","statusReason":"No answer after 30 s",
         "fromPhoneNumber":"+15551230000","toPhoneNumber":"+15557654321",
         "summary":"Missed call from Dana Whitfield","createdAt":"2026-03-03T18:20:00Z",
         "createdBy":"system","retryCount":0,"isWarmup":false}
        """#)
        let event = try #require(item.toEvent(source: "lp"))
        #expect(event.channel == .call)
        #expect(event.kind == "call.missed")
        #expect(event.title == "Missed call")
        #expect(event.status == "Missed")
        #expect(event.direction == .inbound)
        #expect(event.text == "Missed call from Dana Whitfield")
        #expect(event.details == [
            Detail("From", "+15551230000"), Detail("To", "+15557654321"),
            Detail("Status reason", "No answer after 30 s"),
            Detail("Event type", "CallMissed"), Detail("Category", "Call"), Detail("By", "system"),
        ])
    }

    @Test("A voicemail keeps its duration and recording")
    func voicemail() throws {
        let item = try Self.event(#"""
        {"id":"evt_vm_2","eventType":"Voicemail","eventCategory":"Calls","direction":"inbound",
         "duration":"42","recordingUrl":"https://rec.leadping.ai/vm_2.mp3","endedAt":"2026-03-03T18:21:00Z",
         "answeredAt":"2026-03-03T18:20:18Z","createdAt":"2026-03-03T18:20:10Z"}
        """#)
        let event = try #require(item.toEvent(source: "lp"))
        #expect(event.channel == .call)
        #expect(event.kind == "calls.voicemail")
        #expect(event.title == "Voicemail")
        #expect(event.status == "Ended")
        #expect(event.durationSeconds == 42)
        #expect(event.urls == [LabeledURL(label: "recording", url: "https://rec.leadping.ai/vm_2.mp3")])
        #expect(event.details == [
            Detail("Answered", "2026-03-03T18:20:18Z"), Detail("Ended", "2026-03-03T18:21:00Z"),
            Detail("Category", "Calls"),
        ])
    }

    @Test("A note is a system event even when filed under a call")
    func note() throws {
        let item = try Self.event(#"""
        {"id":"evt_note_3","eventType":"Note","eventCategory":"Call","timelineType":"Note",
         "description":"Prefers texts after 5pm; spouse co-signs.","conversationId":"conv_77",
         "leadId":"lead_42","createdAt":"2026-03-04T09:00:00Z","createdBy":"Max Power",
         "retryCount":0,"media":null}
        """#)
        let event = try #require(item.toEvent(source: "lp"))
        #expect(event.channel == .system)
        #expect(event.kind == "call.note")
        #expect(event.title == "Note")
        #expect(event.text == "Prefers texts after 5pm; spouse co-signs.")
        #expect(event.direction == nil)
        #expect(event.status == nil)
        #expect(event.details == [
            Detail("Category", "Call"), Detail("By", "Max Power"), Detail("Conversation", "conv_77"),
        ])
    }

    @Test("An unknown eventType is kept as it comes, with its text")
    func unknownType() throws {
        let item = try Self.event(#"""
        {"id":"evt_q","eventType":"QuantumHandshake","description":"Lead confirmed by carrier handshake",
         "createdAt":"2026-03-05T07:00:00+02:00"}
        """#)
        let event = try #require(item.toEvent(source: "lp"))
        #expect(event.channel == .system)
        #expect(event.kind == "quantumhandshake")
        #expect(event.title == "QuantumHandshake")
        #expect(event.text == "Lead confirmed by carrier handshake")
        #expect(event.timestamp == date("2026-03-05T05:00:00Z"))
        #expect(event.details.isEmpty)
    }

    @Test("A status change filed under a Call category stays a system event")
    func statusChange() throws {
        let item = try Self.event(#"""
        {"id":"evt_s","eventType":"LeadStatusChanged","eventCategory":"Call",
         "summary":"Status changed from New to Contacted","createdAt":"2026-03-03T18:25:00Z"}
        """#)
        let event = try #require(item.toEvent(source: "lp"))
        #expect(event.channel == .system)
        #expect(event.kind == "call.leadstatuschanged")
        #expect(event.title == "LeadStatusChanged")
        #expect(event.text == "Status changed from New to Contacted")
    }

    static let channelCases: [([String?], Channel)] = [
        ([nil, "SmsSent"], .sms),
        ([nil, "Outbound", "SMS"], .sms),
        ([nil, "MmsReceived"], .sms),
        ([nil, "InboundMessage"], .sms),
        ([nil, "text_message.inbound"], .sms),
        ([nil, "MissedCallTextBack"], .sms),
        (["Sms", "Delivered"], .sms),
        ([nil, "CallCompleted"], .call),
        ([nil, "VoicemailMessage"], .call),
        ([nil, "VoiceMail"], .call),
        ([nil, "OUTBOUND_CALL"], .call),
        ([nil, "Completed", nil, "Calls"], .call),
        ([nil, "LeadStatusChanged", "Call"], .system),
        (["Note", "Note", "Call"], .system),
        ([nil, "LeadCreated"], .system),
        ([nil, "ContextUpdated"], .system),
        ([nil, "RecallScheduled"], .system),
        ([nil, "QuantumHandshake"], .system),
        ([nil, nil, nil, nil, nil], .system),
    ]

    @Test("The channel comes from the first field that decides", arguments: channelCases)
    func channelRule(fields: [String?], expected: Channel) {
        #expect(LeadPingChannelRule.channel(of: fields) == expected)
    }

    @Test("Words split at separators and case changes")
    func words() {
        #expect(LeadPingChannelRule.words("InboundSMSReceived") == ["inbound", "sms", "received"])
        #expect(LeadPingChannelRule.words("sms.outbound") == ["sms", "outbound"])
        #expect(LeadPingChannelRule.words("Opted out") == ["opted", "out"])
        #expect(LeadPingChannelRule.words("<string>") == ["string"])
        #expect(LeadPingChannelRule.words("") == [])
    }

    @Test("Status comes from the latest step when the item has none")
    func derivedStatus() throws {
        let failed = try Self.event(#"""
        {"eventType":"SmsSent","queuedAt":"2026-03-02T15:00:00Z","sentAt":"2026-03-02T15:00:01Z",
         "failedAt":"2026-03-02T15:00:09Z","errorCode":"30007","errorMessage":"Carrier violation",
         "nextRetryAt":"2026-03-02T15:10:00Z","retryCount":"2"}
        """#)
        let event = try #require(failed.toEvent(source: "lp"))
        #expect(event.status == "Failed", "a planned retry is not a step taken")
        #expect(event.timestamp == date("2026-03-02T15:00:00Z"))
        #expect(event.id.hasPrefix("smssent-"), "an item without id gets a stable one")
        let again = try #require(failed.toEvent(source: "lp"))
        #expect(again.id == event.id)
        #expect(event.details == [
            Detail("Queued", "2026-03-02T15:00:00Z"), Detail("Sent", "2026-03-02T15:00:01Z"),
            Detail("Failed", "2026-03-02T15:00:09Z"), Detail("Next retry", "2026-03-02T15:10:00Z"),
            Detail("Error code", "30007"), Detail("Error", "Carrier violation"), Detail("Retry count", "2"),
            Detail("Event type", "SmsSent"),
        ])

        let scheduled = try Self.event(#"""
        {"id":"e","eventType":"SmsScheduled","createdAt":"2026-03-02T15:00:00Z",
         "scheduledFor":"2026-03-03T09:00:00Z","scheduledReason":"Quiet hours"}
        """#)
        #expect(scheduled.toEvent(source: "lp")?.status == "Scheduled")
    }

    @Test("Items without a usable timestamp map to nil")
    func noTimestamp() throws {
        #expect(try Self.event(#"{"id":"a","eventType":"SmsSent","createdAt":"yesterday"}"#).toEvent(source: "lp") == nil)
        #expect(try Self.event(#"{"id":"b","scheduledFor":"2026-03-03T09:00:00Z"}"#).toEvent(source: "lp") == nil)
        #expect(try Self.event(#"{"id":"c"}"#).toEvent(source: "lp") == nil)
    }

    @Test("Wrong types read as absent; one bad item does not fail the page")
    func lenientPage() throws {
        let page = try JSONValueDecoder.decode(LeadPingPage<LeadPingEvent>.self, from: Data(#"""
        {"items":[
           {"id":7,"eventType":["x"],"direction":{"a":1},"retryCount":"three","isWarmup":"yes",
            "media":"none","createdAt":"2026-03-01T00:00:00Z"},
           42, "text", null,
           {"id":"ok","createdAt":"2026-03-01T00:00:01Z"}],
         "pageSize":25,"totalCount":"2","continuationToken":""}
        """#.utf8))
        #expect(page.items.map(\.id) == ["7", "ok"])
        #expect(page.unreadableItems == 3)
        #expect(page.pageSize == 25)
        #expect(page.totalCount == 2)
        #expect(page.continuationToken == nil, "an empty token is the last page")
        let odd = page.items[0]
        #expect(odd.eventType == nil)
        #expect(odd.direction == nil)
        #expect(odd.retryCount == nil)
        #expect(odd.isWarmup == nil)
        #expect(odd.media.isEmpty)

        let empty = try JSONValueDecoder.decode(LeadPingPage<LeadPingEvent>.self, from: Data(#"{"items":null,"continuationToken":null}"#.utf8))
        #expect(empty.items.isEmpty)
        #expect(throws: DecodingError.self) {
            try JSONValueDecoder.decode(LeadPingPage<LeadPingEvent>.self, from: Data(#"{"events":[]}"#.utf8))
        }
    }

    static let fullLead = #"""
    {
      "id": "lead_42",
      "metadata": {
        "utmSource": "google", "utmMedium": "cpc", "utmCampaign": "solar-spring", "utmTerm": null,
        "referrer": "https://www.google.com/", "landingPage": "https://acme-solar.example/quote",
        "externalId": "crm-9981", "createdAt": "2026-03-01T10:00:00Z", "price": 12.5,
        "product": "Solar install", "vertical": "Home services", "complianceStatus": "Allowed",
        "complianceBlockedReason": null, "sourceMetadata": {"adGroup": "roof-1"},
        "origin": "Intake API", "isImported": false, "smsConsentStatus": "OptedIn",
        "smsOptedOut": false, "smsOptOutAt": null, "trustedFormUrl": "https://cert.trustedform.com/abc"
      },
      "contact": {
        "firstName": "Dana", "lastName": "Whitfield",
        "streetAddress": {"line1": "12 Orchard Lane", "line2": null, "city": "Fresno", "state": "CA",
                          "postalCode": "93650", "country": "US"},
        "coordinate": {"latitude": 36.8, "longitude": -119.8},
        "timeZoneId": "America/Los_Angeles",
        "phone": {"phoneIdentityId": "pid_1", "number": "+15551230000", "type": "mobile"},
        "email": "dana.whitfield@example.com", "avatarUrl": null
      },
      "phoneIdentity": {"number": "+15551230000", "name": "DANA WHITFIELD", "id": "pid_1",
                        "lookupActions": [], "createdAt": "2026-03-01T10:00:00Z"},
      "customer": {"gender": null, "isHomeowner": true, "creditScore": 720},
      "enabled": true,
      "deletedAt": null,
      "archivedAt": null,
      "archiveReason": null,
      "archiveNote": null,
      "isArchived": false,
      "currentLeadStatus": {"id": "st_3", "category": "Qualified", "outcome": "appointment_set",
                            "displayName": "Appointment set", "changedAt": "2026-03-03T18:25:00Z",
                            "changedByUserId": "usr_5", "changedByAutomationId": null, "source": "User"},
      "processingStatus": "Ready",
      "processingStatusReason": null,
      "processingStatusChangedAt": "2026-03-01T10:00:04Z",
      "tags": [{"id": "t1", "name": "Hot", "normalizedName": "hot", "color": "#ef4444"},
               {"id": "t2", "name": "Spring promo", "normalizedName": "spring promo", "color": null}],
      "createdAt": "2026-03-01T10:00:00Z",
      "modifiedAt": "2026-03-03T18:25:00Z"
    }
    """#

    @Test("GET /leads/{id}: the nested LeadResponse, field by field")
    func leadResponse() throws {
        let lead = try Self.lead(Self.fullLead).toLead(source: "leadping")
        #expect(lead.source == "leadping")
        #expect(lead.id == "lead_42")
        #expect(lead.ref == "leadping:lead_42")
        #expect(lead.name == "Dana Whitfield")
        #expect(lead.phone == "+15551230000")
        #expect(lead.email == "dana.whitfield@example.com")
        #expect(lead.company == nil, "LeadPing's lead has no company")
        #expect(lead.status == Lead.Status(label: "Appointment set", key: "appointment_set"))
        #expect(lead.createdAt == date("2026-03-01T10:00:00Z"))
        #expect(lead.details == [
            Detail("Status category", "Qualified"), Detail("Status changed", "2026-03-03T18:25:00Z"),
            Detail("Status set by", "User"), Detail("Processing", "Ready"),
            Detail("Tags", "Hot, Spring promo"), Detail("Phone type", "mobile"),
            Detail("Address", "12 Orchard Lane, Fresno, CA, 93650, US"),
            Detail("Time zone", "America/Los_Angeles"), Detail("Price", "12.5"),
            Detail("Product", "Solar install"), Detail("Vertical", "Home services"),
            Detail("UTM source", "google"), Detail("UTM medium", "cpc"), Detail("UTM campaign", "solar-spring"),
            Detail("External id", "crm-9981"), Detail("Origin", "Intake API"), Detail("SMS consent", "OptedIn"),
            Detail("Compliance", "Allowed"), Detail("Updated", "2026-03-03T18:25:00Z"),
        ])
        #expect(lead.contactKeys == [.phone("+15551230000"), .email("dana.whitfield@example.com")])
    }

    @Test("POST /leads/all/my: the flat LeadTableRow")
    func leadTableRow() throws {
        let lead = try Self.lead(#"""
        {"id":"lead_43","firstName":"  ","lastName":null,"phone":"+1 (555) 123-0001",
         "email":"sam@example.com","createdAt":"2026-02-01T08:00:00Z","updatedAt":"2026-02-02T08:00:00Z",
         "status":"New","statusTone":"neutral","enabled":false,"archivedAt":"2026-02-03T08:00:00Z",
         "isArchived":true,"archiveReason":2,"currentLeadStatus":null,"processingStatus":"Verifying",
         "processingStatusReason":"Waiting for carrier lookup","price":null,
         "organization":{"id":"org_1","name":"Acme Solar"},"source":{"id":"src_1","name":"Google Ads"},
         "tags":[]}
        """#).toLead(source: "lp")
        #expect(lead.name == "sam@example.com", "a blank name falls back to the email")
        #expect(lead.phone == "+1 (555) 123-0001")
        #expect(lead.status == Lead.Status(label: "New"))
        #expect(lead.createdAt == date("2026-02-01T08:00:00Z"))
        #expect(lead.details == [
            Detail("Processing", "Verifying"), Detail("Processing reason", "Waiting for carrier lookup"),
            Detail("Lead source", "Google Ads"), Detail("Archived", "2026-02-03T08:00:00Z"),
            Detail("Enabled", "no"), Detail("Updated", "2026-02-02T08:00:00Z"),
        ])
    }

    @Test("A lead needs an id; anything else may be missing")
    func leadEdges() throws {
        let bare = try Self.lead(#"{"id":"lead_1","contact":null,"tags":"x","metadata":[]}"#).toLead(source: "lp")
        #expect(bare.name == "lead_1")
        #expect(bare.details.isEmpty)
        #expect(bare.status == nil)
        #expect(throws: DecodingError.self) { try Self.lead(#"{"contact":{"firstName":"Ann"}}"#) }
    }

    @Test("ProblemDetails read as \"title: detail\"", arguments: [
        (#"{"type":"x","title":"Unauthorized","status":401,"detail":"Token expired.","instance":"/leads/1"}"#, "Unauthorized: Token expired."),
        (#"{"title":"Not Found","status":"404"}"#, "Not Found"),
        (#"{"detail":"Only a detail"}"#, "Only a detail"),
        (#"{"title":"Same","detail":"Same"}"#, "Same"),
        (#"{"status":500}"#, nil),
        ("<html>Bad gateway</html>", nil),
        ("", nil),
    ] as [(String, String?)])
    func problem(body: String, expected: String?) {
        #expect(LeadPingProblem.message(from: Data(body.utf8)) == expected)
    }
}
