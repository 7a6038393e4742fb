import Foundation
import Testing
@testable import LeadlineKit

/// Every vendor's pagination walks its whole list with no duplicates or gaps, including when the
/// server hands out fewer items than asked for.
@Suite("Simulator: pagination")
struct SimulatorPaginationTests {
    static func nexorConnection(_ simulator: Simulator, retry: RetryPolicy = .none) -> SourceConnection {
        SourceConnection(
            name: "nexor", baseURL: URL(string: "http://sim.test/nexor")!,
            credential: Secret(Simulator.credential(for: .nexor), origin: "test"),
            transport: SimulatorTransport(simulator), retry: retry, sleep: { _ in }, random: { 0.5 })
    }

    /// What the simulator generated for a Nexor lead, in the order it answers.
    static func generatedNexorHistory(_ simulator: Simulator, _ person: SimulatedPerson) -> [JSONValue] {
        let journey = SimNexorJourney(world: simulator.world, person: simulator.world.person(person.index))
        return (0..<journey.count).map { journey.item(at: journey.slot(atPosition: $0)) }
    }

    @Test("NexorClient reads a 450-event history through pages capped at 50")
    func nexorClientPages() async throws {
        let simulator = Simulator(options: SimulatorOptions(seed: 3, leads: 40, historySize: 450, pageSize: 50))
        let person = try simulator.firstPerson(in: .nexor)
        let account = try #require(person.account(.nexor))
        let pages = PageLog()
        let history = try await NexorClient(connection: Self.nexorConnection(simulator))
            .history(leadID: account.id, channels: Set(Channel.allCases)) { await pages.add($0.count) }

        #expect(history.events.count == 450)
        #expect(history.events.map(\.raw.value) == Self.generatedNexorHistory(simulator, person))
        #expect(await pages.counts == Array(repeating: 50, count: 9))
        #expect(simulator.statistics.requests["nexor"]?["GET /leads/{id}/history"] == 9)
        // The same meeting id shows up once booked and once completed, as distinct events.
        #expect(Set(history.events.map(\.key)).count == 450)
    }

    @Test("Nexor's channel filter pages over the filtered list, unsorted as documented")
    func nexorChannelFilter() async throws {
        let client = SimClient(SimulatorOptions(seed: 5, leads: 20, historySize: 300))
        let person = try client.simulator.firstPerson(in: .nexor)
        let id = try #require(person.account(.nexor)?.id)
        let everything = Self.generatedNexorHistory(client.simulator, person)
        let wanted = everything.filter { ["call", "email"].contains($0["channel"]?.stringValue ?? "") }

        var collected: [Any] = []
        var offset = 0
        while true {
            let page = try await client.object("GET", .nexor, "/leads/\(id)/history?channel=call,email&limit=37&offset=\(offset)")
            let items = try #require(page["history"] as? [[String: Any]])
            collected += items
            offset += items.count
            guard (page["pagination"] as? [String: Any])?["has_more"] as? Bool == true else { break }
        }
        let expected = try wanted.map { try JSONSerialization.jsonObject(with: Data($0.compactJSON.utf8)) }
        #expect((collected as NSArray) == (expected as NSArray))
        let times = everything.compactMap { $0["timestamp"]?.stringValue }
        #expect(times != times.sorted(), "Nexor's history is not sorted by timestamp")

        let clamped = try await client.object("GET", .nexor, "/leads/\(id)/history?limit=5000")
        #expect((clamped["history"] as? [Any])?.count == 200)
        #expect((clamped["pagination"] as? [String: Any])?["limit"] as? Int == 200)
        let nothing = try await client.object("GET", .nexor, "/leads/\(id)/history?offset=900")
        #expect((nothing["history"] as? [Any])?.isEmpty == true)
    }

