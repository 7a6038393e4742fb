import Foundation

/// An in-memory cache of what sources returned, shared by the UI and the command line.
///
/// - Entries live for `ttl`, then the next request loads afresh.
/// - The total estimated size is kept under `maxBytes` by evicting the least recently used
///   entries.
/// - Single-flight: concurrent requests for the same key share one load (one HTTP chain).
/// - `refresh: true` skips a cached entry and replaces it with a new load.
/// - Cancellation: a caller whose task is cancelled stops waiting at once and gets
///   ``VendorError/cancelled(source:)``; when the last caller waiting on a load has gone, the load
///   itself is cancelled (its requests and page chain stop) and the next request starts afresh.
///
/// A load that fails is not cached; everyone waiting on it gets the error.
public actor ResultCache {
    /// What a cached value is filed under: the source's name and a description of the request.
    public struct Key: Hashable, Sendable, CustomStringConvertible {
        public var source: String
        public var request: String

        public init(source: String, request: String) {
            self.source = source
            self.request = request
        }

        public var description: String { "\(source) \(request)" }
    }

    /// Counters for tests and the benchmark.
    public struct Stats: Sendable, Equatable {
        /// Requests answered from a fresh entry.
        public var hits = 0
        /// Requests that started a load.
        public var loads = 0
        /// Requests that joined a load already under way.
        public var joined = 0
        /// Entries dropped to stay under the size bound.
        public var evictions = 0
    }

    private struct Entry {
        var value: any Sendable
        var bytes: Int
        var storedAt: TimeInterval
        var lastUse: UInt64
    }

    private let ttl: TimeInterval
    private let maxBytes: Int
    private let now: @Sendable () -> TimeInterval
    private var entries: [Key: Entry] = [:]
    private var inFlight: [Key: Flight] = [:]
    private var useCounter: UInt64 = 0
    private var totalBytes = 0
    public private(set) var stats = Stats()

    /// A cache holding entries for `ttl` within about `maxBytes` of estimated memory.
    ///
    /// `now` is a monotonic clock in seconds; tests pass one they can move.
    public init(
        ttl: Duration = .seconds(300), maxBytes: Int = 128 << 20,
        now: @escaping @Sendable () -> TimeInterval = { ProcessInfo.processInfo.systemUptime }
    ) {
        self.ttl = ttl.seconds
        self.maxBytes = maxBytes
        self.now = now
    }

    /// One load under way and the callers waiting for it.
    private struct Flight {
        var id: UInt64
        var task: Task<Void, Never>
        var waiters: [UInt64: CheckedContinuation<any Sendable, any Error>] = [:]
    }

    /// The value for `key`: a fresh cached one, the result of a load already under way, or the
    /// result of `load`, which is then cached.
    ///
    /// The load runs in a task of its own, so it outlives a caller that is cancelled while others
    /// still wait for it; it is cancelled when nobody waits any more.
    public func value<Value: Sendable & CacheSized>(
        for key: Key, refresh: Bool = false, load: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        if !refresh, var entry = entries[key], now() - entry.storedAt < ttl, let value = entry.value as? Value {
            useCounter += 1
            entry.lastUse = useCounter
            entries[key] = entry
            stats.hits += 1
            return value
        }
        // A caller already cancelled must not start a load that nobody would wait for.
        if Task.isCancelled { throw VendorError.cancelled(source: key.source) }
        let flightID: UInt64
        if !refresh, let flight = inFlight[key] {
            stats.joined += 1
            flightID = flight.id
        } else {
            stats.loads += 1
            useCounter += 1
            let id = useCounter
            flightID = id
            let task = Task { [weak self] in
                do {
                    let value = try await load()
                    await self?.complete(key, id: id, with: .success(value), bytes: value.approximateBytes)
                } catch {
                    await self?.complete(key, id: id, with: .failure(error), bytes: 0)
                }
            }
            // An older load of this key (refresh) keeps its waiters; it just cannot be joined any more.
            if let older = inFlight[key] { orphans[older.id] = (key, older) }
            inFlight[key] = Flight(id: id, task: task)
        }
        useCounter += 1
        let waiterID = useCounter
        let value = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                wait(for: key, flight: flightID, waiter: waiterID, continuation)
            }
        } onCancel: {
            Task { await self.stopWaiting(for: key, flight: flightID, waiter: waiterID) }
        }
        return try Self.cast(value, as: Value.self)
    }

    /// Whether `key` has a fresh entry, so asking for it now is a hit; nothing is loaded and the
    /// counters do not move.
    public func holds(_ key: Key) -> Bool {
        guard let entry = entries[key] else { return false }
        return now() - entry.storedAt < ttl
    }

    /// Drops every entry of `source` whose request satisfies `predicate` (e.g. one lead's).
    public func invalidate(source: String, where predicate: @Sendable (String) -> Bool = { _ in true }) {
        for key in entries.keys where key.source == source && predicate(key.request) {
            remove(key)
        }
    }

    /// The number of cached entries.
    public var count: Int { entries.count }

    /// The estimated size of everything cached.
    public var bytes: Int { totalBytes }

    /// Loads replaced by a refresh while callers still waited for them, by flight id.
    private var orphans: [UInt64: (key: Key, flight: Flight)] = [:]

    /// The flight `id` of `key`, whether it can still be joined or was replaced by a refresh.
    private func flight(_ key: Key, id: UInt64) -> Flight? {
        if let flight = inFlight[key], flight.id == id { return flight }
        return orphans[id]?.flight
    }

    private func setFlight(_ flight: Flight, for key: Key) {
        if inFlight[key]?.id == flight.id { inFlight[key] = flight } else { orphans[flight.id] = (key, flight) }
    }

    private func removeFlight(_ key: Key, id: UInt64) {
        if inFlight[key]?.id == id { inFlight[key] = nil }
        orphans[id] = nil
    }

    /// Registers a caller with its flight, or answers it at once when it was cancelled already
    /// or the flight is gone.
    private func wait(for key: Key, flight id: UInt64, waiter: UInt64, _ continuation: CheckedContinuation<any Sendable, any Error>) {
        guard var flight = flight(key, id: id) else {
            continuation.resume(throwing: VendorError.cancelled(source: key.source))
            return
        }
        if Task.isCancelled {
            // Cancelled before it could be registered: `stopWaiting` found nothing to stop.
            continuation.resume(throwing: VendorError.cancelled(source: key.source))
            if flight.waiters.isEmpty {
                flight.task.cancel()
                removeFlight(key, id: id)
            }
            return
        }
        flight.waiters[waiter] = continuation
        setFlight(flight, for: key)
    }

    /// A caller was cancelled: it stops waiting now, and the load stops when nobody else waits.
    private func stopWaiting(for key: Key, flight id: UInt64, waiter: UInt64) {
        guard var flight = flight(key, id: id), let continuation = flight.waiters.removeValue(forKey: waiter) else { return }
        continuation.resume(throwing: VendorError.cancelled(source: key.source))
        if flight.waiters.isEmpty {
            flight.task.cancel()
            removeFlight(key, id: id)
        } else {
            setFlight(flight, for: key)
        }
    }

    /// A load ended: its waiters get the result, and a value is cached unless a later refresh
    /// owns the key now.
    private func complete(_ key: Key, id: UInt64, with result: Result<any Sendable, any Error>, bytes: Int) {
        guard let flight = flight(key, id: id) else { return }
        let current = inFlight[key]?.id == id
        removeFlight(key, id: id)
        if current, case .success(let value) = result {
            remove(key)
            useCounter += 1
            entries[key] = Entry(value: value, bytes: bytes, storedAt: now(), lastUse: useCounter)
            totalBytes += bytes
            evictToFit()
        }
        for continuation in flight.waiters.values { continuation.resume(with: result) }
    }

    private func remove(_ key: Key) {
        if let old = entries.removeValue(forKey: key) { totalBytes -= old.bytes }
    }

    private func evictToFit() {
        // A linear scan per eviction: entries number in the thousands at most, and eviction is
        // rare next to lookups, so an intrusive LRU list would buy nothing measurable.
        while totalBytes > maxBytes, entries.count > 1,
              let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
            remove(oldest)
            stats.evictions += 1
        }
    }

    private static func cast<Value>(_ value: any Sendable, as type: Value.Type) throws -> Value {
        guard let typed = value as? Value else {
            // Two callers used one key for different types: a programming error, reported loudly.
            throw CacheTypeMismatch(expected: "\(Value.self)", found: "\(Swift.type(of: value))")
        }
        return typed
    }
}

