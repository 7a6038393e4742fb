import Foundation
import Testing
@testable import LeadlineKit

@Suite("HTTP status mapping and retries")
struct VendorHTTPClientTests {
    private func lead(_ transport: StubTransport, retry: RetryPolicy = .none, sleeper: SleepRecorder = SleepRecorder()) async throws -> Lead {
        try await NexorClient(connection: connection(transport, retry: retry, sleeper: sleeper)).lead(id: "42")
    }

    private func error(_ body: @escaping @Sendable () async throws -> Lead) async -> VendorError? {
        do {
            _ = try await body()
            return nil
        } catch {
            return error as? VendorError
        }
    }

    @Test("401 names the source, the vendor's words and the variable, never the key")
    func unauthorized() async {
        let transport = StubTransport { _, _ in
            json(#"{"error":"Invalid API key","message":"nxr_live_secret123 is not valid"}"#, status: 401)
        }
        let failure = await error { try await self.lead(transport) }
        #expect(failure == .unauthorized(source: "nexor", status: 401, message: "Invalid API key: [redacted] is not valid", credential: "NEXOR_API_KEY"))
        let text = failure.map(String.init(describing:)) ?? ""
        #expect(text == "nexor: 401 Invalid API key: [redacted] is not valid — check NEXOR_API_KEY")
        #expect(!text.contains("secret123"))
        #expect(transport.requests.count == 1)
    }

    @Test("401 with the other documented body")
    func missingKey() async {
        let transport = StubTransport { _, _ in json(#"{"error":"Missing API key","message":"Missing API key"}"#, status: 401) }
        let failure = await error { try await self.lead(transport) }
        #expect(failure.map(String.init(describing:)) == "nexor: 401 Missing API key — check NEXOR_API_KEY")
    }

    @Test("404 says what was not found")
    func notFound() async throws {
        let body = try Fixture.data("nexor-lead-not-found.json")
        let transport = StubTransport { _, _ in HTTPResponse(status: 404, body: body) }
        let failure = await error { try await self.lead(transport) }
        #expect(failure == .notFound(source: "nexor", resource: "lead 42", message: "Lead not found"))
        #expect(failure.map(String.init(describing:)) == "nexor: 404 Lead not found — nexor has no lead 42")
    }

    @Test("429 waits Retry-After seconds, then succeeds")
    func retryAfter() async throws {
        let transport = StubTransport { _, index in
            index < 2 ? json("{}", status: 429, headers: ["Retry-After": "3"]) : HTTPResponse(status: 200, body: try Fixture.data("nexor-get-lead.json"))
        }
        let sleeper = SleepRecorder()
        let lead = try await lead(transport, retry: RetryPolicy(maxAttempts: 4), sleeper: sleeper)
        #expect(lead.name == "Carlos Lopez")
        #expect(sleeper.delays == [.seconds(3), .seconds(3)])
    }

    @Test("429 without Retry-After backs off exponentially with jitter, a bounded number of times")
    func backoff() async {
        let transport = StubTransport { _, _ in json("{}", status: 429) }
        let sleeper = SleepRecorder()
        let policy = RetryPolicy(maxAttempts: 4, baseDelay: .seconds(1), maxDelay: .seconds(20))
        let failure = await error { try await self.lead(transport, retry: policy, sleeper: sleeper) }
        #expect(failure == .rateLimited(source: "nexor", attempts: 4, retryAfter: nil))
        #expect(transport.requests.count == 4)
        // random() is 0.5 in tests: half of 1 s, 2 s, 4 s.
        #expect(sleeper.delays == [.milliseconds(500), .seconds(1), .seconds(2)])
    }

    @Test("A Retry-After longer than leadline will wait is reported at once")
    func longRetryAfter() async {
        let transport = StubTransport { _, _ in json("{}", status: 429, headers: ["Retry-After": "3600"]) }
        let sleeper = SleepRecorder()
        let failure = await error { try await self.lead(transport, retry: RetryPolicy(), sleeper: sleeper) }
        #expect(failure == .rateLimited(source: "nexor", attempts: 1, retryAfter: .seconds(3600)))
        #expect(failure.map(String.init(describing:)) == "nexor: 429 rate limited — the vendor asks to wait 3600 s; try again later")
        #expect(sleeper.delays.isEmpty)
    }

    @Test("Retry-After as an HTTP date")
    func retryAfterDate() {
        let now = date("2026-01-10T08:00:00Z")
        #expect(RetryPolicy.parseRetryAfter("Sat, 10 Jan 2026 08:00:05 GMT", now: now) == .seconds(5))
        #expect(RetryPolicy.parseRetryAfter("  7 ", now: now) == .seconds(7))
        #expect(RetryPolicy.parseRetryAfter("soon", now: now) == nil)
        #expect(RetryPolicy.parseRetryAfter(nil, now: now) == nil)
    }

    @Test("Backoff is capped at maxDelay")
    func backoffCap() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: .seconds(1), maxDelay: .seconds(5))
        #expect(policy.backoff(afterAttempt: 1, random: 0.999) < .seconds(1))
        #expect(policy.backoff(afterAttempt: 8, random: 1) == .seconds(5))
        #expect(policy.backoff(afterAttempt: 3, random: 0) == .zero)
    }

    @Test("5xx is retried, then reported", arguments: [500, 502, 503, 504])
    func serverErrors(status: Int) async {
        let transport = StubTransport { _, _ in json(#"{"error":"Internal error"}"#, status: status) }
        let failure = await error { try await self.lead(transport, retry: RetryPolicy(maxAttempts: 3)) }
        #expect(failure == .serverError(source: "nexor", status: status, message: "Internal error"))
        #expect(transport.requests.count == 3)
    }

    @Test("5xx then success returns the data")
    func serverRecovers() async throws {
        let transport = StubTransport { _, index in
            index == 0 ? HTTPResponse(status: 503) : HTTPResponse(status: 200, body: try Fixture.data("nexor-get-lead.json"))
        }
        #expect(try await lead(transport, retry: RetryPolicy(maxAttempts: 2)).id == "123e4567-e89b-12d3-a456-426614174000")
    }

    @Test("Other statuses are reported as they are, with the vendor's message sanitised")
    func otherStatus() async {
        let transport = StubTransport { _, _ in json("{\"error\":\"Bad \\u001b]0;pwned\\u0007thing\"}", status: 418) }
        let failure = await error { try await self.lead(transport) }
        #expect(failure == .unexpectedStatus(source: "nexor", status: 418, message: "Bad thing"))
    }

    @Test("Timeouts and refused connections are retried, then reported with the host")
    func transportFailures() async {
        let timeouts = StubTransport { _, _ in throw TransportError.timedOut }
        #expect(await error { try await self.lead(timeouts, retry: RetryPolicy(maxAttempts: 2)) } == .timedOut(source: "nexor", host: "nexor.test", attempts: 2))
        #expect(timeouts.requests.count == 2)
        let refused = StubTransport { _, _ in throw TransportError.connectionFailed("Connection refused") }
        let failure = await error { try await self.lead(refused) }
        #expect(failure.map(String.init(describing:)) == "nexor: cannot reach nexor.test: Connection refused — check the network or the source's base_url")
    }

    @Test("A 200 that is not the documented JSON is an invalid response naming the request")
    func garbage() async {
        let transport = StubTransport { _, _ in HTTPResponse(status: 200, body: Data("{\"id\": ".utf8)) }
        let failure = await error { try await self.lead(transport) }
        #expect(failure == .invalidResponse(source: "nexor", request: "GET /leads/42", reason: "not valid JSON"))
    }
}
