import CZlib
import Foundation

/// A vendor's item kept for the raw view (`J`): its compact JSON text, inflated and parsed again
/// on demand.
///
/// A ``JSONValue`` tree costs a dictionary per object and a boxed enum per value, several times
/// the item's own size; every cached event keeps its item, and the item is most of an event's
/// memory. So it is kept as compact text with sorted keys. The items of one vendor page are then
/// deflated together, as one zlib stream with a preset dictionary of the vendors' documented
/// items (``dictionary``), by ``packed(_:)``: items of a page repeat each other's keys and values,
/// so together they shrink to a fifth or less of their text, where one item alone deflated to
/// about half. Reading an item inflates its page's stream up to the item's end.
public struct RawJSON: Sendable, Hashable {
    /// `Form.stored` then the text; or `Form.inPage`, then where the text starts in its page's
    /// inflated stream and how long it is, as little-endian `UInt32`s. The stream is at the start
    /// of the block the bytes are in (see ``packed(_:)``).
    let bytes: SharedBytes

    private enum Form: UInt8 {
        case stored, inPage
    }

    /// The bytes of an `.inPage` item's entry.
    static let entrySize = 9

    /// The compact form of `value`, not yet deflated.
    public init(_ value: JSONValue) {
        bytes = SharedBytes([Form.stored.rawValue] + Array(value.compactJSON.utf8))
    }

    init(bytes: SharedBytes) {
        self.bytes = bytes
    }

    /// No item: `null`.
    public static let null = RawJSON(.null)

    /// Compact JSON text with sorted keys, as ``JSONValue/compactJSON`` writes it.
    public var text: String {
        String(decoding: textBytes, as: UTF8.self)
    }

    /// The UTF-8 of ``text``.
    private var textBytes: [UInt8] {
        guard let (start, length) = placeInPage else { return bytes.withUnsafeBufferPointer { Array($0.dropFirst()) } }
        // Only ever written by `packed` below; a failure would be a zlib defect.
        guard let inflated = bytes.withUnsafeBlock({ Self.inflatePage($0, upTo: start + length) }) else {
            return Array("null".utf8)
        }
        return Array(inflated[start...])
    }

    /// Where an `.inPage` item's text is in its page's inflated stream; nil for a stored item.
    private var placeInPage: (start: Int, length: Int)? {
        guard bytes.first == Form.inPage.rawValue, Int(bytes.count) == Self.entrySize else { return nil }
        return bytes.withUnsafeBufferPointer { entry in
            let raw = UnsafeRawBufferPointer(entry)
            return (Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 1, as: UInt32.self))),
                    Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 5, as: UInt32.self))))
        }
    }

    public static func == (lhs: RawJSON, rhs: RawJSON) -> Bool {
        if lhs.bytes.first == Form.stored.rawValue, rhs.bytes.first == Form.stored.rawValue { return lhs.bytes == rhs.bytes }
        return lhs.textBytes == rhs.textBytes
    }

    public func hash(into hasher: inout Hasher) {
        if bytes.first == Form.stored.rawValue {
            bytes.withUnsafeBufferPointer { hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: $0.dropFirst()))) }
        } else {
            textBytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    /// The item as a value again.
    public var value: JSONValue {
        // The text was written from a value, so it always parses; `.null` only guards the type.
        (try? JSONValue.parse(text)) ?? .null
    }

    /// Indented JSON text with sorted keys, for showing the item to a person.
    public var prettyJSON: String { value.prettyJSON }

    /// The member `key` of the item; nil when it is not an object or lacks the key.
    public subscript(key: String) -> JSONValue? { value[key] }

    /// How many bytes the item takes in memory, for the cache's estimate: for an item in a page,
    /// its entry and a fifth of its text, about its share of the page's stream.
    var storedByteCount: Int {
        guard let (_, length) = placeInPage else { return bytes.storedByteCount }
        return Self.entrySize + length / 5
    }

    /// The items' texts deflated as one stream, and each item's `.inPage` entry for it; nil when
    /// zlib fails or the texts are too long for 32-bit offsets, and the items stay as they are.
    ///
    /// The caller puts the returned stream at the start of a block (see ``SharedBytes``) with the
    /// entries after it, and makes each item from its entry's bytes with ``init(bytes:)``.
    static func packed(_ items: [RawJSON]) -> (stream: [UInt8], entries: [[UInt8]])? {
        var text: [UInt8] = []
        var entries: [[UInt8]] = []
        entries.reserveCapacity(items.count)
        for item in items {
            let itemText = item.textBytes
            guard text.count + itemText.count < Int(UInt32.max) else { return nil }
            var entry = [Form.inPage.rawValue]
            withUnsafeBytes(of: UInt32(text.count).littleEndian) { entry += $0 }
            withUnsafeBytes(of: UInt32(itemText.count).littleEndian) { entry += $0 }
            entries.append(entry)
            text += itemText
        }
        guard let stream = deflate(text) else { return nil }
        var framed: [UInt8] = []
        framed.reserveCapacity(4 + stream.count)
        withUnsafeBytes(of: UInt32(stream.count).littleEndian) { framed += $0 }
        framed += stream
        return (framed, entries)
    }

    // Raw deflate (no zlib header) in a 32 KB window, which holds the 4 KB dictionary and the
    // page's items before the one being deflated.
    private static let windowBits: Int32 = 15

    /// `text` deflated with the dictionary; nil if zlib failed.
    private static func deflate(_ text: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard deflateInit2_(
            &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -windowBits, 8, Z_DEFAULT_STRATEGY,
            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return nil }
        defer { deflateEnd(&stream) }
        let dictionarySet = dictionary.withUnsafeBufferPointer {
            deflateSetDictionary(&stream, $0.baseAddress, uInt($0.count))
        }
        guard dictionarySet == Z_OK else { return nil }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(text.count))))
        let status = text.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = output.baseAddress
                stream.avail_out = uInt(output.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        return Array(out[..<Int(stream.total_out)])
    }

    /// The first `length` bytes of the text deflated in `block`'s stream; nil if it does not
    /// inflate that far.
    private static func inflatePage(_ block: UnsafeBufferPointer<UInt8>, upTo length: Int) -> [UInt8]? {
        guard block.count >= 4 else { return nil }
        let streamLength = Int(UInt32(littleEndian: UnsafeRawBufferPointer(block).loadUnaligned(as: UInt32.self)))
        guard streamLength <= block.count - 4 else { return nil }
        var stream = z_stream()
        guard inflateInit2_(&stream, -windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        let dictionarySet = dictionary.withUnsafeBufferPointer {
            inflateSetDictionary(&stream, $0.baseAddress, uInt($0.count))
        }
        guard dictionarySet == Z_OK else { return nil }
        var text = [UInt8](repeating: 0, count: length)
        let status = text.withUnsafeMutableBufferPointer { output in
            stream.next_in = UnsafeMutablePointer(mutating: block.baseAddress! + 4)
            stream.avail_in = uInt(streamLength)
            stream.next_out = output.baseAddress
            stream.avail_out = uInt(output.count)
            return CZlib.inflate(&stream, Z_SYNC_FLUSH)
        }
        guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR, Int(stream.total_out) == length else { return nil }
        return text
    }
}
