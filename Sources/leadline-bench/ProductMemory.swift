import Foundation
#if canImport(Glibc)
import CMalloc
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
        /// MB of `total` that is file-backed (code and data of the program and its libraries).
        var fileBacked: Double
        /// MB resident with nothing held: the program, its libraries and the allocator's leftovers.
        var baseline: Double
        /// MB allocated (handed out by malloc and not freed) at each step, where glibc tells:
        /// everything held, then without the cache, without the timeline, without the events,
        /// and with nothing. Resident memory cannot split the figure: freed chunks share pages
        /// with live ones, so what a part frees shows up unevenly.
        var allocated: [Double]?

        var note: String {
            let estimate = String(format: "%.0f", Double(cacheEstimatedBytes) / 1_048_576)
            var note = "AppState with the persons listed and the events' timeline selected, plus a ResultCache (default bounds) "
                + "given that person's histories as the TUI files them, lead pages going past it (it kept \(cacheEntries), ~\(estimate) MB estimated); "
                + "the simulator, fetched pages and workspaces are released and free pages handed back (malloc_trim(0), as the TUI does when the user pauses; glibc's mmap threshold fixed at 1 MiB, as leadline sets it) before reading /proc/self/statm. "
                + String(format: "%.0f MB of it is file-backed (the program's and its libraries' pages, shared with other processes); ", fileBacked)
                + String(format: "with nothing held, %.0f MB is resident", baseline)
            if let allocated, allocated.count == 5 {
                note += String(format: ". Allocated: %.0f MB, of it the cache's own %.0f MB, timeline structures %.0f MB, the events themselves %.0f MB, lead list %.0f MB, the rest %.0f MB",
                               allocated[0], allocated[0] - allocated[1], allocated[1] - allocated[2], allocated[2] - allocated[3],
                               allocated[3] - allocated[4], allocated[4])
            }
            return note
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
        var allocated = [allocatedMegabytes()]

        var state: AppState? = held!.state
        var decoded: [[TimelineEvent]]? = held!.events
        held = nil
        allocated.append(allocatedMegabytes())

        // Moving to the next person drops the selected person's timeline, as the TUI does.
        _ = state!.handle(.key(.character("j")))
        state!.dropRetired()
        allocated.append(allocatedMegabytes())
        Benchmarks.keep(decoded)
        decoded = nil
        allocated.append(allocatedMegabytes())
        Benchmarks.keep(state)
        state = nil
        allocated.append(allocatedMegabytes())
        guard let baseline = residentMegabytes() else { throw BenchError.noProcfs }

        return Measurement(
            persons: persons, leads: leads, events: eventCount, cacheEntries: cacheEntries, cacheEstimatedBytes: cacheBytes,
            total: total, fileBacked: fileBacked, baseline: baseline,
            allocated: allocated.allSatisfy { $0 != nil } ? allocated.compactMap { $0 } : nil)
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
        Heap.returnFreePages()
        return Benchmarks.residentMegabytes()
    }

    /// MB (2^20 bytes) that malloc has handed out and not had back, over all arenas, from glibc's
    /// `malloc_info` report; nil on other C libraries.
    static func allocatedMegabytes() -> Double? {
        #if canImport(Glibc)
        var buffer: UnsafeMutablePointer<CChar>?
        var length = 0
        guard let stream = open_memstream(&buffer, &length) else { return nil }
        let status = malloc_info(0, stream)
        fclose(stream)
        defer { free(buffer) }
        guard status == 0, let buffer else { return nil }
        // After the last arena come the totals: the arenas' size, free chunks, and mmapped chunks.
        let report = String(cString: buffer)
        guard let lastHeap = report.range(of: "</heap>", options: .backwards) else { return nil }
        let totals = report[lastHeap.upperBound...]
        /// The `size` attribute of the first element that starts with `element`.
        func size(_ element: String) -> Double? {
            guard let start = totals.range(of: element)?.upperBound,
                  let sizeStart = totals[start...].range(of: "size=\"")?.upperBound else { return nil }
            return totals[sizeStart...].split(separator: "\"", maxSplits: 1).first.flatMap { Double($0) }
        }
        guard let system = size("<system type=\"current\""), let fast = size("<total type=\"fast\""),
              let rest = size("<total type=\"rest\""), let mapped = size("<total type=\"mmap\"")
        else { return nil }
        return (system - fast - rest + mapped) / 1_048_576
        #else
        return nil
        #endif
    }
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
