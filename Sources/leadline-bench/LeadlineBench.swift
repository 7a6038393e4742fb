import Foundation
import LeadlineKit
import LeadlineUI

/// `leadline-bench [--json] [--people N]`: measures DESIGN §6's quality bars on data from the
/// in-process simulator and prints each figure with its unit, size and target.
///
/// `rss_mb` is measured first, on the product's state alone (``ProductMemory``). Progress goes to
/// standard error so `--json` leaves standard output machine-readable. The network figures
/// (first events, cold open) start `leadline sim serve` from the `leadline` binary next to this
/// one, so build both (`swift build -c release`).
@main
struct LeadlineBench {
    static let usage = """
        usage: leadline-bench [--json] [--people N] [--only GROUP,...]
          --json       print one JSON object: figure name → {value, unit, size}
          --people N   people in the simulated world (default 100000)
          --only G,…   measure only these groups: memory, keys, filter, decode, network
        """

    /// The figures, in groups that share their set-up, in the order they are measured.
    enum Group: String, CaseIterable {
        case memory, keys, filter, decode, network
    }

    static func main() async {
        // As `leadline` does, so the memory measured is the product's.
        Heap.keepLargeBlocksMapped()
        var json = false
        var people = 100_000
        var groups = Set(Group.allCases)
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            switch argument {
            case "--json": json = true
            case "--people":
                guard let value = arguments.popFirst().flatMap({ Int($0) }), value > 0 else { fail("--people needs a positive number") }
                people = value
            case "--only":
                let names = arguments.popFirst()?.split(separator: ",").map(String.init) ?? []
                let chosen = names.compactMap(Group.init(rawValue:))
                guard !names.isEmpty, chosen.count == names.count else {
                    fail("--only takes groups from: \(Group.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                groups = Set(chosen)
            case "-h", "--help":
                print(usage)
                return
            default: fail("unknown argument '\(argument)'\n\(usage)")
            }
        }
        do {
            let figures = try await run(people: people, groups: groups)
            print(json ? try figures.json() : figures.map(\.line).joined(separator: "\n"))
        } catch {
            fail(String(describing: error))
        }
    }

    static func run(people: Int, groups: Set<Group>) async throws -> [Figure] {
        let width = 200, height = 60
        var figures: [Figure] = []

        // First, while the heap is unfragmented by the other measurements.
        if groups.contains(.memory), FileManager.default.fileExists(atPath: "/proc/self/statm") {
            let memory = try await progress("measuring the product's memory") {
                try await ProductMemory.measure(people: people, events: 100_000, width: width, height: height)
            }
            figures.append(Figure(
                name: "rss_mb", value: memory.total, unit: "MB",
                size: "\(grouped(memory.persons)) persons (\(grouped(memory.leads)) leads) listed, \(grouped(memory.events))-event timeline selected and cached",
                limit: 200, note: memory.note))
        }

        if !groups.isDisjoint(with: [.keys, .filter]) {
            figures += try await listFigures(groups, people: people, width: width, height: height)
        }
        if groups.contains(.decode) {
            let decoding = try await progress("timing Nexor history decoding") {
                try await Benchmarks.nexorDecoding(historySize: 5_000, warmUpRuns: 1, runs: 5)
            }
            figures.append(Figure(
                name: "decode_mb_per_s", value: decoding.megabytesPerSecond, unit: "MB/s",
                size: "\(grouped(decoding.events)) events in \(decoding.pages) Nexor history pages, "
                    + String(format: "%.1f MB", Double(decoding.bytes) / 1e6) + ", median of 5 runs",
                limit: nil, note: "MB = 10^6 bytes of JSON body, decoded and mapped by NexorClient from memory"))
        }
        if groups.contains(.network) {
            figures += try await progress("timing cold opens against sim serve (\(NetworkBenchmarks.latency) ms round trips)") {
                try await NetworkBenchmarks.figures(benchBinary: benchBinary())
            }
        }
        return figures
    }

    /// The figures measured on the whole lead list: keystrokes, list search and filter toggles.
    static func listFigures(_ groups: Set<Group>, people: Int, width: Int, height: Int) async throws -> [Figure] {
        var figures: [Figure] = []
        let fixture = try await progress("fetching \(grouped(people)) people's lead lists") {
            try await Fixture.load(people: people)
        }

        // Keystrokes and list search: the whole list, and a ~10,000-event timeline for the selected person.
        if groups.contains(.keys) {
            var (state, _, history) = try await progress("listing them at \(width)×\(height) with a ~10,000-event timeline") {
                try await fixture.stateWithTimeline(events: 10_000, width: width, height: height)
            }
            let persons = state.leads.personCount
            let (samples, byStep) = progress("timing keystrokes") {
                Benchmarks.keystrokes(&state, history: history, warmUpRounds: 1, rounds: 10)
            }
            // Which keys of the mix cost most, for whoever works on them (standard error).
            let slowest = byStep.indices.sorted { byStep[$0].milliseconds(50) > byStep[$1].milliseconds(50) }.prefix(8)
            for step in slowest {
                let line = String(format: "  step %2d %-14@ p50 %.3f ms  max %.3f ms\n", step, "\(Benchmarks.keystrokeMix[step])" as NSString,
                                  byStep[step].milliseconds(50), byStep[step].milliseconds(100))
                FileHandle.standardError.write(Data(line.utf8))
            }
            let size = "\(width)×\(height), \(grouped(persons)) persons, \(grouped(history.count))-event timeline selected, "
                + "\(grouped(samples.count)) keystrokes of a \(Benchmarks.keystrokeMix.count)-key mix"
            figures.append(Figure(
                name: "keystroke_p50_ms", value: samples.milliseconds(50), unit: "ms", size: size, limit: nil,
                note: "§6 bounds every keystroke; see p99"))
            figures.append(Figure(name: "keystroke_p99_ms", value: samples.milliseconds(99), unit: "ms", size: size, limit: 1))

            let search = progress("timing list search keystrokes") {
                Benchmarks.listSearch(&state, warmUpRounds: 1, rounds: 5)
            }
            figures.append(Figure(
                name: "list_search_ms", value: search.milliseconds(50), unit: "ms",
                size: "\(width)×\(height), \(grouped(persons)) persons, \(grouped(history.count))-event timeline selected, median of \(search.count) keystrokes typing and erasing \"mar\"",
                limit: 10, note: String(format: "p99 %.3f ms", search.milliseconds(99))))
        }

        // Filter toggles: the whole list and a ~100,000-event timeline.
        if groups.contains(.filter) {
            var (state, _, history) = try await progress("listing them again with a ~100,000-event timeline") {
                try await fixture.stateWithTimeline(events: 100_000, width: width, height: height)
            }
            let toggles = progress("timing channel filter changes") {
                Benchmarks.filterToggles(&state, warmUpRounds: 1, rounds: 10)
            }
            figures.append(Figure(
                name: "filter_toggle_ms", value: toggles.milliseconds(50), unit: "ms",
                size: "\(width)×\(height), \(grouped(history.count))-event timeline, median of \(toggles.count) changes",
                limit: 5, note: String(format: "p99 %.3f ms", toggles.milliseconds(99))))
        }
        return figures
    }

    /// This executable, to find `leadline` built next to it.
    static func benchBinary() -> URL {
        #if os(Linux)
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        #else
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        #endif
    }

    /// Runs `work`, telling standard error what it is doing and how long it took.
    static func progress<T>(_ what: String, _ work: () throws -> T) rethrows -> T {
        let start = Benchmarks.clock.now
        let result = try work()
        report(what, since: start)
        return result
    }

    static func progress<T>(_ what: String, _ work: () async throws -> T) async rethrows -> T {
        let start = Benchmarks.clock.now
        let result = try await work()
        report(what, since: start)
        return result
    }

    private static func report(_ what: String, since start: ContinuousClock.Instant) {
        let seconds = Samples.milliseconds(Benchmarks.clock.now - start) / 1_000
        FileHandle.standardError.write(Data(String(format: "%@: %.1f s\n", what, seconds).utf8))
    }

    /// 100000 → "100,000".
    static func grouped(_ number: Int) -> String {
        var digits = String(number.magnitude)
        var index = digits.endIndex
        while digits.distance(from: digits.startIndex, to: index) > 3 {
            index = digits.index(index, offsetBy: -3)
            digits.insert(",", at: index)
        }
        return number < 0 ? "-" + digits : digits
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("leadline-bench: \(message)\n".utf8))
        exit(2)
    }
}