/// A key was used for two different value types.
public struct CacheTypeMismatch: Error, CustomStringConvertible {
    public let expected: String
    public let found: String
    public var description: String { "cache entry holds \(found), expected \(expected)" }
}

/// A value that can say roughly how much memory it holds, for the cache's size bound.
public protocol CacheSized {
    /// An estimate in bytes; it need only be proportionate, not exact.
    var approximateBytes: Int { get }
}

// Both count their struct and their packed storage; neither unpacks a string to be measured.
extension Lead: CacheSized {
    public var approximateBytes: Int {
        MemoryLayout<Lead>.stride + packedByteCount
    }
}

extension TimelineEvent: CacheSized {
    public var approximateBytes: Int {
        MemoryLayout<TimelineEvent>.stride + packedByteCount
            + transcript.reduce(0) { $0 + $1.text.utf8.count + $1.speaker.utf8.count + 48 }
            + urls.reduce(0) { $0 + $1.url.utf8.count + $1.label.utf8.count + 32 }
    }
}

extension History: CacheSized {
    public var approximateBytes: Int { 64 + events.reduce(0) { $0 + $1.approximateBytes } }
}

extension LeadPage: CacheSized {
    public var approximateBytes: Int { 64 + leads.reduce(0) { $0 + $1.approximateBytes } }
}

extension Array: CacheSized where Element: CacheSized {
    public var approximateBytes: Int { 32 + reduce(0) { $0 + $1.approximateBytes } }
}

extension Optional: CacheSized where Wrapped: CacheSized {
    public var approximateBytes: Int { self?.approximateBytes ?? 8 }
}
