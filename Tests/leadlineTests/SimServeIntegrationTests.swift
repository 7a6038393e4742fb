import Foundation
import LeadlineKit
import Testing
@testable import leadline

/// The real URLSession transport against `leadline sim serve` on loopback, compared with the
/// same simulator run in-process (`--demo`): both must give the same answers.
@Suite("sim serve over loopback", .serialized, .timeLimit(.minutes(5)))
struct SimServeIntegrationTests {
    /// Runs `leadline arguments` in-process over the real HTTP transport, with retries short
    /// enough for a test.
    static func run(
        _ arguments: [String], environment: [String: String], timeout: Duration = .seconds(30),
        rateLimits: [SourceKind: RateLimit] = SourceKind.documentedRateLimits
    ) async -> (code: Int32, stdout: String, stderr: String) {
        var context = CommandContext(
            environment: environment.merging(["HOME": "/nonexistent"]) { a, _ in a }, transport: URLSessionTransport(),
            retry: RetryPolicy(maxAttempts: 6, baseDelay: .milliseconds(20), maxDelay: .seconds(2)),
            timeZone: TimeZone(identifier: "UTC")!, stdout: OutputSink(), stderr: OutputSink())
        context.timeout = timeout
        context.rateLimits = rateLimits
        let code = await Entry.run(arguments, context: context)
        return (code, context.stdout.text, context.stderr.text)
    }

