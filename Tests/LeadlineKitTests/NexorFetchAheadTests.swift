import Foundation
import Testing
@testable import LeadlineKit

/// A transport that holds the requests `holds` picks until the test lets them go, and counts how
/// many requests were in flight at once.
final class ParkingTransport: Transport, @unchecked Sendable {
    // @unchecked: every stored var is only touched while holding `lock`.
    private let lock = NSLock()
    private var parked: [(request: HTTPRequest, release: CheckedContinuation<Void, any Error>)] = []
    private var inFlight = 0
    private var mostInFlight = 0
    private var sent: [HTTPRequest] = []
    private let holds: @Sendable (HTTPRequest) -> Bool
    private let respond: @Sendable (HTTPRequest) throws -> HTTPResponse

    init(holds: @escaping @Sendable (HTTPRequest) -> Bool, respond: @escaping @Sendable (HTTPRequest) throws -> HTTPResponse) {
        self.holds = holds
        self.respond = respond
    }

    var requests: [HTTPRequest] { lock.withLock { sent } }
    var parkedRequests: [HTTPRequest] { lock.withLock { parked.map(\.request) } }
    var maxInFlight: Int { lock.withLock { mostInFlight } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock {
            sent.append(request)
            inFlight += 1
            mostInFlight = max(mostInFlight, inFlight)
        }
        defer { lock.withLock { inFlight -= 1 } }
        if holds(request) {
            let id = UUID().uuidString
            var held = request
            held.headers["X-Park-ID"] = id
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    let cancelled = lock.withLock {
                        if Task.isCancelled { return true }
                        parked.append((held, continuation))
                        return false
                    }
                    if cancelled { continuation.resume(throwing: TransportError.cancelled) }
                }
            } onCancel: {
                let continuation = lock.withLock { () -> CheckedContinuation<Void, any Error>? in
                    guard let index = parked.firstIndex(where: { $0.request.headers["X-Park-ID"] == id }) else { return nil }
                    return parked.remove(at: index).release
                }
                continuation?.resume(throwing: TransportError.cancelled)
            }
        }
        return try respond(request)
    }

    /// Lets the parked requests `which` picks go on to their answers.
    func release(_ which: (HTTPRequest) -> Bool) {
        let released = lock.withLock {
            let chosen = parked.filter { which($0.request) }
            parked.removeAll { which($0.request) }
            return chosen.map(\.release)
        }
        released.forEach { $0.resume() }
    }

    /// Waits (polling, up to ten seconds) until at least `count` requests are parked.
    func waitForParked(_ count: Int) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(10)
        while lock.withLock({ parked.count }) < count {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(1))
        }
        return true
    }
}

/// Records the id of each page's first event, in the order `onPage` saw them.
actor PageStarts {
    private(set) var ids: [String] = []
    func add(_ events: [TimelineEvent]) { ids.append(events.first?.id ?? "-") }
}

@Suite("Nexor client: history pages fetched ahead", .timeLimit(.minutes(1)))
struct NexorFetchAheadTests {
    /// A server holding `total` numbered items that answers at most `cap` a page (`shortAt` maps
    /// an offset to a smaller count for that one page).
    static func server(total: Int, cap: Int, shortAt: [Int: Int] = [:]) -> @Sendable (HTTPRequest) throws -> HTTPResponse {
        { request in
            let offset = Int(request.query["offset"]!)!
            let limit = min(Int(request.query["limit"]!)!, shortAt[offset] ?? cap)
            let end = min(offset + limit, total)
            return json(NexorClientTests.page(min(offset, end)..<end, hasMore: end < total, offset: offset))
        }
    }

    static func offset(_ request: HTTPRequest) -> Int { Int(request.query["offset"] ?? "") ?? -1 }

