import Foundation
import Testing
@testable import LeadlineKit

@Suite("LeadPing client: requests, pagination and errors")
struct LeadPingClientTests {
    static let apiKey = "sk_test_51HxLeadPingSecret"

    static func connection(_ transport: any Transport) -> SourceConnection {
        SourceConnection(
            name: "leadping", baseURL: URL(string: "https://leadping.test")!,
            credential: Secret(apiKey, origin: "LEADPING_API_KEY"), transport: transport, retry: .none,
            sleep: SleepRecorder().sleep, random: { 0.5 })
    }

    /// An SMS event, numbered, one second apart.
    static func item(_ number: Int) -> String {
        #"{"id":"e\#(number)","eventType":"SmsSent","eventCategory":"Sms","summary":"n\#(number)","createdAt":"\#(ISO8601.format(date("2026-03-01T09:00:00Z").addingTimeInterval(Double(number))))"}"#
    }

    static func page(_ items: [String], token: String?) -> String {
        let tokenJSON = token.map { JSONValue.string($0).compactJSON } ?? "null"
        return #"{"items":[\#(items.joined(separator: ","))],"pageSize":"4","totalCount":null,"continuationToken":\#(tokenJSON)}"#
    }

    /// A Cosmos DB continuation token: JSON inside a string, with quotes and slashes to keep intact.
    static func cosmosToken(_ offset: Int) -> String {
        #"{"token":"+RID:~aB3/xY==#RT:\#(offset)","range":{"min":"","max":"FF"}}"#
    }

