import Foundation
import LeadlineKit

/// DESIGN §6's network bars, measured through the real client code (``Workspace``, the vendor
/// clients, ``ResultCache``, ``URLSessionTransport``) against `leadline sim serve` on loopback,
/// with a simulated round trip of ``latency`` on every request.
///
/// The person opened is in all four vendors, with five pages of history at Nexor and one page or
/// one request at the others. Every round opens them with an empty cache over a transport whose
/// connections are already open, as a cold open in the TUI does after the lead list has loaded.
enum NetworkBenchmarks {
    static let latency = 100
    /// The simulator's page cap: Nexor histories of 49–60 events then take five pages.
    static let pageCap = 12
    static let pages = 5
    static let people = 5_000
    static let rounds = 7

    struct Result {
        var firstEvents: Samples
        var coldOpen: Samples
        /// The slowest vendor opened alone, and its name.
        var longestVendor: (source: String, samples: Samples)
        var pagedVendor: Samples
        var person: String
        var events: Int
    }

    static func figures(benchBinary: URL) async throws -> [Figure] {
        let leadline = benchBinary.deletingLastPathComponent().appendingPathComponent("leadline")
        guard FileManager.default.isExecutableFile(atPath: leadline.path) else {
            throw NetworkBenchError.noLeadline(leadline.path)
        }
        let server = try SimServeProcess(leadline, ["--latency", String(latency), "--leads", String(people),
                                                    "--page-size", String(pageCap), "--seed", String(Fixture.seed)])
        defer { server.stop() }
        let result = try await measure(port: server.port)

        let size = "\(result.person) in 4 vendors, \(result.events) events, Nexor \(pages) pages of \(pageCap), "
            + "\(latency) ms round trips, sim serve on loopback, median of \(rounds) cold opens"
        let longest = result.longestVendor.samples.milliseconds(50)
        return [
            Figure(
                name: "first_events_ms", value: result.firstEvents.milliseconds(50), unit: "ms", size: size,
                limit: Double(latency + 30), note: "from asking for the timeline to the first page of events; target one round trip + 30 ms"),
            Figure(
                name: "cold_open_ms", value: result.coldOpen.milliseconds(50), unit: "ms", size: size,
                limit: ((longest + 30) * 10).rounded() / 10,
                note: String(format: "every page of every vendor; target the longest single vendor opened alone (%@, %.1f ms) + 30 ms, "
                    + "where one after the other would be the sum", result.longestVendor.source, longest)),
            Figure(
                name: "paged_history_ms", value: result.pagedVendor.milliseconds(50), unit: "ms",
                size: "Nexor alone, \(pages) pages of \(pageCap) events, \(latency) ms round trips, median of \(rounds)",
                limit: nil,
                note: "a diagnostic for cold_open_ms: pages after the first are fetched ahead, so this is about 2–3 round trips "
                    + "where \(pages) pages one after another would be at least \(pages * latency) ms"),
        ]
    }

    private static func measure(port: Int) async throws -> Result {
        let simulator = Simulator(options: SimulatorOptions(seed: Fixture.seed, leads: people, pageSize: pageCap))
        // Nexor's history takes `pages` pages and LeadPing's one; of those people, the one with the
        // fewest NLPearl calls (a request each, four at a time), so Nexor's chain is the long one.
        // Nexor lists a meeting once per subtype, so its pages are counted by reading them, in
        // process, one page at a time.
        let candidates = (0..<simulator.peopleCount).compactMap { simulator.person(at: $0) }.filter { person in
            guard person.accounts.count == 4, let nexor = person.account(.nexor), let leadPing = person.account(.leadping) else { return false }
            return nexor.eventCount <= pageCap * pages && leadPing.eventCount <= pageCap
        }.sorted { ($0.account(.nlpearl)?.eventCount ?? 0, $0.index) < ($1.account(.nlpearl)?.eventCount ?? 0, $1.index) }
        var chosen: SimulatedPerson?
        for person in candidates {
            guard let nexor = person.account(.nexor) else { continue }
            let counter = RecordingTransport(base: SimulatorTransport(simulator))
            let client = NexorClient(connection: SourceConnection(
                name: "nexor", baseURL: URL(string: "http://bench.leadline.invalid/nexor")!,
                credential: Secret(Simulator.credential(for: .nexor), origin: "the simulator"), transport: counter),
                maxPagesInFlight: 1)
            _ = try await client.history(leadID: nexor.id, channels: Set(Channel.allCases))
            if counter.responses.count == pages {
                chosen = person
                break
            }
        }
        guard let chosen else { throw NetworkBenchError.noPerson }

        let sources = simulator.sourceConfigs(baseURL: "http://127.0.0.1:\(port)")
        var environment: [String: String] = [:]
        for source in sources {
            if case .environment(let variable) = source.credential { environment[variable] = Simulator.credential(for: source.kind) }
        }
        let config = Config(file: nil, sources: sources)
        let transport = URLSessionTransport()
        func workspace() -> Workspace { Workspace(config: config, environment: environment, transport: transport) }

        // The leads, as the list would have them; not timed.
        let lookup = workspace()
        var leads: [Lead] = []
        for account in chosen.accounts {
            let ref = try LeadRef(parsing: account.ref)
            leads.append(try await lookup.source(named: ref.source).source.lead(id: ref.id))
        }
        let person = Person(leads: leads)

        var firstEvents = Samples(), coldOpen = Samples(), paged = Samples()
        var alone: [String: Samples] = [:]
        var events = 0
        // Round 0 warms up (connections, code paths) and is not counted.
        for round in 0...rounds {
            let clock = ContinuousClock()
            let first = FirstArrival()
            let start = clock.now
            let (timeline, _) = try await workspace().timeline(for: person) { page in
                if !page.isEmpty { await first.note(clock.now) }
            }
            let end = clock.now
            events = timeline.events.count
            guard let arrival = await first.instant else { throw NetworkBenchError.noEvents }
            for lead in person.leads {
                let source = try workspace().source(named: lead.source).source
                let started = clock.now
                _ = try await source.history(leadID: lead.id, channels: Set(Channel.allCases)) { _ in }
                if round > 0 { alone[lead.source, default: Samples()].append(clock.now - started) }
                if round > 0, lead.source == SourceKind.nexor.rawValue { paged.append(clock.now - started) }
            }
            if round > 0 {
                firstEvents.append(arrival - start)
                coldOpen.append(end - start)
            }
        }
        guard let longest = alone.max(by: { $0.value.milliseconds(50) < $1.value.milliseconds(50) }) else { throw NetworkBenchError.noEvents }
        return Result(
            firstEvents: firstEvents, coldOpen: coldOpen, longestVendor: (longest.key, longest.value), pagedVendor: paged,
            person: "a person", events: events)
    }
}

