import Foundation

/// A failure talking to a vendor, with a message a user can act on.
///
/// Every case names the source. Texts that came from the vendor are sanitised for the terminal
/// and have the credential redacted before they get here.
public enum VendorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 401/403: the credential was missing, wrong or not allowed. `credential` says where it comes
    /// from ("NEXOR_API_KEY") and never holds the secret itself.
    case unauthorized(source: String, status: Int, message: String?, credential: String)
    /// 404: the lead or page does not exist at this vendor.
    case notFound(source: String, resource: String, message: String?)
    /// 429 after every allowed retry, or with a Retry-After longer than leadline will wait.
    case rateLimited(source: String, attempts: Int, retryAfter: Duration?)
    /// 5xx after every allowed retry.
    case serverError(source: String, status: Int, message: String?)
    /// Any other unexpected status.
    case unexpectedStatus(source: String, status: Int, message: String?)
    /// No answer in time, after every allowed retry.
    case timedOut(source: String, host: String, attempts: Int)
    /// The connection failed, after every allowed retry.
    case unreachable(source: String, host: String, reason: String)
    /// The answer was not what the vendor documents.
    case invalidResponse(source: String, request: String, reason: String)
    /// The request was cancelled by leadline itself.
    case cancelled(source: String)

    /// The configured name of the source the error came from.
    public var source: String {
        switch self {
        case .unauthorized(let source, _, _, _), .notFound(let source, _, _),
             .rateLimited(let source, _, _), .serverError(let source, _, _),
             .unexpectedStatus(let source, _, _), .timedOut(let source, _, _),
             .unreachable(let source, _, _), .invalidResponse(let source, _, _),
             .cancelled(let source):
            source
        }
    }

    public var description: String {
        func withMessage(_ head: String, _ message: String?) -> String {
            guard let message, !message.isEmpty else { return head }
            return "\(head) \(message)"
        }
        switch self {
        case .unauthorized(let source, let status, let message, let credential):
            let head = withMessage("\(source): \(status)", message ?? (status == 401 ? "Unauthorized" : "Forbidden"))
            return "\(head) — check \(credential)"
        case .notFound(let source, let resource, let message):
            return "\(withMessage("\(source): 404", message ?? "Not found")) — \(source) has no \(resource)"
        case .rateLimited(let source, let attempts, let retryAfter):
            if let retryAfter {
                return "\(source): 429 rate limited — the vendor asks to wait \(Int(retryAfter.seconds.rounded(.up))) s; try again later"
            }
            return "\(source): 429 rate limited, still refused after \(attempts) tries — wait a minute and try again"
        case .serverError(let source, let status, let message):
            return "\(withMessage("\(source): \(status)", message ?? "server error")) — the vendor is having trouble; try again later"
        case .unexpectedStatus(let source, let status, let message):
            return withMessage("\(source): unexpected HTTP status \(status)", message)
        case .timedOut(let source, let host, let attempts):
            return "\(source): no answer from \(host) (\(attempts) tries) — check the network or the source's base_url"
        case .unreachable(let source, let host, let reason):
            return "\(source): cannot reach \(host): \(reason) — check the network or the source's base_url"
        case .invalidResponse(let source, let request, let reason):
            return "\(source): unexpected answer to \(request): \(reason)"
        case .cancelled(let source):
            return "\(source): request cancelled"
        }
    }
}
