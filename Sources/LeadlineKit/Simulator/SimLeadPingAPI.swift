import Foundation

/// LeadPing's endpoints (api-docs/leadping-list-lead-events.txt and leadping-openapi/*.yml).
///
/// Auth is `Authorization: Bearer <token>`; every error is a ProblemDetails document. Lists are
/// POSTs of `RequestDataOptions` answered `{items, pageSize, totalCount, continuationToken}` with
/// numbers as strings, as leadping-list-lead-events.txt publishes them. Continuation tokens are
/// opaque (base64 of a Cosmos-style cursor) and bound to the query that produced them.
struct SimLeadPingAPI: SimVendorAPI {
    let world: SimWorld

    static let routes = [
        SimRoute("POST", "events/leads/{leadId}"),
        SimRoute("GET", "leads/{id}"),
        SimRoute("POST", "leads/all/my"),
        SimRoute("GET", "events/calls/{callEventId}"),
        SimRoute("POST", "events/calls/lead/{leadId}"),
        SimRoute("GET", "events/sms/{smsEventId}"),
        SimRoute("POST", "events/sms/lead/{leadId}"),
    ]
    /// LeadPing publishes no page-size limits; these are the simulator's.
    static let defaultPageSize = 50
    static let maxPageSize = 100

    func unauthorized(_ request: SimRequest) -> HTTPResponse? {
        guard let token = request.authorization(scheme: "Bearer"), !token.isEmpty else {
            return problem(401, "Unauthorized", "Authentication credentials are missing. Send Authorization: Bearer <token>.", request)
        }
        guard token == Simulator.secret else {
            return problem(401, "Unauthorized", "The access token or API key is invalid or expired.", request)
        }
        return nil
    }

    func error(status: Int, message: String, request: SimRequest) -> HTTPResponse {
        let title: String
        switch status {
        case 404: title = "Not Found"
        case 405: title = "Method Not Allowed"
        case 429: title = "Too Many Requests"
        case 500...: title = "Internal Server Error"
        default: title = "Bad Request"
        }
        return problem(status, title, message, request)
    }

    /// RFC 9457 ProblemDetails, the shape of every LeadPing error.
    func problem(_ status: Int, _ title: String, _ detail: String, _ request: SimRequest) -> HTTPResponse {
        let section: [Int: String] = [400: "15.5.1", 401: "15.5.2", 404: "15.5.5", 405: "15.5.6", 429: "6.1", 500: "15.6.1"]
        let type = status == 429 ? "https://datatracker.ietf.org/doc/html/rfc6585#section-4"
            : "https://tools.ietf.org/html/rfc9110#section-\(section[status] ?? "15")"
        return SimJSON.response(status, .object([
            "type": .string(type), "title": .string(title), "status": .integer(Int64(status)),
            "detail": .string(detail), "instance": .string(request.path),
        ]), contentType: "application/problem+json; charset=utf-8")
    }

    func respond(to route: SimRoute, parameters: [String: String], request: SimRequest) -> HTTPResponse {
        switch route.template {
        case "POST /leads/all/my":
            return leadList(request, route: route)
        case "GET /leads/{id}":
            guard let index = world.index(ofLead: parameters["id"] ?? "", .leadping) else {
                return problem(404, "Not Found", "Lead '\(parameters["id"] ?? "")' was not found.", request)
            }
            return SimJSON.response(200, lead(world.person(index)))
        case "GET /events/calls/{callEventId}", "GET /events/sms/{smsEventId}":
            let wantsCall = route.pattern[1] == "calls"
            let id = parameters["callEventId"] ?? parameters["smsEventId"] ?? ""
            guard let (index, slot) = world.unpack(world.leadPingEventIDs.number(fromObjectID: id), .leadping) else {
                return problem(404, "Not Found", "Event '\(id)' was not found.", request)
            }
            let journey = SimLeadPingJourney(world: world, person: world.person(index))
            guard let row = wantsCall ? journey.call(at: slot) : journey.sms(at: slot) else {
                return problem(404, "Not Found", "Event '\(id)' is not \(wantsCall ? "a call" : "an SMS").", request)
            }
            return SimJSON.response(200, row)
        default:
            let leadID = parameters["leadId"] ?? ""
            guard let index = world.index(ofLead: leadID, .leadping) else {
                return problem(404, "Not Found", "Lead '\(leadID)' was not found.", request)
            }
            return events(SimLeadPingJourney(world: world, person: world.person(index)), route: route, request: request)
        }
    }

