import Foundation
import Testing
@testable import LeadlineKit

/// Faults at their configured rates, replayable from the seed; latency; `/_sim/stats`.
@Suite("Simulator: faults, latency and statistics")
struct SimulatorFaultTests {
    static let spec = "429=0.1,429-no-retry-after=0.05,500=0.05,timeout=0.01,truncated=0.02"

    @Test("A fault spec parses; a bad part is named in the error")
    func parsing() throws {
        let spec = try FaultSpec(parsing: Self.spec)
        #expect(spec.rate(of: .rateLimited) == 0.1)
        #expect(spec.rate(of: .rateLimitedWithoutRetryAfter) == 0.05)
        #expect(spec.rate(of: .serverError) == 0.05)
        #expect(spec.rate(of: .timeout) == 0.01)
        #expect(spec.rate(of: .truncated) == 0.02)
        #expect(try FaultSpec(parsing: spec.description) == spec)
        #expect(try FaultSpec(parsing: " 500 = 0.5 , timeout=0 ") == FaultSpec(rates: [.serverError: 0.5]))
        #expect(try FaultSpec(parsing: "").isEmpty)

        let bad: [(String, String?)] = [
            ("500=2", "500=2"), ("503=0.1", "503=0.1"), ("429", "429"), ("truncated=half", "truncated=half"),
            ("500=0.1,500=0.2", "500=0.2"), ("500=0.1,,timeout=0.1", ""), ("500=0.7,429=0.6", nil),
        ]
        for (text, part) in bad {
            #expect(throws: FaultSpecError.self, "\(text)") { try FaultSpec(parsing: text) }
            do {
                _ = try FaultSpec(parsing: text)
            } catch {
                #expect(error.part == part, "\(text)")
                #expect(error.description.contains(part.map { "'\($0)'" } ?? "more than 1"), "\(error)")
            }
        }
        do {
            _ = try FaultSpec(parsing: "429=0.1,503=0.1")
        } catch {
            #expect(error.description == "fault spec: '503=0.1': unknown fault '503' (known: 429, 429-no-retry-after, 500, timeout, truncated, reset, slow, malformed)")
        }
    }

    /// What 2,000 list requests got: a word per request.
    static func outcomes(seed: UInt64, count: Int = 2_000) async throws -> [String] {
        let client = SimClient(SimulatorOptions(seed: seed, leads: 30, faults: try FaultSpec(parsing: spec)))
        var outcomes: [String] = []
        for _ in 0..<count {
            switch await client.simulator.respond(to: client.request("GET", .nexor, "/leads?limit=3")) {
            case .timeout:
                outcomes.append("timeout")
            case .reset:
                outcomes.append("reset")
            case .slow:
                outcomes.append("slow")
            case .response(let response):
                switch response.status {
                case 429: outcomes.append(response.header("Retry-After") == "1" ? "429" : "429-no-retry-after")
                case 500:
                    #expect(try jsonObject(response.body)["error"] as? String == "Internal server error")
                    outcomes.append("500")
                case 200: outcomes.append((try? JSONSerialization.jsonObject(with: response.body)) == nil ? "truncated" : "ok")
                default: outcomes.append("status \(response.status)")
                }
            }
        }
        let stats = client.simulator.statistics
        for fault in SimulatorFault.allCases {
            #expect(stats.faults[fault, default: 0] == outcomes.filter { $0 == fault.rawValue }.count, "\(fault)")
        }
        #expect(stats.total == count)
        return outcomes
    }

    @Test("Over 2,000 requests each fault shows up at about its rate, the same ones every run")
    func rates() async throws {
        let outcomes = try await Self.outcomes(seed: 8)
        var counts: [String: Int] = [:]
        for outcome in outcomes { counts[outcome, default: 0] += 1 }
        // Expected 200, 100, 100, 20, 40 and 1,540: allow about four standard deviations.
        #expect((150...250).contains(counts["429", default: 0]), "\(counts)")
        #expect((65...135).contains(counts["429-no-retry-after", default: 0]), "\(counts)")
        #expect((65...135).contains(counts["500", default: 0]), "\(counts)")
        #expect((5...40).contains(counts["timeout", default: 0]), "\(counts)")
        #expect((18...65).contains(counts["truncated", default: 0]), "\(counts)")
        #expect(Set(counts.keys) == ["ok", "429", "429-no-retry-after", "500", "timeout", "truncated"])

        #expect(try await Self.outcomes(seed: 8) == outcomes)
        #expect(try await Self.outcomes(seed: 9) != outcomes)
    }

