import Foundation
import Testing
@testable import LeadlineKit

/// Every endpoint answers with exactly the keys and JSON types the vendor documents, compared
/// against the documented payloads in Fixtures/ (or the OpenAPI schema where there is no example).
@Suite("Simulator: documented shapes")
struct SimulatorShapeTests {
    let client = SimClient(SimulatorOptions(seed: 7, leads: 120))

    // MARK: Nexor

    @Test("Nexor GET /leads/{id}: the flat shape for most leads, the wrapped one for some")
    func nexorLead() async throws {
        let flat = try fixtureObject("nexor-get-lead.json"), wrapped = try fixtureObject("nexor-get-lead-wrapped.json")
        var shapes: [String: Int] = [:]
        for person in client.simulator.people.prefix(60) {
            guard let account = person.account(.nexor) else { continue }
            let lead = try await client.object("GET", .nexor, "/leads/\(account.id)")
            let isWrapped = lead["success"] != nil
            shapes[isWrapped ? "wrapped" : "flat", default: 0] += 1
            #expect(shapeDifferences(lead, isWrapped ? wrapped : flat) == [], "lead \(account.id)")
            let body = isWrapped ? lead["lead"] as? [String: Any] : lead
            #expect(body?["id"] as? String == account.id)
            #expect(body?["phone"] as? String == account.phone)
        }
        #expect(shapes["flat", default: 0] > shapes["wrapped", default: 0])
        #expect(shapes["wrapped", default: 0] > 0)
    }

