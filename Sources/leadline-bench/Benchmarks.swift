import Foundation
import LeadlineKit
import LeadlineUI

/// The measurements. Each times key → ``AppState/handle(_:)`` → ``Screen/render(_:)``, the work
/// between a key and the next frame, after warming up on the same keys.
enum Benchmarks {
    static let clock = ContinuousClock()

    /// Handles `key` and renders the frame; the time both took and the effects asked for.
    /// Then, untimed, frees what the key replaced, as the TUI does once the frame is drawn.
    static func frame(_ state: inout AppState, _ key: Key) -> (Duration, [Effect]) {
        let start = clock.now
        let effects = state.handle(.key(key))
        let buffer = Screen.render(state)
        let elapsed = clock.now - start
        keep(buffer)
        state.dropRetired()
        return (elapsed, effects)
    }

    /// Keeps the optimiser from dropping work whose result is otherwise unused.
    @inline(never)
    static func keep<T>(_ value: T) {
        withExtendedLifetime(value) {}
    }

    /// One round of the keystroke mix, starting and ending in the lead list with the fixture's
    /// person selected: moves, pane switches, channel toggles and a `/` search in the timeline,
    /// and a move away from the person and back in the list.
    static let keystrokeMix: [Key] = [
        .tab,
        .character("j"), .character("j"), .character("j"), .character("j"), .character("j"),
        .pageDown, .pageDown, .character("k"), .character("k"), .character("G"), .character("g"),
        .character("c"), .character("w"), .character("e"), .character("a"),
        .character("/"), .character("c"), .character("a"), .character("l"), .character("l"),
        .backspace, .backspace, .backspace, .backspace, .escape,
        .tab, .character("j"), .character("j"),
        .tab,
        .character("j"), .character("k"),
    ]

    /// Keystroke → frame over ``keystrokeMix``. When the list comes back to `history`'s person,
    /// their events are fed again outside the timing, as a cache hit would deliver them.
    static func keystrokes(
        _ state: inout AppState, history: PersonHistory, warmUpRounds: Int, rounds: Int
    ) -> (all: Samples, byStep: [Samples]) {
        var samples = Samples()
        var byStep = [Samples](repeating: Samples(), count: keystrokeMix.count)
        for round in 0..<(warmUpRounds + rounds) {
            for (step, key) in keystrokeMix.enumerated() {
                let (elapsed, effects) = frame(&state, key)
                if round >= warmUpRounds {
                    samples.append(elapsed)
                    byStep[step].append(elapsed)
                }
                if let request = TimelineRequest.last(in: effects), request.person.id == history.person.id {
                    history.feed(into: &state, generation: request.generation)
                }
            }
        }
        return (samples, byStep)
    }

    /// Channel filter changes in the timeline pane: only calls, + WhatsApp, + email, all.
    static func filterToggles(_ state: inout AppState, warmUpRounds: Int, rounds: Int) -> Samples {
        if state.focus != .timeline { _ = state.handle(.key(.tab)) }
        let keys: [Key] = [.character("c"), .character("w"), .character("e"), .character("a")]
        var samples = Samples()
        for round in 0..<(warmUpRounds + rounds) {
            for key in keys {
                let (elapsed, _) = frame(&state, key)
                if round >= warmUpRounds { samples.append(elapsed) }
            }
        }
        return samples
    }

    /// Keystrokes of a `/` search in the lead list: typing "mar" and erasing it again.
    static func listSearch(_ state: inout AppState, warmUpRounds: Int, rounds: Int) -> Samples {
        while state.focus != .leads { _ = state.handle(.key(.tab)) }
        _ = state.handle(.key(.character("/")))
        let keys: [Key] = [.character("m"), .character("a"), .character("r"), .backspace, .backspace, .backspace]
        var samples = Samples()
        for round in 0..<(warmUpRounds + rounds) {
            for key in keys {
                let (elapsed, _) = frame(&state, key)
                if round >= warmUpRounds { samples.append(elapsed) }
            }
        }
        _ = state.handle(.key(.escape))
        return samples
    }

