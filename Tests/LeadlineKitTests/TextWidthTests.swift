import LeadlineKit
import Testing

@Suite struct TextWidthTests {
    @Test(arguments: [
        ("abc", 3),
        ("", 0),
        ("世界", 4),
        ("👍", 2),
        ("👩‍👩‍👧", 2),
        ("🇨🇱", 2),
        ("\u{E9}", 1),
        ("e\u{301}", 1),
        ("\u{2764}", 1),
        // As ncurses and tmux draw them (wcwidth scalar by scalar, ZWJ sequences and flags
        // joined): VS16 adds no column, a skin-tone modifier is an emoji of its own.
        ("\u{2764}\u{FE0F}", 1),
        ("1\u{FE0F}\u{20E3}", 1),
        ("👍🏽", 4),
        ("\u{200B}", 0),
        ("\u{301}", 0),
        ("한국어", 6),
        ("ｆｕｌｌ", 8),
        ("a世b👍c", 7),
        ("┌─┐ αβγ", 7),
    ])
    func width(_ text: String, _ expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test func controlsTakeNoColumns() {
        #expect(DisplayWidth.of("\t\n\r\n\u{1B}\u{7F}\u{85}") == 0)
        #expect(DisplayWidth.of(Character("\u{1B}")) == 0)
        #expect(DisplayWidth.of(Character("\r\n")) == 0)
        #expect(DisplayWidth.of(Character("~")) == 1)
    }

    @Test("A character is one unit exactly when terminalUnits gives it back whole")
    func oneUnit() {
        for character in "a\r\n世👩‍👩‍👧e\u{301}\u{301}🇫🇷👍🏽क्षि" {
            let units = DisplayWidth.terminalUnits(character)
            #expect(DisplayWidth.isOneUnit(character) == (units == [String(character)]), "\(character.unicodeScalars.map(\.value))")
        }
        #expect(DisplayWidth.isOneUnit("e\u{301}"))
        #expect(!DisplayWidth.isOneUnit("🇫🇷"))
    }

    @Test func characterWidthMatchesStringWidth() {
        for character in "a世👩‍👩‍👧\u{200B}e\u{301}" {
            #expect(DisplayWidth.of(character) == DisplayWidth.of(String(character)))
        }
    }

    @Test(arguments: [
        ("hello", 10, "hello"),
        ("hello", 5, "hello"),
        ("hello world", 5, "hell…"),
        ("hello", 0, ""),
        ("hello", -3, ""),
        ("hello", 1, "…"),
        ("世界abc", 3, "世…"),
        ("世界", 3, "世…"),
        ("a世界", 3, "a…"),
        ("世界", 2, "…"),
        ("👩‍👩‍👧👍x", 3, "👩‍👩‍👧…"),
        ("e\u{301}e\u{301}e\u{301}", 2, "e\u{301}…"),
    ])
    func truncate(_ text: String, _ width: Int, _ expected: String) {
        let result = DisplayWidth.truncate(text, toWidth: width)
        #expect(result == expected)
        #expect(DisplayWidth.of(result) <= max(0, width))
    }

    @Test func truncateWithCustomEllipsis() {
        #expect(DisplayWidth.truncate("abcdef", toWidth: 5, ellipsis: "...") == "ab...")
        #expect(DisplayWidth.truncate("abcdef", toWidth: 2, ellipsis: "...") == "ab")
        #expect(DisplayWidth.truncate("世界世界", toWidth: 3, ellipsis: "") == "世")
        #expect(DisplayWidth.truncate("abc世", toWidth: 4, ellipsis: "⋯⋯") == "ab⋯⋯")
    }

    @Test(arguments: [
        ("ab", 4, "ab  "),
        ("世", 4, "世  "),
        ("abcdef", 4, "abc…"),
        ("世界世", 5, "世界…"),
        ("世界世", 4, "世… "),
        ("x", 0, ""),
    ])
    func pad(_ text: String, _ width: Int, _ expected: String) {
        let result = DisplayWidth.pad(text, toWidth: width)
        #expect(result == expected)
        #expect(DisplayWidth.of(result) == width)
        let fitted = DisplayWidth.fit(text, toWidth: width)
        #expect(fitted.text + String(repeating: " ", count: max(0, width - fitted.width)) == expected)
    }

    @Test("pad and fit, walking only as far as the width, agree with truncating the measured whole")
    func padAgreesWithTruncate() {
        var random = SplitMix(state: 21)
        let pieces = ["a", "é", "e\u{301}", "漢", "🌸", "👩‍👩‍👧", "🇨🇱", " ", "\u{200B}", "—", "ß", "ｗ", "ก", "\u{0E33}", "\u{1100}", "\u{1161}", "가", "ｶ", "\u{FF9E}", "क", "\u{093F}", "\u{0600}"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...40, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            for width in [0, 1, 2, 3, 7, 20, 60] {
                let cut = DisplayWidth.truncate(text, toWidth: width)
                let reference = width <= 0 ? "" : cut + String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
                #expect(DisplayWidth.pad(text, toWidth: width) == reference, "\(text.unicodeScalars.map { String($0.value, radix: 16) }) at \(width)")
                let fitted = DisplayWidth.fit(text, toWidth: width)
                #expect(fitted.text == (width <= 0 ? "" : cut) && fitted.width == DisplayWidth.of(fitted.text),
                        "fit: \(text.unicodeScalars.map { String($0.value, radix: 16) }) at \(width)")
            }
        }
    }
}
