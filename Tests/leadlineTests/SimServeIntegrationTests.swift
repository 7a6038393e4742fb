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
    static func run(_ arguments: [String], environment: [String: String]) async -> (code: Int32, stdout: String, stderr: String) {
        let context = CommandContext(
            environment: environment.merging(["HOME": "/nonexistent"]) { a, _ in a }, transport: URLSessionTransport(),
            retry: RetryPolicy(maxAttempts: 6, baseDelay: .milliseconds(20), maxDelay: .seconds(2)),
            timeZone: TimeZone(identifier: "UTC")!, stdout: OutputSink(), stderr: OutputSink())
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

    @Test("With faults (429 with and without Retry-After, 500, truncated JSON) the answer is the fault-free one or exit 1")
    func faults() async throws {
        let binary = try #require(TimelineCommandTests.builtBinary())
        let faultArguments = ["--leads", "30", "--faults", "429=0.1,429-no-retry-after=0.05,500=0.05,truncated=0.03", "--seed", "7"]
        try await SimServer.with(binary: binary, arguments: faultArguments) { faulty in
            try await SimServer.with(binary: binary, arguments: ["--leads", "30", "--seed", "7"]) { clean in
                let simulator = Simulator(options: SimulatorOptions(seed: 7, leads: 30))
                // People some searchable vendor knows (Liveforce alone cannot be searched by phone).
                let searchable = simulator.people.filter { person in [.nexor, .leadping, .nlpearl].contains { person.account($0) != nil } }
                for person in searchable.prefix(6) {
                    let expected = await Self.run(["timeline", person.phone, "--config", clean.configPath, "--format", "ndjson"], environment: clean.environment)
                    let actual = await Self.run(["timeline", person.phone, "--config", faulty.configPath, "--format", "ndjson"], environment: faulty.environment)
                    #expect(expected.code == 0, "\(expected.stderr)")
                    if actual.code == 0 {
                        #expect(actual.stdout == expected.stdout)
                    } else {
                        #expect(actual.code == 1)
                        #expect(["nexor", "leadping", "nlpearl", "liveforce"].contains { actual.stderr.contains("leadline: \($0):") }, "\(actual.stderr)")
                    }
                }
            }
        }
    }
}