    // MARK: RequestDataOptions

    /// A request refused before any work, carrying the answer to send.
    struct Rejection: Error {
        let response: HTTPResponse
    }

    /// A parsed `RequestDataOptions` body.
    struct Options {
        var pageSize: Int
        var offset = 0
        /// Nil when the client gave no `createdAt` order.
        var descending: Bool?
        var search: String?
        var searchFields: [String] = []
        var filters: [(field: String, value: JSONValue)] = []
        var ranges: [(field: String, bounds: JSONValue)] = []
        var includeCount = false
        /// What a continuation token is bound to.
        var scope: UInt64 = 0
    }

    private func options(_ request: SimRequest, scope: String) -> Result<Options, Rejection> {
        guard let body = request.jsonBody, case .object = body else {
            return .failure(Rejection(response: problem(400, "Bad Request", "The request body must be a JSON RequestDataOptions object.", request)))
        }
        var asked: Int?
        if let value = body["pageSize"], value != .null {
            guard let size = SimJSON.integer(value) else {
                return .failure(Rejection(response: problem(400, "Bad Request", "pageSize must be an integer (got \(value.compactJSON)).", request)))
            }
            asked = size > 0 ? size : nil
        }
        var options = Options(pageSize: SimJSON.pageSize(asked: asked, defaultSize: Self.defaultPageSize, maximum: Self.maxPageSize, cap: world.pageCap))
        if case .array(let orders)? = body["orderBy"] {
            for order in orders where order["field"]?.stringValue?.lowercased() == "createdat" {
                options.descending = order["direction"]?.stringValue?.lowercased() == "desc"
                break
            }
        }
        if let search = body["search"]?.stringValue?.trimmingCharacters(in: .whitespaces), !search.isEmpty {
            options.search = search
        }
        if case .array(let fields)? = body["searchFields"] {
            options.searchFields = fields.compactMap(\.stringValue)
        }
        if case .array(let filters)? = body["filters"] {
            options.filters = filters.compactMap { filter in filter["field"]?.stringValue.map { ($0, filter["value"] ?? .null) } }
        }
        if case .array(let ranges)? = body["rangeFilters"] {
            options.ranges = ranges.compactMap { range in range["field"]?.stringValue.map { ($0, range) } }
        }
        options.includeCount = body["includeCount"] == .bool(true)
        let order = options.descending.map { $0 ? "desc" : "asc" } ?? "default"
        let key = [scope, order, options.search ?? "", options.searchFields.joined(separator: ","),
                   body["filters"]?.compactJSON ?? "", body["rangeFilters"]?.compactJSON ?? ""].joined(separator: "\u{1F}")
        options.scope = SimRandom.hash(Array(key.utf8).map(UInt64.init))
        if let token = body["continuationToken"]?.stringValue, !token.isEmpty {
            guard let offset = offset(fromToken: token, scope: options.scope) else {
                return .failure(Rejection(response: problem(400, "Bad Request", "The continuation token is invalid or belongs to a different query.", request)))
            }
            options.offset = offset
        }
        return .success(options)
    }

    /// An opaque token for the page starting at `offset`: base64 of a Cosmos-style cursor whose
    /// check value binds it to the query and the simulator's seed.
    func token(offset: Int, scope: UInt64) -> String {
        let check = SimID.hex(SimRandom.hash(world.seed, SimSalt.token.rawValue, scope, UInt64(offset)), digits: 16)
        let cursor = "+RID:~\(check)#RT:\(offset / 10 + 1)#TRC:\(offset)#ISV:2#IEO:65567#QCF:8"
        return Data(cursor.utf8).base64EncodedString()
    }

