import Foundation
import Testing
@testable import LeadlineKit

/// The vendors' documented example payloads, copied from api-docs into Fixtures/.
enum Fixture {
    static func data(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        return try Data(contentsOf: url)
    }
}

/// A transport that answers from a closure and records every request it was sent.
final class StubTransport: Transport, @unchecked Sendable {
    // @unchecked: `requests` is only touched while holding `lock`.
    private let lock = NSLock()
    private var recorded: [HTTPRequest] = []
    private let respond: @Sendable (HTTPRequest, Int) throws -> HTTPResponse

    /// `respond` gets the request and its 0-based index among all requests sent.
    init(_ respond: @escaping @Sendable (HTTPRequest, Int) throws -> HTTPResponse) {
        self.respond = respond
    }

    var requests: [HTTPRequest] { lock.withLock { recorded } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let index = lock.withLock {
            recorded.append(request)
            return recorded.count - 1
        }
        return try respond(request, index)
    }
}

/// Records the pauses the retry loop asked for instead of sleeping.
final class SleepRecorder: @unchecked Sendable {
    // @unchecked: `delays` is only touched while holding `lock`.
    private let lock = NSLock()
    private var recorded: [Duration] = []

    var delays: [Duration] { lock.withLock { recorded } }

    var sleep: @Sendable (Duration) async throws -> Void {
        { duration in self.lock.withLock { self.recorded.append(duration) } }
    }
}

extension HTTPRequest {
    /// The query items of the URL, by name.
    var query: [String: String] {
        let items = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        return Dictionary(items.map { ($0.name, $0.value ?? "") }) { first, _ in first }
    }
}

func json(_ text: String, status: Int = 200, headers: [String: String] = [:]) -> HTTPResponse {
    HTTPResponse(status: status, headers: headers.merging(["Content-Type": "application/json"]) { a, _ in a }, body: Data(text.utf8))
}

func connection(
    _ transport: any Transport, retry: RetryPolicy = .none, sleeper: SleepRecorder = SleepRecorder(),
    secret: String = "nxr_live_secret123", name: String = "nexor", baseURL: String = "https://nexor.test/api/public",
    origin: String = "NEXOR_API_KEY"
) -> SourceConnection {
    SourceConnection(
        name: name, baseURL: URL(string: baseURL)!,
        credential: Secret(secret, origin: origin), transport: transport, retry: retry,
        sleep: sleeper.sleep, random: { 0.5 })
}

func date(_ text: String) -> Date { ISO8601.parse(text)! }
