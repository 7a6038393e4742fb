import Foundation

/// Nexor's endpoints (api-docs/nexor-get-lead.txt, nexor-get-lead-history.txt, README "Nexor").
///
/// Auth is `X-API-Key`. `GET /leads` is undocumented; it mirrors history as the README assumes.
/// Lists are newest lead first.
struct SimNexorAPI: SimVendorAPI {
    let world: SimWorld

    static let routes = [
        SimRoute("GET", "leads"),
        SimRoute("GET", "leads/{id}"),
        SimRoute("GET", "leads/{id}/history"),
    ]
    static let maxLimit = 200
    static let defaultLimit = 50

    func unauthorized(_ request: SimRequest) -> HTTPResponse? {
        guard let key = request.headers["x-api-key"]?.trimmingCharacters(in: .whitespaces), !key.isEmpty else {
            return SimJSON.response(401, .object([
                "error": .string("Missing API key"),
                "message": .string("Send your API key in the X-API-Key header"),
            ]))
        }
        guard key == Simulator.secret else {
            return SimJSON.response(401, .object([
                "error": .string("Invalid API key"),
                "message": .string("The API key is invalid or has been revoked"),
            ]))
        }
        return nil
    }

    func error(status: Int, message: String, request: SimRequest) -> HTTPResponse {
        switch status {
        case 429: SimJSON.response(429, .object(["error": .string("Too many requests"), "message": .string(message)]))
        case 500...: SimJSON.response(status, .object(["error": .string("Internal server error")]))
        default: SimJSON.response(status, .object(["error": .string(message)]))
        }
    }

    func respond(to route: SimRoute, parameters: [String: String], request: SimRequest) -> HTTPResponse {
        if route.pattern == ["leads"] { return leadList(request) }
        guard let id = parameters["id"], let index = world.index(ofLead: id, .nexor) else {
            return SimJSON.response(404, .object(["error": .string("Lead not found")]))
        }
        let person = world.person(index)
        if route.pattern.count == 3 { return history(person, request: request) }
        return SimJSON.response(200, isWrapped(person) ? wrappedLead(person) : flatLead(person))
    }

    // MARK: Endpoints

    private func history(_ person: SimPerson, request: SimRequest) -> HTTPResponse {
        let journey = SimNexorJourney(world: world, person: person)
        let limit = limit(request)
        let offset = max(Int(request.query["offset"] ?? "") ?? 0, 0)
        let channels = Set((request.query["channel"] ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty })

        var slots: [Int] = []
        var hasMore = false
        if channels.isEmpty {
            slots = (offset..<max(offset, min(offset + limit, journey.count))).map(journey.slot(atPosition:))
            hasMore = offset + slots.count < journey.count
        } else {
            var matched = 0
            for position in 0..<journey.count {
                let slot = journey.slot(atPosition: position)
                guard channels.contains(journey.channel(at: slot)) else { continue }
                defer { matched += 1 }
                guard matched >= offset else { continue }
                if slots.count == limit { hasMore = true; break }
                slots.append(slot)
            }
        }
        return SimJSON.response(200, .object([
            "success": .bool(true),
            "lead": historyLead(person),
            "history": .array(slots.map(journey.item(at:))),
            "pagination": pagination(limit: limit, offset: offset, hasMore: hasMore),
        ]))
    }

    private func leadList(_ request: SimRequest) -> HTTPResponse {
        let limit = limit(request)
        let offset = max(Int(request.query["offset"] ?? "") ?? 0, 0)
        let members = world.members[SimWorld.ordinal(.nexor)]
        var page: [Int] = []
        var hasMore = false
        if let search = request.query["search"], !search.trimmingCharacters(in: .whitespaces).isEmpty {
            var matched = 0
            for index in members.reversed().lazy.map(Int.init) {
                let person = world.person(index)
                guard SimJSON.matches(search, texts: [person.fullName, world.email(person, for: .nexor)], phone: person.e164) else { continue }
                defer { matched += 1 }
                guard matched >= offset else { continue }
                if page.count == limit { hasMore = true; break }
                page.append(index)
            }
        } else {
            let end = min(offset + limit, members.count)
            if offset < end { page = (offset..<end).map { Int(members[members.count - 1 - $0]) } }
            hasMore = end < members.count
        }
        return SimJSON.response(200, .object([
            "success": .bool(true),
            "leads": .array(page.map { flatLead(world.person($0)) }),
            "pagination": pagination(limit: limit, offset: offset, hasMore: hasMore),
        ]))
    }