    @Test("leads and a cross-vendor timeline over HTTP equal the in-process demo")
    func sameAsDemo() async throws {
        let binary = try #require(TimelineCommandTests.builtBinary())
        try await SimServer.with(binary: binary) { server in
            let served = await Self.run(["leads", "--config", server.configPath, "--format", "json"], environment: server.environment)
            let demo = await Self.run(["leads", "--demo", "--format", "json"], environment: [:])
            #expect(served.code == 0, "\(served.stderr)")
            #expect(served.stdout == demo.stdout)
            let persons = try #require(try JSONSerialization.jsonObject(with: Data(served.stdout.utf8)) as? [[String: Any]])
            #expect(persons.count == 200)

            // A person known to at least three vendors, looked up by phone.
            let simulator = Simulator(options: SimulatorOptions())
            let person = try #require(simulator.people.first { person in
                [.nexor, .leadping, .nlpearl].allSatisfy { person.account($0) != nil }
            })
            let servedTimeline = await Self.run(["timeline", person.phone, "--config", server.configPath, "--format", "json"], environment: server.environment)
            let demoTimeline = await Self.run(["timeline", person.phone, "--demo", "--format", "json"], environment: [:])
            #expect(servedTimeline.code == 0, "\(servedTimeline.stderr)")
            #expect(servedTimeline.stdout == demoTimeline.stdout)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(servedTimeline.stdout.utf8)) as? [String: Any])
            let sources = Set((document["events"] as? [[String: Any]] ?? []).compactMap { $0["source"] as? String })
            #expect(sources.isSuperset(of: ["nexor", "leadping", "nlpearl"]))
        }
    }

    @Test("timeline SOURCE:ID works for a lead of each vendor, over HTTP")
    func eachVendor() async throws {
        let binary = try #require(TimelineCommandTests.builtBinary())
        try await SimServer.with(binary: binary, arguments: ["--leads", "30"]) { server in
            let simulator = Simulator(options: SimulatorOptions(leads: 30))
            for kind in SourceKind.allCases {
                let account = try #require(simulator.people.lazy.compactMap { $0.account(kind) }.first { $0.eventCount > 0 })
                let result = await Self.run(["timeline", account.ref, "--config", server.configPath, "--format", "json"], environment: server.environment)
                #expect(result.code == 0, "\(account.ref): \(result.stderr)")
                let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
                let events = try #require(document["events"] as? [[String: Any]])
                #expect(!events.isEmpty, "\(account.ref)")
                #expect(events.allSatisfy { $0["source"] as? String == kind.rawValue })
                #expect((document["lead"] as? [String: Any])?["ref"] as? String == account.ref)
            }
        }
    }

    @Test("sim serve's --faults and --rate-limit: read into options, a bad one is a usage error naming it")
    func options() async throws {
        let serve = try SimServeCommand.parse(["--faults", "reset=0.1,malformed=0.2", "--rate-limit", "leadping=300/60, nexor=10/1.5"])
        let options = try serve.options()
        #expect(options.faults == (try FaultSpec(rates: [.reset: 0.1, .malformed: 0.2])))
        #expect(options.rateLimits == [.leadping: RateLimit(300, per: .seconds(60)), .nexor: RateLimit(10, per: .milliseconds(1500))])
        for (bad, named) in [
            ("leadping=0/60", "'leadping=0/60'"), ("leadping", "'leadping'"), ("hubspot=1/1", "'hubspot=1/1'"),
            ("leadping=1/1,leadping=2/1", "'leadping' is given twice"),
        ] {
            let result = await Self.run(["sim", "serve", "--rate-limit", bad], environment: [:])
            #expect(result.code == 2, "\(bad)")
            #expect(result.stderr.contains(named), "\(bad): \(result.stderr)")
        }
    }

    /// Every fault `sim serve` has, at rates that leave most timelines readable through retries.
    static let everyFault = "429=0.06,429-no-retry-after=0.04,500=0.05,timeout=0.02,truncated=0.01,reset=0.05,slow=0.05,malformed=0.01"

    @Test("With every fault (429s, 500, timeout, reset, slow, truncated and HTML bodies) the answer is the fault-free one or exit 1 naming the source")
    func faults() async throws {
        let binary = try #require(TimelineCommandTests.builtBinary())
        let faultArguments = ["--leads", "30", "--faults", Self.everyFault, "--seed", "7"]
        try await SimServer.with(binary: binary, arguments: faultArguments) { faulty in
            try await SimServer.with(binary: binary, arguments: ["--leads", "30", "--seed", "7"]) { clean in
                let simulator = Simulator(options: SimulatorOptions(seed: 7, leads: 30))
                // People some searchable vendor knows (Liveforce alone cannot be searched by phone).
                let searchable = simulator.people.filter { person in [.nexor, .leadping, .nlpearl].contains { person.account($0) != nil } }
                var same = 0, failed = 0
                for person in searchable.prefix(12) {
                    let arguments = ["timeline", person.phone, "--format", "ndjson"]
                    let expected = await Self.run(arguments + ["--config", clean.configPath], environment: clean.environment)
                    // A short timeout, so a held `timeout` fault costs a second, not thirty.
                    let actual = await Self.run(arguments + ["--config", faulty.configPath], environment: faulty.environment, timeout: .seconds(1))
                    #expect(expected.code == 0, "\(expected.stderr)")
                    if actual.code == 0 {
                        #expect(actual.stdout == expected.stdout)
                        same += 1
                    } else {
                        #expect(actual.code == 1)
                        #expect(["nexor", "leadping", "nlpearl", "liveforce"].contains { actual.stderr.contains("leadline: \($0):") }, "\(actual.stderr)")
                        failed += 1
                    }
                }
                let stats = try await faulty.statistics()
                let served = try #require(stats["faults"] as? [String: Int])
                print("faults served to 12 timelines: \(served.sorted { $0.key < $1.key }); same as fault-free: \(same), exit 1: \(failed)")
                // The run means something only if the retried faults were met and mostly overcome.
                for fault in ["429", "429-no-retry-after", "500", "reset", "slow"] {
                    #expect(served[fault, default: 0] > 0, "\(fault) never served: \(served)")
                }
                #expect(same >= 6, "only \(same) of 12 timelines came through")
            }
        }
    }

    @Test("leadline keeps under LeadPing's limit: the simulator enforcing it never refuses a request (scaled to 12 per 2 s)")
    func staysUnderRateLimit() async throws {
        // One lead per page, so listing 60 leads takes 37 or so requests (persons merge): more
        // than three windows.
        try await Self.staysUnder(RateLimit(12, per: .seconds(2)), leads: 60)
    }

    @Test(
        "leadline keeps under LeadPing's documented 300 requests per 60 s (LEADLINE_LONG_TESTS=1; about two minutes)",
        .enabled(if: ProcessInfo.processInfo.environment["LEADLINE_LONG_TESTS"] == "1"))
    func staysUnderDocumentedRateLimit() async throws {
        try await Self.staysUnder(try #require(SourceKind.leadping.documentedRateLimit), leads: 700)
    }

    /// Lists LeadPing's leads one per page from `sim serve --rate-limit leadping=LIMIT`, with
    /// leadline keeping the same limit: the simulator must refuse none. Then, as a control, without
    /// leadline's limiter: the simulator must refuse some, or the first check could not fail.
    static func staysUnder(_ limit: RateLimit, leads: Int) async throws {
        let binary = try #require(TimelineCommandTests.builtBinary())
        let arguments = ["--leads", String(leads), "--page-size", "1", "--rate-limit", "leadping=\(limit)"]
        let listing = ["leads", "--source", "leadping", "--format", "json", "--config"]
        try await SimServer.with(binary: binary, arguments: arguments) { server in
            let clock = ContinuousClock()
            let start = clock.now
            let kept = await Self.run(listing + [server.configPath], environment: server.environment, rateLimits: [.leadping: limit])
            let elapsed = clock.now - start
            #expect(kept.code == 0, "\(kept.stderr)")
            let stats = try await server.statistics()
            let requests = (stats["requests"] as? [String: [String: Int]])?["leadping"]?.values.reduce(0, +) ?? 0
            print("leadping: \(requests) requests in \(elapsed), limit \(limit): \(stats["over_limit"] ?? "?") over, busiest window \(stats["busiest_window"] ?? "?")")
            #expect(requests > limit.limit)
            #expect(stats["over_limit"] as? [String: Int] == ["leadping": 0])
            #expect(stats["busiest_window"] as? [String: Int] == ["leadping": limit.limit])
            // Request n + 1 cannot start before n / limit windows have passed.
            #expect(elapsed >= limit.window * ((requests - 1) / limit.limit))
        }
        try await SimServer.with(binary: binary, arguments: arguments) { server in
            let unlimited = await Self.run(listing + [server.configPath], environment: server.environment, rateLimits: [:])
            let stats = try await server.statistics()
            #expect(((stats["over_limit"] as? [String: Int])?["leadping"] ?? 0) > 0, "\(stats); \(unlimited.stderr)")
        }
    }
}
