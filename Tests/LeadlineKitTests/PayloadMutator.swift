import Foundation
@testable import LeadlineKit

/// Seeded mutations of a vendor's documented payload, for fuzzing the decoders: what a broken or
/// hostile server might send instead of it.
///
/// Structural mutations (a value of the wrong type, a huge number or string, deep nesting, a
/// missing or duplicated key, an embedded JSON string gone bad) rewrite one node of the parsed
/// document and print it again; byte mutations (truncation, random bytes, invalid UTF-8, cut or
/// repeated ranges) then work on the text. A case stacks one to three of them.
struct PayloadMutator {
    enum Mutation: String, CaseIterable {
        case truncate, randomBytes, invalidUTF8, deleteRange, repeatRange
        case wrongType, hugeNumber, hugeString, deepNesting, dropKey, duplicateKey, badNestedJSON, hostileText

        var isStructural: Bool {
            switch self {
            case .truncate, .randomBytes, .invalidUTF8, .deleteRange, .repeatRange: false
            default: true
            }
        }
    }

    private var random: SplitMix

    init(seed: UInt64) {
        random = SplitMix(state: seed)
    }

    /// `payload` (whose parsed form is `document`) with one to three mutations, and their names.
    mutating func mutate(_ payload: Data, document: JSONValue) -> (body: Data, mutations: [Mutation]) {
        var mutations = (0..<(1 + below(3))).map { _ in Mutation.allCases[below(Mutation.allCases.count)] }
        // Structural ones first, on the document; then bytes, on its text.
        mutations.sort { $0.isStructural && !$1.isStructural }
        var body = payload
        var tree: JSONValue? = document
        for mutation in mutations {
            if mutation.isStructural, let current = tree {
                let text = rewrite(current, with: mutation)
                body = Data(text.utf8)
                tree = try? JSONValue.parse(body)
            } else {
                body = mutateBytes(body, with: mutation)
                tree = nil
            }
        }
        return (body, mutations)
    }

    // MARK: - Structure

    /// `document` printed as JSON with one node changed by `mutation`.
    private mutating func rewrite(_ document: JSONValue, with mutation: Mutation) -> String {
        let nodes = Self.count(document)
        let objects = Self.countObjects(document)
        var target: Int
        switch mutation {
        case .dropKey, .duplicateKey:
            guard objects > 0 else { return Self.print(document) }
            target = below(objects)
        default:
            target = below(nodes)
        }
        var printer = Printer(target: target, objectsOnly: mutation == .dropKey || mutation == .duplicateKey)
        var mutator = self
        let text = printer.print(document) { node in mutator.replacement(for: node, mutation: mutation) }
        self = mutator
        return text
    }

    /// What to print instead of `node`.
    private mutating func replacement(for node: JSONValue, mutation: Mutation) -> String {
        switch mutation {
        case .wrongType:
            let others: [String] = ["null", "true", "false", "0", "-1", "3.5", "\"\"", "\"text\"", "[]", "{}", "[1,\"a\",null]", "{\"x\":{}}"]
            return others[below(others.count)]
        case .hugeNumber:
            let numbers = ["1e999", "-1e999", "1e-999", "123456789012345678901234567890", "-9223372036854775809",
                           "9223372036854775807", "9223372036854775808", "2147483648", "4294967296", "-0", "0.1e309",
                           "1.7976931348623157e308", "5e-324", String(repeating: "9", count: 400)]
            return numbers[below(numbers.count)]
        case .hugeString:
            let unit = ["a", "é", "山", "🌸", "\u{1B}[2J", "\\n", "\\u0000", " "][below(8)]
            return JSONValue.string(String(repeating: unit, count: 1_000 + below(60_000))).compactJSON
        case .deepNesting:
            // The parser refuses more than 512 levels; both sides of that are tried.
            let depth = [10, 200, 511, 512, 513, 2_000][below(6)]
            let (open, close) = below(2) == 0 ? ("[", "]") : ("{\"a\":", "}")
            return String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)
        case .dropKey, .duplicateKey:
            guard case .object(let members) = node, !members.isEmpty else { return Self.print(node) }
            let keys = members.keys.sorted()
            let chosen = keys[below(keys.count)]
            var parts: [String] = []
            for key in keys {
                if key == chosen, mutation == .dropKey { continue }
                parts.append(JSONValue.string(key).compactJSON + ":" + Self.print(members[key]!))
                if key == chosen, mutation == .duplicateKey {
                    parts.append(JSONValue.string(key).compactJSON + ":" + ["null", "42", "\"dup\"", "[]", "{}"][below(5)])
                }
            }
            return "{" + parts.joined(separator: ",") + "}"
        case .badNestedJSON:
            // A string that is itself JSON (Liveforce's chat document is one) cut short or
            // given a wrong member; any other node becomes such a broken document.
            if case .string(let text) = node, let inner = try? JSONValue.parse(text) {
                let innerText = Self.print(inner)
                let broken = below(2) == 0
                    ? String(innerText.prefix(below(max(1, innerText.count))))
                    : innerText.replacingOccurrences(of: ":", with: ":[", options: [], range: nil)
                return JSONValue.string(broken).compactJSON
            }
            let broken = ["{\"messages\":[{\"text\":", "{\"messages\":\"nope\"}", "[[[", "{\"a\":1,}", "null"][below(5)]
            return JSONValue.string(broken).compactJSON
        case .hostileText:
            let attacks = ["\u{1B}]0;pwned\u{07}", "\u{1B}]52;c;cm0gLXJmIH4=\u{07}", "\u{1B}[2J\u{1B}[H", "\u{9B}31m", "\u{202E}evil",
                           "a\rb\u{08}c", "\u{1B}P+q\u{1B}\\", "\u{200B}\u{FEFF}name", "\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\"]
            return JSONValue.string(attacks[below(attacks.count)]).compactJSON
        default:
            return Self.print(node)
        }
    }

