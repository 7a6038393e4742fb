import Foundation

/// An in-memory cache of what sources returned, shared by the UI and the command line.
///
/// - Entries live for `ttl`, then the next request loads afresh.
/// - The total estimated size is kept under `maxBytes` by evicting the least recently used
///   entries.
/// - Single-flight: concurrent requests for the same key share one load (one HTTP chain).
/// - `refresh: true` skips a cached entry and replaces it with a new load.
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
    private var inFlight: [Key: (id: UInt64, task: Task<any Sendable, any Error>)] = [:]
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

    /// The value for `key`: a fresh cached one, the result of a load already under way, or the
    /// result of `load`, which is then cached.
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
        if !refresh, let flight = inFlight[key] {
            stats.joined += 1
            return try await Self.cast(flight.task.value, as: Value.self)
        }
        stats.loads += 1
        useCounter += 1
        let id = useCounter
        let task = Task<any Sendable, any Error> { try await load() }
        inFlight[key] = (id, task)
        do {
            let value = try await Self.cast(task.value, as: Value.self)
            finish(key, id: id, value: value, bytes: value.approximateBytes)
            return value
        } catch {
            if inFlight[key]?.id == id { inFlight[key] = nil }
            throw error
        }
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

    private func finish(_ key: Key, id: UInt64, value: any Sendable, bytes: Int) {
        // A refresh that started later owns the key now; an older load must not overwrite it.
        guard inFlight[key]?.id == id else { return }
        inFlight[key] = nil
        remove(key)
        useCounter += 1
        entries[key] = Entry(value: value, bytes: bytes, storedAt: now(), lastUse: useCounter)
        totalBytes += bytes
        evictToFit()
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

extension Lead: CacheSized {
    public var approximateBytes: Int {
        200 + name.utf8.count + (phone?.utf8.count ?? 0) + (email?.utf8.count ?? 0)
            + details.reduce(0) { $0 + $1.label.utf8.count + $1.value.utf8.count + 32 }
    }
}

extension TimelineEvent: CacheSized {
    public var approximateBytes: Int {
        300 + title.utf8.count + (text?.utf8.count ?? 0)
            + transcript.reduce(0) { $0 + $1.text.utf8.count + $1.speaker.utf8.count + 48 }
            + details.reduce(0) { $0 + $1.label.utf8.count + $1.value.utf8.count + 32 }
            + urls.reduce(0) { $0 + $1.url.utf8.count + $1.label.utf8.count + 32 }
            + 32 + raw.text.utf8.count
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
