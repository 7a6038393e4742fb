/// Numbers the distinct contact keys it is given (0, 1, … in the order they were added), keeping
/// their text one after another in one buffer.
///
/// ``PersonDirectory`` meets a phone key and an email key for most of its 100,000s of leads. In a
/// dictionary each key would be a `String`, an email's a heap object of its own; here it is its
/// bytes and a 4-byte end, found through a ``NumberTable``.
struct ContactKeyNumbers: Sendable {
    /// Each key's kind (`p` or `e`) and normalised text, one after another.
    private var text: [UInt8] = []
    /// Where each key's bytes end in `text`.
    private var ends: [UInt32] = []
    private var table = NumberTable()

    /// No keys.
    init() {}

    /// How many keys there are.
    var count: Int { ends.count }

    /// Gives back the storage the arrays grew beyond their contents (see `Array.releaseSpareCapacity`).
    mutating func releaseSpareCapacity() {
        text.releaseSpareCapacity()
        ends.releaseSpareCapacity()
    }

    /// The number of `key`, nil when it was not added.
    func number(of key: ContactKey) -> Int32? {
        Self.withBytes(of: key) { bytes in
            table.first(hash: Self.hash(bytes)) { number in
                text.withUnsafeBufferPointer { $0[range(of: number)].elementsEqual(bytes) }
            }
        }
    }

    /// Adds `key`, which must not have been added, and returns its number.
    mutating func add(_ key: ContactKey) -> Int32 {
        precondition(text.count < Int(UInt32.max) - 4_096, "ContactKeyNumbers holds less than 4 GiB of text")
        let number = Int32(ends.count)
        let hash = Self.withBytes(of: key) { bytes in
            text.append(contentsOf: bytes)
            return Self.hash(bytes)
        }
        ends.append(UInt32(text.count))
        table.insert(number, hash: hash)
        return number
    }

    private func range(of number: Int32) -> Range<Int> {
        let index = Int(number)
        return (index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])
    }

    /// Calls `body` with the key's kind byte and its normalised text as UTF-8.
    private static func withBytes<Result>(of key: ContactKey, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let kind: UInt8 = switch key {
        case .phone: UInt8(ascii: "p")
        case .email: UInt8(ascii: "e")
        }
        var bytes = [kind]
        bytes.append(contentsOf: key.value.utf8)
        return bytes.withUnsafeBufferPointer(body)
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return hasher.finalize()
    }
}