    @Test("Nexor GET /leads pages through every lead and searches name, email and phone digits")
    func nexorLeadList() async throws {
        let client = SimClient(SimulatorOptions(seed: 11, leads: 150))
        var ids: [String] = []
        var offset = 0
        while true {
            let page = try await client.object("GET", .nexor, "/leads?limit=30&offset=\(offset)")
            let leads = try #require(page["leads"] as? [[String: Any]])
            ids += leads.compactMap { $0["id"] as? String }
            offset += leads.count
            guard (page["pagination"] as? [String: Any])?["has_more"] as? Bool == true else { break }
        }
        let members = client.simulator.people.compactMap { $0.account(.nexor)?.id }
        #expect(ids.count == members.count)
        #expect(Set(ids) == Set(members))

        let person = try client.simulator.firstPerson(in: .nexor)
        let account = try #require(person.account(.nexor))
        for search in [person.phone, String(person.phone.dropFirst(4)), person.email.uppercased(), person.lastName] {
            let encoded = search.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let found = try #require(try await client.object("GET", .nexor, "/leads?limit=200&search=\(encoded)")["leads"] as? [[String: Any]])
            #expect(found.contains { $0["id"] as? String == account.id }, "search \(search)")
        }
    }

    /// Walks a LeadPing list by continuation token; returns the items and the tokens seen.
    static func walkLeadPing(_ client: SimClient, _ path: String, body: [String: Any]) async throws -> (items: [[String: Any]], tokens: [String]) {
        var items: [[String: Any]] = []
        var tokens: [String] = []
        var token: String?
        repeat {
            var request = body
            if let token { request["continuationToken"] = token }
            let page = try await client.object("POST", .leadping, path, body: request)
            items += try #require(page["items"] as? [[String: Any]])
            token = page["continuationToken"] as? String
            if let token { tokens.append(token) }
        } while token != nil
        return (items, tokens)
    }

    @Test("LeadPing continuation tokens walk a lead's events, newest first, no duplicates or gaps")
    func leadPingEvents() async throws {
        let client = SimClient(SimulatorOptions(seed: 13, leads: 30, historySize: 95))
        let account = try #require(try client.simulator.firstPerson(in: .leadping).account(.leadping))
        let path = "/events/leads/\(account.id)"
        let (items, tokens) = try await Self.walkLeadPing(client, path, body: ["pageSize": "7"])
        let ids = items.compactMap { $0["id"] as? String }
        #expect(ids.count == 95)
        #expect(Set(ids).count == 95)
        #expect(tokens.count == 13)
        let times = items.compactMap { $0["createdAt"] as? String }
        #expect(times == times.sorted(by: >))
        for token in tokens {
            #expect(Int(token) == nil)
            #expect(Data(base64Encoded: token) != nil)
        }

        let ascending = try await Self.walkLeadPing(client, path, body: ["pageSize": 40, "orderBy": [["field": "createdAt", "direction": "asc"]]])
        #expect(ascending.items.compactMap { $0["id"] as? String } == ids.reversed())

        let counted = try await client.object("POST", .leadping, path, body: ["pageSize": 10, "includeCount": true])
        #expect(counted["totalCount"] as? String == "95")

        // A token is bound to its query: altered, or replayed against another lead, it is refused.
        for (target, token) in [(path, "bm90IGEgdG9rZW4="), ("/events/leads/\(try Self.otherLeadPingID(client, not: account.id))", tokens[0])] {
            let response = try await client.send("POST", .leadping, target, body: ["pageSize": "7", "continuationToken": token])
            #expect(response.status == 400)
            #expect(try jsonObject(response.body)["title"] as? String == "Bad Request")
        }
        let badSize = try await client.send("POST", .leadping, path, body: ["pageSize": "lots"])
        #expect(badSize.status == 400)
    }

    static func otherLeadPingID(_ client: SimClient, not id: String) throws -> String {
        try #require(client.simulator.people.compactMap { $0.account(.leadping)?.id }.first { $0 != id })
    }

    @Test("LeadPing returns fewer than asked when the server caps pages, and says so in pageSize")
    func leadPingCap() async throws {
        let client = SimClient(SimulatorOptions(seed: 13, leads: 30, historySize: 23, pageSize: 5))
        let account = try #require(try client.simulator.firstPerson(in: .leadping).account(.leadping))
        let page = try await client.object("POST", .leadping, "/events/leads/\(account.id)", body: ["pageSize": 100])
        #expect(page["pageSize"] as? String == "5")
        #expect((page["items"] as? [Any])?.count == 5)
        let all = try await Self.walkLeadPing(client, "/events/leads/\(account.id)", body: ["pageSize": 100])
        #expect(Set(all.items.compactMap { $0["id"] as? String }).count == 23)
    }

