import FlyingFox
import Foundation
import LeadlineKit
import Testing

/// The credential rides on every request, so a redirect must never carry it to another host.
@Suite("Redirects keep the credential at home", .timeLimit(.minutes(3)))
struct RedirectTests {
    actor Hits {
        var keys: [String?] = []
        func add(_ key: String?) { keys.append(key) }
    }

    @Test("A redirect to another host is refused and reported; one on the same host is followed")
    func crossHost() async throws {
        let hits = Hits()
        let elsewhere = HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0), logger: .disabled)
        await elsewhere.appendRoute("GET *") { request in
            await hits.add(request.headers[HTTPHeader("X-API-Key")])
            return HTTPResponse(statusCode: .ok, body: Data(#"{"id":"stolen"}"#.utf8))
        }
        let elsewhereTask = Task { try await elsewhere.run() }
        try await elsewhere.waitUntilListening(timeout: 60)
        guard case .ip4(_, let otherPort)? = await elsewhere.listeningAddress else { throw CocoaError(.featureUnsupported) }

        let home = HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0), logger: .disabled)
        await home.appendRoute("GET *") { request in
            if request.path == "/leads/moved" {
                return HTTPResponse(statusCode: .found, headers: HTTPHeaders([HTTPHeader("Location"): "/leads/here"]))
            }
            if request.path == "/leads/here" {
                return HTTPResponse(statusCode: .ok, body: Data(#"{"id":"here","first_name":"Ana"}"#.utf8))
            }
            // Another origin: localhost is not 127.0.0.1 as far as origins go.
            return HTTPResponse(statusCode: .found, headers: HTTPHeaders([HTTPHeader("Location"): "http://localhost:\(otherPort)/leads/x"]))
        }
        let homeTask = Task { try await home.run() }
        try await home.waitUntilListening(timeout: 60)
        guard case .ip4(_, let homePort)? = await home.listeningAddress else { throw CocoaError(.featureUnsupported) }

        let client = NexorClient(connection: SourceConnection(
            name: "nexor", baseURL: URL(string: "http://127.0.0.1:\(homePort)")!,
            credential: Secret("nxr_live_redirect_secret", origin: "NEXOR_API_KEY"), transport: URLSessionTransport(), retry: .none))
        #expect(try await client.lead(id: "moved").name == "Ana")
        await #expect(throws: VendorError.unexpectedStatus(source: "nexor", status: 302, message: nil)) {
            try await client.lead(id: "away")
        }
        #expect(await hits.keys.isEmpty, "the other host was never asked")
        await home.stop()
        await elsewhere.stop()
        homeTask.cancel()
        elsewhereTask.cancel()
    }
}
