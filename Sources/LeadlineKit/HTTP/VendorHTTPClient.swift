import Foundation
import Logging

/// What a vendor client needs to reach its server: where, with which credential, how patiently.
public struct SourceConnection: Sendable {
    /// The source's configured name ("nexor"), used in every message.
    public var name: String
    /// Everything before the documented paths, e.g. `https://api.getnexor.ai/api/public`.
    public var baseURL: URL
    public var credential: Secret
    public var transport: any Transport
    public var retry: RetryPolicy
    /// How long one request may wait for its answer.
    public var timeout: Duration
    /// Waits between retries; tests substitute one that records instead of sleeping.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// A uniform random number in `0..<1`, for backoff jitter.
    public var random: @Sendable () -> Double
    /// The source's documented request limit, shared by all its clients; nil for none.
    public var rateLimiter: RateLimiter?
    /// Where each request, retry and failure is logged (`--log-file`); drops them by default.
    public var logger: Logger

    public init(
        name: String, baseURL: URL, credential: Secret, transport: any Transport,
        retry: RetryPolicy = RetryPolicy(), timeout: Duration = .seconds(30),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }, rateLimiter: RateLimiter? = nil,
        logger: Logger = .disabled
    ) {
        self.name = name
        self.baseURL = baseURL
        self.credential = credential
        self.transport = transport
        self.retry = retry
        self.timeout = timeout
        self.sleep = sleep
        self.random = random
        self.rateLimiter = rateLimiter
        self.logger = logger
    }
}

/// The HTTP core every vendor client shares: URLs, auth headers, retries and status mapping.
///
/// It turns every failure into a ``VendorError`` and makes sure no vendor text reaches the user
/// unsanitised or carrying the credential.
struct VendorHTTPClient: Sendable {
    let connection: SourceConnection
    /// Header fields that carry the credential.
    let authHeaders: [String: String]
    /// Pulls the vendor's own error message out of an error body.
    let errorMessage: @Sendable (Data) -> String?

    /// Sends `method path?query` and decodes a 2xx answer as `type`. `resource` names what a 404
    /// means ("lead 42"); `request` names the call in a decoding error ("GET /leads/42").
    ///
    /// A 2xx body that is not JSON at all (cut short, or a web page) is asked for again like a
    /// 5xx, since a proxy or a dropped connection is the likely cause; JSON of the wrong shape is
    /// reported at once, as asking again would get the same.
    func send<T: Decodable>(
        _ type: T.Type, _ method: String, path: [String], query: [(String, String)] = [], body: Data? = nil,
        resource: String, request name: String
    ) async throws -> T {
        let url = makeURL(path: path, query: query)
        var headers = authHeaders
        headers["Accept"] = "application/json"
        if body != nil { headers["Content-Type"] = "application/json" }
        let request = HTTPRequest(method: method, url: url, headers: headers, body: body, timeout: connection.timeout)
        do {
            return try await attempts(request, resource: resource) { data in
                do {
                    return try decode(T.self, from: data, request: name)
                } catch let error as VendorError {
                    if (try? JSONValue.parse(data)) == nil { throw UnreadableBody(error: error) }
                    throw error
                }
            }
        } catch let error as VendorError {
            if case .cancelled = error {
                connection.logger.debug("\(method) \(logged(url)): cancelled", metadata: ["source": "\(connection.name)"])
            } else {
                connection.logger.error("\(error)", metadata: ["source": "\(connection.name)"])
            }
            throw error
        }
    }

    /// A 2xx body that did not parse: retried, and reported as `error` on the last try.
    private struct UnreadableBody: Error {
        let error: VendorError
    }

    /// The retry loop of ``send(_:_:path:query:body:resource:request:)``: `read` turns a 2xx body
    /// into the answer, or throws ``UnreadableBody`` to have it asked for again.
    private func attempts<T>(_ request: HTTPRequest, resource: String, read: (Data) throws -> T) async throws -> T {
        let source = connection.name
        let host = request.url.host ?? connection.baseURL.absoluteString
        let policy = connection.retry
        let clock = ContinuousClock()
        // Formatted only when a line is written: without --log-file nothing here costs a thing.
        func label() -> String { "\(request.method) \(logged(request.url))" }

        for attempt in 1...policy.maxAttempts {
            let isLast = attempt == policy.maxAttempts
            if Task.isCancelled { throw VendorError.cancelled(source: source) }
            if let limiter = connection.rateLimiter {
                let asked = clock.now
                do {
                    try await limiter.acquire()
                } catch {
                    throw VendorError.cancelled(source: source)
                }
                let waited = clock.now - asked
                if waited >= .milliseconds(10) {
                    connection.logger.notice(
                        "\(label()): waited \(Self.format(waited)) to stay within \(limiter.limit) requests per \(Self.format(limiter.window))",
                        metadata: ["source": "\(source)"])
                }
            }
            let started = clock.now
            let sent: Result<HTTPResponse, any Error>
            do {
                sent = .success(try await connection.transport.send(request))
            } catch {
                sent = .failure(error)
            }
            await connection.rateLimiter?.release()
            let took = clock.now - started
            switch sent {
            case .success(let response):
                connection.logger.info(
                    "\(label()) → \(response.status) in \(Self.format(took)), \(response.body.count) bytes",
                    metadata: ["source": "\(source)", "attempt": "\(attempt)"])
            case .failure(let error):
                connection.logger.warning("\(label()) → \(error) after \(Self.format(took))", metadata: ["source": "\(source)", "attempt": "\(attempt)"])
            }
            let response: HTTPResponse
            do {
                response = try sent.get()
            } catch let error as TransportError {
                switch error {
                case .cancelled:
                    throw VendorError.cancelled(source: source)
                case .timedOut where isLast:
                    throw VendorError.timedOut(source: source, host: host, attempts: attempt)
                case .connectionFailed(let reason) where isLast:
                    throw VendorError.unreachable(source: source, host: host, reason: reason)
                case .timedOut, .connectionFailed:
                    try await pause(policy.backoff(afterAttempt: attempt, random: connection.random()))
                    continue
                }
            }

            switch response.status {
            case 200..<300:
                do {
                    return try read(response.body)
                } catch let unreadable as UnreadableBody {
                    if isLast { throw unreadable.error }
                    try await pause(policy.backoff(afterAttempt: attempt, random: connection.random()))
                }
            case 429:
                let retryAfter = RetryPolicy.parseRetryAfter(response.header("Retry-After"))
                if let retryAfter, retryAfter > policy.maxDelay {
                    throw VendorError.rateLimited(source: source, attempts: attempt, retryAfter: retryAfter)
                }
                if isLast { throw VendorError.rateLimited(source: source, attempts: attempt, retryAfter: nil) }
                try await pause(retryAfter ?? policy.backoff(afterAttempt: attempt, random: connection.random()))
            case 500, 502, 503, 504:
                if isLast {
                    throw VendorError.serverError(source: source, status: response.status, message: message(from: response))
                }
                try await pause(policy.backoff(afterAttempt: attempt, random: connection.random()))
            case 401, 403:
                throw VendorError.unauthorized(
                    source: source, status: response.status, message: message(from: response),
                    credential: connection.credential.origin)
            case 404:
                throw VendorError.notFound(source: source, resource: resource, message: message(from: response))
            default:
                throw VendorError.unexpectedStatus(source: source, status: response.status, message: message(from: response))
            }
        }
        preconditionFailure("the retry loop returns or throws on its last attempt")
    }