    @Test("LeadPing POST /leads/all/my walks every lead; search uses searchFields")
    func leadPingLeads() async throws {
        let client = SimClient(SimulatorOptions(seed: 17, leads: 180))
        let (rows, _) = try await Self.walkLeadPing(client, "/leads/all/my", body: ["pageSize": 32])
        let ids = rows.compactMap { $0["id"] as? String }
        let members = client.simulator.people.compactMap { $0.account(.leadping)?.id }
        #expect(ids.count == members.count)
        #expect(Set(ids) == Set(members))
        let created = rows.compactMap { $0["createdAt"] as? String }
        #expect(created == created.sorted(by: >))

        let person = try client.simulator.firstPerson(in: .leadping) { $0.index > 20 }
        let account = try #require(person.account(.leadping))
        let byPhone = try await Self.walkLeadPing(client, "/leads/all/my", body: ["search": person.phone, "searchFields": ["phone"]])
        #expect(byPhone.items.map { $0["id"] as? String } == [account.id])
        let byEmail = try await Self.walkLeadPing(client, "/leads/all/my", body: ["search": person.email.uppercased(), "pageSize": 3])
        #expect(byEmail.items.map { $0["id"] as? String } == [account.id])
        let wrongField = try await Self.walkLeadPing(client, "/leads/all/my", body: ["search": person.email, "searchFields": ["firstName"]])
        #expect(wrongField.items.isEmpty)
    }

    @Test("NLPearl skip/limit walks both outbounds; count is the total; statuses and search filter")
    func nlpearlLeads() async throws {
        let client = SimClient(SimulatorOptions(seed: 19, leads: 160))
        var all: [String] = []
        for outbound in client.simulator.outboundIDs {
            var skip = 0
            var total: Int?
            while true {
                let page = try await client.object("POST", .nlpearl, "/v1/Outbound/\(outbound)/Leads", body: ["skip": skip, "limit": 9])
                let results = try #require(page["results"] as? [[String: Any]])
                total = total ?? page["count"] as? Int
                #expect(page["count"] as? Int == total)
                #expect(results.count <= 9)
                if results.isEmpty { break }
                all += results.compactMap { $0["id"] as? String }
                skip += results.count
            }
            #expect(skip == total)
        }
        let members = client.simulator.people.compactMap { $0.account(.nlpearl)?.id }
        #expect(all.count == members.count)
        #expect(Set(all) == Set(members))

        let outbound = client.simulator.outboundIDs[0]
        let filtered = try await client.object("POST", .nlpearl, "/v1/Outbound/\(outbound)/Leads", body: ["limit": 100, "statuses": [100, 130]])
        let statuses = try #require(filtered["results"] as? [[String: Any]]).compactMap { $0["status"] as? Int }
        #expect(!statuses.isEmpty)
        #expect(Set(statuses).isSubset(of: [100, 130]))

        let person = try client.simulator.firstPerson(in: .nlpearl) { $0.account(.nlpearl)?.outboundID == outbound }
        let found = try await client.object("POST", .nlpearl, "/v1/Outbound/\(outbound)/Leads", body: ["searchInput": String(person.phone.suffix(8))])
        #expect((found["results"] as? [[String: Any]])?.map { $0["id"] as? String } == [person.account(.nlpearl)?.id])
        #expect(found["count"] as? Int == 1)
    }

    @Test("Liveforce pages walk every lead, then answer an empty data")
    func liveforcePages() async throws {
        let client = SimClient(SimulatorOptions(seed: 23, leads: 140))
        var ids: [String] = []
        var page = 1
        while true {
            let body = try await client.object("GET", .liveforce, "/leads?page=\(page)&per_page=13")
            let data = try #require(body["data"] as? [[String: Any]])
            if data.isEmpty { break }
            #expect(data.count <= 13)
            ids += data.compactMap { $0["id"] as? String }
            page += 1
        }
        let members = client.simulator.people.compactMap { $0.account(.liveforce)?.id }
        #expect(ids == members)
        let beyond = try await client.object("GET", .liveforce, "/leads?page=999999999999&per_page=100")
        #expect((beyond["data"] as? [Any])?.isEmpty == true)
    }

