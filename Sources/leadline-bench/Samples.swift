/// Timings of one repeated operation, summarised by nearest-rank percentiles.
struct Samples {
    private(set) var durations: [Duration] = []

    var count: Int { durations.count }

    mutating func append(_ duration: Duration) {
        durations.append(duration)
    }

    /// The nearest-rank `p`-th percentile (0 < p ≤ 100): the smallest sample that at least `p`%
    /// of the samples do not exceed. Nil when there are no samples.
    func percentile(_ p: Double) -> Duration? {
        guard !durations.isEmpty else { return nil }
        let sorted = durations.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// The `p`-th percentile in milliseconds, 0 when there are no samples.
    func milliseconds(_ p: Double) -> Double {
        percentile(p).map(Self.milliseconds) ?? 0
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
    }
}
