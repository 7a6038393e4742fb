import Foundation
import Testing
@testable import LeadlineKit

@Suite("Nexor client: requests and pagination")
struct NexorClientTests {
    /// A history item of the documented `message` shape, numbered.
    static func item(_ number: Int) -> String {
        let seconds = String(format: "%02d", number % 60)
        return #"{"type":"message","id":"m\#(number)","channel":"whatsapp","direction":"outbound","content":"n\#(number)","timestamp":"2026-01-10T09:\#(String(format: "%02d", number / 60)):\#(seconds)Z"}"#
    }

    static func page(_ numbers: Range<Int>, hasMore: Bool, offset: Int) -> String {
        #"{"success":true,"history":[\#(numbers.map(item).joined(separator: ","))],"pagination":{"limit":200,"offset":\#(offset),"has_more":\#(hasMore)}}"#
    }

    @Test("Short pages: the offset advances by what the server returned, until has_more is false")
    func shortPages() async throws {
        // The server hands out at most 7 items whatever the limit, 23 in all.
        let transport = StubTransport { request, _ in
            let offset = Int(request.query["offset"]!)!
            let end = min(offset + 7, 23)
            return json(Self.page(min(offset, end)..<end, hasMore: end < 23, offset: offset))
        }
        let client = NexorClient(connection: connection(transport), pageSize: 10)
        let pages = PageLog()
        let history = try await client.history(leadID: "lead 1/x", channels: Set(Channel.allCases)) { await pages.add($0.count) }

        #expect(history.events.map(\.id) == (0..<23).map { "m\($0)" })
        #expect(history.skippedItems == 0)
        #expect(await pages.counts == [7, 7, 7, 2])
        let requests = transport.requests
        // Pages after the first are asked for ahead, so a few past the end may be asked too.
        let offsets = requests.compactMap { $0.query["offset"].flatMap { Int($0) } }
        #expect(offsets.first == 0)
        #expect(Set(offsets).isSuperset(of: [0, 7, 14, 21]))
        #expect(offsets.allSatisfy { $0 % 7 == 0 }, "every offset after the first follows the 7-item pages: \(offsets)")
        #expect(offsets.filter { $0 > 21 }.count <= 4, "\(offsets)")
        #expect(requests.allSatisfy { $0.query["limit"] == "10" })
        #expect(requests.allSatisfy { $0.query["channel"] == nil })
        #expect(requests[0].url.absoluteString.hasPrefix("https://nexor.test/api/public/leads/lead%201%2Fx/history?"))
        #expect(requests.allSatisfy { $0.headers["X-API-Key"] == "nxr_live_secret123" && $0.method == "GET" })
    }

    @Test("has_more with an empty page stops instead of looping")
    func emptyPageStops() async throws {
        let transport = StubTransport { _, _ in json(Self.page(0..<0, hasMore: true, offset: 0)) }
        let history = try await NexorClient(connection: connection(transport)).history(leadID: "1", channels: [.call])
        #expect(history.events.isEmpty)
        #expect(transport.requests.count == 1)
    }

    static let serverFilters: [(Set<Channel>, String?)] = [
        ([.call], "call"),
        ([.call, .whatsapp], "call,whatsapp"),
        ([.call, .whatsapp, .email], nil),
        ([.email, .system], nil),
        (Set(Channel.allCases), nil),
    ]

    @Test("Channel filters go to the server only when that cannot lose events", arguments: serverFilters)
    func serverFilter(channels: Set<Channel>, expected: String?) async throws {
        let transport = StubTransport { _, _ in json(Self.page(0..<1, hasMore: false, offset: 0)) }
        _ = try await NexorClient(connection: connection(transport)).history(leadID: "1", channels: channels)
        #expect(transport.requests.first?.query["channel"] == expected)
    }

    @Test("Asking only for channels Nexor does not have makes no request")
    func noNexorChannels() async throws {
        let transport = StubTransport { _, _ in json("{}") }
        let history = try await NexorClient(connection: connection(transport)).history(leadID: "1", channels: [.sms, .chat])
        #expect(history.events.isEmpty)
        #expect(transport.requests.isEmpty)
    }

    @Test("Client-side filter drops what the server sent on other channels")
    func clientSideFilter() async throws {
        let transport = StubTransport { _, _ in
            HTTPResponse(status: 200, body: try Fixture.data("nexor-get-lead-history.json"))
        }
        let history = try await NexorClient(connection: connection(transport)).history(leadID: "1", channels: [.call])
        #expect(history.events.map(\.kind) == ["call_missed", "call"])
    }

    @Test("The lead is read from GET /leads/{id}")
    func lead() async throws {
        let transport = StubTransport { _, _ in HTTPResponse(status: 200, body: try Fixture.data("nexor-get-lead.json")) }
        let lead = try await NexorClient(connection: connection(transport)).lead(id: "123e4567-e89b-12d3-a456-426614174000")
        #expect(lead.name == "Carlos Lopez")
        #expect(transport.requests.map(\.url.absoluteString) == ["https://nexor.test/api/public/leads/123e4567-e89b-12d3-a456-426614174000"])
    }
}

/// Collects page sizes from the `onPage` callback.
actor PageLog {
    private(set) var counts: [Int] = []
    func add(_ count: Int) { counts.append(count) }
}