    /// Nexor's `limit`: 1…200, default 50, clamped rather than refused; then the simulator's cap.
    private func limit(_ request: SimRequest) -> Int {
        SimJSON.pageSize(asked: request.query["limit"].flatMap { Int($0) }, defaultSize: Self.defaultLimit,
                         maximum: Self.maxLimit, cap: world.pageCap)
    }

    private func pagination(limit: Int, offset: Int, hasMore: Bool) -> JSONValue {
        .object(["limit": .integer(Int64(limit)), "offset": .integer(Int64(offset)), "has_more": .bool(hasMore)])
    }

    // MARK: Lead shapes

    /// About one lead in five answers in the newer wrapped shape.
    func isWrapped(_ person: SimPerson) -> Bool {
        SimRandom.hash(world.seed, SimSalt.nexorShape.rawValue, UInt64(person.index)) % 5 == 0
    }

    private struct Facts {
        var random: SimRandom
        let leadSource: String
        let jobTitle: String?
        let campaign: String
        let goalType: String
        let stage: (key: String, label: String, color: String, category: String)
        let journey: SimNexorJourney
    }

    private func facts(_ person: SimPerson) -> Facts {
        var random = SimRandom(world.seed, SimSalt.nexorShape.rawValue, UInt64(person.index), 1)
        let journey = SimNexorJourney(world: world, person: person)
        let leadSource = random.pick(["api", "api", "whatsapp", "web_form", "import"])
        let jobTitle = random.chance(0.6)
            ? random.pick(["CEO", "CTO", "Operations Manager", "Gerente Comercial", "Head of Sales", "Founder", "Procurement Lead"]) : nil
        let campaign = random.pick(["Q1 Campaign", "Webinar Leads", "Referral Program", "Black Friday", "Reactivation 2026"])
        let goalType = random.pick(["appointment", "appointment", "qualification", "sale"])
        return Facts(
            random: random, leadSource: leadSource, jobTitle: jobTitle, campaign: campaign, goalType: goalType,
            stage: SimNexorJourney.stages[journey.currentStage], journey: journey)
    }

    /// A fixed id for a named thing shared by many leads (a campaign, a workflow, a status).
    private func sharedID(_ name: String) -> String {
        var random = SimRandom(world.seed, SimSalt.nexorShape.rawValue, SimRandom.hash(Array(name.utf8).map(UInt64.init)))
        return random.uuid()
    }

    private func metadata(_ person: SimPerson, random: inout SimRandom) -> JSONValue {
        switch person.locale.language {
        case .spanish:
            return .object([
                "edad": .integer(Int64(random.int(22...67))),
                "estado_lead": .string(random.pick(["nuevo", "contactado", "calificado", "en negociación"])),
                "broker_asociado": .string(random.pick(["Juan Pérez", "Carolina Vidal", "Ignacio Fuentes"])),
            ])
        case .portuguese:
            return .object(["idade": .integer(Int64(random.int(22...67))), "origem": .string(random.pick(["Instagram", "Google Ads", "Indicação"]))])
        default:
            return .object([
                "budget": .integer(Int64(random.int(person.locale.dealSize))),
                "interest": .string(random.pick(["annual plan", "monthly plan", "enterprise", "just browsing"])),
            ])
        }
    }