    /// Prints a document, handing node `target` (counted in the order printed; among objects
    /// only, with `objectsOnly`) to a closure that prints something else in its place.
    private struct Printer {
        let target: Int
        let objectsOnly: Bool
        private var seen = 0

        init(target: Int, objectsOnly: Bool) {
            self.target = target
            self.objectsOnly = objectsOnly
        }

        mutating func print(_ value: JSONValue, replacing replace: (JSONValue) -> String) -> String {
            let counts = !objectsOnly || { if case .object = value { true } else { false } }()
            if counts {
                defer { seen += 1 }
                if seen == target { return replace(value) }
            }
            switch value {
            case .array(let items):
                return "[" + items.map { print($0, replacing: replace) }.joined(separator: ",") + "]"
            case .object(let members):
                return "{" + members.keys.sorted().map { key in
                    JSONValue.string(key).compactJSON + ":" + print(members[key]!, replacing: replace)
                }.joined(separator: ",") + "}"
            default:
                return value.compactJSON
            }
        }
    }

    private static func print(_ value: JSONValue) -> String {
        value.compactJSON
    }

    private static func count(_ value: JSONValue) -> Int {
        switch value {
        case .array(let items): 1 + items.reduce(0) { $0 + count($1) }
        case .object(let members): 1 + members.values.reduce(0) { $0 + count($1) }
        default: 1
        }
    }

    private static func countObjects(_ value: JSONValue) -> Int {
        switch value {
        case .array(let items): items.reduce(0) { $0 + countObjects($1) }
        case .object(let members): 1 + members.values.reduce(0) { $0 + countObjects($1) }
        default: 0
        }
    }

    // MARK: - Bytes

    private mutating func mutateBytes(_ body: Data, with mutation: Mutation) -> Data {
        var bytes = [UInt8](body)
        guard !bytes.isEmpty else { return Data([UInt8(truncatingIfNeeded: random.next())]) }
        switch mutation {
        case .truncate:
            bytes.removeSubrange(below(bytes.count)...)
        case .randomBytes:
            for _ in 0..<(1 + below(8)) { bytes[below(bytes.count)] = UInt8(truncatingIfNeeded: random.next()) }
        case .invalidUTF8:
            let sequences: [[UInt8]] = [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80],
                                        [0x80], [0xC2, 0x9B], [0xF0, 0x9F, 0x8C]]
            bytes.insert(contentsOf: sequences[below(sequences.count)], at: below(bytes.count + 1))
        case .deleteRange:
            let start = below(bytes.count)
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + below(64)))
        case .repeatRange:
            let start = below(bytes.count)
            let range = start..<min(bytes.count, start + 1 + below(64))
            bytes.insert(contentsOf: Array(bytes[range]), at: range.upperBound)
        default:
            break
        }
        return Data(bytes)
    }

    /// A number in `0..<bound` (`bound` > 0).
    private mutating func below(_ bound: Int) -> Int {
        Int(random.next() % UInt64(bound))
    }
}
