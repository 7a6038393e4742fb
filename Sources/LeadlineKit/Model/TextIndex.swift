#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lower-cased search text of many items (persons, events) in one contiguous buffer, so that
/// a search costs a few `memchr` passes over memory instead of lower-casing every field of every
/// item on every keystroke.
///
/// Items are numbered by the caller (`0..<count`). Each item's fields are stored lower-cased,
/// each followed by a 0 byte, so a term never matches across two fields. Setting an item again
/// appends its new text and leaves the old text as garbage, which is dropped once it reaches a
/// quarter of the live text.
///
/// Matching is on lower-cased UTF-8 bytes: a case-insensitive query gives the same answer as
/// ``SearchQuery/matches(_:)``; for a case-sensitive one the index finds the candidates and the
/// caller confirms them with ``SearchQuery/matches(_:)`` (a case-sensitive match is always a
/// case-insensitive one).
public struct TextIndex: Sendable {
    private var bytes: [UInt8] = []
    /// Where each stored text starts in `bytes`, ascending; `owners` says whose it is.
    private var starts: [Int] = []
    private var owners: [Int32] = []
    /// Each item's live text, by index into `starts`; -1 while an item has none.
    private var entryOfItem: [Int32] = []
    private var liveBytes = 0
    /// How often each byte value occurs, so a search looks for the rarest byte of a term.
    private var frequency = [Int](repeating: 0, count: 256)

    /// An empty index.
    public init() {}

    /// One more than the highest item number set.
    public var count: Int { entryOfItem.count }

    /// Stores `fields` as the searchable text of `item`, replacing what it had.
    public mutating func set(_ item: Int, fields: [String]) {
        precondition(item >= 0, "items are numbered from 0")
        if item >= entryOfItem.count {
            entryOfItem.append(contentsOf: repeatElement(-1, count: item - entryOfItem.count + 1))
        }
        let old = Int(entryOfItem[item])
        if old >= 0 { liveBytes -= length(ofEntry: old) }
        let start = bytes.count
        for field in fields {
            appendLowercased(field)
            bytes.append(0)
        }
        starts.append(start)
        owners.append(Int32(item))
        entryOfItem[item] = Int32(starts.count - 1)
        liveBytes += bytes.count - start
        // An index of 100,000s of items is a large part of a list's memory, so garbage is kept
        // under a quarter of the live text; a compaction copies the live text, at most four
        // bytes for each byte set since the one before.
        if bytes.count > 4_096 && bytes.count > liveBytes + liveBytes / 4 { compact() }
    }

    /// Appends `field` lower-cased, without its 0 bytes.
    private mutating func appendLowercased(_ field: String) {
        // Most fields (phones, emails, most names) are ASCII: lower-cased byte by byte, that is
        // without a lower-cased copy of the field, and with the same bytes `lowercased()` gives.
        let ascii = field.utf8.allSatisfy { $0 < 0x80 }
        for byte in (ascii ? field : field.lowercased()).utf8 where byte != 0 {
            let lower = ascii && byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            bytes.append(lower)
            frequency[Int(lower)] += 1
        }
    }

    /// Forgets `item`'s text: it matches nothing until it is set again.
    public mutating func remove(_ item: Int) {
        guard item >= 0, item < entryOfItem.count, entryOfItem[item] >= 0 else { return }
        liveBytes -= length(ofEntry: Int(entryOfItem[item]))
        entryOfItem[item] = -1
    }

    /// The items whose text contains every term (lower-cased, or they never match), as a flag
    /// per item. With `candidates`, only those items are looked at. Fewer than half the items as
    /// candidates (narrowing a search the user is still typing) are checked item by item, which
    /// reads only their text; more are cheaper to find in one pass over the whole buffer.
    public func items(containingAll terms: [String], among candidates: [Int]? = nil) -> [Bool] {
        let needles = terms.map { Array($0.lowercased().utf8) }
        var result: [Bool]
        if let candidates, candidates.count < count / 2 {
            result = [Bool](repeating: false, count: count)
            for item in candidates where item >= 0 && item < count {
                let entry = Int(entryOfItem[item])
                if entry >= 0, needles.allSatisfy({ entryContains(entry, $0) }) { result[item] = true }
            }
            return result
        }
        if let candidates {
            result = [Bool](repeating: false, count: count)
            for item in candidates where item >= 0 && item < count { result[item] = true }
        } else {
            result = entryOfItem.map { $0 >= 0 }
        }
        for needle in needles {
            let found = scan(for: needle)
            for item in result.indices where result[item] && !found[item] { result[item] = false }
        }
        return result
    }

    // MARK: - Searching

