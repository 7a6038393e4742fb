import Foundation

/// A person's events from every source in one chronological line.
///
/// Events are kept oldest first. Ties on the timestamp keep the order the events arrived in, so
/// the same input always reads the same way; reversing gives exactly the opposite line.
/// An event that arrives again with the same ``TimelineEvent/Key`` replaces the earlier copy in
/// place (a page fetched twice must not double the history).
///
/// Events are stored in arrival order and never move there, so a view can keep facts about an
/// event (its local day, its search text) by that arrival number; ``chronological`` lists the
/// arrival numbers oldest first. Merging a page sorts the page and merges it in: one pass over
/// the line, not a sort of the whole history per page.
public struct Timeline: Sendable {
    /// The events in arrival order; an event that arrived again replaced its first copy.
    public private(set) var arrived: [TimelineEvent] = []
    /// Arrival numbers (indices into `arrived`), oldest event first.
    public private(set) var chronological: [Int] = []
    /// Arrival numbers, found by their event's key. A dictionary keyed by the keys would hold a
    /// copy of every event's id; the table holds only the numbers.
    private var arrivals = NumberTable()
    /// `Key.hashValue`; tests give a worse one to make keys collide.
    private let hashKey: @Sendable (TimelineEvent.Key) -> Int
    /// How many events each channel has.
    public private(set) var countsByChannel: [Channel: Int] = [:]

    /// An empty timeline.
    public init() {
        hashKey = { $0.hashValue }
    }

    /// An empty timeline that hashes keys with `hashKey`, for testing collisions.
    init(hashingKeysWith hashKey: @escaping @Sendable (TimelineEvent.Key) -> Int) {
        self.hashKey = hashKey
    }

    /// A timeline of `events` in chronological order.
    public init(_ events: some Sequence<TimelineEvent>) {
        self.init()
        merge(events)
    }

    /// Gives back the storage the timeline grew beyond its events; for when it is complete.
    public mutating func releaseSpareCapacity() {
        arrived.releaseSpareCapacity()
        chronological.releaseSpareCapacity()
    }

    /// The events, oldest first.
    public var events: Events { Events(timeline: self) }

    /// Adds events from another page or source, keeping the line sorted and stable. Returns the
    /// arrival numbers that are new or were replaced.
    @discardableResult
    public mutating func merge(_ newEvents: some Sequence<TimelineEvent>) -> [Int] {
        var added: [Int] = []
        var replacedMoved = false
        var touched: [Int] = []
        for event in newEvents {
            let key = event.key
            if let arrival = arrival(of: key) {
                let old = arrived[arrival]
                countsByChannel[old.channel, default: 0] -= 1
                if countsByChannel[old.channel] == 0 { countsByChannel[old.channel] = nil }
                if old.timestamp != event.timestamp { replacedMoved = true }
                arrived[arrival] = event
                touched.append(arrival)
            } else {
                let arrival = arrived.count
                arrived.append(event)
                arrivals.insert(Int32(arrival), hash: hashKey(key))
                added.append(arrival)
                touched.append(arrival)
            }
            countsByChannel[event.channel, default: 0] += 1
        }
        if replacedMoved {
            chronological = arrived.indices.sorted(by: precedes)
        } else if !added.isEmpty {
            chronological = Self.merge(chronological, added.sorted(by: precedes), by: precedes)
        }
        return touched
    }

    /// The arrival number of the event with `key`, if it arrived.
    private func arrival(of key: TimelineEvent.Key) -> Int? {
        arrivals.first(hash: hashKey(key)) { arrived[Int($0)].key == key }.map(Int.init)
    }

    /// Oldest first; ties by arrival.
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        let left = arrived[a].timestamp, right = arrived[b].timestamp
        return left != right ? left < right : a < b
    }

    /// Two sorted lists as one sorted list, in one pass.
    private static func merge(_ a: [Int], _ b: [Int], by precedes: (Int, Int) -> Bool) -> [Int] {
        guard !a.isEmpty else { return b }
        guard !b.isEmpty else { return a }
        var result: [Int] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if precedes(b[j], a[i]) {
                result.append(b[j])
                j += 1
            } else {
                result.append(a[i])
                i += 1
            }
        }
        result.append(contentsOf: a[i...])
        result.append(contentsOf: b[j...])
        return result
    }

    /// The events in the requested order.
    public func ordered(_ order: TimelineOrder) -> [TimelineEvent] {
        order == .oldestFirst ? Array(events) : events.reversed()
    }

    /// The events on any of `channels` that match `query`, in the requested order.
    public func filtered(
        channels: Set<Channel> = Set(Channel.allCases), query: SearchQuery = SearchQuery(""),
        order: TimelineOrder = .oldestFirst
    ) -> [TimelineEvent] {
        ordered(order).filter { event in
            channels.contains(event.channel) && query.matches(event.searchableFields)
        }
    }

    /// The events oldest first, without copying them.
    public struct Events: RandomAccessCollection, Sendable {
        let timeline: Timeline
        public var startIndex: Int { 0 }
        public var endIndex: Int { timeline.chronological.count }
        public subscript(position: Int) -> TimelineEvent { timeline.arrived[timeline.chronological[position]] }
    }
}

/// Which end of the timeline comes first.
public enum TimelineOrder: Sendable, Hashable {
    case oldestFirst
    case newestFirst

    /// The other order.
    public var reversed: TimelineOrder { self == .oldestFirst ? .newestFirst : .oldestFirst }
}

extension TimelineEvent {
    /// The texts a timeline search looks in: source, kind, title, body, status, details.
    public var searchableFields: [String] {
        var fields = [source, kind, title]
        if let text { fields.append(text) }
        if let status { fields.append(status) }
        fields.append(contentsOf: details.map(\.value))
        return fields
    }
}
