import Foundation
import Testing
@testable import LeadlineUI

@Suite("Key map")
struct KeyMapTests {
    @Test("README's key table is the one generated from the key map")
    func readmeAgrees() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md").standardized
        var text = try String(contentsOf: readme, encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- keys:begin -->\n"))
        let end = try #require(text.range(of: "<!-- keys:end -->"))
        if ProcessInfo.processInfo.environment["LEADLINE_UPDATE_README"] == "1" {
            // `LEADLINE_UPDATE_README=1 swift test --filter KeyMapTests` regenerates the table.
            text.replaceSubrange(begin.upperBound..<end.lowerBound, with: KeyMap.standard.markdownTable + "\n")
            try text.write(to: readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(text[begin.upperBound..<end.lowerBound]) == KeyMap.standard.markdownTable + "\n",
                "README.md is out of date; paste KeyMap.standard.markdownTable between the keys markers")
    }

    @Test("No key is bound twice")
    func unique() {
        let keys = KeyMap.standard.bindings.flatMap(\.keys)
        #expect(Set(keys).count == keys.count)
    }

    @Test("The help overlay lists every binding")
    func overlay() {
        let text = Screen.helpLines(KeyMap.standard).map { $0.spans.map(\.text).joined() }
        for binding in KeyMap.standard.bindings {
            #expect(text.contains { $0.hasSuffix(binding.help) && $0.hasPrefix(binding.keys.map(\.description).joined(separator: " ")) })
        }
    }
}