    /// Decodes a 2xx body, turning a decoding failure into ``VendorError/invalidResponse``.
    ///
    /// The body is parsed once into a ``JSONValue`` and the wire types read that tree
    /// (``JSONValueDecoder``), so items that keep their raw JSON do not decode twice.
    func decode<T: Decodable>(_ type: T.Type, from data: Data, request: String) throws -> T {
        do {
            return try JSONValueDecoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            // A web page where JSON belongs: a login portal, a proxy's error page or a base_url
            // pointing at a website. Say so, rather than "not valid JSON".
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
               data.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "<") {
                throw VendorError.invalidResponse(
                    source: connection.name, request: request,
                    reason: "a web page, not JSON — check the source's base_url, or a proxy or network login in the way")
            }
            throw VendorError.invalidResponse(source: connection.name, request: request, reason: Self.explain(error))
        } catch {
            throw VendorError.invalidResponse(source: connection.name, request: request, reason: "\(error)")
        }
    }

    func makeURL(path: [String], query: [(String, String)]) -> URL {
        var text = connection.baseURL.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        for segment in path {
            text += "/" + (segment.addingPercentEncoding(withAllowedCharacters: .urlUnreserved) ?? segment)
        }
        if !query.isEmpty {
            text += "?" + query.map { name, value in
                let encoded = value.addingPercentEncoding(withAllowedCharacters: .urlQueryValue) ?? value
                return "\(name)=\(encoded)"
            }.joined(separator: "&")
        }
        // Every piece was percent-encoded above, so this cannot fail for a valid base URL.
        return URL(string: text)!
    }

    /// `url` as the log shows it: no user or password, and the credential redacted should a
    /// base_url carry it.
    private func logged(_ url: URL) -> String {
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        components?.user = nil
        components?.password = nil
        return connection.credential.redact(components?.string ?? url.absoluteString)
    }

    /// `12 ms`, `1.5 s`.
    static func format(_ duration: Duration) -> String {
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return milliseconds < 1000 ? "\(Int(milliseconds.rounded())) ms" : String(format: "%.1f s", milliseconds / 1000)
    }

    private func pause(_ duration: Duration) async throws {
        connection.logger.notice("retrying in \(Self.format(duration))", metadata: ["source": "\(connection.name)"])
        do {
            try await connection.sleep(duration)
        } catch {
            throw VendorError.cancelled(source: connection.name)
        }
    }

    private func message(from response: HTTPResponse) -> String? {
        let raw = errorMessage(response.body)
            ?? String(data: response.body.prefix(300), encoding: .utf8).flatMap { $0.hasPrefix("<") ? nil : $0 }
        guard let raw else { return nil }
        let clean = connection.credential.redact(TerminalSanitizer.line(raw))
        guard !clean.isEmpty else { return nil }
        return clean.count > 200 ? String(clean.prefix(199)) + "…" : clean
    }

    private static func explain(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "the document" : String(keys.drop { $0 == "." })
        }
        switch error {
        case .typeMismatch(let type, let context): return "\(path(context)) is not a \(type)"
        case .valueNotFound(let type, let context): return "\(path(context)) is null, expected \(type)"
        case .keyNotFound(let key, let context): return "\(path(context)) lacks '\(key.stringValue)'"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "\(path(context)) is malformed"
        @unknown default: return "undecodable"
        }
    }
}

extension CharacterSet {
    /// RFC 3986 unreserved characters: safe anywhere in a URL without encoding.
    static let urlUnreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    /// Unreserved plus the comma, which keeps lists like `channel=call,email` readable.
    static let urlQueryValue = urlUnreserved.union(CharacterSet(charactersIn: ","))
}
