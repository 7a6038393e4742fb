import Foundation

/// At most `limit` requests in any `window`: a vendor's documented request limit.
public struct RateLimit: Sendable, Equatable, CustomStringConvertible {
    public var limit: Int
    public var window: Duration

    /// A limit of `limit` (at least 1) requests per `window` (more than zero).
    public init(_ limit: Int, per window: Duration) {
        precondition(limit > 0 && window > .zero, "a rate limit needs a positive count and window")
        self.limit = limit
        self.window = window
    }

    /// Reads `N/SECONDS`, e.g. `300/60`; the seconds may have a fraction (`30/1.5`). Nil when
    /// either part is missing, not a number or not positive.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let limit = Int(parts[0].trimmingCharacters(in: .whitespaces)), limit > 0,
              let seconds = Double(parts[1].trimmingCharacters(in: .whitespaces)), seconds.isFinite, seconds > 0,
              seconds <= 86_400
        else { return nil }
        self.init(limit, per: .milliseconds(Int64((seconds * 1000).rounded(.up))))
    }

    /// `300/60`, as ``init(parsing:)`` reads it.
    public var description: String {
        let milliseconds = window.components.seconds * 1000 + window.components.attoseconds / 1_000_000_000_000_000
        let seconds = milliseconds % 1000 == 0 ? "\(milliseconds / 1000)" : "\(Double(milliseconds) / 1000)"
        return "\(limit)/\(seconds)"
    }
}

/// Keeps requests to one source under its documented limit: at most `limit` requests in any
/// `window` (LeadPing documents 300 per 60 s). A request over the limit waits rather than being
/// sent and answered 429.
///
/// The vendor counts a request when it arrives, somewhere between the moment it is sent and the
/// moment its answer is back. So a request holds its place from ``acquire()`` until ``release()``,
/// and its window is counted from the release: sent requests can then never crowd the vendor's
/// window, however long they spent on the way (counting from the start was measured going over,
/// against `sim serve --rate-limit`).
///
/// One limiter is shared by every client of a source in a workspace, so the lead list, the
/// timelines and prefetches count together.
public actor RateLimiter {
    public nonisolated let rateLimit: RateLimit
    public nonisolated var limit: Int { rateLimit.limit }
    public nonisolated var window: Duration { rateLimit.window }
    private let now: @Sendable () -> ContinuousClock.Instant
    private let sleep: @Sendable (Duration) async throws -> Void
    /// Requests acquired and not yet released.
    private var inFlight = 0
    /// When each released request of the current window finished, oldest first.
    private var finished: [ContinuousClock.Instant] = []

    /// How often a request looks again when every place is held by a request still in flight.
    static let inFlightPoll: Duration = .milliseconds(20)

    /// `now` and `sleep` are the clock's; tests substitute a clock they move themselves.
    public init(
        _ rateLimit: RateLimit,
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.rateLimit = rateLimit
        self.now = now
        self.sleep = sleep
    }

    /// Returns once a request may be sent, holding a place for it until ``release()``; throws
    /// `CancellationError` if the task is cancelled while it waits.
    public func acquire() async throws {
        while true {
            try Task.checkCancellation()
            let current = now()
            finished.removeAll { current - $0 >= window }
            if inFlight + finished.count < limit {
                inFlight += 1
                return
            }
            // Actor reentrancy: others may wait too; each looks again after its pause.
            if let oldest = finished.first {
                try await sleep(window - (current - oldest))
            } else {
                try await sleep(Self.inFlightPoll)
            }
        }
    }

    /// The request that last acquired is answered (or failed): its window starts now.
    public func release() {
        guard inFlight > 0 else { return }
        inFlight -= 1
        finished.append(now())
    }
}
