import Foundation
import Testing
@testable import LeadlineKit

/// The same options give byte-identical answers; another seed gives another world.
@Suite("Simulator: determinism")
struct SimulatorDeterminismTests {
    /// One request to every endpoint, for the world's first people.
    static func requests(_ client: SimClient) throws -> [HTTPRequest] {
        let simulator = client.simulator
        let nexor = try #require(try simulator.firstPerson(in: .nexor).account(.nexor))
        let leadPing = try #require(try simulator.firstPerson(in: .leadping).account(.leadping))
        let pearlPerson = try simulator.firstPerson(in: .nlpearl)
        let pearl = try #require(pearlPerson.account(.nlpearl))
        let chat = try #require(try simulator.firstPerson(in: .liveforce).account(.liveforce))
        let outbound = try #require(pearl.outboundID)
        let callID = simulator.world.nlpearlCallIDs.objectID(SimWorld.pack(pearlPerson.index, pearl.eventCount - 1))
        return [
            client.request("GET", .nexor, "/leads/\(nexor.id)"),
            client.request("GET", .nexor, "/leads/\(nexor.id)/history?limit=200"),
            client.request("GET", .nexor, "/leads?limit=50&offset=10"),
            client.request("POST", .leadping, "/events/leads/\(leadPing.id)", body: ["pageSize": 100]),
            client.request("POST", .leadping, "/events/calls/lead/\(leadPing.id)", body: ["pageSize": 100]),
            client.request("POST", .leadping, "/events/sms/lead/\(leadPing.id)", body: ["pageSize": 100]),
            client.request("GET", .leadping, "/leads/\(leadPing.id)"),
            client.request("POST", .leadping, "/leads/all/my", body: ["pageSize": 100]),
            client.request("GET", .nlpearl, "/v1/Outbound/\(outbound)/Lead/\(pearl.id)"),
            client.request("POST", .nlpearl, "/v1/Outbound/\(outbound)/Leads", body: ["limit": 100]),
            client.request("GET", .nlpearl, "/v1/Call/\(callID)"),
            client.request("GET", .liveforce, "/leads/summary/\(chat.id)"),
            client.request("GET", .liveforce, "/leads?per_page=100"),
        ]
    }

    static func bodies(_ options: SimulatorOptions) async throws -> [Data] {
        let client = SimClient(options)
        var bodies: [Data] = []
        for request in try requests(client) {
            bodies.append(try await client.send(request).body)
        }
        return bodies
    }

    @Test("Same seed: byte-identical answers from every endpoint, and the same people")
    func sameSeed() async throws {
        let options = SimulatorOptions(seed: 42, leads: 150, hostile: true)
        let first = try await Self.bodies(options)
        let second = try await Self.bodies(options)
        #expect(first == second)
        #expect(first.allSatisfy { $0.count > 2 })
        #expect(Simulator(options: options).people == Simulator(options: options).people)
        #expect(Simulator(options: options).referenceDate == Simulator(options: options).referenceDate)

        // Asking again in the same simulator changes nothing either: only the counters move.
        let client = SimClient(options)
        let request = try Self.requests(client)[1]
        let once = try await client.send(request).body
        #expect(try await client.send(request).body == once)
    }

    @Test("Another seed: other people, other ids, other events, another reference date")
    func otherSeed() async throws {
        let a = Simulator(options: SimulatorOptions(seed: 1, leads: 50))
        let b = Simulator(options: SimulatorOptions(seed: 2, leads: 50))
        #expect(a.people.map(\.name) != b.people.map(\.name))
        #expect(a.people.map(\.phone) != b.people.map(\.phone))
        #expect(a.outboundIDs != b.outboundIDs)
        #expect(a.referenceDate != b.referenceDate)
        let first = try await Self.bodies(SimulatorOptions(seed: 1, leads: 50))
        let second = try await Self.bodies(SimulatorOptions(seed: 2, leads: 50))
        #expect(zip(first, second).allSatisfy { $0 != $1 })
    }

    @Test("Every event lies in the ~90 days before the seed's reference date, not around today")
    func timesBeforeReference() async throws {
        let client = SimClient(SimulatorOptions(seed: 9, leads: 40))
        let reference = client.simulator.referenceDate
        var times: [Date] = []
        for person in client.simulator.people {
            #expect(person.createdAt < reference)
            #expect(person.createdAt > reference.addingTimeInterval(-91 * 86_400))
            if let account = person.account(.nexor) {
                let page = try await client.object("GET", .nexor, "/leads/\(account.id)/history?limit=200")
                times += (page["history"] as? [[String: Any]] ?? []).compactMap { ($0["timestamp"] as? String).flatMap(ISO8601.parse) }
            }
            if let account = person.account(.leadping) {
                let page = try await client.object("POST", .leadping, "/events/leads/\(account.id)", body: ["pageSize": 100])
                times += (page["items"] as? [[String: Any]] ?? []).compactMap { ($0["createdAt"] as? String).flatMap(ISO8601.parse) }
            }
        }
        #expect(times.count > 200)
        #expect(times.allSatisfy { $0 < reference && $0 > reference.addingTimeInterval(-91 * 86_400) })
        #expect(Simulator(options: SimulatorOptions(seed: 9)).referenceDate == reference)
    }
}
