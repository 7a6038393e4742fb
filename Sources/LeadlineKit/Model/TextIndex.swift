import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lower-cased search text of many items (persons, events) in one contiguous buffer, so that
/// a search costs a pass over memory (or a look at each item's byte classes) instead of
/// lower-casing every field of every item on every keystroke.
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
    /// Which byte classes (``byteClass(_:)``) each stored text has, by index into `starts`: a
    /// term whose classes a text lacks is not in it, which rules out most texts without reading
    /// them, and a one-letter term is answered by the classes alone.
    private var classes: [UInt64] = []
    /// Each item's live text, by index into `starts`; -1 while an item has none.
    private var entryOfItem: [Int32] = []
    private var liveBytes = 0
    /// Changed by every change to the text, so ``Hits`` from before it are not used after it;
    /// drawn from one counter for all indexes, so neither are hits from another index.
    private var version = TextIndex.nextVersion()

    /// An empty index.
    public init() {}

    /// One more than the highest item number set.
    public var count: Int { entryOfItem.count }

    /// Stores `fields` as the searchable text of `item`, replacing what it had.
    public mutating func set(_ item: Int, fields: [String]) {
        precondition(item >= 0, "items are numbered from 0")
        version = Self.nextVersion()
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
        classes.append(Self.classes(of: bytes[start...]))
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
        }
    }

    /// Gives back the storage the index grew beyond its texts; for when its items are all set.
    public mutating func releaseSpareCapacity() {
        version = Self.nextVersion()
        if bytes.count > liveBytes + liveBytes / 8 { compact() }
        bytes.releaseSpareCapacity()
        starts.releaseSpareCapacity()
        owners.releaseSpareCapacity()
        classes.releaseSpareCapacity()
        entryOfItem.releaseSpareCapacity()
    }

    /// Forgets `item`'s text: it matches nothing until it is set again.
    public mutating func remove(_ item: Int) {
        guard item >= 0, item < entryOfItem.count, entryOfItem[item] >= 0 else { return }
        version = Self.nextVersion()
        liveBytes -= length(ofEntry: Int(entryOfItem[item]))
        entryOfItem[item] = -1
    }

    /// The items whose text contains every term (lower-cased, or they never match), as a flag
    /// per item. With `candidates`, only those items are looked at.
    ///
    /// A term of one letter or digit is answered from each item's byte classes alone. Longer
    /// terms: fewer than half the items as candidates (narrowing a search the user is still
    /// typing) are checked item by item, the classes ruling most out unread; more are cheaper to
    /// find in one pass over the whole buffer.
    public func items(containingAll terms: [String], among candidates: [Int]? = nil) -> [Bool] {
        let needles = terms.map { Needle(Array($0.lowercased().utf8)) }
        var result = [Bool](repeating: false, count: count)
        if let candidates, candidates.count < count / 2 {
            for item in candidates where item >= 0 && item < count {
                let entry = Int(entryOfItem[item])
                if entry >= 0, needles.allSatisfy({ entryContains(entry, $0) }) { result[item] = true }
            }
            return result
        }
        if let candidates {
            for item in candidates where item >= 0 && item < count { result[item] = entryOfItem[item] >= 0 }
        } else {
            for item in 0..<count { result[item] = entryOfItem[item] >= 0 }
        }
        for needle in needles {
            if needle.isClassEnough {
                for item in result.indices where result[item] {
                    result[item] = classes[Int(entryOfItem[item])] & needle.classes != 0
                }
                continue
            }
            let found = scan(for: needle.bytes)
            for item in result.indices where result[item] && !found[item] { result[item] = false }
        }
        return result
    }

    /// The items whose text contains a term, each with where the term first occurs in it: an
    /// ``IncrementalSearch`` keeps them so that the longer term typed next ("cal" after "ca") is
    /// looked for from there on, and in those items only.
    public struct Hits: Sendable {
        /// The term, lower-cased, as UTF-8.
        fileprivate let term: [UInt8]
        /// The index's ``TextIndex/version`` they were found in: positions hold only in it.
        fileprivate let version: Int
        /// The items that have it, in no particular order.
        public fileprivate(set) var items: [Int] = []
        /// Where the term first occurs in each item's text, by index into `items`.
        fileprivate var positions: [Int] = []

        fileprivate init(term: [UInt8], version: Int) {
            self.term = term
            self.version = version
        }

        fileprivate mutating func append(_ item: Int, at position: Int) {
            items.append(item)
            positions.append(position)
        }
    }

    /// The items whose text contains `term` (lower-cased), with where it first occurs; with
    /// `candidates`, only those items are looked at. Costs what ``items(containingAll:among:)``
    /// costs for a term of two or more bytes; a one-letter term, which that answers from byte
    /// classes, is better asked there.
    public func hits(of term: String, among candidates: [Int]? = nil) -> Hits {
        let needle = Needle(Array(term.lowercased().utf8))
        var hits = Hits(term: needle.bytes, version: version)
        guard !needle.bytes.contains(0) else { return hits }
        let items = candidates ?? Array(0..<count)
        if needle.bytes.isEmpty || items.count < count / 2 {
            for item in items where item >= 0 && item < count && entryOfItem[item] >= 0 {
                let entry = Int(entryOfItem[item])
                if let position = firstOccurrence(of: needle, in: entry, from: starts[entry]) { hits.append(item, at: position) }
            }
            return hits
        }
        // Where each item's live text first has the term, -1 for none; written by subscript in
        // the scan's callback (appending there cost half as much again as the scan).
        var first = [Int](repeating: -1, count: count)
        bytes.withUnsafeBufferPointer { buffer in
            // As in `scan(for:)`: hits come in buffer order, and the first in an entry is all it tells.
            var entry = 0
            occurrences(of: needle.bytes, in: 0..<buffer.count, buffer) { start in
                while entry + 1 < starts.count && starts[entry + 1] <= start { entry += 1 }
                let owner = Int(owners[entry])
                if entryOfItem[owner] == Int32(entry) { first[owner] = start }
                return entry + 1 < starts.count ? starts[entry + 1] : nil
            }
        }
        hits.items.reserveCapacity(items.count)
        hits.positions.reserveCapacity(items.count)
        for item in items where item >= 0 && item < count && first[item] >= 0 { hits.append(item, at: first[item]) }
        return hits
    }

    /// `earlier` narrowed to `term`, which starts with the term `earlier` is for: each item's
    /// text is looked at from where that term first occurs, since every occurrence of `term` is
    /// one of it. Nil when `term` does not start with it, or the index changed since `earlier`.
    public func hits(_ earlier: Hits, extendedTo term: String) -> Hits? {
        let needle = Needle(Array(term.lowercased().utf8))
        guard earlier.version == version, needle.bytes.starts(with: earlier.term), !needle.bytes.contains(0) else { return nil }
        var hits = Hits(term: needle.bytes, version: version)
        hits.items.reserveCapacity(earlier.items.count)
        hits.positions.reserveCapacity(earlier.items.count)
        bytes.withUnsafeBufferPointer { buffer in
            needle.bytes.withUnsafeBufferPointer { term in
                for (item, from) in zip(earlier.items, earlier.positions) {
                    let entry = Int(entryOfItem[item])
                    let end = starts[entry] + length(ofEntry: entry)
                    // Mostly the longer term is right where the shorter one first was ("cal" in "call").
                    if from + term.count <= end, memcmp(buffer.baseAddress! + from, term.baseAddress!, term.count) == 0 {
                        hits.append(item, at: from)
                    } else if let position = firstOccurrence(of: needle, in: entry, from: min(from + 1, end)) {
                        hits.append(item, at: position)
                    }
                }
            }
        }
        return hits
    }

    /// Where `needle` first occurs in stored text `entry` at or after `from`, nil if it does not.
    private func firstOccurrence(of needle: Needle, in entry: Int, from: Int) -> Int? {
        guard classes[entry] & needle.classes == needle.classes else { return nil }
        guard !needle.bytes.isEmpty else { return from }
        var found: Int?
        bytes.withUnsafeBufferPointer { buffer in
            occurrences(of: needle.bytes, in: from..<(starts[entry] + length(ofEntry: entry)), buffer) { start in
                found = start
                return nil
            }
        }
        return found
    }

    private static let versions = Atomic<Int>(0)

    private static func nextVersion() -> Int {
        versions.add(1, ordering: .relaxed).newValue
    }

    // MARK: - Searching

    /// A term to look for, with what tells quickly whether a text can hold it.
    private struct Needle {
        let bytes: [UInt8]
        /// The byte classes a text must have to hold it.
        let classes: UInt64
        /// Whether having `classes` is enough: a single letter or digit, which has a class of its own.
        let isClassEnough: Bool

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            classes = TextIndex.classes(of: bytes[...])
            isClassEnough = bytes.count == 1 && TextIndex.hasOwnClass(bytes[0])
        }
    }

    /// One of 64 classes for a byte: each ASCII letter and digit its own, other bytes shared.
    private static func byteClass(_ byte: UInt8) -> UInt64 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): 1 << UInt64(byte - UInt8(ascii: "a"))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): 1 << UInt64(26 + byte - UInt8(ascii: "0"))
        default: 1 << UInt64(36 + byte % 28)
        }
    }

    private static func hasOwnClass(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func classes(of bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 | byteClass($1) }
    }

    /// Every item whose live text contains `needle`, by one pass over the whole buffer.
    private func scan(for needle: [UInt8]) -> [Bool] {
        var found = [Bool](repeating: false, count: count)
        guard !needle.isEmpty, !needle.contains(0) else {
            // An empty term matches everything; one with a 0 byte matches nothing.
            if needle.isEmpty { for item in found.indices { found[item] = entryOfItem[item] >= 0 } }
            return found
        }
        bytes.withUnsafeBufferPointer { buffer in
            // Hits come in buffer order, so the entry they fall in only moves forward.
            var entry = 0
            occurrences(of: needle, in: 0..<buffer.count, buffer) { start in
                while entry + 1 < starts.count && starts[entry + 1] <= start { entry += 1 }
                let owner = Int(owners[entry])
                if entryOfItem[owner] == Int32(entry) { found[owner] = true }
                // The rest of this entry cannot tell more about its item.
                return entry + 1 < starts.count ? starts[entry + 1] : nil
            }
        }
        return found
    }

    /// Whether one stored text contains `needle`.
    private func entryContains(_ entry: Int, _ needle: Needle) -> Bool {
        guard classes[entry] & needle.classes == needle.classes else { return false }
        if needle.isClassEnough { return true }
        guard !needle.bytes.isEmpty else { return true }
        guard !needle.bytes.contains(0) else { return false }
        let range = starts[entry]..<(entry + 1 < starts.count ? starts[entry + 1] : bytes.count)
        var found = false
        bytes.withUnsafeBufferPointer { buffer in
            occurrences(of: needle.bytes, in: range, buffer) { _ in
                found = true
                return nil
            }
        }
        return found
    }

    /// Calls `found` with the positions where `needle` (not empty) starts in `range` of `buffer`,
    /// in order; `found` answers where to go on looking (past the position it was given), or nil
    /// to stop.
    ///
    /// A needle of one byte is found with `memchr`. A longer one is looked for 16 positions at a
    /// time by its first two bytes (SIMD compares: common letters such as "c" are everywhere,
    /// the pair "ca" is not), and each position with both is compared in full. One call covers a
    /// whole scan: starting over for each hit cost more than the compares.
    private func occurrences(
        of needle: [UInt8], in range: Range<Int>, _ buffer: UnsafeBufferPointer<UInt8>, _ found: (Int) -> Int?
    ) {
        guard range.count >= needle.count, let base = buffer.baseAddress else { return }
        needle.withUnsafeBufferPointer { term in
            guard let termBase = term.baseAddress else { return }
            if term.count == 1 {
                var position = range.lowerBound
                while position < range.upperBound,
                      let hit = memchr(base + position, Int32(term[0]), range.upperBound - position) {
                    guard let next = found(base.distance(to: hit.assumingMemoryBound(to: UInt8.self))) else { return }
                    position = next
                }
                return
            }
            /// Whether the needle starts at `start`, its first two bytes already matched.
            func rest(at start: Int) -> Bool {
                term.count == 2 || memcmp(base + start + 2, termBase + 2, term.count - 2) == 0
            }
            let last = range.upperBound - term.count
            let first = SIMD16<UInt8>(repeating: term[0])
            let second = SIMD16<UInt8>(repeating: term[1])
            let raw = UnsafeRawPointer(base)
            var start = range.lowerBound
            // Both loads end at most at `last + 16`, inside the range as the needle has 2+ bytes.
            blocks: while start + 15 <= last {
                let pairs = (raw.loadUnaligned(fromByteOffset: start, as: SIMD16<UInt8>.self) .== first)
                    .& (raw.loadUnaligned(fromByteOffset: start + 1, as: SIMD16<UInt8>.self) .== second)
                if any(pairs) {
                    for lane in 0..<16 where pairs[lane] && rest(at: start + lane) {
                        guard let next = found(start + lane) else { return }
                        start = next
                        continue blocks
                    }
                }
                start += 16
            }
            while start <= last {
                if base[start] == term[0], base[start + 1] == term[1], rest(at: start) {
                    guard let next = found(start) else { return }
                    start = next
                } else {
                    start += 1
                }
            }
        }
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
        var newClasses: [UInt64] = []
        for item in entryOfItem.indices where entryOfItem[item] >= 0 {
            let entry = Int(entryOfItem[item])
            let start = starts[entry]
            newStarts.append(newBytes.count)
            newOwners.append(Int32(item))
            newClasses.append(classes[entry])
            newBytes.append(contentsOf: bytes[start..<(start + length(ofEntry: entry))])
            entryOfItem[item] = Int32(newStarts.count - 1)
        }
        bytes = newBytes
        starts = newStarts
        owners = newOwners
        classes = newClasses
        liveBytes = newBytes.count
    }
}