    @Test("Faults come in each vendor's error shape; 429 carries Retry-After: 1")
    func faultShapes() async throws {
        let client = SimClient(SimulatorOptions(faults: try FaultSpec(rates: [.rateLimited: 1])))
        let leadPing = try await client.send("POST", .leadping, "/leads/all/my", body: [:])
        #expect(leadPing.status == 429)
        #expect(leadPing.header("retry-after") == "1")
        #expect(try jsonObject(leadPing.body)["status"] as? Int == 429)
        let liveforce = try await client.send("GET", .liveforce, "/leads")
        #expect(try jsonObject(liveforce.body)["message"] is String)
        // A rate limiter stands before auth: even a request without credentials is limited.
        #expect(try await client.send("GET", .nexor, "/leads", authorized: false).status == 429)

        let plain = SimClient(SimulatorOptions(faults: try FaultSpec(rates: [.rateLimitedWithoutRetryAfter: 1])))
        let response = try await plain.send("GET", .nlpearl, "/v1/Call/x")
        #expect(response.status == 429)
        #expect(response.header("retry-after") == nil)
    }

    @Test("The in-process transport turns a timeout fault into TransportError.timedOut after the request's timeout")
    func transportTimeout() async throws {
        let simulator = Simulator(options: SimulatorOptions(faults: try FaultSpec(rates: [.timeout: 1])))
        let transport = SimulatorTransport(simulator)
        var request = SimClient(simulator: simulator).request("GET", .nexor, "/leads")
        request.timeout = .milliseconds(60)
        let clock = ContinuousClock()
        let start = clock.now
        await #expect(throws: TransportError.timedOut) { try await transport.send(request) }
        // Only a lower bound: other tests running in parallel can delay the wake-up.
        #expect(clock.now - start >= .milliseconds(60))
        #expect(simulator.statistics.faults[.timeout] == 1)
    }

    @Test("NexorClient with retries reads a whole history through 429s, 500s, timeouts, resets, cut and HTML bodies")
    func clientRecovers() async throws {
        let simulator = Simulator(options: SimulatorOptions(
            seed: 4, leads: 20, historySize: 300, pageSize: 20,
            faults: try FaultSpec(parsing: "429=0.15,429-no-retry-after=0.1,500=0.1,timeout=0.02,truncated=0.05,reset=0.05,malformed=0.03")))
        var connection = SimulatorPaginationTests.nexorConnection(simulator, retry: RetryPolicy(maxAttempts: 12))
        connection.timeout = .milliseconds(20)
        let person = try simulator.firstPerson(in: .nexor)
        let history = try await NexorClient(connection: connection).history(leadID: person.account(.nexor)!.id, channels: Set(Channel.allCases))
        #expect(history.events.map(\.raw.value) == SimulatorPaginationTests.generatedNexorHistory(simulator, person))
        let faults = simulator.statistics.faults
        for fault in [SimulatorFault.rateLimited, .serverError, .truncated, .reset, .malformed] {
            #expect(faults[fault, default: 0] > 0, "\(fault) never served: \(faults)")
        }
    }

    @Test("Latency is added to every request")
    func latency() async throws {
        let client = SimClient(SimulatorOptions(leads: 5, latency: .milliseconds(40)))
        let clock = ContinuousClock()
        let start = clock.now
        _ = try await client.send("GET", .liveforce, "/leads")
        _ = try await client.send("GET", .nexor, "/leads")
        #expect(clock.now - start >= .milliseconds(80))
    }

