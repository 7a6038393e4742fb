import CZlib
import Foundation

/// A vendor's item kept for the raw view (`J`): its compact JSON text, deflated, inflated and
/// parsed again on demand.
///
/// A ``JSONValue`` tree costs a dictionary per object and a boxed enum per value, several times
/// the item's own size; every cached event keeps its item, and the item is most of an event's
/// memory. So it is kept as compact text with sorted keys, deflated by zlib with a preset
/// dictionary of the vendors' documented items (``dictionary``): an item of a few hundred bytes
/// shrinks to under half. Equal items have equal text, so they also have equal bytes.
public struct RawJSON: Sendable, Hashable {
    /// `Form.stored` then the text; or `Form.deflated`, the text's length as a little-endian
    /// `UInt32`, and the deflated text.
    /// The same bytes may be moved into a block shared with other items (`Array<TimelineEvent>.shareStorage()`).
    var bytes: SharedBytes

    private enum Form: UInt8 {
        case stored, deflated
    }

    /// Texts shorter than this are stored as they are: deflating them gains little.
    private static let deflateFrom = 64

    /// The compact form of `value`.
    public init(_ value: JSONValue) {
        let text = Array(value.compactJSON.utf8)
        if text.count >= Self.deflateFrom, text.count < Int(UInt32.max), let deflated = Self.deflate(text) {
            bytes = SharedBytes(deflated)
        } else {
            bytes = SharedBytes([Form.stored.rawValue] + text)
        }
    }

    /// No item: `null`.
    public static let null = RawJSON(.null)

    /// Compact JSON text with sorted keys, as ``JSONValue/compactJSON`` writes it.
    public var text: String {
        switch Form(rawValue: bytes[0]) {
        case .deflated?:
            // Only ever written by `deflate` below; a failure would be a zlib defect.
            guard let text = bytes.withUnsafeBufferPointer({ Self.inflate($0) }) else { return "null" }
            return String(decoding: text, as: UTF8.self)
        default:
            return bytes.withUnsafeBufferPointer { String(decoding: $0.dropFirst(), as: UTF8.self) }
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

    /// How many bytes the item takes in memory, for tests and the benchmark's notes.
    var storedByteCount: Int { bytes.storedByteCount }

    // Raw deflate (no zlib header) in an 8 KB window, which holds the 4 KB dictionary, with a
    // small hash table: an item is a few hundred bytes, and each item sets up its own stream.
    private static let windowBits: Int32 = 13
    private static let memoryLevel: Int32 = 5

    /// `text` deflated with the dictionary, in the `.deflated` form; nil if zlib failed or the
    /// result is no smaller.
    private static func deflate(_ text: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard deflateInit2_(
            &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -windowBits, memoryLevel, Z_DEFAULT_STRATEGY,
            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return nil }
        defer { deflateEnd(&stream) }
        let dictionarySet = dictionary.withUnsafeBufferPointer {
            deflateSetDictionary(&stream, $0.baseAddress, uInt($0.count))
        }
        guard dictionarySet == Z_OK else { return nil }

        let header = 5
        var out = [UInt8](repeating: 0, count: header + Int(deflateBound(&stream, uLong(text.count))))
        out[0] = Form.deflated.rawValue
        withUnsafeBytes(of: UInt32(text.count).littleEndian) { out.replaceSubrange(1..<header, with: $0) }
        let status = text.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = output.baseAddress! + header
                stream.avail_out = uInt(output.count - header)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        let length = header + Int(stream.total_out)
        guard status == Z_STREAM_END, length < 1 + text.count else { return nil }
        return Array(out[..<length])
    }

    /// The text of a `.deflated` form; nil if it does not inflate to its recorded length.
    private static func inflate(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let header = 5
        guard bytes.count >= header else { return nil }
        let length = bytes[1..<header].reversed().reduce(0) { $0 << 8 | Int($1) }
        var stream = z_stream()
        guard inflateInit2_(&stream, -windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        let dictionarySet = dictionary.withUnsafeBufferPointer {
            inflateSetDictionary(&stream, $0.baseAddress, uInt($0.count))
        }
        guard dictionarySet == Z_OK else { return nil }
        var text = [UInt8](repeating: 0, count: length)
        let status = text.withUnsafeMutableBufferPointer { output in
            stream.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress! + header)
            stream.avail_in = uInt(bytes.count - header)
            stream.next_out = output.baseAddress
            stream.avail_out = uInt(output.count)
            return CZlib.inflate(&stream, Z_FINISH)
        }
        guard status == Z_STREAM_END, Int(stream.total_out) == length else { return nil }
        return text
    }
}