    @Test("Nexor history: envelope, lead and every item type in its documented shape")
    func nexorHistory() async throws {
        let fixture = try fixtureObject("nexor-get-lead-history.json")
        var documented: [String: [String: Any]] = [:]
        for item in try #require(fixture["history"] as? [[String: Any]]) {
            documented[Self.nexorItemKey(item)] = item
        }
        var seen: [String: Int] = [:]
        var meetingSubtypes: [String: Set<String>] = [:]
        for person in client.simulator.people.prefix(50) {
            guard let account = person.account(.nexor) else { continue }
            let page = try await client.object("GET", .nexor, "/leads/\(account.id)/history?limit=200")
            #expect(Set(page.keys) == Set(fixture.keys))
            #expect(shapeDifferences(page["lead"]!, fixture["lead"]!) == [])
            #expect(shapeDifferences(page["pagination"]!, fixture["pagination"]!) == [])
            let items = try #require(page["history"] as? [[String: Any]])
            #expect(items.count == account.eventCount)
            for item in items {
                let key = Self.nexorItemKey(item)
                seen[key, default: 0] += 1
                let model = try #require(documented[key], "no documented item for \(key)")
                #expect(shapeDifferences(item, model) == [], "\(key) \(item["id"] ?? "")")
                if item["type"] as? String == "meeting", let id = item["id"] as? String, let subtype = item["subtype"] as? String {
                    meetingSubtypes[id, default: []].insert(subtype)
                }
            }
        }
        #expect(Set(seen.keys) == Set(documented.keys), "every documented item type occurs")
        #expect(meetingSubtypes.values.contains { $0.contains("booked") && $0.count == 2 }, "a meeting id appears once per subtype")
        #expect(meetingSubtypes.values.allSatisfy { $0.count <= 2 })
    }

    /// Documented items are told apart by type, direction (messages) and subtype (meetings).
    static func nexorItemKey(_ item: [String: Any]) -> String {
        let type = item["type"] as? String ?? "?"
        switch type {
        case "message": return "message/\(item["direction"] as? String ?? "?")"
        case "meeting": return item["subtype"] as? String == "booked" ? "meeting/booked" : "meeting/ended"
        default: return type
        }
    }

    @Test("Nexor GET /leads: flat lead objects and pagination")
    func nexorList() async throws {
        let flat = try fixtureObject("nexor-get-lead.json")
        let page = try await client.object("GET", .nexor, "/leads?limit=20")
        #expect(Set(page.keys) == ["success", "leads", "pagination"])
        let leads = try #require(page["leads"] as? [[String: Any]])
        #expect(leads.count == 20)
        for lead in leads { #expect(shapeDifferences(lead, flat) == []) }
        #expect(page["pagination"] as? NSDictionary == ["limit": 20, "offset": 0, "has_more": true])
    }

    // MARK: LeadPing

    static let leadResponseKeys = [
        "metadata", "contact", "phoneIdentity", "customer", "enabled", "deletedAt", "deletedByUserId", "archivedAt",
        "archivedByUserId", "archiveReason", "archiveNote", "isArchived", "currentLeadStatus", "processingStatus",
        "processingStatusReason", "processingStatusChangedAt", "tags", "id", "createdAt", "modifiedAt",
    ]
    static let leadMetadataKeys = [
        "utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent", "referrer", "landingPage", "subId", "pubId",
        "ipAddress", "userAgent", "externalId", "sellerLeadId", "createdAt", "price", "directPostPrice", "product",
        "vertical", "complianceStatus", "complianceBlockedReason", "sourceMetadata", "origin", "importBatchId", "isImported",
        "assignedPhoneNumberId", "smsConsentStatus", "smsOptedOut", "smsOptOutAt", "smsOptInAt", "smsHelpRequestedAt",
        "smsConsentPhoneNumber", "trustedFormUrl", "trustedFormCheckedAt", "userId", "organizationId",
    ]
    static let leadContactKeys = ["firstName", "lastName", "streetAddress", "coordinate", "timeZoneId", "phone", "email", "avatarUrl"]
    static let leadProfileKeys = [
        "gender", "height", "weight", "birthDate", "maritalStatus", "income", "isHomeowner", "monthsAtResidence",
        "creditScore", "hasBankruptcy", "employmentType", "numberOfDependents", "hasMedicalCondition",
    ]
    static let currentStatusKeys = ["id", "category", "outcome", "displayName", "changedAt", "changedByUserId", "changedByAutomationId", "source"]
    static let leadTableRowKeys = [
        "id", "firstName", "lastName", "phone", "email", "createdAt", "updatedAt", "status", "statusTone", "enabled",
        "archivedAt", "archivedByUserId", "archiveReason", "isArchived", "currentLeadStatus", "processingStatus",
        "processingStatusReason", "processingStatusChangedAt", "price", "organization", "source", "tags",
    ]
    static let smsRowKeys = [
        "id", "conversationId", "lead", "fromPhoneNumberId", "outboundPhoneNumberId", "fromPhoneNumber", "toPhoneNumber",
        "text", "media", "status", "statusReason", "direction", "createdAt", "queuedAt", "scheduledFor", "scheduledReason",
        "sendingStartedAt", "sentAt", "deliveredAt", "failedAt", "undeliverableAt", "receivedAt", "blockedAt", "canceledAt",
        "cancelReason", "errorCode", "errorMessage", "isAutomated", "outboundSource", "trafficType", "billableAmount",
        "billingStatus", "complianceAction", "consoleEntries", "user", "actorUserId", "actorDisplayName", "userName",
        "senderName", "organization", "organizationName",
    ]
    static let callRowKeys = [
        "id", "leadId", "leadName", "organizationId", "userId", "userName", "userEmail", "conversationId",
        "fromPhoneNumberId", "fromPhoneNumber", "toPhoneNumber", "callerId", "status", "statusReason", "direction",
        "createdAt", "answeredAt", "endedAt", "duration", "billableSeconds", "billableAmount", "billingStatus",
        "recordingUrl", "consoleEntries", "user", "organization", "organizationName",
    ]

    @Test("LeadPing POST /events/leads/{leadId}: the envelope and items of the published example")
    func leadPingEvents() async throws {
        let fixture = try fixtureObject("leadping-list-lead-events.json")
        let model = try #require((fixture["items"] as? [[String: Any]])?.first)
        var categories: Set<String> = []
        for person in client.simulator.people.prefix(40) {
            guard let account = person.account(.leadping) else { continue }
            let page = try await client.object("POST", .leadping, "/events/leads/\(account.id)", body: ["pageSize": "100"])
            #expect(Set(page.keys) == Set(fixture.keys))
            #expect(page["pageSize"] as? String == "100")
            #expect(page["totalCount"] is NSNull)
            let items = try #require(page["items"] as? [[String: Any]])
            #expect(items.count == account.eventCount)
            for item in items {
                #expect(shapeDifferences(item, model) == [], "\(item["eventType"] ?? "")")
                #expect(item["leadId"] as? String == account.id)
                categories.insert(item["eventType"] as? String ?? "")
            }
        }
        #expect(categories.isSuperset(of: ["lead.created", "sms.outbound", "sms.inbound", "call.outbound", "call.missed", "note.created", "lead.status_changed"]))
    }

    @Test("LeadPing GET /leads/{id} is a LeadResponse; POST /leads/all/my lists LeadTableRows")
    func leadPingLeads() async throws {
        let person = try client.simulator.firstPerson(in: .leadping)
        let account = try #require(person.account(.leadping))
        let lead = try await client.object("GET", .leadping, "/leads/\(account.id)")
        var differences = keySetDifferences(lead, Self.leadResponseKeys, path: "$")
        differences += keySetDifferences(try #require(lead["metadata"] as? [String: Any]), Self.leadMetadataKeys, path: "$.metadata")
        differences += keySetDifferences(try #require(lead["contact"] as? [String: Any]), Self.leadContactKeys, path: "$.contact")
        differences += keySetDifferences(try #require(lead["customer"] as? [String: Any]), Self.leadProfileKeys, path: "$.customer")
        if let status = lead["currentLeadStatus"] as? [String: Any] {
            differences += keySetDifferences(status, Self.currentStatusKeys, path: "$.currentLeadStatus")
        }
        #expect(differences == [])
        let contact = try #require(lead["contact"] as? [String: Any])
        #expect((contact["phone"] as? [String: Any])?["number"] as? String == account.phone)

        let page = try await client.object("POST", .leadping, "/leads/all/my", body: ["pageSize": 25])
        #expect(Set(page.keys) == ["items", "pageSize", "totalCount", "continuationToken"])
        let rows = try #require(page["items"] as? [[String: Any]])
        #expect(rows.count == 25)
        for row in rows { #expect(keySetDifferences(row, Self.leadTableRowKeys, path: "$") == []) }
        #expect(page["pageSize"] as? String == "25")
    }

    @Test("LeadPing call and SMS rows carry the recording, durations and text, under the event's id")
    func leadPingCallsAndSMS() async throws {
        var sawRecording = false, sawText = false
        for person in client.simulator.people.prefix(30) {
            guard let account = person.account(.leadping) else { continue }
            let events = try #require(try await client.object("POST", .leadping, "/events/leads/\(account.id)", body: ["pageSize": 100])["items"] as? [[String: Any]])
            let calls = try #require(try await client.object("POST", .leadping, "/events/calls/lead/\(account.id)", body: ["pageSize": 100])["items"] as? [[String: Any]])
            let sms = try #require(try await client.object("POST", .leadping, "/events/sms/lead/\(account.id)", body: ["pageSize": 100])["items"] as? [[String: Any]])
            #expect(calls.count == events.filter { $0["eventCategory"] as? String == "Call" }.count)
            #expect(sms.count == events.filter { $0["eventCategory"] as? String == "Sms" }.count)
            for row in calls {
                #expect(keySetDifferences(row, Self.callRowKeys, path: "$") == [])
                let single = try await client.object("GET", .leadping, "/events/calls/\(row["id"] as! String)")
                #expect(single as NSDictionary == row as NSDictionary)
                sawRecording = sawRecording || row["recordingUrl"] is String
            }
            for row in sms {
                #expect(keySetDifferences(row, Self.smsRowKeys, path: "$") == [])
                let event = try #require(events.first { $0["id"] as? String == row["id"] as? String })
                #expect(event["summary"] as? String == row["text"] as? String)
                sawText = sawText || !(row["text"] as? String ?? "").isEmpty
            }
        }
        #expect(sawRecording && sawText)
    }

    // MARK: NLPearl

    @Test("NLPearl Get Lead, Get Call (v1 and v2) and the lead search")
    func nlpearl() async throws {
        let fixture = try fixtureObject("nlpearl-get-outbound-lead.json")
        let person = try client.simulator.firstPerson(in: .nlpearl)
        let account = try #require(person.account(.nlpearl))
        let outbound = try #require(account.outboundID)
        let lead = try await client.object("GET", .nlpearl, "/v1/Outbound/\(outbound)/Lead/\(account.id)")
        #expect(shapeDifferences(lead, fixture, anyTyped: ["value"]) == [])
        let calls = try #require(lead["callsId"] as? [String])
        #expect(calls.count == account.eventCount)
        #expect((lead["lastCall"] as? [String: Any])?["id"] as? String == calls.last)

        let callKeys = ["id", "startTime", "conversationStatus", "status", "from", "to", "duration", "recording",
                        "transcript", "summary", "collectedInfo", "tags", "overallSentiment"]
        var longest = 0
        for id in calls {
            let call = try await client.object("GET", .nlpearl, "/v1/Call/\(id)")
            #expect(keySetDifferences(call, callKeys, path: "$") == [])
            let transcript = try #require(call["transcript"] as? [[String: Any]])
            for turn in transcript { #expect(Set(turn.keys) == ["role", "content", "startTime", "endTime"]) }
            for info in try #require(call["collectedInfo"] as? [[String: Any]]) { #expect(Set(info.keys) == ["id", "name", "value"]) }
            #expect((3...8).contains(call["status"] as? Int ?? 0))
            longest = max(longest, transcript.count)
            let v2 = try await client.send("GET", .nlpearl, "/v2/Call/\(id)")
            #expect(try jsonObject(v2.body) as NSDictionary == call as NSDictionary)
        }
        #expect(longest >= 24, "answered calls have dozens of turns")

        let search = try await client.object("POST", .nlpearl, "/v1/Outbound/\(outbound)/Leads", body: ["skip": 0, "limit": 5])
        #expect(Set(search.keys) == ["count", "results"])
        for result in try #require(search["results"] as? [[String: Any]]) {
            #expect(Set(result.keys) == ["id", "externalId", "phoneNumber", "timeZone", "status", "created", "callData"])
        }
        let byPhone = try await client.object("GET", .nlpearl, "/v1/Outbound/\(outbound)/Lead/PhoneNumber/\(account.phone)")
        #expect(byPhone["id"] as? String == account.id)
        let external = try #require(lead["externalId"] as? String)
        let byExternal = try await client.object("GET", .nlpearl, "/v1/Outbound/\(outbound)/Lead/External/\(external)")
        #expect(byExternal["id"] as? String == account.id)
    }

    // MARK: Liveforce

    @Test("Liveforce summary: JSON documents inside strings, zone-less date, the list's items")
    func liveforce() async throws {
        let fixture = try fixtureObject("liveforce-leads-summary.json")
        let fixtureData = try #require(fixture["data"] as? [String: Any])
        let fixtureAnalytics = try #require(fixtureData["analytics"] as? [String: Any])
        let fixtureChat = try #require(try JSONSerialization.jsonObject(with: Data((fixtureAnalytics["chat"] as! String).utf8)) as? [[String: Any]])
        var kinds: Set<String> = []
        for person in client.simulator.people.prefix(40) {
            guard let account = person.account(.liveforce) else { continue }
            let summary = try await client.object("GET", .liveforce, "/leads/summary/\(account.id)")
            #expect(shapeDifferences(summary, fixture) == [])
            let data = try #require(summary["data"] as? [String: Any])
            #expect((data["date"] as? String)?.wholeMatch(of: /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/) != nil)
            #expect(data["phonenumber"] as? String == account.phone)
            let analytics = try #require(data["analytics"] as? [String: Any])
            let geo = try jsonObject(Data((analytics["analytics"] as! String).utf8))
            #expect(shapeDifferences(geo, try jsonObject(Data((fixtureAnalytics["analytics"] as! String).utf8))) == [])
            let chat = try #require(try JSONSerialization.jsonObject(with: Data((analytics["chat"] as! String).utf8)) as? [[String: Any]])
            #expect(chat.count == account.eventCount)
            for item in chat {
                let model = item["type"] as? String == "system_message" ? fixtureChat[3] : item["custom_id"] == nil ? fixtureChat[0] : fixtureChat[1]
                kinds.insert("\(item["type"] ?? "")/\(item["custom_id"] == nil)")
                // text_vars holds the variables of the system message's own text.
                #expect(shapeDifferences(item, model, freeForm: ["text_vars"]) == [])
            }
        }
        #expect(kinds == ["message/true", "message/false", "system_message/true"])

        let list = try await client.object("GET", .liveforce, "/leads?page=1&per_page=5")
        #expect(Set(list.keys) == ["data", "message"])
        #expect(list["message"] as? String == "success")
        for item in try #require(list["data"] as? [[String: Any]]) { #expect(Set(item.keys) == Set(fixtureData.keys)) }
    }

    // MARK: Errors

    @Test("401 without or with a wrong credential, in each vendor's shape", arguments: SourceKind.allCases)
    func unauthorized(kind: SourceKind) async throws {
        let paths: [SourceKind: (String, String)] = [
            .nexor: ("GET", "/leads"), .leadping: ("POST", "/leads/all/my"),
            .nlpearl: ("GET", "/v1/Call/abc"), .liveforce: ("GET", "/leads"),
        ]
        let (method, path) = paths[kind]!
        let wrong: [String: String] = switch kind {
        case .nexor: ["X-API-Key": "nxr_live_wrong"]
        case .leadping: ["Authorization": "Bearer sim-secretx"]
        case .nlpearl: ["Authorization": "Bearer sim-account:nope"]
        case .liveforce: ["Authorization": "Basic " + Data("sim-client:nope".utf8).base64EncodedString()]
        }
        for request in [client.request(method, kind, path, body: [:], authorized: false),
                        client.request(method, kind, path, body: [:], authorized: false, headers: wrong)] {
            let response = try await client.send(request)
            #expect(response.status == 401)
            let body = try jsonObject(response.body)
            switch kind {
            case .nexor:
                #expect(Set(body.keys) == ["error", "message"])
                #expect(["Missing API key", "Invalid API key"].contains(body["error"] as? String ?? ""))
            case .leadping:
                #expect(Set(body.keys) == ["type", "title", "status", "detail", "instance"])
                #expect(body["status"] as? Int == 401)
                #expect(response.header("Content-Type")?.hasPrefix("application/problem+json") == true)
            case .nlpearl:
                #expect(Set(body.keys) == ["title", "status", "detail"])
            case .liveforce:
                #expect(Set(body.keys) == ["message", "code"])
            }
        }
    }

    @Test("404 for unknown ids and paths, in each vendor's shape")
    func notFound() async throws {
        let nexor = try await client.send("GET", .nexor, "/leads/123e4567-e89b-12d3-a456-426614174000")
        #expect(nexor.status == 404)
        let documented = try fixtureObject("nexor-lead-not-found.json") as NSDictionary
        #expect(try jsonObject(nexor.body) as NSDictionary == documented)
        #expect(try await client.send("GET", .nexor, "/leads/x/history").status == 404)
        #expect(try jsonObject(try await client.send("GET", .nexor, "/nope").body)["error"] is String)

        let leadPing = try await client.send("POST", .leadping, "/events/leads/nope", body: [:])
        #expect(leadPing.status == 404)
        #expect(try jsonObject(leadPing.body)["instance"] as? String == "/events/leads/nope")
        #expect(try await client.send("GET", .leadping, "/leads/nope").status == 404)

        let outbound = client.simulator.outboundIDs[0]
        for path in ["/v1/Outbound/\(outbound)/Lead/000000000000000000000000", "/v1/Call/000000000000000000000000",
                     "/v1/Outbound/ffffffffffffffffffffffff/Lead/x", "/v1/Outbound/\(outbound)/Lead/PhoneNumber/+10000000000"] {
            let response = try await client.send("GET", .nlpearl, path)
            #expect(response.status == 404, "\(path)")
            #expect(try jsonObject(response.body)["status"] as? Int == 404)
        }
        let liveforce = try await client.send("GET", .liveforce, "/leads/summary/999999")
        #expect(liveforce.status == 404)
        #expect(try jsonObject(liveforce.body)["code"] as? Int == 4004)

        let wrongMethod = try await client.send("GET", .leadping, "/leads/all/my")
        #expect(wrongMethod.status == 405)
        let nowhere = try await client.send("GET", nil, "/elsewhere/leads")
        #expect(nowhere.status == 404)
    }

    @Test("A lead only exists at the vendors that know the person")
    func membership() async throws {
        let person = try #require(client.simulator.people.first { $0.accounts.count < 4 })
        let missing = try #require(SourceKind.allCases.first { person.account($0) == nil })
        let present = try #require(person.accounts.first)
        // Another vendor's id format, or the same id number at a vendor the person is not in.
        let id = missing == .liveforce ? String(person.index + 1) : SimWorld(options: client.simulator.options).leadID(person.index, missing)
        let path = switch missing {
        case .nexor: "/leads/\(id)"
        case .leadping: "/leads/\(id)"
        case .nlpearl: "/v1/Outbound/\(client.simulator.outboundIDs[0])/Lead/\(id)"
        case .liveforce: "/leads/summary/\(id)"
        }
        #expect(try await client.send("GET", missing, path).status == 404)
        #expect(present.kind != missing)
    }
}