    func offset(fromToken token: String, scope: UInt64) -> Int? {
        guard let data = Data(base64Encoded: token), let cursor = String(data: data, encoding: .utf8) else { return nil }
        let fields = cursor.split(separator: "#")
        guard let offsetField = fields.first(where: { $0.hasPrefix("TRC:") }), let offset = Int(offsetField.dropFirst(4)),
              offset >= 0, token == self.token(offset: offset, scope: scope) else { return nil }
        return offset
    }

    /// Whether `item` passes the options' search, filters and ranges.
    private func passes(_ item: JSONValue, _ options: Options, defaultFields: [String]) -> Bool {
        if let search = options.search {
            let fields = options.searchFields.isEmpty ? defaultFields : options.searchFields
            let phones = fields.filter { $0.lowercased().contains("phone") }.compactMap { item[$0]?.stringValue }
            let texts = fields.map { item[$0]?.displayText }
            guard SimJSON.matches(search, texts: texts, phone: phones.first) ||
                  phones.dropFirst().contains(where: { SimJSON.matches(search, texts: [], phone: $0) }) else { return false }
        }
        for filter in options.filters {
            guard let value = item[filter.field], value == filter.value || value.displayText == filter.value.displayText else { return false }
        }
        for range in options.ranges {
            guard let value = item[range.field], value != .null else { return false }
            let checks: [(String, (Int) -> Bool)] = [
                ("greaterThan", { $0 > 0 }), ("greaterThanOrEqual", { $0 >= 0 }), ("lessThan", { $0 < 0 }), ("lessThanOrEqual", { $0 <= 0 }),
            ]
            for (bound, accepts) in checks {
                guard let limit = range.bounds[bound], limit != .null else { continue }
                guard let order = Self.compare(value, limit), accepts(order) else { return false }
            }
        }
        return true
    }

    /// -1, 0 or 1 for numbers, and for strings (ISO timestamps sort as text); nil when the two
    /// cannot be compared.
    private static func compare(_ left: JSONValue, _ right: JSONValue) -> Int? {
        func number(_ value: JSONValue) -> Double? {
            switch value {
            case .integer(let number): Double(number)
            case .number(let number): number
            case .string(let text): Double(text)
            default: nil
            }
        }
        if case .string(let a) = left, case .string(let b) = right, Double(a) == nil || Double(b) == nil {
            return a < b ? -1 : a == b ? 0 : 1
        }
        guard let a = number(left), let b = number(right) else { return nil }
        return a < b ? -1 : a == b ? 0 : 1
    }

    /// One page of `candidates` (already in order) as `{items, pageSize, totalCount, continuationToken}`.
    private func page(
        _ candidates: [Int], options: Options, defaultFields: [String], item: (Int) -> JSONValue?
    ) -> HTTPResponse {
        var items: [JSONValue] = []
        var total: Int
        var hasMore: Bool
        if options.search != nil || !options.filters.isEmpty || !options.ranges.isEmpty {
            var matched = 0
            hasMore = false
            for candidate in candidates {
                guard let built = item(candidate), passes(built, options, defaultFields: defaultFields) else { continue }
                defer { matched += 1 }
                guard matched >= options.offset else { continue }
                if items.count == options.pageSize {
                    hasMore = true
                    if !options.includeCount { break }
                    continue
                }
                items.append(built)
            }
            total = matched
        } else {
            let end = min(options.offset + options.pageSize, candidates.count)
            if options.offset < end { items = candidates[options.offset..<end].compactMap(item) }
            hasMore = end < candidates.count
            total = candidates.count
        }
        return SimJSON.response(200, .object([
            "items": .array(items),
            "pageSize": .string(String(options.pageSize)),
            "totalCount": options.includeCount ? .string(String(total)) : .null,
            "continuationToken": hasMore ? .string(token(offset: options.offset + items.count, scope: options.scope)) : .null,
        ]))
    }

