import Foundation
import Testing
@testable import LeadlineKit

@Suite("Liveforce client: auth, one-request history, pagination")
struct LiveforceClientTests {
    static func liveforceConnection(_ transport: any Transport) -> SourceConnection {
        connection(transport, secret: "client123:token456", name: "lf", baseURL: "https://liveforce.test/api/v1", origin: "LIVEFORCE_CREDENTIAL")
    }

    @Test("The lead is read from GET /leads/summary/{id} with HTTP Basic auth of the credential as is")
    func leadWithBasicAuth() async throws {
        let transport = StubTransport { _, _ in HTTPResponse(status: 200, body: try Fixture.data("liveforce-leads-summary.json")) }
        let lead = try await LiveforceClient(connection: Self.liveforceConnection(transport)).lead(id: "1")
        #expect(lead.name == "john")
        let request = try #require(transport.requests.first)
        #expect(transport.requests.count == 1)
        #expect(request.method == "GET")
        #expect(request.url.absoluteString == "https://liveforce.test/api/v1/leads/summary/1")
        // base64("client123:token456")
        #expect(request.headers["Authorization"] == "Basic Y2xpZW50MTIzOnRva2VuNDU2")
    }

    static let channelCases: [(Set<Channel>, [String])] = [
        (Set(Channel.allCases), ["lead.created", "chat.message", "chat.message", "chat.message", "chat.system", "chat.system"]),
        ([.chat], ["chat.message", "chat.message", "chat.message"]),
        ([.system], ["lead.created", "chat.system", "chat.system"]),
    ]

    @Test("History is one summary request, filtered here, reported in one onPage", arguments: channelCases)
    func history(channels: Set<Channel>, kinds: [String]) async throws {
        let transport = StubTransport { _, _ in HTTPResponse(status: 200, body: try Fixture.data("liveforce-leads-summary.json")) }
        let pages = PageLog()
        let history = try await LiveforceClient(connection: Self.liveforceConnection(transport))
            .history(leadID: "1", channels: channels) { await pages.add($0.count) }
        #expect(history.events.map(\.kind) == kinds)
        #expect(await pages.counts == [kinds.count])
        #expect(transport.requests.map(\.url.path) == ["/api/v1/leads/summary/1"])
    }

    @Test("Asking only for channels Liveforce does not have makes no request")
    func otherChannels() async throws {
        let transport = StubTransport { _, _ in json("{}") }
        let history = try await LiveforceClient(connection: Self.liveforceConnection(transport))
            .history(leadID: "1", channels: [.call, .sms, .whatsapp, .email])
        #expect(history.events.isEmpty)
        #expect(transport.requests.isEmpty)
    }

    @Test("A malformed chat string still loads the lead and its creation through the client")
    func malformedChatThroughClient() async throws {
        let text = try LiveforceDecodingTests.exampleText(replacing: #""chat": "[{\"id\""#, with: #""chat": "not json"#)
        let transport = StubTransport { _, _ in json(text) }
        let client = LiveforceClient(connection: Self.liveforceConnection(transport))
        let lead = try await client.lead(id: "1")
        #expect(lead.details.contains(Detail("Chat", "chat unavailable")))
        let history = try await client.history(leadID: "1", channels: Set(Channel.allCases))
        #expect(history.events.map(\.kind) == ["lead.created"])
    }

    @Test("The lead list pages with page/per_page from 1 until data comes back empty")
    func listPagination() async throws {
        // 5 leads, 2 a page: pages 1–3 hold leads, page 4 is empty.
        let transport = StubTransport { request, _ in
            let page = Int(request.query["page"]!)!, perPage = Int(request.query["per_page"]!)!
            let first = (page - 1) * perPage
            let ids = first..<max(first, min(page * perPage, 5))
            let leads = ids.map { #"{"id":"\#($0)","name":"lead \#($0)","status":"New","date":"2025-01-0\#($0 + 1) 09:00:00"}"# }
            return json(#"{"data":[\#(leads.joined(separator: ","))],"message":"success"}"#)
        }
        let client = LiveforceClient(connection: Self.liveforceConnection(transport), perPage: 2)

        var pages: [[String]] = []
        var cursors: [String?] = []
        var cursor: String? = nil
        repeat {
            let page = try await client.leads(after: cursor)
            pages.append(page.leads.map(\.id))
            cursors.append(page.next)
            cursor = page.next
        } while cursor != nil

        #expect(pages == [["0", "1"], ["2", "3"], ["4"], []])
        #expect(cursors == ["2", "3", "4", nil])
        #expect(transport.requests.map { $0.query["page"] } == ["1", "2", "3", "4"])
        #expect(transport.requests.allSatisfy { $0.query["per_page"] == "2" && $0.url.path == "/api/v1/leads" })
    }

    @Test("Liveforce has no lookup: findLeads is nil without a request")
    func noLookup() async throws {
        let transport = StubTransport { _, _ in json("{}") }
        let client = LiveforceClient(connection: Self.liveforceConnection(transport))
        #expect(try await client.findLeads(matching: .email("john@example.com")) == nil)
        #expect(try await client.findLeads(matching: .phone("+441234567890")) == nil)
        #expect(transport.requests.isEmpty)
    }

    @Test("A 404 is notFound with Liveforce's message")
    func notFound() async throws {
        let transport = StubTransport { _, _ in json(#"{"message":"Lead not found"}"#, status: 404) }
        await #expect(throws: VendorError.notFound(source: "lf", resource: "lead 99", message: "Lead not found")) {
            try await LiveforceClient(connection: Self.liveforceConnection(transport)).lead(id: "99")
        }
    }
}
