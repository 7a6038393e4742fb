import Foundation
import Testing
@testable import LeadlineKit

@Suite("JSONValue.parse: one pass over a body's bytes")
struct JSONValueParsingTests {
    /// What `JSONDecoder` reads the same text as: the reference the parser must agree with.
    static func viaJSONDecoder(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    @Test("Reads documents as JSONDecoder reads them into a JSONValue", arguments: [
        #"{"a": 1, "b": [true, false, null], "c": {"d": "e"}}"#,
        #"[]"#, #"{}"#, #"[[], {}, [{}]]"#, #"  "padded"  "#, "null", "true",
        #"[0, -0, 1, -1, 42, 9223372036854775807, -9223372036854775808]"#,
        #"[1.5, -2.25, 0.1, 1e3, 1E-2, 2.5e+2, 1500.0, 12.50, 9223372036854775808, 1e300]"#,
        #"["esc \" \\ \/ \b \f \n \r \t", "\u00e9\u4e2d", "\ud83d\ude00 pair", "ñandú 中文 😀", ""]"#,
        #"{"dup": 1, "dup": 2}"#,
        #"{"nested": {"deeper": {"deepest": [1, {"x": "y"}]}}}"#,
    ])
    func agreesWithJSONDecoder(text: String) throws {
        #expect(try JSONValue.parse(text) == Self.viaJSONDecoder(text))
        #expect(try JSONValue.parse(Data(text.utf8)) == JSONValue.parse(text))
    }

    @Test("Whole numbers are integers, written-out ones too; others are doubles")
    func numbers() throws {
        #expect(try JSONValue.parse("[7, 1500.0, 1e3, 0.5, -1.25e1, 18446744073709551616]") == .array([
            .integer(7), .integer(1500), .integer(1000), .number(0.5), .number(-12.5), .number(18446744073709551616),
        ]))
        #expect(try JSONValue.parse("-9223372036854775808") == .integer(.min))
    }

    @Test("Text that is not JSON is an error, never a crash", arguments: [
        "", " ", "{", "}", "[1,]", "[1 2]", #"{"a"}"#, #"{"a":}"#, #"{"a":1,}"#, #"{a:1}"#, "01", "1.", ".5", "-",
        "+1", "1e", "tru", "nul", "[1] x", #""unterminated"#, #""bad \x escape""#, #""\u12""#, #""\uZZZZ""#,
        "[", "[[[[", #"{"a":[1,{"b":"#, "NaN", "Infinity",
    ])
    func malformed(text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
    }

    @Test("Nesting is bounded: 512 levels parse, 513 are refused")
    func depth() throws {
        let deep = String(repeating: "[", count: JSONValue.maxDepth) + String(repeating: "]", count: JSONValue.maxDepth)
        #expect(try JSONValue.parse(deep) != .null)
        let tooDeep = "[" + deep + "]"
        #expect(throws: JSONParseError.self) { try JSONValue.parse(tooDeep) }
        // A hostile body far deeper than the stack could take.
        #expect(throws: JSONParseError.self) { try JSONValue.parse(String(repeating: #"{"a":"#, count: 100_000)) }
    }

    @Test("Bytes that are not UTF-8 read as U+FFFD; lone surrogates too")
    func invalidUTF8() throws {
        let bytes: [UInt8] = [0x22, 0x61, 0xFF, 0x62, 0xC3, 0x22]
        #expect(try JSONValue.parse(Data(bytes)) == .string("a\u{FFFD}b\u{FFFD}"))
        #expect(try JSONValue.parse(#""\ud800x \udc00""#) == .string("\u{FFFD}x \u{FFFD}"))
    }

    @Test("Control characters round-trip through compact JSON text")
    func controlRoundTrip() throws {
        let value = JSONValue.object(["k\u{1B}[2J": .string("a\u{0}b\u{7F}c\u{85}d\u{9B}e\u{2028}\"\\/")])
        #expect(try JSONValue.parse(value.compactJSON) == value)
        #expect(!value.compactJSON.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }
}

@Suite("RawJSON: an event's vendor item, kept as compact text")
struct RawJSONTests {
    static let item = JSONValue.object([
        "id": .string("m1"), "content": .string("Hi \u{1B}]0;owned\u{7}"), "amount": .number(12.5),
        "count": .integer(3), "ok": .bool(true), "none": .null, "list": .array([.integer(1), .string("x")]),
    ])

    @Test("Keeps every key and value: the item comes back equal, pretty-printed as before")
    func roundTrip() {
        let raw = RawJSON(Self.item)
        #expect(raw.value == Self.item)
        #expect(raw.prettyJSON == Self.item.prettyJSON)
        #expect(raw.text == Self.item.compactJSON)
        #expect(raw["count"] == .integer(3))
        #expect(raw["missing"] == nil)
        #expect(RawJSON.null.value == .null)
    }

    @Test("Equal items have equal text whatever order their members were built in")
    func canonical() {
        var members: [String: JSONValue] = [:]
        for index in 0..<50 { members["k\(index)"] = .integer(Int64(index)) }
        var reversed: [String: JSONValue] = [:]
        for index in (0..<50).reversed() { reversed["k\(index)"] = .integer(Int64(index)) }
        #expect(RawJSON(.object(members)) == RawJSON(.object(reversed)))
        #expect(RawJSON(.object(members)).text.hasPrefix(#"{"k0":0,"k1":1,"k10":10,"#))
    }
}
