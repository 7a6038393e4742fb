@testable import LeadlineKit
import Testing

@Suite struct TextSanitizerTests {
    struct Attack: Sendable, CustomTestStringConvertible {
        let name: String
        let input: String
        let expected: String
        var testDescription: String { name }
    }

    /// Shows its input escaped, so the test log itself cannot carry escape sequences to a terminal.
    struct Case: Sendable, CustomTestStringConvertible {
        let input: String
        let expected: String
        var testDescription: String { input.debugDescription }
    }

    static let attacks: [Attack] = [
        Attack(name: "OSC 0 title, BEL", input: "a\u{1B}]0;pwned\u{07}b", expected: "ab"),
        Attack(name: "OSC 2 title, ST", input: "a\u{1B}]2;pwned\u{1B}\\b", expected: "ab"),
        Attack(name: "OSC 52 clipboard", input: "x\u{1B}]52;c;cm0gLXJmIH4=\u{07}y", expected: "xy"),
        Attack(
            name: "OSC 8 hyperlink keeps its text",
            input: "\u{1B}]8;;https://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\",
            expected: "click"
        ),
        Attack(name: "CSI 2J clear", input: "before\u{1B}[2Jafter", expected: "beforeafter"),
        Attack(name: "CSI cursor home and move", input: "\u{1B}[H\u{1B}[10;20Hhi\u{1B}[3A", expected: "hi"),
        Attack(name: "CSI private mode", input: "a\u{1B}[?1049hb", expected: "ab"),
        Attack(name: "CSI SGR colour", input: "\u{1B}[1;31mred\u{1B}[0m", expected: "red"),
        Attack(name: "DCS", input: "a\u{1B}P1$r0m\u{1B}\\b", expected: "ab"),
        Attack(name: "APC", input: "a\u{1B}_Gf=100;AAAA\u{1B}\\b", expected: "ab"),
        Attack(name: "two-byte escape", input: "a\u{1B}cb\u{1B}7c", expected: "abc"),
        Attack(name: "charset designation", input: "a\u{1B}(0qqq\u{1B}(Bb", expected: "aqqqb"),
        Attack(name: "8-bit CSI", input: "a\u{9B}2Jb", expected: "ab"),
        Attack(name: "8-bit OSC with 8-bit ST", input: "a\u{9D}0;pwned\u{9C}b", expected: "ab"),
        Attack(name: "8-bit DCS", input: "a\u{90}payload\u{1B}\\b", expected: "ab"),
        Attack(name: "other C1 dropped", input: "a\u{85}b\u{84}c", expected: "abc"),
        Attack(name: "carriage return overwrite", input: "safe\rEVIL", expected: "safeEVIL"),
        Attack(name: "backspace overwrite", input: "rm -rf /\u{08}\u{08}\u{08}\u{08}ls", expected: "rm -rf /ls"),
        Attack(name: "bell and NUL", input: "a\u{07}b\u{00}c", expected: "abc"),
        Attack(name: "DEL", input: "a\u{7F}b", expected: "ab"),
        Attack(name: "bidi override", input: "invoice\u{202E}fdp.exe", expected: "invoicefdp.exe"),
        Attack(name: "bidi isolates and marks", input: "\u{2066}a\u{2069}\u{200E}b\u{200F}\u{061C}", expected: "ab"),
        Attack(name: "unterminated OSC", input: "a\u{1B}]0;title and everything after", expected: "a"),
        Attack(name: "unterminated DCS", input: "a\u{1B}Pq#0;2;0;0;0", expected: "a"),
        Attack(name: "unterminated CSI", input: "a\u{1B}[12;", expected: "a"),
        Attack(name: "lone ESC at end", input: "a\u{1B}", expected: "a"),
        Attack(name: "ESC inside OSC starts a new sequence", input: "\u{1B}]0;t\u{1B}[2Jok", expected: "ok"),
        Attack(name: "CSI with embedded control", input: "a\u{1B}[2\u{08}Jb", expected: "ab"),
    ]

    @Test(arguments: attacks)
    func removesAttack(_ attack: Attack) {
        let cleaned = TerminalSanitizer.clean(attack.input)
        #expect(cleaned == attack.expected)
        #expect(!cleaned.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
    }

    @Test(arguments: [
        "plain ASCII, with punctuation!",
        "line one\nline\ttwo",
        "世界 こんにちは 안녕하세요",
        "👍 👩‍👩‍👧 🇨🇱 ❤️ 1️⃣",
        "e\u{301} cafe\u{301} n\u{303}",
        "Zero\u{200B}width and ZWJ\u{200D}",
        "“quotes” — dashes … ┌─┐",
    ])
    func keepsPrintableText(_ text: String) {
        #expect(TerminalSanitizer.clean(text) == text)
        // Same scalars, not merely canonically equal: nothing was rewritten.
        #expect(Array(TerminalSanitizer.clean(text).unicodeScalars) == Array(text.unicodeScalars))
    }

    @Test func keepsZWJInsideEmojiAroundRemovedControls() {
        #expect(TerminalSanitizer.clean("\u{1B}[1m👩‍👩‍👧\u{1B}[0m") == "👩‍👩‍👧")
    }

    @Test(arguments: [
        Case(input: "  several   spaces  ", expected: "several spaces"),
        Case(input: "a\nb\tc\r\nd", expected: "a b c d"),
        Case(input: "\n\t\n", expected: ""),
        Case(input: "title\u{1B}]0;x\u{07}  with\u{1B}[2J\n\nnoise", expected: "title with noise"),
        Case(input: "世界\n👍", expected: "世界 👍"),
    ])
    func line(_ sample: Case) {
        #expect(TerminalSanitizer.line(sample.input) == sample.expected)
    }

    @Test("Text with nothing to clean is put on one line exactly as the general path puts it")
    func plainLineAgreesWithGeneralPath() {
        // Whitespace at the ends and in runs (ASCII and not), letters of one to four bytes, a
        // combining mark; and what leaves the fast path: CR, ESC, a C1 control, a bidi mark.
        let alphabet: [String] = ["a", "B", "~", " ", " ", "\t", "\n", "é", "—", "👍", "\u{301}", "\u{A0}", "\u{2028}", "\u{3000}",
                                  "\r", "\u{1B}", "\u{85}", "\u{200E}"]
        let leaving = Set(["\r", "\u{1B}", "\u{85}", "\u{200E}"])
        var random = SplitMix(state: 5)
        for _ in 0..<3_000 {
            let parts = (0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            let text = parts.joined()
            guard let fast = TerminalSanitizer.plainLine(text) else {
                #expect(parts.contains { leaving.contains($0) }, "\(text.debugDescription)")
                continue
            }
            #expect(!parts.contains { leaving.contains($0) }, "\(text.debugDescription)")
            #expect(Array(fast.utf8) == Array(TerminalSanitizer.collapsedLine(text).utf8), "\(text.debugDescription)")
            #expect(fast == TerminalSanitizer.line(text))
        }
    }

    @Test func isLinearOnHostileInput() {
        // Quadratic handling of many unterminated sequences would take seconds here.
        let hostile = String(repeating: "\u{1B}[1;2;3", count: 50_000) + String(repeating: "é\u{1B}", count: 50_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = TerminalSanitizer.clean(hostile) }
        #expect(elapsed < .seconds(2))
    }
}