    // MARK: Endpoints

    /// A lead's events (or only its calls or SMS); newest first unless `orderBy` says otherwise.
    private func events(_ journey: SimLeadPingJourney, route: SimRoute, request: SimRequest) -> HTTPResponse {
        let options: Options
        switch self.options(request, scope: route.template + journey.leadID) {
        case .success(let parsed): options = parsed
        case .failure(let rejection): return rejection.response
        }
        var slots = Array(0..<journey.count)
        if options.descending ?? true { slots.reverse() }
        switch route.pattern[1] {
        case "calls":
            slots = slots.filter { journey.kind(at: $0).isCall }
            return page(slots, options: options, defaultFields: ["statusReason", "leadName"], item: journey.call(at:))
        case "sms":
            slots = slots.filter { journey.kind(at: $0).isSMS }
            return page(slots, options: options, defaultFields: ["text"], item: journey.sms(at:))
        default:
            return page(slots, options: options, defaultFields: ["summary", "description"], item: journey.event(at:))
        }
    }

    /// `POST /leads/all/my`: LeadTableRow items, newest lead first unless `orderBy` says otherwise.
    private func leadList(_ request: SimRequest, route: SimRoute) -> HTTPResponse {
        var options: Options
        switch self.options(request, scope: route.template) {
        case .success(let parsed): options = parsed
        case .failure(let rejection): return rejection.response
        }
        var members = world.members[SimWorld.ordinal(.leadping)].map(Int.init)
        if options.descending ?? true { members.reverse() }
        // Search by the person's own fields first: far cheaper than building every row.
        if let search = options.search {
            let fields = Set((options.searchFields.isEmpty ? ["firstName", "lastName", "email", "phone"] : options.searchFields).map { $0.lowercased() })
            members = members.filter { index in
                let person = world.person(index)
                let phone = world.phone(person, for: .leadping)
                let texts: [String?] = [
                    fields.contains("firstname") ? person.firstName : nil,
                    fields.contains("lastname") ? person.lastName : nil,
                    fields.contains("email") ? world.email(person, for: .leadping) : nil,
                    fields.contains("phone") ? phone : nil,
                    fields.contains("firstname") && fields.contains("lastname") ? person.fullName : nil,
                ]
                return SimJSON.matches(search, texts: texts, phone: fields.contains("phone") ? phone : nil)
            }
            options.search = nil
        }
        return page(members, options: options, defaultFields: []) { leadRow(world.person($0)) }
    }

    // MARK: Lead shapes

    private struct Facts {
        let journey: SimLeadPingJourney
        let stage: (name: String, tone: String, category: String)
        let archived: Bool
        let changedAt: Int64
        let modifiedAt: Int64
        let source: (id: String, name: String)
        let tags: [JSONValue]
        let price: Double?
    }

    private func facts(_ person: SimPerson) -> Facts {
        let journey = SimLeadPingJourney(world: world, person: person)
        var random = SimRandom(world.seed, SimSalt.leadPingLeadID.rawValue, UInt64(person.index))
        let lastSlot = max(journey.count - 1, 0)
        var changedAt = journey.time(0)
        for slot in stride(from: lastSlot, to: 0, by: -1) where journey.path.count > 1 {
            if case .statusChanged = journey.kind(at: slot) { changedAt = journey.time(slot); break }
            if lastSlot - slot > 200 { break }
        }
        let sources = [("Facebook Lead Ads", 1), ("Website form", 2), ("Zapier", 3), ("CSV import", 4)]
        let source = random.pick(sources)
        let tagNames = ["Hot", "Callback", "Spanish speaker", "Referral", "Do not call before 10am"].filter { _ in random.chance(0.25) }
        return Facts(
            journey: journey, stage: SimLeadPingJourney.stages[journey.currentStage],
            archived: journey.currentStage == 5 && random.chance(0.5), changedAt: changedAt,
            modifiedAt: journey.time(lastSlot),
            source: ("src_" + SimID.hex(SimRandom.hash(world.seed, 77, UInt64(source.1)), digits: 12), source.0),
            tags: tagNames.map { name in
                .object([
                    "id": .string("tag_" + SimID.hex(SimRandom.hash(world.seed, 78, UInt64(name.utf8.count)), digits: 10)),
                    "name": .string(name), "normalizedName": .string(name.lowercased()),
                    "color": .string(["#ef4444", "#f59e0b", "#3b82f6", "#10b981", "#6b7280"][name.utf8.count % 5]),
                ])
            },
            price: random.chance(0.4) ? Double(random.int(5...80)) : nil)
    }

