import FlyingFox
import Foundation
import LeadlineKit

/// A real HTTP server on loopback that answers Nexor's documented payloads.
///
/// History is served in short pages cut from the documented example (three items a page,
/// whatever `limit` says), so the client's offset handling runs over real HTTP too.
final class NexorTestServer: Sendable {
    static let apiKey = "nxr_live_e2e_7f3a9c"
    let server: HTTPServer
    let port: UInt16
    private let task: Task<Void, any Error>

    init() async throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../LeadlineKitTests/Fixtures").standardized
        let lead = try Data(contentsOf: fixtures.appendingPathComponent("nexor-get-lead.json"))
        let historyDocument = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: fixtures.appendingPathComponent("nexor-get-lead-history.json")))
        guard case .array(let items)? = historyDocument["history"], let historyLead = historyDocument["lead"] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        let notFound = try Data(contentsOf: fixtures.appendingPathComponent("nexor-lead-not-found.json"))

        server = HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0), logger: .disabled)
        await server.appendRoute("GET *") { request in
            guard request.headers[HTTPHeader("X-API-Key")] == NexorTestServer.apiKey else {
                return HTTPResponse(statusCode: .unauthorized, body: Data(#"{"error":"Invalid API key","message":"Invalid API key"}"#.utf8))
            }
            let parts = request.path.split(separator: "/").map(String.init)
            if parts == ["leads"] {
                // The lead list, searched the way api-docs assumes: the one documented lead
                // matches its phone or email.
                let search = request.query.first { $0.name == "search" }?.value ?? ""
                let hit = search.isEmpty || ["+56912345678", "carlos@example.com"].contains(search)
                let list = #"{"success":true,"leads":[\#(hit ? String(decoding: lead, as: UTF8.self) : "")],"pagination":{"limit":200,"offset":0,"has_more":false}}"#
                return HTTPResponse(statusCode: .ok, body: Data(list.utf8))
            }
            let known = ["550e8400-e29b-41d4-a716-446655440000", "123e4567-e89b-12d3-a456-426614174000"]
            guard parts.count >= 2, parts[0] == "leads", known.contains(parts[1]) else {
                return HTTPResponse(statusCode: .notFound, body: notFound)
            }
            if parts.count == 2 { return HTTPResponse(statusCode: .ok, body: lead) }
            let offset = Int(request.query.first { $0.name == "offset" }?.value ?? "0") ?? 0
            let end = min(offset + 3, items.count)
            let page = JSONValue.object([
                "success": .bool(true), "lead": historyLead, "history": .array(Array(items[min(offset, end)..<end])),
                "pagination": .object(["limit": .integer(3), "offset": .integer(Int64(offset)), "has_more": .bool(end < items.count)]),
            ])
            return HTTPResponse(statusCode: .ok, body: try JSONEncoder().encode(page))
        }
        let server = self.server
        task = Task { try await server.run() }
        try await server.waitUntilListening(timeout: 60)
        guard case .ip4(_, let port)? = await server.listeningAddress else {
            throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "test server has no IPv4 address: \(String(describing: await server.listeningAddress))"])
        }
        self.port = port
    }

    func stop() async {
        await server.stop()
        task.cancel()
    }

    /// A config file naming this server as the `nexor` source.
    func writeConfig() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("leadline-e2e-\(UUID().uuidString).toml").path
        let text = """
            [[source]]
            name = "nexor"
            kind = "nexor"
            base_url = "http://127.0.0.1:\(port)"
            secret_env = "NEXOR_API_KEY"
            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
