import Testing
@testable import leadline_bench

@Suite("Samples: nearest-rank percentiles of timings")
struct SamplesTests {
    static func samples(_ milliseconds: [Int]) -> Samples {
        var samples = Samples()
        for value in milliseconds { samples.append(.milliseconds(value)) }
        return samples
    }

    @Test("Nearest rank over 1…100 ms, given out of order", arguments: [
        (50.0, 50), (99.0, 99), (100.0, 100), (1.0, 1), (0.5, 1), (99.5, 100),
    ])
    func percentiles(p: Double, expected: Int) {
        let samples = Self.samples(Array((1...100).reversed()))
        #expect(samples.percentile(p) == .milliseconds(expected))
    }

    @Test("Few samples: p99 of ten is the largest; p50 of four is the second")
    func fewSamples() {
        #expect(Self.samples([5, 1, 9, 3, 7, 2, 8, 4, 6, 10]).percentile(99) == .milliseconds(10))
        #expect(Self.samples([40, 10, 30, 20]).percentile(50) == .milliseconds(20))
    }

    @Test("No samples: no percentile, 0 ms")
    func empty() {
        #expect(Samples().percentile(50) == nil)
        #expect(Samples().milliseconds(99) == 0)
    }

    @Test("Milliseconds keep the sub-millisecond part")
    func milliseconds() {
        #expect(Samples.milliseconds(.microseconds(1_500)) == 1.5)
        #expect(Samples.milliseconds(.seconds(2)) == 2_000)
    }
}