    private func currentStatus(_ person: SimPerson, _ facts: Facts) -> JSONValue {
        guard facts.journey.currentStage > 0 else { return .null }
        return .object([
            "id": .string("lst_" + SimID.hex(SimRandom.hash(world.seed, 79, UInt64(facts.journey.currentStage)), digits: 10)),
            "category": .string(facts.stage.category),
            "outcome": .string(facts.stage.name),
            "displayName": .string(facts.stage.name),
            "changedAt": SimJSON.time(facts.changedAt),
            "changedByUserId": .string(person.agent.id),
            "changedByAutomationId": .null,
            "source": .string("User"),
        ])
    }

    /// `LeadTableRow` (leads.yml), the items of `POST /leads/all/my`.
    func leadRow(_ person: SimPerson) -> JSONValue {
        let facts = facts(person)
        return .object([
            "id": .string(world.leadID(person.index, .leadping)),
            "firstName": .string(person.firstName),
            "lastName": SimJSON.string(person.lastName.isEmpty ? nil : person.lastName),
            "phone": .string(world.phone(person, for: .leadping)),
            "email": .string(world.email(person, for: .leadping)),
            "createdAt": SimJSON.time(world.accountCreated(person.index, .leadping)),
            "updatedAt": SimJSON.time(facts.modifiedAt),
            "status": .string(facts.stage.name),
            "statusTone": .string(facts.stage.tone),
            "enabled": .bool(!facts.archived),
            "archivedAt": facts.archived ? SimJSON.time(facts.changedAt + 3600) : .null,
            "archivedByUserId": facts.archived ? .string(person.agent.id) : .null,
            "archiveReason": facts.archived ? .integer(2) : .null,
            "isArchived": .bool(facts.archived),
            "currentLeadStatus": currentStatus(person, facts),
            "processingStatus": .string("Ready"),
            "processingStatusReason": .null,
            "processingStatusChangedAt": SimJSON.time(world.accountCreated(person.index, .leadping) + 4),
            "price": facts.price.map(JSONValue.number) ?? .null,
            "organization": .object(["id": .string(SimLeadPingJourney.organizationID), "name": .string(SimLeadPingJourney.organizationName)]),
            "source": .object(["id": .string(facts.source.id), "name": .string(facts.source.name)]),
            "tags": .array(facts.tags),
        ])
    }

