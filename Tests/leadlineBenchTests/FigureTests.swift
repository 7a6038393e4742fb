import Foundation
import Testing
@testable import leadline_bench

@Suite("Figures: the --json output says each bounded figure's target and whether it is met")
struct FigureTests {
    @Test("Target and met for bounded figures, neither for the others")
    func json() throws {
        let figures = [
            Figure(name: "fast_ms", value: 0.5, unit: "ms", size: "s", limit: 1),
            Figure(name: "slow_ms", value: 2.25, unit: "ms", size: "s", limit: 1, note: "why"),
            Figure(name: "rate", value: 12.3456, unit: "MB/s", size: "s", limit: nil),
        ]
        let object = try #require(JSONSerialization.jsonObject(with: Data(try figures.json().utf8)) as? [String: [String: Any]])
        #expect(object["fast_ms"]?["met"] as? Bool == true)
        #expect(object["fast_ms"]?["target"] as? Double == 1)
        #expect(object["slow_ms"]?["met"] as? Bool == false)
        #expect(object["slow_ms"]?["note"] as? String == "why")
        #expect(object["rate"]?["met"] == nil)
        #expect(object["rate"]?["target"] == nil)
        #expect(object["rate"]?["value"] as? Double == 12.346)
    }
}
