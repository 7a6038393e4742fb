import Foundation
import Testing
@testable import LeadlineKit

/// A clock the test moves by hand.
final class ManualClock: @unchecked Sendable {
    // @unchecked: `time` is only touched while holding `lock`.
    private let lock = NSLock()
    private var time: TimeInterval = 1000
    var now: @Sendable () -> TimeInterval { { self.lock.withLock { self.time } } }
    func advance(_ seconds: TimeInterval) { lock.withLock { time += seconds } }
}

/// Counts loads, and can hold them until released so requests overlap for certain.
actor LoadCounter {
    private(set) var loads = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var gateOpen = true

    func close() { gateOpen = false }
    func open() {
        gateOpen = true
        waiters.forEach { $0.resume() }
        waiters.removeAll()
    }

    func load(_ lead: Lead) async -> Lead {
        loads += 1
        if !gateOpen { await withCheckedContinuation { waiters.append($0) } }
        return lead
    }
}

/// Notes that a load saw its task cancelled.
actor CancellationLog {
    private(set) var cancelled = false
    func record() { cancelled = true }

    /// Waits (polling, up to ten seconds) for the record.
    func waitForRecord() async -> Bool {
        let deadline = ContinuousClock.now + .seconds(10)
        while !cancelled, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(1)) }
        return cancelled
    }
}

@Suite("In-memory cache")
struct ResultCacheTests {
    static func lead(_ id: String, name: String = "Ana") -> Lead { Lead(source: "s", id: id, name: name) }
    static let key = ResultCache.Key(source: "s", request: "lead 1")

    @Test("A fresh entry is a hit; after the TTL the next request loads again")
    func ttl() async throws {
        let clock = ManualClock()
        let cache = ResultCache(ttl: .seconds(60), now: clock.now)
        let counter = LoadCounter()
        _ = try await cache.value(for: Self.key) { await counter.load(Self.lead("1")) }
        clock.advance(59)
        _ = try await cache.value(for: Self.key) { await counter.load(Self.lead("1")) }
        #expect(await counter.loads == 1)
        clock.advance(2)
        _ = try await cache.value(for: Self.key) { await counter.load(Self.lead("1")) }
        #expect(await counter.loads == 2)
        #expect(await cache.stats == ResultCache.Stats(hits: 1, loads: 2, joined: 0, evictions: 0))
    }

    @Test("Concurrent requests for one key make one load (single-flight)")
    func singleFlight() async throws {
        let cache = ResultCache()
        let counter = LoadCounter()
        await counter.close()
        let names = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 {
                group.addTask { try await cache.value(for: Self.key) { await counter.load(Self.lead("1", name: "Ana")) }.name }
            }
            // Let every request reach the cache before the one load may finish.
            while await cache.stats.joined < 19 { await Task.yield() }
            await counter.open()
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(names == Array(repeating: "Ana", count: 20))
        #expect(await counter.loads == 1)
        #expect(await cache.stats.joined == 19)
    }

    @Test("Refresh bypasses a fresh entry and replaces it")
    func refresh() async throws {
        let cache = ResultCache()
        _ = try await cache.value(for: Self.key) { Self.lead("1", name: "old") }
        let fresh = try await cache.value(for: Self.key, refresh: true) { Self.lead("1", name: "new") }
        #expect(fresh.name == "new")
        #expect(try await cache.value(for: Self.key) { Self.lead("1", name: "unused") }.name == "new")
    }

    @Test("The size bound evicts the least recently used entries")
    func lru() async throws {
        let one = Self.lead("x").approximateBytes
        let cache = ResultCache(maxBytes: one * 3)
        for id in ["a", "b", "c"] {
            _ = try await cache.value(for: .init(source: "s", request: id)) { Self.lead("x") }
        }
        _ = try await cache.value(for: .init(source: "s", request: "a")) { Self.lead("x") }  // a is now recent
        _ = try await cache.value(for: .init(source: "s", request: "d")) { Self.lead("x") }  // evicts b
        #expect(await cache.count == 3)
        #expect(await cache.stats.evictions == 1)
        #expect(await cache.bytes <= one * 3)
        let loadsBefore = await cache.stats.loads
        _ = try await cache.value(for: .init(source: "s", request: "a")) { Self.lead("x") }
        _ = try await cache.value(for: .init(source: "s", request: "b")) { Self.lead("x") }
        #expect(await cache.stats.loads == loadsBefore + 1, "a was kept, b was evicted")
    }

