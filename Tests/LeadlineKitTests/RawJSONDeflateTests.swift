import Foundation
import Testing
@testable import LeadlineKit

@Suite("Raw items kept deflated, a page at a time")
struct RawJSONDeflateTests {
    /// Every object in the vendors' documented payloads, and some that look like no vendor's.
    static func items() throws -> [JSONValue] {
        var items: [JSONValue] = []
        func walk(_ value: JSONValue) {
            switch value {
            case .array(let elements): elements.forEach(walk)
            case .object(let members):
                items.append(value)
                members.values.forEach(walk)
            default: break
            }
        }
        for name in ["nexor-get-lead-history.json", "leadping-list-lead-events.json", "nlpearl-get-outbound-lead.json",
                     "liveforce-leads-summary.json", "nexor-get-lead.json"] {
            walk(try JSONValue.parse(String(decoding: try Fixture.data(name), as: UTF8.self)))
        }
        var random = SplitMix(state: 3)  // seeded: a failing item can be made again
        let noise = (0..<2_000).map { _ in Character(UnicodeScalar(UInt8.random(in: 32...126, using: &random))) }
        items += [
            .null, .string(""), .integer(-1), .array([]), .object([:]),
            .object(["text": .string(String(noise))]),
            .object(["emoji": .string(String(repeating: "👩‍👩‍👧 ü \u{202E}", count: 50)), "n": .number(1.5)]),
            .array((0..<500).map { .integer($0) }),
        ]
        return items
    }

    @Test("Every item reads back as exactly the text and value it was made from")
    func roundTrip() throws {
        for item in try Self.items() {
            let raw = RawJSON(item)
            #expect(raw.text == item.compactJSON)
            #expect(raw.value == item)
            #expect(raw == RawJSON(item))
            #expect(raw.hashValue == RawJSON(item).hashValue)
        }
        #expect(RawJSON(.string("a")) != RawJSON(.string("b")))
        #expect(RawJSON.null.text == "null")
    }

    /// `items` deflated together into one block, as a page's events keep them.
    static func page(_ items: [RawJSON]) throws -> [RawJSON] {
        let (stream, entries) = try #require(RawJSON.packed(items))
        let bytes = stream + entries.flatMap { $0 }
        let block = SharedBytes(count: bytes.count) { _ = $0.initialize(from: bytes) }
        return entries.indices.map { RawJSON(bytes: block.slice((stream.count + $0 * RawJSON.entrySize)..<(stream.count + ($0 + 1) * RawJSON.entrySize))) }
    }

    @Test("Every item deflated in a page reads back as exactly its text and value, and equals itself undeflated")
    func pageRoundTrip() throws {
        let items = try Self.items()
        let page = try Self.page(items.map(RawJSON.init))
        for (item, raw) in zip(items, page) {
            #expect(raw.text == item.compactJSON)
            #expect(raw.value == item)
            #expect(raw == RawJSON(item))
            #expect(raw.hashValue == RawJSON(item).hashValue)
        }
        #expect(page[0] != page[1])
        // Items of pages of one: the entry's offsets are the same, the texts are not.
        let one = try Self.page([RawJSON(.string("a"))])[0], other = try Self.page([RawJSON(.string("b"))])[0]
        #expect(one.bytes == other.bytes)
        #expect(one != other)
        #expect(try Self.page([RawJSON.null])[0].text == "null")
    }

    @Test("The documented history deflated as a page takes less than a quarter of its text's bytes")
    func shrinks() throws {
        let history = try JSONValue.parse(String(decoding: try Fixture.data("nexor-get-lead-history.json"), as: UTF8.self))
        guard case .array(let entries)? = history["history"] else { Issue.record("no history in the fixture"); return }
        let text = entries.reduce(0) { $0 + $1.compactJSON.utf8.count }
        let stream = try #require(RawJSON.packed(entries.map(RawJSON.init))).stream.count
        #expect(stream * 4 < text, "\(stream) bytes stored for \(text) bytes of text")
    }
}
