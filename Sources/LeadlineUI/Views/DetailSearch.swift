import Foundation

/// One place the detail pane's search text occurs: a line, and the characters (grapheme
/// clusters, counted from the line's start) it covers.
public struct DetailMatch: Sendable, Equatable {
    public var line: Int
    public var characters: Range<Int>
}

/// Finding the detail pane's search text and drawing its matches.
enum DetailSearch {
    /// Every occurrence of `query` in `lines`, smart-case (case matters only when the query has a
    /// capital letter), in reading order.
    static func matches(of query: String, in lines: [StyledLine]) -> [DetailMatch] {
        guard !query.isEmpty else { return [] }
        let options: String.CompareOptions = query.contains(where: \.isUppercase) ? [] : [.caseInsensitive]
        var matches: [DetailMatch] = []
        for (number, line) in lines.enumerated() {
            let text = line.spans.map(\.text).joined()
            var searchStart = text.startIndex
            var offset = 0
            while searchStart < text.endIndex, let found = text.range(of: query, options: options, range: searchStart..<text.endIndex) {
                let start = offset + text.distance(from: searchStart, to: found.lowerBound)
                let length = text.distance(from: found.lowerBound, to: found.upperBound)
                guard length > 0 else { break }
                matches.append(DetailMatch(line: number, characters: start..<start + length))
                offset = start + length
                searchStart = found.upperBound
            }
        }
        return matches
    }

    /// The index of the first match on `line` or after it (binary search: drawing a frame must
    /// not walk every match of a long transcript).
    static func firstMatch(atOrAfter line: Int, in matches: [DetailMatch]) -> Int {
        var low = 0, high = matches.count
        while low < high {
            let middle = (low + high) / 2
            if matches[middle].line < line { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// `line` with the characters in `ranges` drawn in `matchStyle` (`current` in `currentStyle`).
    static func highlight(_ line: StyledLine, ranges: [Range<Int>], current: Range<Int>?, matchStyle: Style, currentStyle: Style) -> StyledLine {
        guard !ranges.isEmpty else { return line }
        var spans: [Span] = []
        var offset = 0
        for span in line.spans {
            let characters = Array(span.text)
            var start = 0
            while start < characters.count {
                let position = offset + start
                if let range = ranges.first(where: { $0.contains(position) }) {
                    let end = min(characters.count, range.upperBound - offset)
                    spans.append(Span(String(characters[start..<end]), range == current ? currentStyle : matchStyle))
                    start = end
                } else {
                    let nextMatch = ranges.lazy.map(\.lowerBound).filter { $0 > position }.min() ?? Int.max
                    let end = min(characters.count, nextMatch - offset)
                    spans.append(Span(String(characters[start..<end]), span.style))
                    start = end
                }
            }
            offset += characters.count
        }
        return StyledLine(spans)
    }
}