    /// `LeadResponse` (leads.yml), the answer of `GET /leads/{id}`.
    func lead(_ person: SimPerson) -> JSONValue {
        let facts = facts(person)
        let created = world.accountCreated(person.index, .leadping)
        var random = SimRandom(world.seed, SimSalt.leadPingLeadID.rawValue, UInt64(person.index), 2)
        let locale = person.locale
        let metadata: [String: JSONValue] = [
            "utmSource": .string(random.pick(["facebook", "google", "newsletter"])),
            "utmMedium": .string(random.pick(["cpc", "social", "email"])),
            "utmCampaign": .string(random.pick(["spring_promo", "retargeting_q1", "brand"])),
            "utmTerm": .null, "utmContent": .null,
            "referrer": .string("https://www.example.com/"),
            "landingPage": .string("https://offers.example.com/\(locale.countryISO.lowercased())/quote"),
            "subId": .null, "pubId": .null,
            "ipAddress": .string("203.0.113.\(random.int(1...254))"),
            "userAgent": .string("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"),
            "externalId": .null, "sellerLeadId": .null,
            "createdAt": SimJSON.time(created),
            "price": facts.price.map(JSONValue.number) ?? .null, "directPostPrice": .null,
            "product": .string(random.pick(["Annual plan", "Starter", "Enterprise"])),
            "vertical": .string(random.pick(["SaaS", "Real estate", "Insurance"])),
            "complianceStatus": .string("Compliant"), "complianceBlockedReason": .null,
            "sourceMetadata": .object(["form": .string("quote-request"), "locale": .string(locale.code)]),
            "origin": .string(facts.source.name), "importBatchId": .null,
            "isImported": .bool(facts.source.name == "CSV import"),
            "assignedPhoneNumberId": .null,
            "smsConsentStatus": .string("OptedIn"), "smsOptedOut": .bool(false), "smsOptOutAt": .null,
            "smsOptInAt": SimJSON.time(created), "smsHelpRequestedAt": .null,
            "smsConsentPhoneNumber": .string(person.e164),
            "trustedFormUrl": .string("https://cert.trustedform.example/\(random.hex(40))"),
            "trustedFormCheckedAt": SimJSON.time(created + 30),
            "userId": .string(person.agent.id), "organizationId": .string(SimLeadPingJourney.organizationID),
        ]
        let contact: [String: JSONValue] = [
            "firstName": .string(person.firstName),
            "lastName": SimJSON.string(person.lastName.isEmpty ? nil : person.lastName),
            "streetAddress": .object([
                "line1": .string("\(random.int(1...2_999)) \(locale.street)"),
                "line2": .null, "city": .string(locale.city), "state": .string(locale.region), "province": .null,
                "region": .null, "postalCode": .string(String(random.int(10_000...99_999))),
                "country": .string(locale.countryISO), "additionalInfo": .null,
            ]),
            "coordinate": .null,
            "timeZoneId": .string(locale.timeZoneID),
            "phone": .object(["phoneIdentityId": .string("pid_" + random.hex(12)), "number": .string(world.phone(person, for: .leadping)), "type": .string("Mobile")]),
            "email": .string(world.email(person, for: .leadping)),
            "avatarUrl": .null,
        ]
        let customer: [String: JSONValue] = [
            "gender": .null, "height": .null, "weight": .null, "birthDate": .null, "maritalStatus": .null,
            "income": .null, "isHomeowner": random.chance(0.3) ? .bool(random.chance(0.5)) : .null,
            "monthsAtResidence": .null, "creditScore": .null, "hasBankruptcy": .null,
            "employmentType": random.chance(0.4) ? .string(random.pick(["Employed", "SelfEmployed", "Contractor"])) : .null,
            "numberOfDependents": .null, "hasMedicalCondition": .null,
        ]
        return .object([
            "metadata": .object(metadata),
            "contact": .object(contact),
            "phoneIdentity": .null,
            "customer": .object(customer),
            "enabled": .bool(!facts.archived),
            "deletedAt": .null,
            "deletedByUserId": .null,
            "archivedAt": facts.archived ? SimJSON.time(facts.changedAt + 3600) : .null,
            "archivedByUserId": facts.archived ? .string(person.agent.id) : .null,
            "archiveReason": facts.archived ? .integer(2) : .null,
            "archiveNote": facts.archived ? .string("Not interested after follow-up") : .null,
            "isArchived": .bool(facts.archived),
            "currentLeadStatus": currentStatus(person, facts),
            "processingStatus": .string("Ready"),
            "processingStatusReason": .null,
            "processingStatusChangedAt": SimJSON.time(created + 4),
            "tags": .array(facts.tags),
            "id": .string(world.leadID(person.index, .leadping)),
            "createdAt": SimJSON.time(created),
            "modifiedAt": SimJSON.time(facts.modifiedAt),
        ])
    }
}