    /// Every item whose live text contains `needle`, by one pass over the whole buffer.
    private func scan(for needle: [UInt8]) -> [Bool] {
        var found = [Bool](repeating: false, count: count)
        guard !needle.isEmpty, !needle.contains(0) else {
            // An empty term matches everything; one with a 0 byte matches nothing.
            if needle.isEmpty { for item in found.indices { found[item] = entryOfItem[item] >= 0 } }
            return found
        }
        let pivot = rarestPosition(in: needle)
        bytes.withUnsafeBufferPointer { buffer in
            needle.withUnsafeBufferPointer { term in
                guard let base = buffer.baseAddress, let termBase = term.baseAddress else { return }
                let end = buffer.count
                var position = pivot
                // Hits come in buffer order, so the entry they fall in only moves forward.
                var entry = 0
                while position < end {
                    guard let hit = memchr(base + position, Int32(term[pivot]), end - position) else { break }
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    let start = at - pivot
                    if start + term.count <= end, memcmp(base + start, termBase, term.count) == 0 {
                        while entry + 1 < starts.count && starts[entry + 1] <= start { entry += 1 }
                        let owner = Int(owners[entry])
                        if entryOfItem[owner] == Int32(entry) { found[owner] = true }
                        // The rest of this entry cannot tell more about its item.
                        position = (entry + 1 < starts.count ? starts[entry + 1] : end) + pivot
                    } else {
                        position = at + 1
                    }
                }
            }
        }
        return found
    }

    /// Whether one stored text contains `needle`.
    private func entryContains(_ entry: Int, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard !needle.contains(0) else { return false }
        let range = starts[entry]..<(entry + 1 < starts.count ? starts[entry + 1] : bytes.count)
        guard range.count >= needle.count else { return false }
        let pivot = rarestPosition(in: needle)
        return bytes.withUnsafeBufferPointer { buffer in
            needle.withUnsafeBufferPointer { term in
                guard let base = buffer.baseAddress, let termBase = term.baseAddress else { return false }
                var position = range.lowerBound + pivot
                while position < range.upperBound {
                    guard let hit = memchr(base + position, Int32(term[pivot]), range.upperBound - position) else { return false }
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    let start = at - pivot
                    if start + term.count <= range.upperBound, memcmp(base + start, termBase, term.count) == 0 { return true }
                    position = at + 1
                }
                return false
            }
        }
    }

    /// The position of the term's least frequent byte: `memchr` then stops at the fewest places.
    private func rarestPosition(in needle: [UInt8]) -> Int {
        var best = 0
        for index in needle.indices where frequency[Int(needle[index])] < frequency[Int(needle[best])] { best = index }
        return best
    }

    private func length(ofEntry entry: Int) -> Int {
        (entry + 1 < starts.count ? starts[entry + 1] : bytes.count) - starts[entry]
    }

    /// Drops the texts that items no longer have.
    private mutating func compact() {
        var newBytes: [UInt8] = []
        newBytes.reserveCapacity(liveBytes)
        var newStarts: [Int] = []
        var newOwners: [Int32] = []
        for item in entryOfItem.indices where entryOfItem[item] >= 0 {
            let entry = Int(entryOfItem[item])
            let start = starts[entry]
            newStarts.append(newBytes.count)
            newOwners.append(Int32(item))
            newBytes.append(contentsOf: bytes[start..<(start + length(ofEntry: entry))])
            entryOfItem[item] = Int32(newStarts.count - 1)
        }
        frequency = [Int](repeating: 0, count: 256)
        for byte in newBytes { frequency[Int(byte)] += 1 }
        bytes = newBytes
        starts = newStarts
        owners = newOwners
        liveBytes = newBytes.count
    }
}

/// A `/` filter over a ``TextIndex`` as it is typed. Each result is kept, so a longer text narrows
/// the last one (every match of "mar" is a match of "ma") and backspace finds its earlier one.
public struct IncrementalSearch: Sendable {
    /// The results of the text being typed, shortest first: "m", "ma", "mar".
    private var recent: [(text: String, matches: [Bool], items: [Int])] = []

    public init() {}

    /// Forgets earlier results; call it whenever the index changes.
    public mutating func reset() {
        recent = []
    }

    /// A flag per item of `index` saying whether it matches `text`; nil when the text has no
    /// terms. The index compares lower-cased text, so for a case-sensitive query `confirm` is
    /// asked about each item it found.
    public mutating func matches(
        _ text: String, in index: TextIndex, confirm: (SearchQuery, Int) -> Bool
    ) -> [Bool]? {
        let query = SearchQuery(text)
        guard !query.isEmpty else {
            recent = []
            return nil
        }
        if let earlier = recent.last(where: { $0.text == text }) { return earlier.matches }
        let base = recent.last { !$0.text.isEmpty && text.hasPrefix($0.text) }
        var matches = index.items(containingAll: query.terms, among: base?.items)
        var items = matches.indices.filter { matches[$0] }
        if query.isCaseSensitive {
            items = items.filter { item in
                let confirmed = confirm(query, item)
                if !confirmed { matches[item] = false }
                return confirmed
            }
        }
        recent.removeAll { !text.hasPrefix($0.text) }
        recent.append((text, matches, items))
        return matches
    }
}