    @Test("After the first page the next four are asked for at once; pages still reach onPage in order")
    func fetchesAheadInOrder() async throws {
        let transport = ParkingTransport(holds: { Self.offset($0) < 50 }, respond: Self.server(total: 55, cap: 10))
        let client = NexorClient(connection: connection(transport), pageSize: 10)
        let starts = PageStarts()
        let loading = Task { try await client.history(leadID: "1", channels: Set(Channel.allCases)) { await starts.add($0) } }

        #expect(await transport.waitForParked(1))
        #expect(transport.requests.map(Self.offset) == [0], "nothing is asked ahead before the first page tells the page size")
        transport.release { _ in true }
        #expect(await transport.waitForParked(4))
        #expect(transport.parkedRequests.map(Self.offset).sorted() == [10, 20, 30, 40])
        // Answered last first: onPage must still see them in offset order.
        for offset in [40, 30, 20, 10] { transport.release { Self.offset($0) == offset } }

        let history = try await loading.value
        #expect(history.events.map(\.id) == (0..<55).map { "m\($0)" })
        #expect(await starts.ids == ["m0", "m10", "m20", "m30", "m40", "m50"])
        #expect(transport.maxInFlight <= 4)
        #expect(transport.requests.allSatisfy { Self.offset($0) % 10 == 0 && Self.offset($0) <= 90 })
    }

    @Test("A page that comes back short moves the following offsets; pages asked ahead at old offsets are not used")
    func shortPageMidway() async throws {
        // The page at 10 holds 5 items although more follow, so 15 (not 20) comes next.
        let transport = StubTransport { request, _ in try Self.server(total: 35, cap: 10, shortAt: [10: 5])(request) }
        let client = NexorClient(connection: connection(transport), pageSize: 10)
        let pages = PageLog()
        let history = try await client.history(leadID: "1", channels: Set(Channel.allCases)) { await pages.add($0.count) }
        #expect(history.events.map(\.id) == (0..<35).map { "m\($0)" })
        #expect(await pages.counts.reduce(0, +) == 35)
        #expect(transport.requests.map(Self.offset).contains(15))
    }

    @Test("An error on a page that is needed ends the history with that error")
    func errorPropagates() async throws {
        let transport = StubTransport { request, _ in
            if Self.offset(request) == 20 { return json(#"{"error":"boom"}"#, status: 500) }
            return try Self.server(total: 50, cap: 10)(request)
        }
        let client = NexorClient(connection: connection(transport), pageSize: 10)
        await #expect(throws: VendorError.serverError(source: "nexor", status: 500, message: "boom")) {
            try await client.history(leadID: "1", channels: Set(Channel.allCases))
        }
    }

    @Test("An error on a page asked for past the end is ignored")
    func errorPastTheEndIgnored() async throws {
        let transport = StubTransport { request, _ in
            if Self.offset(request) >= 30 { return json(#"{"error":"Lead not found"}"#, status: 404) }
            return try Self.server(total: 30, cap: 10)(request)
        }
        let client = NexorClient(connection: connection(transport), pageSize: 10)
        let history = try await client.history(leadID: "1", channels: Set(Channel.allCases))
        #expect(history.events.count == 30)
    }

    @Test("With one page in flight at most, pages are read strictly one after the other")
    func sequentialWhenBoundIsOne() async throws {
        let transport = StubTransport { request, _ in try Self.server(total: 35, cap: 10)(request) }
        let client = NexorClient(connection: connection(transport), pageSize: 10, maxPagesInFlight: 1)
        let history = try await client.history(leadID: "1", channels: Set(Channel.allCases))
        #expect(history.events.count == 35)
        #expect(transport.requests.map(Self.offset) == [0, 10, 20, 30])
    }

    @Test("Cancelling the caller cancels every page in flight and asks for no more")
    func cancellation() async throws {
        let transport = ParkingTransport(holds: { _ in true }, respond: Self.server(total: 500, cap: 10))
        let client = NexorClient(connection: connection(transport), pageSize: 10)
        let loading = Task { try await client.history(leadID: "1", channels: Set(Channel.allCases)) }
        #expect(await transport.waitForParked(1))
        transport.release { _ in true }
        #expect(await transport.waitForParked(4))
        loading.cancel()
        await #expect(throws: VendorError.cancelled(source: "nexor")) { try await loading.value }
        #expect(transport.parkedRequests.isEmpty, "every parked request saw the cancellation")
        #expect(transport.requests.count == 5)
    }
}
