import Foundation

/// Keeps requests to one source under its documented limit: at most `limit` requests started in
/// any `window` (LeadPing documents 300 per 60 s). A request over the limit waits until the
/// oldest one in the window has aged out, rather than being sent and answered 429.
///
/// One limiter is shared by every client of a source in a workspace, so the lead list, the
/// timelines and prefetches count together.
public actor RateLimiter {
    public nonisolated let limit: Int
    public nonisolated let window: Duration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let sleep: @Sendable (Duration) async throws -> Void
    /// When each request in the current window started, oldest first.
    private var started: [ContinuousClock.Instant] = []

    /// `now` and `sleep` are the clock's; tests substitute a clock they move themselves.
    public init(
        limit: Int, per window: Duration,
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        precondition(limit > 0 && window > .zero, "a rate limit needs a positive count and window")
        self.limit = limit
        self.window = window
        self.now = now
        self.sleep = sleep
    }

    /// Returns once a request may start, counting it; throws `CancellationError` if the task is
    /// cancelled while it waits.
    public func acquire() async throws {
        while true {
            try Task.checkCancellation()
            let current = now()
            started.removeAll { current - $0 >= window }
            if started.count < limit {
                started.append(current)
                return
            }
            // Actor reentrancy: others may wait too; each looks again after its pause.
            try await sleep(window - (current - started[0]))
        }
    }
}