    static func body(_ request: HTTPRequest) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: try #require(request.body))
    }

    static func bodyText(_ request: HTTPRequest) -> String? {
        request.body.flatMap { String(data: $0, encoding: .utf8) }
    }

    @Test("History follows continuation tokens across many short pages")
    func shortPages() async throws {
        // The server hands out at most 4 items whatever the page size, 23 in all; the token says
        // where the next page starts.
        let starts = Dictionary(uniqueKeysWithValues: stride(from: 4, to: 23, by: 4).map { (Self.cosmosToken($0), $0) })
        let transport = StubTransport { request, _ in
            let start = try Self.body(request)["continuationToken"]?.stringValue.flatMap { starts[$0] } ?? 0
            let end = min(start + 4, 23)
            return json(Self.page((start..<end).map(Self.item), token: end < 23 ? Self.cosmosToken(end) : nil))
        }
        let client = LeadPingClient(connection: Self.connection(transport), pageSize: 7)
        let pages = PageLog()
        let history = try await client.history(leadID: "lead 42/x", channels: Set(Channel.allCases)) { await pages.add($0.count) }

        #expect(history.events.map(\.id) == (0..<23).map { "e\($0)" })
        #expect(history.skippedItems == 0)
        #expect(await pages.counts == [4, 4, 4, 4, 4, 3])
        let requests = transport.requests
        #expect(requests.count == 6)
        let expectedTokens: [JSONValue?] = [nil] + [4, 8, 12, 16, 20].map { .string(Self.cosmosToken($0)) }
        #expect(try requests.map { try Self.body($0)["continuationToken"] } == expectedTokens)
        for request in requests {
            #expect(request.method == "POST")
            #expect(request.url.absoluteString == "https://leadping.test/events/leads/lead%2042%2Fx")
            #expect(request.headers["Authorization"] == "Bearer \(Self.apiKey)")
            #expect(request.headers["Content-Type"] == "application/json")
            #expect(try Self.body(request)["pageSize"] == .string("7"))
            #expect(try Self.body(request)["orderBy"] == .array([.object(["field": .string("createdAt"), "direction": .string("asc")])]))
        }
        #expect(Self.bodyText(requests[0]) == #"{"orderBy":[{"direction":"asc","field":"createdAt"}],"pageSize":"7"}"#)
        #expect(Self.bodyText(requests[1]) == #"{"continuationToken":"{\"token\":\"+RID:~aB3/xY==#RT:4\",\"range\":{\"min\":\"\",\"max\":\"FF\"}}","orderBy":[{"direction":"asc","field":"createdAt"}],"pageSize":"7"}"#)
    }

    @Test("A token that comes back again ends the listing", arguments: [
        ["A", "A"],
        ["A", "B", "A"],
    ])
    func repeatedToken(tokens: [String]) async throws {
        let transport = StubTransport { _, index in
            json(Self.page([Self.item(index)], token: tokens[min(index, tokens.count - 1)]))
        }
        let history = try await LeadPingClient(connection: Self.connection(transport)).history(leadID: "1", channels: [.sms])
        #expect(transport.requests.count == tokens.count)
        #expect(history.events.count == tokens.count)
        let expectedTokens: [String?] = [nil] + tokens.dropLast()
        #expect(try transport.requests.map { try Self.body($0)["continuationToken"]?.stringValue } == expectedTokens)
    }

    @Test("An empty page with a token is not the end")
    func emptyPageWithToken() async throws {
        let transport = StubTransport { _, index in
            index == 0 ? json(Self.page([], token: "next")) : json(Self.page([Self.item(1)], token: ""))
        }
        let history = try await LeadPingClient(connection: Self.connection(transport)).history(leadID: "1", channels: [.sms])
        #expect(history.events.map(\.id) == ["e1"])
        #expect(transport.requests.count == 2)
    }

    static let mixedPage = #"""
    {"items":[
      {"id":"s1","eventType":"SmsSent","createdAt":"2026-03-01T09:00:00Z"},
      {"id":"c1","eventType":"CallMissed","createdAt":"2026-03-01T09:01:00Z"},
      {"id":"n1","eventType":"Note","createdAt":"2026-03-01T09:02:00Z"},
      {"id":"x1","eventType":"SmsSent"},
      17,
      {"id":"s2","eventType":"Inbound","eventCategory":"SMS","receivedAt":"2026-03-01T09:03:00Z"}
    ],"pageSize":"100","totalCount":"6","continuationToken":null}
    """#

    @Test("Channels are filtered after mapping; unplaceable items are counted", arguments: [
        ([Channel.sms], ["s1", "s2"]),
        ([.call], ["c1"]),
        ([.system, .email], ["n1"]),
        (Set(Channel.allCases), ["s1", "c1", "n1", "s2"]),
    ] as [(Set<Channel>, [String])])
    func channelFilter(channels: Set<Channel>, expected: [String]) async throws {
        let transport = StubTransport { _, _ in json(Self.mixedPage) }
        let history = try await LeadPingClient(connection: Self.connection(transport)).history(leadID: "1", channels: channels)
        #expect(history.events.map(\.id) == expected)
        #expect(history.skippedItems == 2, "one item without a timestamp, one that is not an object")
        #expect(try transport.requests.map { try Self.body($0) }.allSatisfy { $0["eventType"] == nil && $0["filters"] == nil })
    }

    @Test("Asking only for channels LeadPing does not have makes no request")
    func noLeadPingChannels() async throws {
        let transport = StubTransport { _, _ in json("{}") }
        let history = try await LeadPingClient(connection: Self.connection(transport)).history(leadID: "1", channels: [.whatsapp, .email, .chat])
        #expect(history.events.isEmpty)
        #expect(transport.requests.isEmpty)
    }

    @Test("401 problem details: the vendor's title and detail, redacted, and where the key comes from")
    func unauthorized() async throws {
        let transport = StubTransport { _, _ in
            json(#"{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.2","title":"Unauthorized","status":401,"detail":"API key sk_test_51HxLeadPingSecret has been revoked.","instance":"/events/leads/lead_42"}"#, status: 401)
        }
        let client = LeadPingClient(connection: Self.connection(transport))
        let failure = await #expect(throws: VendorError.self) { try await client.history(leadID: "lead_42", channels: [.sms]) }
        #expect(failure.map(String.init(describing:)) == "leadping: 401 Unauthorized: API key [redacted] has been revoked. — check LEADPING_API_KEY")
    }

    @Test("401 with an empty body still says what to check")
    func unauthorizedEmpty() async throws {
        let transport = StubTransport { _, _ in HTTPResponse(status: 401, headers: ["WWW-Authenticate": "Bearer"]) }
        let failure = await #expect(throws: VendorError.self) {
            try await LeadPingClient(connection: Self.connection(transport)).lead(id: "lead_42")
        }
        #expect(failure.map(String.init(describing:)) == "leadping: 401 Unauthorized — check LEADPING_API_KEY")
    }

    @Test("404 problem details name the lead")
    func notFound() async throws {
        let transport = StubTransport { _, _ in
            json(#"{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Not Found","status":404,"detail":"Lead 'nope' was not found.","instance":"/leads/nope"}"#, status: 404)
        }
        let failure = await #expect(throws: VendorError.self) {
            try await LeadPingClient(connection: Self.connection(transport)).lead(id: "nope")
        }
        #expect(failure == .notFound(source: "leadping", resource: "lead nope", message: "Not Found: Lead 'nope' was not found."))
        #expect(failure.map(String.init(describing:)) == "leadping: 404 Not Found: Lead 'nope' was not found. — leadping has no lead nope")
    }

    @Test("The lead is read from GET /leads/{id}")
    func lead() async throws {
        let transport = StubTransport { _, _ in json(LeadPingDecodingTests.fullLead) }
        let lead = try await LeadPingClient(connection: Self.connection(transport)).lead(id: "lead_42")
        #expect(lead.ref == "leadping:lead_42")
        #expect(lead.name == "Dana Whitfield")
        let request = try #require(transport.requests.first)
        #expect(transport.requests.count == 1)
        #expect(request.method == "GET")
        #expect(request.url.absoluteString == "https://leadping.test/leads/lead_42")
        #expect(request.body == nil)
        #expect(request.headers["Authorization"] == "Bearer \(Self.apiKey)")
    }

    static func row(_ id: String, phone: String?, email: String?) -> String {
        let phoneJSON = phone.map { JSONValue.string($0).compactJSON } ?? "null"
        let emailJSON = email.map { JSONValue.string($0).compactJSON } ?? "null"
        return #"{"id":"\#(id)","firstName":"Lead","lastName":"\#(id)","phone":\#(phoneJSON),"email":\#(emailJSON),"status":"New","createdAt":"2026-03-01T10:00:00Z","tags":[]}"#
    }

    @Test("The lead list pages with continuation tokens")
    func leadList() async throws {
        let transport = StubTransport { _, index in
            switch index {
            case 0: json(Self.page([Self.row("a", phone: "+15550000001", email: nil)], token: "p2"))
            case 1: json(Self.page([Self.row("b", phone: nil, email: "b@example.com")], token: "p2"))
            default: json(Self.page([], token: nil))
            }
        }
        let client = LeadPingClient(connection: Self.connection(transport))
        let first = try await client.leads(after: nil)
        #expect(first.leads.map(\.ref) == ["leadping:a"])
        #expect(first.leads.first?.status == Lead.Status(label: "New"))
        #expect(first.next == "p2")
        let second = try await client.leads(after: "p2")
        #expect(second.leads.map(\.email) == ["b@example.com"])
        #expect(second.next == nil, "the same token again is the end, not a loop")
        #expect(transport.requests.map(Self.bodyText) == [
            #"{"pageSize":"100"}"#,
            #"{"continuationToken":"p2","pageSize":"100"}"#,
        ])
        #expect(transport.requests.allSatisfy { $0.method == "POST" && $0.url.absoluteString == "https://leadping.test/leads/all/my" })
        #expect(LeadPingClient.defaultPageSize == 100)
    }

    @Test("findLeads searches phone and email and keeps only exact contacts")
    func findLeads() async throws {
        let transport = StubTransport { _, index in
            index == 0
                ? json(Self.page([
                    Self.row("exact", phone: "+1 (555) 123-0000", email: "dana@example.com"),
                    Self.row("fuzzy", phone: "+15551230009", email: nil),
                    Self.row("nophone", phone: nil, email: "other@example.com"),
                ], token: "more"))
                : json(Self.page([
                    Self.row("intl", phone: "0015551230000", email: nil),
                    Self.row("exact", phone: "+15551230000", email: nil),
                ], token: nil))
        }
        let client = LeadPingClient(connection: Self.connection(transport), pageSize: 50)
        let found = try #require(try await client.findLeads(matching: .phone("+15551230000")))
        #expect(found.map(\.id) == ["exact", "intl"])
        #expect(transport.requests.map(Self.bodyText) == [
            #"{"pageSize":"50","search":"+15551230000","searchFields":["phone","email"]}"#,
            #"{"continuationToken":"more","pageSize":"50","search":"+15551230000","searchFields":["phone","email"]}"#,
        ])
    }

    @Test("findLeads by email ignores case and stops at a repeated token")
    func findLeadsByEmail() async throws {
        let transport = StubTransport { _, index in
            json(Self.page([Self.row("l\(index)", phone: nil, email: index == 0 ? "Dana@Example.com" : "dana@example.co")], token: "same"))
        }
        let found = try await LeadPingClient(connection: Self.connection(transport)).findLeads(matching: .email("dana@example.com"))
        #expect(found?.map(\.id) == ["l0"])
        #expect(transport.requests.count == 2)
    }
}
