import Foundation
import LeadlineKit
import LeadlineUI

/// The benchmark's data: every lead list and the selected person's histories, fetched through the
/// real clients from the in-process simulator, then fed into ``AppState`` through the events the
/// TUI runner posts (`leadsLoaded`, `eventsArrived`, `leadFinished`).
struct Fixture {
    static let seed: UInt64 = 1

    let options: SimulatorOptions
    let sources: [String]
    /// Every source's whole lead list, joined into one page per source.
    let pages: [(source: String, page: LeadPage)]
    let referenceDate: Date

    /// Fetches every lead of a `people`-person world.
    static func load(people: Int) async throws -> Fixture {
        let options = SimulatorOptions(seed: seed, leads: people)
        let workspace = Workspace.demo(options: options)
        let sources = workspace.config.sources.map(\.name)
        var pages: [(source: String, page: LeadPage)] = []
        try await withThrowingTaskGroup(of: (String, LeadPage).self) { group in
            for name in sources {
                let source = try workspace.source(named: name).source
                group.addTask { (name, LeadPage(leads: try await source.allLeads(), next: nil)) }
            }
            for try await (name, page) in group { pages.append((name, page)) }
        }
        pages.sort { sources.firstIndex(of: $0.source)! < sources.firstIndex(of: $1.source)! }
        return Fixture(
            options: options, sources: sources, pages: pages,
            referenceDate: Simulator(options: options).referenceDate)
    }

    /// A 200×60 (or other) state with every lead listed; the first person is selected and their
    /// timeline requested, as at start-up.
    func state(width: Int, height: Int) -> (state: AppState, request: TimelineRequest?) {
        var state = AppState(
            sources: sources, width: width, height: height, now: referenceDate,
            timeZone: TimeZone(identifier: "UTC")!)
        var effects = state.start()
        for (source, page) in pages {
            effects += state.handle(.leadsLoaded(source: source, page: page))
        }
        return (state, TimelineRequest.last(in: effects))
    }

    /// `state(width:height:)` with the selected person's timeline of about `events` events
    /// fetched and fed in.
    func stateWithTimeline(
        events: Int, width: Int, height: Int
    ) async throws -> (state: AppState, request: TimelineRequest, history: PersonHistory) {
        var (state, request) = state(width: width, height: height)
        guard let request else { throw BenchError.noTimelineRequested }
        let perVendor = max(1, events / request.person.leads.count)
        let history = try await PersonHistory.fetch(request.person, from: workspace(historySize: perVendor))
        history.feed(into: &state, generation: request.generation)
        return (state, request, history)
    }

    /// A workspace over the same world whose leads have `historySize` events per vendor.
    func workspace(historySize: Int) -> Workspace {
        var options = options
        options.historySize = historySize
        return Workspace.demo(options: options)
    }
}

/// A timeline the state asked for (the runner's `loadTimeline` effect).
struct TimelineRequest {
    var person: Person
    var generation: Int

    /// The last `loadTimeline` among `effects`: the one the state still wants.
    static func last(in effects: [Effect]) -> TimelineRequest? {
        for effect in effects.reversed() {
            if case .loadTimeline(let person, let generation, _) = effect {
                return TimelineRequest(person: person, generation: generation)
            }
        }
        return nil
    }
}

/// One person's whole history, fetched lead by lead through the real clients.
struct PersonHistory {
    var person: Person
    /// Each lead's events, in the person's lead order.
    var events: [(ref: String, events: [TimelineEvent])]

    var count: Int { events.reduce(0) { $0 + $1.events.count } }

    static func fetch(_ person: Person, from workspace: Workspace) async throws -> PersonHistory {
        var events: [(ref: String, events: [TimelineEvent])] = []
        for lead in person.leads {
            let source = try workspace.source(named: lead.source).source
            let history = try await source.history(leadID: lead.id, channels: Set(Channel.allCases)) { _ in }
            events.append((lead.ref, history.events))
        }
        return PersonHistory(person: person, events: events)
    }

    /// Feeds the history into `state` for `generation`: one `eventsArrived` per lead (the runner
    /// posts one per page; joining them keeps set-up short and is the same event), then each
    /// lead's `leadFinished`.
    func feed(into state: inout AppState, generation: Int) {
        for (_, leadEvents) in events {
            _ = state.handle(.eventsArrived(generation: generation, events: leadEvents))
        }
        for (ref, _) in events {
            _ = state.handle(.leadFinished(generation: generation, ref: ref, warnings: [], failure: nil))
        }
    }
}