    /// Decodes and maps a recorded Nexor history with the real ``NexorClient``, answering from
    /// memory so only decoding and mapping are timed. Returns MB (10^6 bytes) per second of the
    /// median run, the bytes per run and the events per run.
    static func nexorDecoding(
        historySize: Int, warmUpRuns: Int, runs: Int
    ) async throws -> (megabytesPerSecond: Double, bytes: Int, events: Int, pages: Int) {
        let simulator = Simulator(options: SimulatorOptions(seed: Fixture.seed, leads: 1_000, historySize: historySize))
        guard let leadID = (0..<simulator.peopleCount).lazy.compactMap({ simulator.person(at: $0)?.account(.nexor)?.id }).first else {
            throw BenchError.noNexorLead
        }
        let recorder = RecordingTransport(base: SimulatorTransport(simulator))
        let events = try await nexorClient(recorder).history(leadID: leadID, channels: Set(Channel.allCases)).events.count
        let replay = ReplayTransport(responses: recorder.responses)
        let client = nexorClient(replay)
        var samples = Samples()
        for run in 0..<(warmUpRuns + runs) {
            let start = clock.now
            let history = try await client.history(leadID: leadID, channels: Set(Channel.allCases))
            let elapsed = clock.now - start
            keep(history)
            if run >= warmUpRuns { samples.append(elapsed) }
        }
        let bytes = replay.byteCount
        let seconds = samples.milliseconds(50) / 1_000
        return (Double(bytes) / 1e6 / seconds, bytes, events, recorder.responses.count)
    }

    private static func nexorClient(_ transport: any Transport) -> NexorClient {
        NexorClient(connection: SourceConnection(
            name: "nexor", baseURL: URL(string: "http://bench.leadline.invalid/nexor")!,
            credential: Secret(Simulator.credential(for: .nexor), origin: "the simulator"),
            transport: transport))
    }

    /// Resident memory of this process in MB (2^20 bytes), from `/proc/self/statm`; nil where
    /// there is no procfs.
    static func residentMegabytes() -> Double? {
        statm(field: 1)
    }

    /// MB of the resident memory that is file-backed: the program's and its libraries' code
    /// and data, shared with other processes that map the same files.
    static func fileBackedMegabytes() -> Double? {
        statm(field: 2)
    }

    /// Field `field` of `/proc/self/statm` (in pages) in MB.
    private static func statm(field: Int) -> Double? {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = statm.split(separator: " ")
        guard fields.count > field, let pages = Double(fields[field]) else { return nil }
        let pageSize = Double(sysconf(Int32(_SC_PAGESIZE)))
        return pages * pageSize / 1_048_576
    }
}

enum BenchError: Error, CustomStringConvertible {
    case noNexorLead
    case noTimelineRequested
    case notInFixture(String)
    case noProcfs

    var description: String {
        switch self {
        case .noNexorLead: "the simulated world has no Nexor lead to decode"
        case .noTimelineRequested: "the loaded list selected nobody, so no timeline was requested"
        case .notInFixture(let id): "the benchmark's fixture has no lead \(id)"
        case .noProcfs: "no /proc/self/statm to read resident memory from"
        }
    }
}

/// Answers from another transport and keeps every response by URL.
final class RecordingTransport: Transport, @unchecked Sendable {
    // @unchecked: `recorded` is only touched while holding `lock`.
    private let base: any Transport
    private let lock = NSLock()
    private var recorded: [URL: HTTPResponse] = [:]

    init(base: any Transport) {
        self.base = base
    }

    var responses: [URL: HTTPResponse] { lock.withLock { recorded } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = try await base.send(request)
        lock.withLock { recorded[request.url] = response }
        return response
    }
}

/// Answers from responses recorded earlier.
struct ReplayTransport: Transport {
    let responses: [URL: HTTPResponse]

    /// Body bytes of one full history: all recorded pages.
    var byteCount: Int { responses.values.reduce(0) { $0 + $1.body.count } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        responses[request.url] ?? HTTPResponse(status: 404)
    }
}
