import Foundation

/// An HTTP request as the vendor clients build it.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URL
    /// Header fields; credentials live here and must never be logged.
    public var headers: [String: String]
    public var body: Data?
    /// How long to wait for an answer before giving up.
    public var timeout: Duration

    public init(
        method: String = "GET", url: URL, headers: [String: String] = [:], body: Data? = nil,
        timeout: Duration = .seconds(30)
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// An HTTP response: status, header fields (names lower-cased) and the whole body.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }) { first, _ in first }
        self.body = body
    }

    /// The value of a header field, by case-insensitive name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Why a request got no HTTP response at all.
public enum TransportError: Error, Sendable, Equatable {
    /// No answer within the request's timeout.
    case timedOut
    /// The connection could not be made or was lost (refused, reset, DNS, TLS).
    case connectionFailed(String)
    /// The task was cancelled, e.g. because the user moved to another lead.
    case cancelled
}

/// Sends one HTTP request and returns the response, whatever its status.
///
/// Everything above this protocol (auth, retries, status mapping, decoding) is shared by all
/// vendors. Implementations throw ``TransportError`` only; a 4xx or 5xx is a normal response.
public protocol Transport: Sendable {
    /// Performs `request`; throws ``TransportError`` when there is no response.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
