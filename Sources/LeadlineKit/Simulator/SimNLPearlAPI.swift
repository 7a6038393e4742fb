import Foundation

/// NLPearl's endpoints (api-docs/nlpearl-get-outbound-lead.txt, README "NLPearl").
///
/// Auth is `Authorization: Bearer AccountId:SecretKey`. NLPearl documents no error bodies; the
/// simulator answers `{title, status, detail}`. Route literals match without regard to case, as
/// NLPearl's router does.
struct SimNLPearlAPI: SimVendorAPI {
    let world: SimWorld

    static let routes = [
        SimRoute("GET", "v1/Outbound/{outboundId}/Lead/{leadId}"),
        SimRoute("GET", "v1/Call/{callId}"),
        SimRoute("GET", "v2/Call/{callId}"),
        SimRoute("POST", "v1/Outbound/{outboundId}/Leads"),
        SimRoute("GET", "v1/Outbound/{outboundId}/Lead/PhoneNumber/{phoneNumber}"),
        SimRoute("GET", "v1/Outbound/{outboundId}/Lead/External/{externalId}"),
    ]
    /// NLPearl publishes no limits; these are the simulator's.
    static let defaultLimit = 50
    static let maxLimit = 100
    static let account = "sim-account"

    func unauthorized(_ request: SimRequest) -> HTTPResponse? {
        guard let token = request.authorization(scheme: "Bearer"), !token.isEmpty else {
            return error(status: 401, message: "Missing Authorization header (Bearer AccountId:SecretKey)", request: request)
        }
        guard token == "\(Self.account):\(Simulator.secret)" else {
            return error(status: 401, message: "Invalid account id or secret key", request: request)
        }
        return nil
    }

    func error(status: Int, message: String, request: SimRequest) -> HTTPResponse {
        let titles = [400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 405: "Method Not Allowed", 429: "Too Many Requests"]
        return SimJSON.response(status, .object([
            "title": .string(titles[status] ?? "Internal Server Error"), "status": .integer(Int64(status)), "detail": .string(message),
        ]))
    }

    func respond(to route: SimRoute, parameters: [String: String], request: SimRequest) -> HTTPResponse {
        if route.pattern[1].lowercased() == "call" {
            let id = parameters["callId"] ?? ""
            guard let (index, number) = world.unpack(world.nlpearlCallIDs.number(fromObjectID: id), .nlpearl) else {
                return error(status: 404, message: "Call '\(id)' not found", request: request)
            }
            let journey = SimNLPearlJourney(world: world, person: world.person(index))
            return SimJSON.response(200, journey.callDocument(journey.call(number)))
        }
        let outboundID = parameters["outboundId"] ?? ""
        guard let outbound = world.outboundIDs.firstIndex(of: outboundID.lowercased()) else {
            return error(status: 404, message: "Outbound '\(outboundID)' not found", request: request)
        }
        if route.method == "POST" { return search(outbound: outbound, request: request) }

        let index: Int?
        switch route.pattern.count {
        case 6 where route.pattern[4] == "PhoneNumber":
            index = world.index(ofPhoneDigits: SimJSON.digits(parameters["phoneNumber"] ?? ""))
        case 6:
            index = world.index(ofExternalID: parameters["externalId"] ?? "")
        default:
            index = world.index(ofLead: parameters["leadId"] ?? "", .nlpearl)
        }
        guard let index, world.isMember(index, of: .nlpearl), world.outboundOrdinal(index) == outbound else {
            return error(status: 404, message: "Lead not found in this outbound", request: request)
        }
        return SimJSON.response(200, SimNLPearlJourney(world: world, person: world.person(index)).leadDocument())
    }

    /// `POST /v1/Outbound/{outboundId}/Leads`: `{skip, limit, sortProp, isAscending, statuses[],
    /// searchInput}` → `{count, results}`, where `count` counts every match, not just this page.
    private func search(outbound: Int, request: SimRequest) -> HTTPResponse {
        // An empty body searches everything; a body that is not a JSON object is refused.
        let body = request.body?.isEmpty == false ? request.jsonBody : .object([:])
        guard let body, case .object = body else {
            return error(status: 400, message: "The body must be a JSON object", request: request)
        }
        let skip = max(SimJSON.integer(body["skip"]) ?? 0, 0)
        let asked = SimJSON.integer(body["limit"]).flatMap { $0 > 0 ? $0 : nil }
        let limit = SimJSON.pageSize(asked: asked, defaultSize: Self.defaultLimit, maximum: Self.maxLimit, cap: world.pageCap)
        let ascending = body["isAscending"] == .bool(true)
        let sortProp = body["sortProp"]?.stringValue?.lowercased() ?? "created"
        var statuses: Set<Int> = []
        if case .array(let values)? = body["statuses"] { statuses = Set(values.compactMap(SimJSON.integer)) }
        let searchInput = body["searchInput"]?.stringValue?.trimmingCharacters(in: .whitespaces) ?? ""

        var indices = world.outboundMembers[outbound].map(Int.init)
        if !statuses.isEmpty || !searchInput.isEmpty || sortProp == "status" || sortProp == "phonenumber" {
            var keyed: [(index: Int, status: Int, phone: String)] = []
            for index in indices {
                let journey = SimNLPearlJourney(world: world, person: world.person(index))
                let status = journey.status
                guard statuses.isEmpty || statuses.contains(status) else { continue }
                if !searchInput.isEmpty {
                    let person = journey.person
                    guard SimJSON.matches(searchInput, texts: [world.externalID(index), person.fullName, world.email(person, for: .nlpearl), person.company?.native],
                                          phone: person.e164) else { continue }
                }
                keyed.append((index, status, journey.person.e164))
            }
            switch sortProp {
            case "status": keyed.sort { ($0.status, $0.index) < ($1.status, $1.index) }
            case "phonenumber": keyed.sort { ($0.phone, $0.index) < ($1.phone, $1.index) }
            default: break
            }
            indices = keyed.map(\.index)
        }
        // Members are in creation order; sorting by status or phone already ascends.
        if !ascending { indices.reverse() }
        let page = skip < indices.count ? Array(indices[skip..<min(skip + limit, indices.count)]) : []
        return SimJSON.response(200, .object([
            "count": .integer(Int64(indices.count)),
            "results": .array(page.map { SimNLPearlJourney(world: world, person: world.person($0)).searchResult() }),
        ]))
    }
}
