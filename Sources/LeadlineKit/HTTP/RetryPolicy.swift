import Foundation

/// How often and how patiently a request is retried after 429, 5xx, timeouts and lost connections.
///
/// A 429 waits for the server's `Retry-After` (seconds or an HTTP date) when it sends one;
/// otherwise every retry waits a random time up to `baseDelay × 2^(attempt-1)`, capped at
/// `maxDelay` ("full jitter", so many clients retrying at once spread out).
public struct RetryPolicy: Sendable {
    /// Tries in all, the first one included.
    public var maxAttempts: Int
    public var baseDelay: Duration
    /// The longest single wait; a `Retry-After` above it is reported instead of waited for.
    public var maxDelay: Duration

    public init(maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(20)) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// Never retries: for tests and for callers that do their own.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The backoff before try number `attempt + 1`, given a uniform random number in `0..<1`.
    public func backoff(afterAttempt attempt: Int, random: Double) -> Duration {
        let exponent = min(attempt - 1, 30)
        let ceiling = min(baseDelay.seconds * pow(2, Double(exponent)), maxDelay.seconds)
        return .milliseconds(Int64((ceiling * random * 1000).rounded()))
    }

    /// Reads a `Retry-After` value: delta-seconds or an HTTP date (relative to `now`).
    public static func parseRetryAfter(_ value: String?, now: Date = Date()) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) { return .seconds(max(0, seconds)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .milliseconds(Int64(max(0, date.timeIntervalSince(now)) * 1000))
    }
}
