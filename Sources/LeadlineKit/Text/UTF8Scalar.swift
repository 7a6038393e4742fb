/// Scalars decoded straight from a string's own UTF-8, for loops that read text byte by byte
/// (drawing a row, cleaning it onto one line): walking `unicodeScalars` by index costs more than
/// the work they do per scalar.
public enum UTF8Scalar {
    /// The value of the scalar that starts at `index` of `bytes`, and its length in bytes.
    /// `bytes` must be valid UTF-8, as a string's is, so the lead byte gives the length.
    @inlinable
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        guard lead >= 0x80 else { return (UInt32(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0x7F >> UInt32(length))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (value, length)
    }
}
