import Foundation

/// A person's events from every source in one chronological line.
///
/// Events are kept oldest first. Ties on the timestamp keep the order the events arrived in, so
/// the same input always reads the same way; reversing gives exactly the opposite line.
/// An event that arrives again with the same ``TimelineEvent/Key`` replaces the earlier copy in
/// place (a page fetched twice must not double the history).
public struct Timeline: Sendable {
    /// The events, oldest first.
    public private(set) var events: [TimelineEvent] = []
    private var positionByKey: [TimelineEvent.Key: Int] = [:]

    /// An empty timeline.
    public init() {}

    /// A timeline of `events` in chronological order.
    public init(_ events: some Sequence<TimelineEvent>) {
        merge(events)
    }

    /// Adds events from another page or source, keeping the line sorted and stable.
    public mutating func merge(_ newEvents: some Sequence<TimelineEvent>) {
        var combined = events
        for event in newEvents {
            if let position = positionByKey[event.key] {
                combined[position] = event
            } else {
                positionByKey[event.key] = combined.count
                combined.append(event)
            }
        }
        // Sorting (timestamp, arrival position) pairs makes the order stable by construction.
        let order = combined.indices.sorted { lhs, rhs in
            let left = combined[lhs].timestamp, right = combined[rhs].timestamp
            return left != right ? left < right : lhs < rhs
        }
        events = order.map { combined[$0] }
        positionByKey = Dictionary(
            uniqueKeysWithValues: events.enumerated().map { ($0.element.key, $0.offset) })
    }

    /// The events in the requested order.
    public func ordered(_ order: TimelineOrder) -> [TimelineEvent] {
        order == .oldestFirst ? events : events.reversed()
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

    /// How many events each channel has.
    public var countsByChannel: [Channel: Int] {
        events.reduce(into: [:]) { counts, event in counts[event.channel, default: 0] += 1 }
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
