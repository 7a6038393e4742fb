import Foundation
import Synchronization
import Testing
@testable import LeadlineKit

@Suite("Rate limiter: a source's documented request limit, shared by its clients", .timeLimit(.minutes(1)))
struct RateLimiterTests {
    /// A clock that moves only when something sleeps on it.
    final class ManualClock: Sendable {
        private let instant = Mutex(ContinuousClock.now)
        let start: ContinuousClock.Instant

        init() { start = instant.withLock { $0 } }

        var now: ContinuousClock.Instant { instant.withLock { $0 } }
        /// Seconds since the clock was made.
        var elapsed: Double {
            let duration = now - start
            return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }

        func advance(by duration: Duration) {
            instant.withLock { $0 += duration }
        }

        func limiter(_ limit: Int, per window: Duration) -> RateLimiter {
            RateLimiter(RateLimit(limit, per: window), now: { self.now }, sleep: { duration in self.instant.withLock { $0 += duration } })
        }
    }

    @Test("At most `limit` requests start in any window; the next waits for the oldest to age out")
    func window() async throws {
        let clock = ManualClock()
        let limiter = clock.limiter(3, per: .seconds(10))
        var starts: [Double] = []
        for _ in 0..<8 {
            try await limiter.acquire()
            starts.append(clock.elapsed)
            await limiter.release()
        }
        #expect(starts == [0, 0, 0, 10, 10, 10, 20, 20])
        // Never more than three in a 10-second window.
        for (index, start) in starts.enumerated() {
            #expect(starts[index...].filter { $0 < start + 10 }.count <= 3)
        }
    }

    @Test("A request holds its place until answered, and its window counts from the answer")
    func countedFromRelease() async throws {
        let clock = ManualClock()
        let limiter = clock.limiter(2, per: .seconds(10))
        try await limiter.acquire()
        try await limiter.acquire()
        // Both answered 4 s after they were sent: the vendor may have counted them as late as that.
        clock.advance(by: .seconds(4))
        await limiter.release()
        await limiter.release()
        try await limiter.acquire()
        #expect(clock.elapsed == 14, "counted from the start it would be 10")
        await limiter.release()

        // While both places are held by requests in flight, the next one waits for a release.
        let busy = ManualClock()
        let held = busy.limiter(1, per: .seconds(1))
        try await held.acquire()
        let waiting = Task { try await held.acquire() }
        while busy.elapsed < 0.2 { await Task.yield() }
        await held.release()
        try await waiting.value
        // It went once the answer was in and a window had passed from it.
        #expect(busy.elapsed >= 1.2)
    }

    @Test("A request waiting for the limit is cancelled with its task")
    func cancelled() async throws {
        let limiter = RateLimiter(RateLimit(1, per: .seconds(60)))
        try await limiter.acquire()
        let waiting = Task { try await limiter.acquire() }
        try await Task.sleep(for: .milliseconds(50))
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
    }

    /// The stub's `{"data":[]}`.
    struct Page: Decodable {
        let data: [Int]
    }

    @Test("A client's requests wait for the limit, retries included, and say 'cancelled' if stopped")
    func throughClient() async throws {
        let clock = ManualClock()
        let sent = Mutex<[Double]>([])
        let transport = StubTransport { _, index in
            sent.withLock { $0.append(clock.elapsed) }
            // Every third answer is a 500, which the client retries.
            return index % 3 == 2 ? json("{}", status: 500) : json("{\"data\":[]}")
        }
        var connection = connection(transport, retry: RetryPolicy(maxAttempts: 3, baseDelay: .zero, maxDelay: .zero))
        connection.rateLimiter = clock.limiter(2, per: .seconds(1))
        let http = VendorHTTPClient(connection: connection, authHeaders: [:]) { _ in nil }
        for _ in 0..<4 { _ = try await http.send(Page.self, "GET", path: ["leads"], resource: "leads", request: "GET /leads") }
        let times = sent.withLock { $0 }
        #expect(times.count == 5)
        #expect(times == [0, 0, 1, 1, 2])
    }

    @Test("LeadPing's documented 300 requests / 60 s is one limiter for all of a source's clients")
    func workspace() {
        #expect(SourceKind.leadping.documentedRateLimit?.limit == 300)
        #expect(SourceKind.leadping.documentedRateLimit?.window == .seconds(60))
        #expect(SourceKind.nexor.documentedRateLimit == nil)
        let sources = [
            SourceConfig(name: "lp", kind: .leadping, credential: .environment("LP")),
            SourceConfig(name: "nx", kind: .nexor, credential: .environment("NX")),
        ]
        let workspace = Workspace(config: Config(file: nil, sources: sources), environment: ["LP": "token", "NX": "key"])
        let limiter = workspace.rateLimiter(named: "lp")
        #expect(limiter != nil && limiter === workspace.rateLimiter(named: "lp"))
        #expect(workspace.rateLimiter(named: "nx") == nil)
        #expect(limiter.map { $0.limit == 300 && $0.window == .seconds(60) } == true)
    }
}
