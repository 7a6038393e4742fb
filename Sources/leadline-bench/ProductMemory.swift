import Foundation
#if canImport(Glibc)
import Glibc
#endif
import LeadlineKit
import LeadlineUI

/// Resident memory of what the TUI holds for a big workspace, and nothing else.
///
/// The state and cache are built from the in-process simulator like the other figures, then
/// everything that only the benchmark needs (the simulator's world, the fetched pages, the
/// workspaces and their caches) is released and freed memory is handed back to the system
/// before `/proc/self/statm` is read. Parts are then released one at a time to tell what each
/// holds.
enum ProductMemory {
    struct Measurement {
        var persons: Int
        var leads: Int
        var events: Int
        var cacheEntries: Int
        var cacheEstimatedBytes: Int
        /// MB resident with the state and the cache held: the figure.
        var total: Double
        /// MB once the cache is released: the state alone.
        var state: Double
        /// MB once the state has left the timeline's person, the decoded events still held.
        var listAndEvents: Double
        /// MB once the events are released too: the lead list alone.
        var list: Double
        /// MB with nothing held: the program, its libraries and the allocator's leftovers.
        var baseline: Double
        /// MB of `total` that is file-backed (code and data of the program and its libraries).
        var fileBacked: Double

        var note: String {
            let estimate = String(format: "%.0f", Double(cacheEstimatedBytes) / 1_048_576)
            return "AppState with the persons listed and the events' timeline selected, plus a ResultCache (default bounds) "
                + "given that person's histories as the TUI files them, lead pages going past it (it kept \(cacheEntries), ~\(estimate) MB estimated); "
                + "the simulator, fetched pages and workspaces are released and malloc_trim(0) run before reading /proc/self/statm. "
                + String(format: "Of it: cache %.0f MB, timeline structures %.0f MB, the events themselves %.0f MB, lead list %.0f MB, process baseline %.0f MB",
                         total - state, state - listAndEvents, listAndEvents - list, list - baseline, baseline)
                + String(format: "; %.0f MB of the total is file-backed (the program's and its libraries' pages, shared with other processes)", fileBacked)
        }
    }

    /// Lists `people` people's leads in a `width`×`height` state, selects the first person with
    /// about `events` events, and measures.
    static func measure(people: Int, events: Int, width: Int, height: Int) async throws -> Measurement {
        var held: Held? = try await build(people: people, events: events, width: width, height: height)
        let (persons, leads, eventCount) = (
            held!.state.leads.personCount, held!.state.leads.directory.leadCount, held!.events.reduce(0) { $0 + $1.count })
        let cacheEntries = await held!.cache.count
        let cacheBytes = await held!.cache.bytes
        guard let total = residentMegabytes(), let fileBacked = Benchmarks.fileBackedMegabytes() else { throw BenchError.noProcfs }

        var state: AppState? = held!.state
        var decoded: [[TimelineEvent]]? = held!.events
        held = nil
        guard let stateOnly = residentMegabytes() else { throw BenchError.noProcfs }

        // Moving to the next person drops the selected person's timeline, as the TUI does.
        _ = state!.handle(.key(.character("j")))
        state!.dropRetired()
        guard let listAndEvents = residentMegabytes() else { throw BenchError.noProcfs }
        Benchmarks.keep(decoded)
        decoded = nil
        guard let list = residentMegabytes() else { throw BenchError.noProcfs }
        Benchmarks.keep(state)
        state = nil
        guard let baseline = residentMegabytes() else { throw BenchError.noProcfs }

        return Measurement(
            persons: persons, leads: leads, events: eventCount, cacheEntries: cacheEntries, cacheEstimatedBytes: cacheBytes,
            total: total, state: stateOnly, listAndEvents: listAndEvents, list: list, baseline: baseline,
            fileBacked: fileBacked)
    }

    private struct Held {
        var state: AppState
        var cache: ResultCache
        /// The events as the clients returned them, lead by lead.
        var events: [[TimelineEvent]]
    }

    /// The state and cache; everything else built on the way is released when this returns.
    private static func build(
        people: Int, events: Int, width: Int, height: Int
    ) async throws -> Held {
        let fixture = try await Fixture.load(people: people)
        let (state, request, history) = try await fixture.stateWithTimeline(events: events, width: width, height: height)

        // Asked through CachingSource, so the cache holds what the TUI's would, under its keys;
        // the TUI lists leads past the cache.
        let cache = ResultCache()
        for (source, page) in fixture.pages {
            let histories = zip(request.person.leads, history.events).filter { $0.0.source == source }
            let fixed = FixedSource(name: source, page: page, histories: Dictionary(histories.map { ($0.0.id, $0.1.events) }) { a, _ in a })
            let caching = CachingSource(fixed, cache: cache)
            for leadID in fixed.histories.keys {
                _ = try await caching.history(leadID: leadID, channels: Set(Channel.allCases)) { _ in }
            }
        }
        return Held(state: state, cache: cache, events: history.events.map(\.events))
    }

    /// Resident memory of this process in MB (2^20 bytes) after handing freed heap pages back
    /// to the system; nil where there is no procfs.
    static func residentMegabytes() -> Double? {
        _ = mallocTrim?(0)
        return Benchmarks.residentMegabytes()
    }

    /// glibc's `malloc_trim`, which Swift's Glibc module does not export; nil on other C libraries.
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }()
}

/// A source that answers from data already fetched: one page of leads and some histories.
private struct FixedSource: LeadSource {
    let name: String
    let page: LeadPage
    let histories: [String: [TimelineEvent]]

    func lead(id: String) async throws -> Lead {
        guard let lead = page.leads.first(where: { $0.id == id }) else { throw BenchError.notInFixture(id) }
        return lead
    }

    func history(
        leadID: String, channels: Set<Channel>, onPage: @escaping @Sendable ([TimelineEvent]) async -> Void
    ) async throws -> History {
        guard let events = histories[leadID] else { throw BenchError.notInFixture(leadID) }
        await onPage(events)
        return History(events: events)
    }

    func leads(after cursor: String?) async throws -> LeadPage {
        cursor == nil ? page : LeadPage(leads: [], next: nil)
    }

    func findLeads(matching contact: ContactKey) async throws -> [Lead]? {
        nil
    }
}
