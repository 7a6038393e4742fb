import Foundation
import Testing
@testable import LeadlineKit

@Suite("NLPearl client: lookups, bounded call fetching, pagination")
struct NLPearlClientTests {
    static func pearlConnection(_ transport: any Transport) -> SourceConnection {
        connection(transport, secret: "acct_42:sk_live_987", name: "pearl", baseURL: "https://nlpearl.test/", origin: "NLPEARL_TOKEN")
    }

    static func lead(_ id: String, calls: [String] = []) -> String {
        let ids = calls.map { #""\#($0)""# }.joined(separator: ",")
        return #"{"id":"\#(id)","phoneNumber":"+3460000\#(id.count)","status":130,"created":"2026-01-02T10:00:00Z","callsId":[\#(ids)]}"#
    }

    static func call(_ id: String) -> String {
        #"{"id":"\#(id)","startTime":"2026-01-03T10:00:00Z","status":4,"duration":30,"summary":"call \#(id)"}"#
    }

    static let notFound = json(#"{"title":"Not Found","detail":"Lead not found"}"#, status: 404)

    @Test("OUTBOUND/LEAD reads that campaign's lead with the Bearer AccountId:SecretKey header")
    func leadByFullID() async throws {
        let transport = StubTransport { _, _ in json(Self.lead("L1")) }
        let lead = try await NLPearlClient(connection: Self.pearlConnection(transport), outboundIDs: ["other"]).lead(id: "out1/L1")
        #expect(lead.id == "out1/L1")
        #expect(lead.ref == "pearl:out1/L1")
        #expect(lead.status?.label == "Completed")
        let request = try #require(transport.requests.first)
        #expect(transport.requests.count == 1)
        #expect(request.method == "GET")
        #expect(request.url.absoluteString == "https://nlpearl.test/v1/Outbound/out1/Lead/L1")
        #expect(request.headers["Authorization"] == "Bearer acct_42:sk_live_987")
    }

    @Test("A bare LEAD is tried in each outbound campaign until one answers; the id comes back full")
    func bareLeadLookup() async throws {
        let transport = StubTransport { request, _ in
            request.url.path.contains("/Outbound/second/") ? json(Self.lead("L7")) : Self.notFound
        }
        let client = NLPearlClient(connection: Self.pearlConnection(transport), outboundIDs: ["first", "second", "third"])
        let lead = try await client.lead(id: "L7")
        #expect(lead.id == "second/L7")
        #expect(transport.requests.map(\.url.path) == ["/v1/Outbound/first/Lead/L7", "/v1/Outbound/second/Lead/L7"])
    }

    @Test("A bare LEAD no campaign knows is a notFound naming the lead and every campaign tried")
    func bareLeadNowhere() async throws {
        let transport = StubTransport { _, _ in Self.notFound }
        let client = NLPearlClient(connection: Self.pearlConnection(transport), outboundIDs: ["first", "second"])
        await #expect(throws: VendorError.notFound(source: "pearl", resource: "lead L7 in outbound campaigns first, second", message: nil)) {
            try await client.lead(id: "L7")
        }
        #expect(transport.requests.count == 2)
    }

    @Test("Errors other than 404 stop the campaign search at once")
    func bareLeadUnauthorized() async throws {
        let transport = StubTransport { _, _ in json(#"{"message":"Invalid token"}"#, status: 401) }
        let client = NLPearlClient(connection: Self.pearlConnection(transport), outboundIDs: ["first", "second"])
        await #expect(throws: VendorError.unauthorized(source: "pearl", status: 401, message: "Invalid token", credential: "NLPEARL_TOKEN")) {
            try await client.lead(id: "L7")
        }
        #expect(transport.requests.count == 1)
    }

    @Test("Twenty calls are fetched with never more than maxConcurrentCalls in flight", arguments: [1, 3, 4])
    func boundedConcurrency(limit: Int) async throws {
        let callIDs = (1...20).map { "c\($0)" }
        let transport = InFlightTransport { request in
            request.url.path.hasPrefix("/v1/Call/") ? json(Self.call(request.url.lastPathComponent)) : json(Self.lead("L1", calls: callIDs))
        }
        let client = NLPearlClient(connection: Self.pearlConnection(transport), outboundIDs: [], maxConcurrentCalls: limit)
        let pages = PageLog()
        let history = try await client.history(leadID: "o/L1", channels: [.call]) { await pages.add($0.count) }

        #expect(history.events.map(\.id) == callIDs)
        #expect(history.events.allSatisfy { $0.channel == .call && $0.status == "Completed" && $0.durationSeconds == 30 })
        #expect(history.skippedItems == 0)
        #expect(await pages.counts == Array(repeating: 1, count: 20))
        #expect(transport.requestCount == 21)
        #expect(transport.maxInFlight <= limit)
        // The bound is reached, so the calls really are fetched side by side.
        #expect(transport.maxInFlight == limit)
    }

    @Test("A call the call endpoint does not know, or one without a start time, is skipped, not fatal")
    func missingCalls() async throws {
        let transport = StubTransport { request, _ in
            switch request.url.lastPathComponent {
            case "L1": json(Self.lead("L1", calls: ["c1", "gone", "c3", "c1", "nostart"]))
            case "gone": json(#"{"message":"Call not found"}"#, status: 404)
            case "nostart": json(#"{"id":"nostart","status":7}"#)
            case let id: json(Self.call(id))
            }
        }
        let history = try await NLPearlClient(connection: Self.pearlConnection(transport), outboundIDs: [])
            .history(leadID: "o/L1", channels: Set(Channel.allCases))
        #expect(history.events.map(\.id) == ["c1", "c3"])
        #expect(history.skippedItems == 2)
        // The repeated c1 is fetched once.
        #expect(transport.requests.count == 5)
    }

    @Test("Without callsId the embedded lastCall is the history")
    func lastCallOnly() async throws {
        let transport = StubTransport { _, _ in
            json(#"{"id":"L1","callsId":[],"lastCall":{"id":"c9","startTime":"2026-01-03T10:00:00Z","status":5}}"#)
        }
        let pages = PageLog()
        let history = try await NLPearlClient(connection: Self.pearlConnection(transport), outboundIDs: [])
            .history(leadID: "o/L1", channels: [.call]) { await pages.add($0.count) }
        #expect(history.events.map(\.id) == ["c9"])
        #expect(history.events.first?.status == "Busy")
        #expect(await pages.counts == [1])
        #expect(transport.requests.count == 1)
    }

    @Test("Not asking for calls makes no request at all")
    func noCallChannel() async throws {
        let transport = StubTransport { _, _ in json("{}") }
        let history = try await NLPearlClient(connection: Self.pearlConnection(transport), outboundIDs: ["a"])
            .history(leadID: "L1", channels: [.chat, .system, .email])
        #expect(history.events.isEmpty)
        #expect(transport.requests.isEmpty)
    }

    @Test("The lead list pages through every campaign with skip/limit, passing over empty ones")
    func listPagination() async throws {
        // Campaign a holds 5 leads, b none, c 3; the page size is 2.
        let holdings = ["a": 5, "b": 0, "c": 3]
        let transport = StubTransport { request, _ in
            let campaign = request.url.pathComponents[3]
            let body = try JSONDecoder().decode([String: JSONValue].self, from: request.body ?? Data())
            guard case .integer(let skip)? = body["skip"], case .integer(let limit)? = body["limit"] else {
                return json("{}", status: 400)
            }
            let total = holdings[campaign]!
            let ids = Int(skip)..<min(Int(skip + limit), total)
            let results = ids.map { #"{"id":"\#(campaign)\#($0)","phoneNumber":"+3460000000\#($0)","status":1}"# }
            return json(#"{"count":\#(total),"results":[\#(results.joined(separator: ","))]}"#)
        }
        let client = NLPearlClient(connection: Self.pearlConnection(transport), outboundIDs: ["a", "b", "c"], pageSize: 2)

        var pages: [[String]] = []
        var cursors: [String?] = []
        var cursor: String? = nil
        repeat {
            let page = try await client.leads(after: cursor)
            pages.append(page.leads.map(\.id))
            cursors.append(page.next)
            cursor = page.next
        } while cursor != nil

        #expect(pages == [["a/a0", "a/a1"], ["a/a2", "a/a3"], ["a/a4"], ["c/c0", "c/c1"], ["c/c2"]])
        #expect(cursors == ["0:2", "0:4", "1:0", "2:2", nil])
        let requests = transport.requests
        #expect(requests.map(\.url.path) == [
            "/v1/Outbound/a/Leads", "/v1/Outbound/a/Leads", "/v1/Outbound/a/Leads",
            "/v1/Outbound/b/Leads", "/v1/Outbound/c/Leads", "/v1/Outbound/c/Leads",
        ])
        #expect(requests.allSatisfy { $0.method == "POST" && $0.headers["Content-Type"] == "application/json" })
        #expect(requests.map { String(decoding: $0.body ?? Data(), as: UTF8.self) }.first
            == #"{"isAscending":true,"limit":2,"skip":0,"sortProp":"created"}"#)
        #expect(String(decoding: requests[1].body ?? Data(), as: UTF8.self) == #"{"isAscending":true,"limit":2,"skip":2,"sortProp":"created"}"#)
    }

    @Test("Phone lookups ask every campaign; a 404 means none there. Email cannot be looked up")
    func findByPhone() async throws {
        let transport = StubTransport { request, _ in
            request.url.path.contains("/Outbound/b/") ? json(Self.lead("L3")) : Self.notFound
        }
        let client = NLPearlClient(connection: Self.pearlConnection(transport), outboundIDs: ["a", "b"])
        let found = try await client.findLeads(matching: .phone("+34600111222"))
        #expect(found?.map(\.id) == ["b/L3"])
        #expect(transport.requests.map(\.url.absoluteString) == [
            "https://nlpearl.test/v1/Outbound/a/Lead/PhoneNumber/%2B34600111222",
            "https://nlpearl.test/v1/Outbound/b/Lead/PhoneNumber/%2B34600111222",
        ])
        #expect(try await client.findLeads(matching: .email("ana@example.com")) == nil)
        #expect(transport.requests.count == 2)
    }

    @Test("A phone lookup answering an array of leads keeps every lead that has an id")
    func findByPhoneArray() async throws {
        let transport = StubTransport { _, _ in json("[\(Self.lead("L1")),\(Self.lead("L2")),{\"phoneNumber\":\"+1\"}]") }
        let found = try await NLPearlClient(connection: Self.pearlConnection(transport), outboundIDs: ["a"])
            .findLeads(matching: .phone("+34600111222"))
        #expect(found?.map(\.id) == ["a/L1", "a/L2"])
    }
}

/// A transport that answers after a short pause and records how many requests overlapped.
final class InFlightTransport: Transport, @unchecked Sendable {
    // @unchecked: the counters are only touched while holding `lock`.
    private let lock = NSLock()
    private var inFlight = 0
    private var highWater = 0
    private var count = 0
    private let respond: @Sendable (HTTPRequest) -> HTTPResponse

    init(_ respond: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.respond = respond
    }

    var maxInFlight: Int { lock.withLock { highWater } }
    var requestCount: Int { lock.withLock { count } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock {
            inFlight += 1
            count += 1
            highWater = max(highWater, inFlight)
        }
        defer { lock.withLock { inFlight -= 1 } }
        // Long enough that every request the client allows is started before the first ends.
        try? await Task.sleep(for: .milliseconds(20))
        return respond(request)
    }
}
