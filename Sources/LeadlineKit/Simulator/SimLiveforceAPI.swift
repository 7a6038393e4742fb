import Foundation

/// Liveforce's endpoints (api-docs/liveforce-leads-summary.txt, README "Liveforce").
///
/// Auth is HTTP Basic `base64(client_id:access_token)`. The list endpoint is undocumented; it is
/// `GET /leads?page=&per_page=` as the README assumes, oldest lead first, an empty `data` past the
/// end. Errors are `{message, code}` with the app codes 4001 (auth) and 4004 (not found): the
/// docs list 4001–4007 without saying which is which.
struct SimLiveforceAPI: SimVendorAPI {
    let world: SimWorld

    static let routes = [
        SimRoute("GET", "leads/summary/{lead_id}"),
        SimRoute("GET", "leads"),
    ]
    static let client = "sim-client"
    static let defaultPerPage = 20
    static let maxPerPage = 100

    func unauthorized(_ request: SimRequest) -> HTTPResponse? {
        guard let encoded = request.authorization(scheme: "Basic"), !encoded.isEmpty else {
            return error(status: 401, message: "Unauthenticated. Send HTTP Basic client_id:access_token.", request: request)
        }
        guard let data = Data(base64Encoded: encoded), String(data: data, encoding: .utf8) == "\(Self.client):\(Simulator.secret)" else {
            return error(status: 401, message: "Invalid client id or access token.", request: request)
        }
        return nil
    }

    func error(status: Int, message: String, request: SimRequest) -> HTTPResponse {
        var body: [String: JSONValue] = ["message": .string(message)]
        if status == 401 { body["code"] = .integer(4001) }
        if status == 404 { body["code"] = .integer(4004) }
        return SimJSON.response(status, .object(body))
    }

    func respond(to route: SimRoute, parameters: [String: String], request: SimRequest) -> HTTPResponse {
        guard route.pattern.count == 1 else {
            let id = parameters["lead_id"] ?? ""
            guard let index = world.index(ofLead: id, .liveforce) else {
                return error(status: 404, message: "Lead not found", request: request)
            }
            let journey = SimLiveforceJourney(world: world, person: world.person(index))
            return SimJSON.response(200, .object(["data": journey.lead(includingChat: true), "message": .string("success")]))
        }
        let page = max(Int(request.query["page"] ?? "") ?? 1, 1)
        let asked = Int(request.query["per_page"] ?? "").flatMap { $0 > 0 ? $0 : nil }
        let perPage = SimJSON.pageSize(asked: asked, defaultSize: Self.defaultPerPage, maximum: Self.maxPerPage, cap: world.pageCap)
        let members = world.members[SimWorld.ordinal(.liveforce)]
        let start = (page - 1).multipliedReportingOverflow(by: perPage)
        var data: [JSONValue] = []
        if !start.overflow, start.partialValue < members.count {
            data = members[start.partialValue..<min(start.partialValue + perPage, members.count)].map {
                SimLiveforceJourney(world: world, person: world.person(Int($0))).lead(includingChat: false)
            }
        }
        return SimJSON.response(200, .object(["data": .array(data), "message": .string("success")]))
    }
}