/// When the first events arrived.
private actor FirstArrival {
    private(set) var instant: ContinuousClock.Instant?
    func note(_ now: ContinuousClock.Instant) { if instant == nil { instant = now } }
}

enum NetworkBenchError: Error, CustomStringConvertible {
    case noLeadline(String)
    case serverDidNotStart(String)
    case noPerson
    case noEvents

    var description: String {
        switch self {
        case .noLeadline(let path):
            "the network figures need the leadline binary next to leadline-bench, at \(path); build both with `swift build -c release`"
        case .serverDidNotStart(let output):
            "leadline sim serve did not start: \(output)"
        case .noPerson:
            "the simulated world has nobody in all four vendors with \(NetworkBenchmarks.pages) pages of Nexor history"
        case .noEvents:
            "the cold open delivered no events"
        }
    }
}

/// `leadline sim serve --port 0 …` as a child process, until ``stop()``.
///
/// Started with `posix_spawn`; its standard output is read on a thread of its own, for the
/// address it prints first and then so the pipe never fills.
final class SimServeProcess: Sendable {
    let pid: pid_t
    let port: Int

    init(_ leadline: URL, _ arguments: [String]) throws {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw NetworkBenchError.serverDidNotStart("no pipe: \(String(cString: strerror(errno)))") }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([leadline.path, "sim", "serve", "--port", "0"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, leadline.path, &actions, nil, argv, environ)
        close(ends[1])
        guard status == 0 else {
            close(ends[0])
            throw NetworkBenchError.serverDidNotStart("cannot run \(leadline.path): \(String(cString: strerror(status)))")
        }
        self.pid = pid
        let output = OutputReader(fd: ends[0])
        // The first line: "# leadline sim serve: listening on http://127.0.0.1:PORT (…)".
        let deadline = Date().addingTimeInterval(60)
        while true {
            let (text, ended) = output.snapshot
            if let range = text.range(of: #"127\.0\.0\.1:\d+"#, options: .regularExpression),
               let port = Int(text[range].split(separator: ":")[1]) {
                self.port = port
                return
            }
            if ended || Date() > deadline {
                kill(pid, SIGKILL)
                var status: Int32 = 0
                waitpid(pid, &status, 0)
                throw NetworkBenchError.serverDidNotStart(text.isEmpty ? "no output" : text)
            }
            usleep(10_000)
        }
    }

    /// Ends the server and reaps it.
    func stop() {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
    }
}

/// Drains a pipe on a thread of its own and keeps what it read.
private final class OutputReader: @unchecked Sendable {
    // @unchecked: `text` and `ended` are only touched while holding `lock`.
    private let lock = NSLock()
    private var text = ""
    private var ended = false

    init(fd: Int32) {
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 16_384)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                let chunk = String(decoding: buffer[0..<count], as: UTF8.self)
                // Only the first lines matter; later output is read just so the pipe never fills.
                lock.withLock { if text.utf8.count < 65_536 { text += chunk } }
            }
            close(fd)
            lock.withLock { ended = true }
        }
    }

    var snapshot: (text: String, ended: Bool) { lock.withLock { (text, ended) } }
}