/// A `/` filter over a ``TextIndex`` as it is typed. Each result is kept, so a longer text narrows
/// the last one (every match of "mar" is a match of "ma") and backspace finds its earlier one.
/// Where the last term was found is kept too, so a letter added to it is looked for there.
public struct IncrementalSearch: Sendable {
    private struct Result: Sendable {
        var text: String
        /// The query's terms, lower-cased as the index compares them.
        var terms: [String]
        var matches: [Bool]
        var items: [Int]
        /// Where the last term was found, among the items the other terms match; nil for a
        /// one-letter last term, which the index answers without finding it.
        var lastTermHits: TextIndex.Hits?
    }

    /// The results of the text being typed, shortest first: "m", "ma", "mar".
    private var recent: [Result] = []

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
        let terms = query.terms.map { $0.lowercased() }
        let last = terms[terms.count - 1]
        var hits: TextIndex.Hits?
        if let base, let earlier = base.lastTermHits, base.terms.dropLast() == terms.dropLast() {
            // The usual keystroke: one more letter of the last term.
            hits = index.hits(earlier, extendedTo: last)
        }
        if hits == nil, last.utf8.count >= 2 {
            var candidates = base?.items
            if terms.count > 1 {
                let others = index.items(containingAll: Array(terms.dropLast()), among: candidates)
                candidates = others.indices.filter { others[$0] }
            }
            hits = index.hits(of: last, among: candidates)
        }
        var matches: [Bool]
        if let hits {
            matches = [Bool](repeating: false, count: index.count)
            for item in hits.items { matches[item] = true }
        } else {
            matches = index.items(containingAll: terms, among: base?.items)
        }
        var items = matches.indices.filter { matches[$0] }
        if query.isCaseSensitive {
            items = items.filter { item in
                let confirmed = confirm(query, item)
                if !confirmed { matches[item] = false }
                return confirmed
            }
        }
        recent.removeAll { !text.hasPrefix($0.text) }
        recent.append(Result(text: text, terms: terms, matches: matches, items: items, lastTermHits: hits))
        return matches
    }
}