    @Test("An empty history is an empty page at every vendor")
    func emptyHistory() async throws {
        let client = SimClient(SimulatorOptions(seed: 37, leads: 10, historySize: 0))
        let person = try #require(client.simulator.people.first { $0.accounts.count >= 2 })
        for account in person.accounts {
            switch account.kind {
            case .nexor:
                let page = try await client.object("GET", .nexor, "/leads/\(account.id)/history")
                #expect((page["history"] as? [Any])?.isEmpty == true)
                #expect((page["pagination"] as? [String: Any])?["has_more"] as? Bool == false)
            case .leadping:
                let page = try await client.object("POST", .leadping, "/events/leads/\(account.id)", body: [:])
                #expect((page["items"] as? [Any])?.isEmpty == true)
                #expect(page["continuationToken"] is NSNull)
            case .nlpearl:
                let lead = try await client.object("GET", .nlpearl, "/v1/Outbound/\(account.outboundID!)/Lead/\(account.id)")
                #expect(lead["lastCall"] is NSNull)
                #expect(lead["status"] as? Int == 1)
            case .liveforce:
                let summary = try await client.object("GET", .liveforce, "/leads/summary/\(account.id)")
                let analytics = (summary["data"] as? [String: Any])?["analytics"] as? [String: Any]
                #expect(analytics?["chat"] as? String == "[]")
            }
        }
    }

    @Test("A 20,000-event history pages fine at every vendor")
    func hugeHistory() async throws {
        let simulator = Simulator(options: SimulatorOptions(seed: 29, leads: 12, historySize: 20_000))
        let client = SimClient(simulator: simulator)
        let clock = ContinuousClock()
        let start = clock.now

        // Raw pages: NexorClient's own decoding of 20,000 items is what would take the time here.
        let nexor = try #require(try simulator.firstPerson(in: .nexor).account(.nexor))
        var nexorItems = 0, offset = 0, pages = 0
        while true {
            let page = try await client.object("GET", .nexor, "/leads/\(nexor.id)/history?limit=200&offset=\(offset)")
            let count = (page["history"] as? [Any])?.count ?? 0
            nexorItems += count
            offset += count
            pages += 1
            guard (page["pagination"] as? [String: Any])?["has_more"] as? Bool == true, count > 0 else { break }
        }
        #expect(nexorItems == 20_000)
        #expect(pages == 100)

        let leadPing = try #require(try simulator.firstPerson(in: .leadping).account(.leadping))
        let events = try await Self.walkLeadPing(client, "/events/leads/\(leadPing.id)", body: ["pageSize": 100])
        #expect(Set(events.items.compactMap { $0["id"] as? String }).count == 20_000)

        let pearl = try #require(try simulator.firstPerson(in: .nlpearl).account(.nlpearl))
        let lead = try await client.object("GET", .nlpearl, "/v1/Outbound/\(pearl.outboundID!)/Lead/\(pearl.id)")
        #expect((lead["callsId"] as? [String]).map { Set($0).count } == 20_000)

        let chatLead = try #require(try simulator.firstPerson(in: .liveforce).account(.liveforce))
        let summary = try await client.object("GET", .liveforce, "/leads/summary/\(chatLead.id)")
        let chat = ((summary["data"] as? [String: Any])?["analytics"] as? [String: Any])?["chat"] as? String
        #expect(try (JSONSerialization.jsonObject(with: Data((chat ?? "").utf8)) as? [Any])?.count == 20_000)
        #expect(clock.now - start < .seconds(60))
    }

    @Test("100,000 leads: built lazily, the last lead found by id at every vendor")
    func hundredThousandLeads() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let simulator = Simulator(options: SimulatorOptions(seed: 31, leads: 100_000))
        let built = clock.now - start
        #expect(built < .seconds(10))
        let client = SimClient(simulator: simulator)
        let last = try #require(simulator.person(at: 99_999))
        for account in last.accounts {
            let path = switch account.kind {
            case .nexor: "/leads/\(account.id)"
            case .leadping: "/leads/\(account.id)"
            case .nlpearl: "/v1/Outbound/\(account.outboundID!)/Lead/\(account.id)"
            case .liveforce: "/leads/summary/\(account.id)"
            }
            #expect(try await client.send("GET", account.kind, path).status == 200)
        }
        // Lists start from the newest lead without touching the others.
        let newest = try await client.object("GET", .nexor, "/leads?limit=1")
        let newestNexor = try #require(simulator.world.members[0].last.map { simulator.world.leadID(Int($0), .nexor) })
        #expect((newest["leads"] as? [[String: Any]])?.first?["id"] as? String == newestNexor)
        #expect(simulator.person(at: 100_000) == nil)
    }
}