    /// The flat shape of nexor-get-lead.txt.
    func flatLead(_ person: SimPerson) -> JSONValue {
        var facts = facts(person)
        let workflowID = sharedID("workflow:" + facts.journey.workflow)
        return .object([
            "id": .string(world.leadID(person.index, .nexor)),
            "first_name": .string(person.firstName),
            "last_name": SimJSON.string(person.lastName.isEmpty ? nil : person.lastName),
            "email": .string(world.email(person, for: .nexor)),
            "phone": .string(world.phone(person, for: .nexor)),
            "source": .string(facts.leadSource),
            "company": SimJSON.string(person.company?.native),
            "title": SimJSON.string(facts.jobTitle),
            "metadata": metadata(person, random: &facts.random),
            "campaign": .object(["id": .string(sharedID("campaign:" + facts.campaign)), "name": .string(facts.campaign)]),
            "activeWorkflowRun": .object([
                "id": .string(facts.random.uuid()),
                "workflow_id": .string(workflowID),
                "is_active": .bool(facts.stage.category == "active"),
                "run_status": .string(facts.stage.category == "active" ? "running" : "completed"),
            ]),
            "workflow": .object([
                "id": .string(workflowID), "name": .string(facts.journey.workflow), "goal_type": .string(facts.goalType),
            ]),
            "currentStatus": .object([
                "id": .string(sharedID("status:" + facts.stage.key)), "key": .string(facts.stage.key),
                "label": .string(facts.stage.label), "color": .string(facts.stage.color), "category": .string(facts.stage.category),
            ]),
            "assigned_user": facts.goalType == "appointment" ? .object([
                "id": .string(person.agent.id), "name": .string(person.agent.fullName),
                "email": .string(person.agent.email), "avatar_url": .null,
            ]) : .null,
            "created_at": SimJSON.time(world.accountCreated(person.index, .nexor)),
        ])
    }

    /// The wrapped shape: `{success, lead{…snake_case…}, variables{…}}`.
    func wrappedLead(_ person: SimPerson) -> JSONValue {
        var facts = facts(person)
        let tags = ["vip", "demo-requested", "price-sensitive", "decision-maker", "whatsapp-first"]
            .filter { _ in facts.random.chance(0.3) }
        let updated = facts.journey.time(max(facts.journey.count - 1, 0))
        var variables: [String: JSONValue] = [
            "preferred_plan": .object([
                "value": .string(facts.random.pick(["annual", "monthly", "enterprise"])),
                "value_text": .string(facts.random.pick(["Annual plan", "Monthly plan", "Enterprise plan"])),
                "confidence": .number(Double(facts.random.int(55...99)) / 100),
                "updated_at": SimJSON.time(updated),
            ]),
        ]
        if facts.random.chance(0.5) {
            variables["team_size"] = .object([
                "value": .integer(Int64(facts.random.int(2...250))), "value_text": .null,
                "confidence": .number(Double(facts.random.int(40...95)) / 100), "updated_at": SimJSON.time(updated),
            ])
        }
        return .object([
            "success": .bool(true),
            "lead": .object([
                "id": .string(world.leadID(person.index, .nexor)),
                "first_name": .string(person.firstName),
                "last_name": SimJSON.string(person.lastName.isEmpty ? nil : person.lastName),
                "email": .string(world.email(person, for: .nexor)),
                "phone": .string(world.phone(person, for: .nexor)),
                "source": .string(facts.leadSource),
                "company": SimJSON.string(person.company?.native),
                "title": SimJSON.string(facts.jobTitle),
                "metadata": metadata(person, random: &facts.random),
                "tags": .array(tags.map(JSONValue.string)),
                "campaign": .object(["id": .string(sharedID("campaign:" + facts.campaign)), "name": .string(facts.campaign)]),
                "active_workflow_run": .object([
                    "id": .string(facts.random.uuid()),
                    "run_status": .string(facts.stage.category == "active" ? "running" : "completed"),
                    "workflow": .object([
                        "id": .string(sharedID("workflow:" + facts.journey.workflow)),
                        "name": .string(facts.journey.workflow), "goal_type": .string(facts.goalType),
                    ]),
                    "current_status": .object([
                        "key": .string(facts.stage.key), "label": .string(facts.stage.label), "category": .string(facts.stage.category),
                    ]),
                ]),
                "created_at": SimJSON.time(world.accountCreated(person.index, .nexor)),
            ]),
            "variables": .object(variables),
        ])
    }

    /// The short lead object that heads every history page.
    private func historyLead(_ person: SimPerson) -> JSONValue {
        .object([
            "id": .string(world.leadID(person.index, .nexor)),
            "first_name": .string(person.firstName),
            "last_name": SimJSON.string(person.lastName.isEmpty ? nil : person.lastName),
            "phone": .string(world.phone(person, for: .nexor)),
            "email": .string(world.email(person, for: .nexor)),
            "source": .string(facts(person).leadSource),
            "created_at": SimJSON.time(world.accountCreated(person.index, .nexor)),
        ])
    }
}
