/// A hash table of numbers (`Int32`, 0 and up) standing for values kept elsewhere: the caller
/// hashes a value and tells whether a stored number stands for it.
///
/// Why not a `Dictionary`: ``PersonDirectory`` finds 100,000s of leads by REF and persons by
/// contact key, and a ``Timeline`` finds events by key. A dictionary keyed by those values keeps
/// a copy of each (most of them heap strings) beside the one the owner already holds. This table
/// keeps 8 bytes a bucket (open addressing, linear probing): the number and the low 32 bits of
/// its value's hash, which place it again when the table grows and spare most comparisons.
///
/// Numbers are only added, never removed.
struct NumberTable: Sendable {
    /// Each bucket's hash bits (high half) and number (low half), or `empty`. The count is 0 or
    /// a power of two no larger than 2^32, so the low 32 bits of a hash choose the bucket.
    private var buckets: [UInt64] = []
    /// How many numbers are stored.
    private(set) var count = 0

    private static let empty = UInt64.max

    /// An empty table.
    init() {}

    /// The stored number for which `matches` is true, looked up by the value's `hash`.
    func first(hash: Int, where matches: (Int32) -> Bool) -> Int32? {
        guard !buckets.isEmpty else { return nil }
        let bits = UInt32(truncatingIfNeeded: hash)
        let mask = buckets.count - 1
        var bucket = Int(bits) & mask
        while true {
            let entry = buckets[bucket]
            if entry == Self.empty { return nil }
            let number = Int32(truncatingIfNeeded: entry)
            if UInt32(truncatingIfNeeded: entry >> 32) == bits, matches(number) { return number }
            bucket = (bucket + 1) & mask
        }
    }

    /// Adds `number`, whose value hashes to `hash`; the caller has checked that no stored number
    /// stands for the same value.
    mutating func insert(_ number: Int32, hash: Int) {
        precondition(number >= 0, "NumberTable holds numbers from 0")
        // At most three quarters full, so a lookup probes a few buckets.
        if (count + 1) * 4 > buckets.count * 3 {
            let old = buckets
            buckets = [UInt64](repeating: Self.empty, count: max(16, old.count * 2))
            for entry in old where entry != Self.empty { place(entry) }
        }
        place(UInt64(UInt32(truncatingIfNeeded: hash)) << 32 | UInt64(UInt32(number)))
        count += 1
    }

    private mutating func place(_ entry: UInt64) {
        let mask = buckets.count - 1
        var bucket = Int(entry >> 32) & mask
        while buckets[bucket] != Self.empty { bucket = (bucket + 1) & mask }
        buckets[bucket] = entry
    }
}
