/// A short list of optional strings kept in one allocation: their UTF-8 bytes one after another,
/// after a table of where each ends.
///
/// A Swift `String` of more than 15 bytes is a heap object of its own, with a 32-byte header and
/// the allocator's rounding; an event or a lead holds several, and leadline holds 100,000s of
/// events and leads. Packed, they cost one array and 4 bytes a string. Reading a string makes a
/// `String` again, so this is for values that are stored many times and read a few at a time
/// (the rows on screen, the selected event), not for text that is read in a loop.
public struct PackedStrings: Sendable, Hashable {
    /// `count` little-endian `UInt32` ends (from the start of the text, with ``absent`` set for a
    /// nil string), then the text.
    private var storage: SharedBytes

    /// The bit of an end that marks a nil string (whose end equals the previous end).
    private static let absent: UInt32 = 1 << 31

    /// No strings.
    public init() {
        storage = SharedBytes()
    }

    /// `strings`, in order.
    public init(_ strings: some Collection<String?>) {
        let textBytes = strings.reduce(0) { $0 + ($1?.utf8.count ?? 0) }
        precondition(textBytes < Int(Self.absent), "PackedStrings holds less than 2 GiB of text")
        let tableBytes = 4 + 4 * strings.count
        storage = SharedBytes(count: tableBytes + textBytes) { buffer in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            raw.storeBytes(of: UInt32(strings.count).littleEndian, toByteOffset: 0, as: UInt32.self)
            var end: UInt32 = 0
            var offset = 4
            for string in strings {
                end += UInt32(string?.utf8.count ?? 0)
                raw.storeBytes(of: (string == nil ? end | Self.absent : end).littleEndian, toByteOffset: offset, as: UInt32.self)
                offset += 4
            }
            for case let string? in strings {
                offset += UnsafeMutableBufferPointer(rebasing: buffer[offset...]).initialize(from: string.utf8).1
            }
        }
    }

    /// `fields`, then each detail's label and value: how leads and events keep their text.
    init(_ fields: [String?], details: [Detail]) {
        guard !details.isEmpty else {
            self.init(fields)
            return
        }
        var strings = fields
        strings.reserveCapacity(fields.count + 2 * details.count)
        for detail in details { strings += [detail.label, detail.value] }
        self.init(strings)
    }

    /// The details stored after the first `fieldCount` strings by ``init(_:details:)``.
    func details(after fieldCount: Int) -> [Detail] {
        stride(from: fieldCount, to: count - 1, by: 2).map { Detail(self[$0] ?? "", self[$0 + 1] ?? "") }
    }

    /// These strings with the one at each index replaced by its value, packed once.
    func replacing(_ changes: KeyValuePairs<Int, String?>) -> PackedStrings {
        var all = strings
        for (index, value) in changes { all[index] = value }
        return PackedStrings(all)
    }

    /// These strings with the one at `index` replaced by `value`.
    func replacing(_ index: Int, with value: String?) -> PackedStrings {
        replacing([index: value])
    }

    /// The first `fieldCount` strings, then `details` in place of the ones stored after them.
    func replacingDetails(after fieldCount: Int, with details: [Detail]) -> PackedStrings {
        PackedStrings(Array(strings.prefix(fieldCount)), details: details)
    }

    /// How many strings there are, nil ones included.
    public var count: Int {
        storage.isEmpty ? 0 : Int(word(at: 0))
    }

    /// The string at `index`, or nil if it was nil.
    public subscript(index: Int) -> String? {
        precondition(index >= 0 && index < count, "PackedStrings index out of range")
        let end = word(at: 4 + 4 * index)
        guard end & Self.absent == 0 else { return nil }
        let start = index == 0 ? 0 : word(at: 4 * index) & ~Self.absent
        let text = 4 + 4 * count
        return storage.withUnsafeBufferPointer { bytes in
            String(decoding: UnsafeBufferPointer(rebasing: bytes[(text + Int(start))..<(text + Int(end))]), as: UTF8.self)
        }
    }

    /// Bytes of memory this takes beside its owner: its block's header and contents (an upper
    /// bound when the block is shared).
    public var storedByteCount: Int { storage.storedByteCount }

    /// The packed form itself, to be moved into a block shared with other values; set it only to
    /// the same bytes (see `Array<TimelineEvent>.shareStorage()`).
    var bytes: SharedBytes {
        get { storage }
        set { storage = newValue }
    }

    /// Every string, in order.
    public var strings: [String?] {
        (0..<count).map { self[$0] }
    }

    private func word(at offset: Int) -> UInt32 {
        storage.withUnsafeBufferPointer { UnsafeRawBufferPointer($0).loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian }
    }
}