    @Test("A failed load is not cached and reaches every waiter")
    func failure() async throws {
        let cache = ResultCache()
        await #expect(throws: VendorError.self) {
            try await cache.value(for: Self.key) { () async throws -> Lead in throw VendorError.cancelled(source: "s") }
        }
        #expect(try await cache.value(for: Self.key) { Self.lead("1") }.id == "1")
    }

    @Test("Cancelling the only caller cancels its load; the next request loads afresh", .timeLimit(.minutes(1)))
    func cancelOnlyCaller() async throws {
        let cache = ResultCache()
        let observed = CancellationLog()
        let caller = Task {
            try await cache.value(for: Self.key) { () async throws -> Lead in
                do {
                    // Long enough that a load nobody cancels would still be running when checked.
                    try await Task.sleep(for: .seconds(30))
                } catch {
                    await observed.record()
                    throw error
                }
                return Self.lead("1")
            }
        }
        while await cache.stats.loads < 1 { await Task.yield() }
        caller.cancel()
        await #expect(throws: VendorError.cancelled(source: "s")) { try await caller.value }
        #expect(await observed.waitForRecord(), "the load itself saw the cancellation")
        #expect(try await cache.value(for: Self.key) { Self.lead("1", name: "again") }.name == "again")
        #expect(await cache.stats.loads == 2)
    }

    @Test("A cancelled caller stops waiting at once; the load goes on for the others waiting", .timeLimit(.minutes(1)))
    func cancelOneOfTwoCallers() async throws {
        let cache = ResultCache()
        let counter = LoadCounter()
        await counter.close()
        let first = Task { try await cache.value(for: Self.key) { await counter.load(Self.lead("1", name: "Ana")) } }
        while await cache.stats.loads < 1 { await Task.yield() }
        let second = Task { try await cache.value(for: Self.key) { await counter.load(Self.lead("1", name: "unused")) } }
        while await cache.stats.joined < 1 { await Task.yield() }
        first.cancel()
        // The gate is still closed: the first caller can only have returned by giving up.
        await #expect(throws: VendorError.cancelled(source: "s")) { try await first.value }
        await counter.open()
        #expect(try await second.value.name == "Ana")
        #expect(await counter.loads == 1)
        #expect(try await cache.value(for: Self.key) { Self.lead("1", name: "unused") }.name == "Ana", "the load was cached")
    }

    @Test("A caller cancelled before it asks gets no value and starts no load", .timeLimit(.minutes(1)))
    func cancelledBeforeAsking() async throws {
        let cache = ResultCache()
        let observed = CancellationLog()
        let caller = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await cache.value(for: Self.key) { () async throws -> Lead in
                do { try await Task.sleep(for: .seconds(30)) } catch {
                    await observed.record()
                    throw error
                }
                return Self.lead("1")
            }
        }
        await #expect(throws: VendorError.cancelled(source: "s")) { try await caller.value }
        #expect(await cache.stats.loads == 0)
        #expect(await !observed.cancelled)
    }

    @Test("CachingSource: one lead's entries can be dropped; other leads stay")
    func invalidateLead() async throws {
        let transport = StubTransport { request, _ in
            let id = request.url.lastPathComponent
            return json(#"{"id": "\#(id)", "first_name": "N\#(id)"}"#)
        }
        let cache = ResultCache()
        let source = CachingSource(NexorClient(connection: connection(transport)), cache: cache)
        _ = try await source.lead(id: "1")
        _ = try await source.lead(id: "2")
        _ = try await source.lead(id: "1")
        #expect(transport.requests.count == 2)
        await source.invalidate(leadID: "1")
        _ = try await source.lead(id: "1")
        _ = try await source.lead(id: "2")
        #expect(transport.requests.map(\.url.lastPathComponent) == ["1", "2", "1"])
    }

    @Test("CachingSource: a cached history still reaches onPage, once")
    func cachedHistoryPages() async throws {
        let transport = StubTransport { _, _ in
            HTTPResponse(status: 200, body: try Fixture.data("nexor-get-lead-history.json"))
        }
        let source = CachingSource(NexorClient(connection: connection(transport)), cache: ResultCache())
        let first = PageLog(), second = PageLog()
        _ = try await source.history(leadID: "1", channels: Set(Channel.allCases)) { await first.add($0.count) }
        _ = try await source.history(leadID: "1", channels: Set(Channel.allCases)) { await second.add($0.count) }
        #expect(await first.counts == [10])
        #expect(await second.counts == [10])
        #expect(transport.requests.count == 1)
    }
}
