/// A hash table of numbers (`Int32`, 0 and up) standing for values kept elsewhere: the caller
/// hashes a value and tells whether a stored number stands for it.
///
/// Why not a `Dictionary`: ``PersonDirectory`` finds 100,000s of leads by REF and persons by
/// contact key. A dictionary keyed by those strings keeps a `String` per entry, most of them
/// heap objects of their own, beside the copy the directory already holds. This table keeps one
/// `Int32` a bucket (open addressing, linear probing) and compares with the stored value itself.
///
/// Numbers are only added, never removed.
struct NumberTable: Sendable {
    /// Each bucket's number, or -1 when the bucket is empty. The count is 0 or a power of two.
    private var buckets: [Int32] = []
    /// How many numbers are stored.
    private(set) var count = 0

    /// An empty table.
    init() {}

    /// The stored number for which `matches` is true, looked up by the value's `hash`.
    func first(hash: Int, where matches: (Int32) -> Bool) -> Int32? {
        guard !buckets.isEmpty else { return nil }
        let mask = buckets.count - 1
        var bucket = hash & mask
        while true {
            let number = buckets[bucket]
            if number < 0 { return nil }
            if matches(number) { return number }
            bucket = (bucket + 1) & mask
        }
    }

    /// Adds `number`, whose value hashes to `hash`; the caller has checked that no stored number
    /// stands for the same value. When the table grows, `hashOf` gives each stored number's hash.
    mutating func insert(_ number: Int32, hash: Int, hashOf: (Int32) -> Int) {
        precondition(number >= 0, "NumberTable holds numbers from 0")
        // At most three quarters full, so a lookup probes a few buckets.
        if (count + 1) * 4 > buckets.count * 3 {
            grow(hashOf: hashOf)
        }
        place(number, hash: hash)
        count += 1
    }

    private mutating func grow(hashOf: (Int32) -> Int) {
        let old = buckets
        buckets = [Int32](repeating: -1, count: max(16, old.count * 2))
        for number in old where number >= 0 {
            place(number, hash: hashOf(number))
        }
    }

    private mutating func place(_ number: Int32, hash: Int) {
        let mask = buckets.count - 1
        var bucket = hash & mask
        while buckets[bucket] >= 0 { bucket = (bucket + 1) & mask }
        buckets[bucket] = number
    }
}
