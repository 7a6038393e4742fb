import LeadlineKit

/// Word-wraps text to a width in terminal columns.
public enum TextWrap {
    /// The lines of `text` wrapped to `width` columns.
    ///
    /// The text is sanitised first so widths are measured on what will be drawn. Paragraph breaks
    /// (`\n`) are kept, spaces at a wrap are dropped, and a word longer than a line is broken
    /// between graphemes. `indent` is put in front of every line after the first.
    public static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        guard width > 0 else { return [] }
        let indentWidth = min(DisplayWidth.of(indent), width - 1)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var capacity: Int { lines.isEmpty ? width : width - indentWidth }
        func flush() {
            lines.append(lines.isEmpty ? line : indent + line)
            line = ""
            lineWidth = 0
        }
        let cleaned = TerminalSanitizer.clean(text)
        // ASCII text (most bodies and summaries) is split by bytes, which is what splitting by
        // characters gives there, and each byte is a column; other text by characters.
        let isASCII = cleaned.utf8.allSatisfy { $0 < 0x80 }
        func words(_ paragraph: Substring) -> [Substring] {
            isASCII
                ? paragraph.utf8.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }).map { Substring($0) }
                : paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" })
        }
        let paragraphs = isASCII
            ? cleaned.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
            : cleaned.split(separator: "\n", omittingEmptySubsequences: false)
        for paragraph in paragraphs {
            for word in words(paragraph) {
                var rest = word
                while !rest.isEmpty {
                    let restWidth = isASCII ? rest.utf8.count : DisplayWidth.of(String(rest))
                    let gap = lineWidth > 0 ? 1 : 0
                    if lineWidth + gap + restWidth <= capacity {
                        line += (gap > 0 ? " " : "") + rest
                        lineWidth += gap + restWidth
                        rest = ""
                    } else if lineWidth > 0 {
                        flush()
                    } else {
                        // Alone on a line and still too wide: cut it, at least one grapheme.
                        var head = DisplayWidth.truncate(String(rest), toWidth: capacity, ellipsis: "")
                        if head.isEmpty { head = String(rest.first!) }
                        line = head
                        lineWidth = DisplayWidth.of(head)
                        rest = rest.dropFirst(head.count)
                        flush()
                    }
                }
            }
            flush()
        }
        return lines
    }
}
