/// Bytes that never change once made, kept either in an allocation of their own or as a range of
/// a bigger one that many values share.
///
/// Events arrive a vendor page at a time, and decoding a page makes many short-lived objects (the
/// body, the parsed items, their strings). If each event then kept its text and raw item in
/// allocations of its own, they would sit scattered among the page's freed temporaries, and the
/// allocator cannot give a memory page back while one small live block is on it: at 100,000
/// events that kept 15–20 MB of freed memory resident. `Array<TimelineEvent>.shareStorage()` moves a
/// page's events into one block instead, made with ``init(count:initialize:)`` and cut with
/// ``slice(_:)``. An `ArraySlice` would do the sharing, but at 32 bytes a value against 16 here,
/// times two per event, in every array of 100,000s of events.
///
/// `@unchecked Sendable`: `ManagedBuffer` is not `Sendable`, but a block's bytes are written only
/// while it is made, before any value refers to it, and never after.
struct SharedBytes: @unchecked Sendable, Hashable {
    /// One allocation: the byte count, then the bytes.
    private final class Block: ManagedBuffer<Int, UInt8> {}

    private let block: Block?
    private let start: UInt32
    /// How many bytes there are.
    let count: Int32

    /// No bytes.
    init() {
        block = nil
        start = 0
        count = 0
    }

    /// `bytes`, in an allocation of their own.
    init(_ bytes: some Collection<UInt8>) {
        self.init(count: bytes.count) { buffer in
            _ = buffer.initialize(from: bytes)
        }
    }

    /// `count` bytes written by `initialize`, which must set every one, in an allocation of their own.
    init(count: Int, initialize: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
        guard count > 0 else {
            self.init()
            return
        }
        precondition(count <= Int(Int32.max), "SharedBytes holds less than 2 GiB")
        let block = Block.create(minimumCapacity: count) { _ in count } as! Block
        block.withUnsafeMutablePointerToElements { initialize(UnsafeMutableBufferPointer(start: $0, count: count)) }
        self.init(block: block, start: 0, count: count)
    }

    private init(block: Block, start: Int, count: Int) {
        self.block = block
        self.start = UInt32(start)
        self.count = Int32(count)
    }

    var isEmpty: Bool { count == 0 }

    /// The first byte, nil when there are none.
    var first: UInt8? { count > 0 ? self[0] : nil }

    /// Calls `body` with the bytes.
    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        guard let block else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try block.withUnsafeMutablePointerToElements {
            try body(UnsafeBufferPointer(start: $0 + Int(start), count: Int(count)))
        }
    }

    /// The byte at `offset` from the start.
    subscript(offset: Int) -> UInt8 {
        precondition(offset >= 0 && offset < Int(count), "SharedBytes offset out of range")
        return withUnsafeBufferPointer { $0[offset] }
    }

    /// Bytes of memory these take beside their owner when in an allocation of their own: the
    /// block's header and the bytes (an upper bound when shared).
    var storedByteCount: Int { block == nil ? 0 : 32 + Int(count) }

    /// The block the bytes are in, to tell in tests whether values share one.
    var blockIdentity: ObjectIdentifier? { block.map(ObjectIdentifier.init) }

    static func == (lhs: SharedBytes, rhs: SharedBytes) -> Bool {
        lhs.withUnsafeBufferPointer { left in rhs.withUnsafeBufferPointer { right in left.elementsEqual(right) } }
    }

    func hash(into hasher: inout Hasher) {
        withUnsafeBufferPointer { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// The bytes at `range` of these, as a value in the same block.
    func slice(_ range: Range<Int>) -> SharedBytes {
        precondition(range.lowerBound >= 0 && range.upperBound <= Int(count), "SharedBytes range out of bounds")
        guard let block, !range.isEmpty else { return SharedBytes() }
        return SharedBytes(block: block, start: Int(start) + range.lowerBound, count: range.count)
    }

    /// Calls `body` with every byte of the block these bytes are in: an item's entry finds its
    /// page's data this way (see ``RawJSON``).
    func withUnsafeBlock<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        guard let block else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try block.withUnsafeMutablePointers { count, bytes in
            try body(UnsafeBufferPointer(start: bytes, count: count.pointee))
        }
    }
}