    @Test("/_sim/stats counts requests by vendor and endpoint template, and faults")
    func statistics() async throws {
        let client = SimClient(SimulatorOptions(seed: 2, leads: 40))
        let nexor = try #require(try client.simulator.firstPerson(in: .nexor).account(.nexor))
        _ = try await client.send("GET", .nexor, "/leads/\(nexor.id)/history")
        _ = try await client.send("GET", .nexor, "/leads/\(nexor.id)/history?offset=50")
        _ = try await client.send("GET", .nexor, "/leads/nope")
        _ = try await client.send("POST", .leadping, "/leads/all/my", body: [:])
        _ = try await client.send("GET", .nlpearl, "/V1/CALL/abc")
        _ = try await client.send("GET", .liveforce, "/leads/summary/1", authorized: false)
        _ = try await client.send("GET", .liveforce, "/nowhere")
        _ = try await client.send("GET", nil, "/elsewhere")

        let stats = try await client.object("GET", nil, "/_sim/stats")
        let expected: NSDictionary = [
            "requests": [
                "nexor": ["GET /leads/{id}/history": 2, "GET /leads/{id}": 1],
                "leadping": ["POST /leads/all/my": 1],
                "nlpearl": ["GET /v1/Call/{callId}": 1],
                "liveforce": ["GET /leads/summary/{lead_id}": 1, "GET {unknown}": 1],
                "other": ["GET {unknown}": 1],
            ],
            "faults": [
                "429": 0, "429-no-retry-after": 0, "500": 0, "timeout": 0, "truncated": 0, "reset": 0, "slow": 0,
                "malformed": 0,
            ],
            "total": 8,
            "over_limit": [String: Int](),
            "busiest_window": [String: Int](),
        ]
        #expect(stats as NSDictionary == expected)
        // Reading the statistics is not counted.
        #expect(client.simulator.statistics.total == 8)
        #expect(try await client.send("POST", nil, "/_sim/stats").status == 405)
    }

    @Test("reset, slow and malformed spoil only answers that would have succeeded")
    func connectionFaults() async throws {
        func reply(_ fault: SimulatorFault, authorized: Bool = true) async throws -> SimulatorReply {
            let client = SimClient(SimulatorOptions(leads: 5, faults: try FaultSpec(rates: [fault: 1])))
            return await client.simulator.respond(to: client.request("GET", .nexor, "/leads", authorized: authorized))
        }
        let clean = try await SimClient(SimulatorOptions(leads: 5)).send("GET", .nexor, "/leads")

        guard case .reset(let dropped) = try await reply(.reset) else { Issue.record("reset=1 did not reset"); return }
        #expect(dropped.body == clean.body, "the whole answer, of which a server sends half")
        guard case .slow(let slow, let duration) = try await reply(.slow) else { Issue.record("slow=1 was not slow"); return }
        #expect(slow.body == clean.body)
        #expect(duration == Simulator.slowBodyDuration)
        guard case .response(let page) = try await reply(.malformed) else { Issue.record("malformed=1 did not answer"); return }
        #expect(page.status == 200)
        #expect(page.header("content-type") == "text/html; charset=utf-8")
        #expect(String(decoding: page.body, as: UTF8.self).hasPrefix("<!DOCTYPE html>"))

        // A 401 is the vendor's answer, not a success a link could spoil.
        for fault in [SimulatorFault.reset, .slow, .malformed] {
            guard case .response(let denied) = try await reply(fault, authorized: false) else {
                Issue.record("\(fault) spoiled a 401"); continue
            }
            #expect(denied.status == 401, "\(fault)")
        }
    }

