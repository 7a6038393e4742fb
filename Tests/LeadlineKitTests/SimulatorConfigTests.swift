import Foundation
import Testing
@testable import LeadlineKit

/// The credentials and config the simulator hands out for its four vendors.
@Suite("Simulator: credentials and config")
struct SimulatorConfigTests {
    @Test("Each vendor's credential, as a config's secret holds it")
    func credentials() {
        #expect(Simulator.secret == "sim-secret")
        #expect(Simulator.credential(for: .nexor) == "sim-secret")
        #expect(Simulator.credential(for: .leadping) == "sim-secret")
        #expect(Simulator.credential(for: .nlpearl) == "sim-account:sim-secret")
        #expect(Simulator.credential(for: .liveforce) == "sim-client:sim-secret")
        #expect(Simulator.authorizationHeaders(for: .liveforce) == ["Authorization": "Basic c2ltLWNsaWVudDpzaW0tc2VjcmV0"])
        #expect(Simulator.authorizationHeaders(for: .nlpearl) == ["Authorization": "Bearer sim-account:sim-secret"])
        #expect(Simulator.environmentVariable(for: .nlpearl) == "LEADLINE_SIM_NLPEARL")
    }

    @Test("The config snippet loads into the same sources as sourceConfigs, credentials from its export line")
    func snippet() throws {
        let simulator = Simulator(options: SimulatorOptions(seed: 6, leads: 10))
        let snippet = simulator.configSnippet(baseURL: "http://127.0.0.1:8080/")
        let exportLine = try #require(snippet.split(separator: "\n").first { $0.hasPrefix("# export ") })
        var environment: [String: String] = [:]
        for assignment in exportLine.dropFirst("# export ".count).split(separator: " ") {
            let parts = assignment.split(separator: "=", maxSplits: 1)
            environment[String(parts[0])] = String(parts[1]).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        }
        let config = try ConfigLoader.parse(snippet, file: "sim.toml", environment: environment)
        let expected = simulator.sourceConfigs(baseURL: "http://127.0.0.1:8080")
        #expect(config.sources.count == 4)
        for (loaded, wanted) in zip(config.sources, expected) {
            #expect(loaded.name == wanted.name)
            #expect(loaded.kind == wanted.kind)
            #expect(loaded.baseURL == wanted.baseURL)
            #expect(loaded.credential == wanted.credential)
            #expect(loaded.outboundIDs == wanted.outboundIDs)
            #expect(try loaded.resolveCredential(environment: environment).secret.reveal() == Simulator.credential(for: loaded.kind))
        }
        #expect(expected.map(\.baseURL.absoluteString) == ["nexor", "leadping", "nlpearl", "liveforce"].map { "http://127.0.0.1:8080/\($0)" })
        #expect(expected[2].outboundIDs == simulator.outboundIDs)
        #expect(simulator.outboundIDs.count == 2)
    }

    @Test("A client configured from sourceConfigs reads its lead from the simulator")
    func configuredClient() async throws {
        let simulator = Simulator(options: SimulatorOptions(seed: 6, leads: 10))
        let source = try #require(simulator.sourceConfigs(baseURL: "http://sim.test").first { $0.kind == .nexor })
        let secret = try source.resolveCredential(environment: [Simulator.environmentVariable(for: .nexor): Simulator.credential(for: .nexor)]).secret
        let client = NexorClient(connection: SourceConnection(name: source.name, baseURL: source.baseURL, credential: secret, transport: SimulatorTransport(simulator), retry: .none))
        let person = try simulator.firstPerson(in: .nexor)
        let lead = try await client.lead(id: person.account(.nexor)!.id)
        #expect(lead.ref == person.account(.nexor)?.ref)
        #expect(lead.phone == person.phone)
        #expect(lead.name == person.name)
    }
}
