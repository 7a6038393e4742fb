/// Strips everything from untrusted text that a terminal would act on rather than print.
///
/// Vendor data (names, notes, message bodies) reaches the screen verbatim, so a
/// hostile lead could otherwise retitle the window, write the clipboard (OSC 52),
/// plant hyperlinks, clear or repaint the screen, or reorder text with bidi
/// controls. Everything printable, including emoji, ZWJ sequences, CJK and
/// combining marks, passes through unchanged. Both functions run in linear time,
/// and ``clean(_:)`` returns its input as is when nothing needs removing.
public enum TerminalSanitizer {
    /// Returns `text` without escape sequences, control characters or bidi controls.
    ///
    /// Removed: ESC with the whole sequence it introduces (CSI, OSC, DCS, SOS,
    /// PM, APC and two-byte escapes), C1 controls U+0080–U+009F (the
    /// string-introducing ones swallow their payload like their 7-bit forms),
    /// C0 controls except `\n` and `\t`, DEL, `\r`, and the bidi embedding,
    /// override, isolate and mark characters. An OSC, DCS, SOS, PM or APC that is
    /// never terminated swallows the rest of the string.
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsAttention) else { return text }
        var output = String.UnicodeScalarView()
        var state = State.ground
        for scalar in text.unicodeScalars {
            state = step(state, scalar, into: &output)
        }
        return String(output)
    }

    /// Returns `text` cleaned and collapsed onto one line.
    ///
    /// After ``clean(_:)``, every run of whitespace (including `\n` and `\t`)
    /// becomes a single space and leading and trailing whitespace is removed, so
    /// the result is safe for a one-line cell such as a list row or title.
    public static func line(_ text: String) -> String {
        plainLine(text) ?? collapsedLine(text)
    }

    /// ``line(_:)`` for any text: cleaned, then collapsed word by word.
    static func collapsedLine(_ text: String) -> String {
        let cleaned = clean(text)
        let scalars = cleaned.unicodeScalars
        var output = ""
        var wordStart: String.Index?
        // Whole words are copied as slices rather than scalar by scalar.
        func flushWord(endingAt end: String.Index) {
            guard let start = wordStart else { return }
            if !output.isEmpty { output += " " }
            output += cleaned[start..<end]
            wordStart = nil
        }
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if isWhitespace(scalars[index]) {
                flushWord(endingAt: index)
            } else if wordStart == nil {
                wordStart = index
            }
            index = scalars.index(after: index)
        }
        flushWord(endingAt: scalars.endIndex)
        return output
    }

    /// ``line(_:)`` of text with nothing to clean (most of what vendors send, and every row the
    /// timeline draws goes through it): one pass over its UTF-8 collapses its whitespace, and
    /// text already on one line is returned as is. Nil for text with anything ``clean(_:)``
    /// would remove.
    static func plainLine(_ text: String) -> String? {
        let result: String?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            /// The length of the scalar at `index` and whether it is whitespace; nil for one that
            /// needs cleaning.
            func scalar(at index: Int) -> (length: Int, isSpace: Bool)? {
                let lead = bytes[index]
                if lead < 0x80 {
                    switch lead {
                    case 0x21...0x7E: return (1, false)
                    case 0x20, 0x09, 0x0A: return (1, true)
                    default: return nil
                    }
                }
                let (value, length) = UTF8Scalar.decode(bytes, at: index)
                guard let scalar = Unicode.Scalar(value), !needsAttention(scalar) else { return nil }
                return (length, isWhitespace(scalar))
            }
            // Whether there is whitespace to collapse: other than single spaces between words.
            var collapses = false
            var afterSpace = true
            var index = 0
            while index < bytes.count {
                guard let (length, isSpace) = scalar(at: index) else { return nil }
                if isSpace {
                    collapses = collapses || afterSpace || bytes[index] != 0x20
                    afterSpace = true
                } else {
                    afterSpace = false
                }
                index += length
            }
            guard collapses || (afterSpace && !bytes.isEmpty) else { return text }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var pendingSpace = false
            index = 0
            while index < bytes.count {
                let (length, isSpace) = scalar(at: index)!
                if isSpace {
                    pendingSpace = !output.isEmpty
                } else {
                    if pendingSpace { output.append(0x20) }
                    pendingSpace = false
                    output.append(contentsOf: bytes[index..<(index + length)])
                }
                index += length
            }
            return String(decoding: output, as: UTF8.self)
        }
        return result ?? nil
    }

    private enum State {
        case ground
        /// After ESC, waiting for the byte that says what kind of sequence follows.
        case escape
        /// ESC followed by intermediates (0x20–0x2F), waiting for the final byte.
        case escapeIntermediate
        case controlSequence
        /// OSC, DCS, SOS, PM or APC payload; only OSC may also end at BEL.
        case string(endsAtBell: Bool)
        /// ESC seen inside a string: either the start of ST or of a new sequence.
        case stringEscape
    }

    private static let escape: UInt32 = 0x1B
    private static let bell: UInt32 = 0x07
    private static let cancel: UInt32 = 0x18
    private static let substitute: UInt32 = 0x1A
    private static let stringTerminator: UInt32 = 0x9C

    /// Whether ``clean(_:)`` keeps `scalar` wherever it stands: true for all but the scalars it
    /// removes or that start a sequence. Text made only of such scalars comes back unchanged.
    public static func keeps(_ scalar: Unicode.Scalar) -> Bool {
        !needsAttention(scalar)
    }

    private static func needsAttention(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x0A && value != 0x09 }
        if value < 0x7F { return false }
        if value <= 0x9F { return true }
        return isBidiControl(value)
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        return scalar.properties.isWhitespace
    }

    /// Whether the scalar `value` is a bidi control: a mark, embedding, override or isolate.
    static func isBidiControl(_ value: UInt32) -> Bool {
        switch value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func step(
        _ state: State, _ scalar: Unicode.Scalar, into output: inout String.UnicodeScalarView
    ) -> State {
        let value = scalar.value
        switch state {
        case .ground:
            return ground(scalar, into: &output)

        case .escape:
            switch value {
            case 0x5B: return .controlSequence  // [
            case 0x5D: return .string(endsAtBell: true)  // ]
            case 0x50, 0x58, 0x5E, 0x5F: return .string(endsAtBell: false)  // P X ^ _
            case 0x20...0x2F: return .escapeIntermediate
            case 0x30...0x7E, cancel, substitute: return .ground
            // A terminal executes C0 inside an escape and carries on with the
            // sequence; we only drop them, so the sequence is still swallowed.
            case 0x00...0x1F, 0x7F: return .escape
            default: return ground(scalar, into: &output)
            }

        case .escapeIntermediate:
            switch value {
            case 0x30...0x7E, cancel, substitute: return .ground
            case escape: return .escape
            case 0x00...0x2F, 0x7F: return .escapeIntermediate
            default: return ground(scalar, into: &output)
            }

        case .controlSequence:
            switch value {
            case 0x40...0x7E, cancel, substitute: return .ground
            case escape: return .escape
            // Parameters, intermediates, and C0/DEL, which terminals execute or
            // ignore without ending the sequence.
            case 0x00...0x3F, 0x7F: return .controlSequence
            default: return ground(scalar, into: &output)
            }

        case .string(let endsAtBell):
            switch value {
            case escape: return .stringEscape
            case stringTerminator, cancel, substitute: return .ground
            case bell where endsAtBell: return .ground
            default: return state
            }

        case .stringEscape:
            // ESC \ is ST; any other ESC ends the string and starts a new escape.
            return value == 0x5C ? .ground : step(.escape, scalar, into: &output)
        }
    }

    private static func ground(
        _ scalar: Unicode.Scalar, into output: inout String.UnicodeScalarView
    ) -> State {
        switch scalar.value {
        case escape: return .escape
        case 0x9B: return .controlSequence
        case 0x9D: return .string(endsAtBell: true)
        case 0x90, 0x98, 0x9E, 0x9F: return .string(endsAtBell: false)
        default:
            if !needsAttention(scalar) { output.append(scalar) }
            return .ground
        }
    }
}