    @Test("The in-process transport: reset is a lost connection, slow arrives whole after its delay")
    func transportConnectionFaults() async throws {
        let reset = Simulator(options: SimulatorOptions(leads: 5, faults: try FaultSpec(rates: [.reset: 1])))
        let request = SimClient(simulator: reset).request("GET", .nexor, "/leads")
        await #expect(throws: TransportError.connectionFailed("The network connection was lost.")) {
            try await SimulatorTransport(reset).send(request)
        }
        let slow = Simulator(options: SimulatorOptions(leads: 5, faults: try FaultSpec(rates: [.slow: 1])))
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await SimulatorTransport(slow).send(request)
        #expect(clock.now - start >= Simulator.slowBodyDuration)
        #expect(response.status == 200)
        #expect(response.body == (try await SimClient(SimulatorOptions(leads: 5)).send(request)).body)
        #expect(slow.statistics.faults[.slow] == 1)
    }

    @Test("A client retries a web page where JSON belongs, then names it; it reads on once the simulator heals")
    func malformedThenHealed() async throws {
        let simulator = Simulator(options: SimulatorOptions(seed: 4, leads: 10, faults: try FaultSpec(rates: [.malformed: 1])))
        let client = NexorClient(connection: SimulatorPaginationTests.nexorConnection(simulator, retry: RetryPolicy(maxAttempts: 3)))
        let person = try simulator.firstPerson(in: .nexor)
        let id = try #require(person.account(.nexor)?.id)
        do {
            _ = try await client.history(leadID: id, channels: Set(Channel.allCases))
            Issue.record("a web page decoded as a history")
        } catch let error as VendorError {
            #expect(error.description.hasPrefix("nexor: unexpected answer to GET "), "\(error)")
            #expect(error.description.contains("a web page, not JSON"), "\(error)")
        }
        // Asked again like a 5xx, all three tries, before giving up.
        #expect(simulator.statistics.faults[.malformed] == 3)

        // POST /_sim/faults heals it while the client is still around.
        let control = SimClient(simulator: simulator)
        var heal = control.request("POST", nil, "/_sim/faults")
        heal.body = Data()
        #expect(try await control.send(heal).status == 200)
        #expect(simulator.faults.isEmpty)
        let history = try await client.history(leadID: id, channels: Set(Channel.allCases))
        #expect(history.events.map(\.raw.value) == SimulatorPaginationTests.generatedNexorHistory(simulator, person))
    }

    @Test("POST /_sim/faults replaces the faults; a bad spec is refused with the part named and changes nothing")
    func changingFaults() async throws {
        let client = SimClient(SimulatorOptions(leads: 5))
        func post(_ spec: String) async throws -> (status: Int, body: [String: Any]) {
            var request = client.request("POST", nil, "/_sim/faults")
            request.body = Data(spec.utf8)
            let response = try await client.send(request)
            return (response.status, try jsonObject(response.body))
        }
        #expect(try await client.send("GET", .nexor, "/leads").status == 200)
        let set = try await post("500=1")
        #expect(set.status == 200)
        #expect(set.body["faults"] as? String == "500=1.0")
        #expect(try await client.send("GET", .nexor, "/leads").status == 500)

        let refused = try await post("500=1,bogus=0.1")
        #expect(refused.status == 400)
        #expect((refused.body["error"] as? String)?.contains("'bogus=0.1'") == true, "\(refused.body)")
        #expect(client.simulator.faults == (try FaultSpec(rates: [.serverError: 1])))
        #expect(try await client.send("GET", .nexor, "/leads").status == 500)

        #expect(try await post("").status == 200)
        #expect(try await client.send("GET", .nexor, "/leads").status == 200)
        #expect(try await client.send("GET", nil, "/_sim/faults").status == 405)
        #expect(try await client.send("GET", nil, "/_sim/nothing").status == 404)
    }

    @Test("A rate limit answers 429 past N requests in the window, with Retry-After, and /_sim/stats counts it")
    func rateLimit() async throws {
        let limit = RateLimit(5, per: .seconds(30))
        let client = SimClient(SimulatorOptions(leads: 5, rateLimits: [.leadping: limit]))
        for _ in 0..<5 {
            #expect(try await client.send("POST", .leadping, "/leads/all/my", body: [:]).status == 200)
        }
        let over = try await client.send("POST", .leadping, "/leads/all/my", body: [:])
        #expect(over.status == 429)
        let retryAfter = try #require(over.header("retry-after").flatMap(Int.init))
        #expect((29...30).contains(retryAfter))
        #expect(try jsonObject(over.body)["status"] as? Int == 429)
        // Other vendors are not limited.
        for _ in 0..<8 { #expect(try await client.send("GET", .nexor, "/leads").status == 200) }

        let stats = try await client.object("GET", nil, "/_sim/stats")
        #expect(stats["over_limit"] as? [String: Int] == ["leadping": 1])
        #expect(stats["busiest_window"] as? [String: Int] == ["leadping": 5])
    }

    @Test("Rate limits parse as N/SECONDS")
    func rateLimitParsing() {
        #expect(RateLimit(parsing: "300/60") == RateLimit(300, per: .seconds(60)))
        #expect(RateLimit(parsing: " 30 / 1.5 ") == RateLimit(30, per: .milliseconds(1500)))
        #expect(RateLimit(300, per: .seconds(60)).description == "300/60")
        #expect(RateLimit(30, per: .milliseconds(1500)).description == "30/1.5")
        for bad in ["", "300", "300/", "/60", "0/60", "-1/60", "300/0", "300/-5", "x/60", "300/inf", "300/60/1", "300/nan"] {
            #expect(RateLimit(parsing: bad) == nil, "\(bad)")
        }
    }
}
