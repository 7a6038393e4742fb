import Foundation
import LeadlineKit

/// Lays out one event for the detail pane: heading facts, body, transcript, details and links.
///
/// Built once per (event, width, raw) and kept in ``DetailState``, so scrolling a long transcript
/// does not re-wrap it on every key.
public enum DetailLayout {
    /// The lines for `event` at `width` columns; `raw` shows the vendor's JSON instead. Key hints
    /// name the keys `keyMap` binds.
    public static func lines(
        for event: TimelineEvent, width: Int, raw: Bool, theme: Theme, timeZone: TimeZone, keyMap: KeyMap = .standard
    ) -> [StyledLine] {
        guard width > 0 else { return [] }
        if raw {
            let back = keyMap.key(for: .toggleRaw).map { " (\($0) to go back)" } ?? ""
            var lines = [StyledLine("Raw \(event.source) payload" + back, theme.muted)]
            // The item is rebuilt from its compact text (RawJSON) only here, when it is shown.
            for text in event.raw.prettyJSON.split(separator: "\n", omittingEmptySubsequences: false) {
                // Wrapping drops leading spaces, so the nesting indent is put back on every line;
                // a deep document keeps at least half the pane for its text.
                let depth = text.prefix { $0 == " " }.count
                let indent = String(repeating: " ", count: min(depth, width / 2))
                let wrapped = TextWrap.wrap(String(text.dropFirst(depth)), width: width - indent.count, indent: "  ")
                lines += wrapped.map { StyledLine(indent + $0, theme.text) }
            }
            return lines
        }

        var lines: [StyledLine] = []
        func heading(_ text: String) {
            if !lines.isEmpty { lines.append(StyledLine()) }
            lines.append(StyledLine(text, theme.heading))
        }
        func paragraph(_ text: String, _ style: Style = theme.text) {
            lines += TextWrap.wrap(text, width: width).map { StyledLine($0, style) }
        }
        func field(_ label: String, _ value: String) {
            let labelText = label + ": "
            let wrapped = TextWrap.wrap(labelText + value, width: width, indent: "  ")
            for (index, line) in wrapped.enumerated() {
                if index == 0, line.hasPrefix(labelText) {
                    lines.append(StyledLine([Span(labelText, theme.muted), Span(String(line.dropFirst(labelText.count)), theme.text)]))
                } else {
                    lines.append(StyledLine(line, theme.text))
                }
            }
        }

        lines.append(StyledLine([
            Span(event.channel.glyph + " ", theme.channel(event.channel)),
            Span(TerminalSanitizer.line(event.title), theme.title),
        ]))
        field("When", Self.timestamp(event.timestamp, timeZone: timeZone))
        field("Source", "\(event.source) · \(event.kind)")
        if let direction = event.direction { field("Direction", direction == .inbound ? "from the lead (←)" : "to the lead (→)") }
        if let status = event.status { field("Status", status) }
        if let seconds = event.durationSeconds { field("Duration", TimelineText.duration(seconds)) }

        if let text = event.text, !text.isEmpty {
            heading(event.channel == .call ? "Summary" : event.channel == .email ? "Body" : "Content")
            paragraph(text)
        }
        if !event.transcript.isEmpty {
            heading("Transcript")
            let speakerWidth = min(12, event.transcript.map { DisplayWidth.of(TerminalSanitizer.line($0.speaker)) }.max() ?? 0)
            for turn in event.transcript {
                let offset = turn.start.map(Self.offset) ?? "     "
                let speaker = DisplayWidth.pad(TerminalSanitizer.line(turn.speaker), toWidth: speakerWidth)
                let prefix = "\(offset) \(speaker)  "
                let prefixWidth = DisplayWidth.of(prefix)
                let body = TextWrap.wrap(turn.text, width: max(1, width - prefixWidth))
                for (index, part) in body.enumerated() {
                    if index == 0 {
                        lines.append(StyledLine([Span(offset + " ", theme.muted), Span(speaker, theme.title), Span("  " + part, theme.text)]))
                    } else {
                        lines.append(StyledLine(String(repeating: " ", count: prefixWidth) + part, theme.text))
                    }
                }
            }
        }
        if !event.details.isEmpty {
            heading("Details")
            for detail in event.details { field(detail.label, detail.value) }
        }
        if !event.urls.isEmpty {
            heading("Links")
            for (index, link) in event.urls.enumerated() {
                lines += TextWrap.wrap("[\(index + 1)] \(link.label): \(link.url)", width: width, indent: "    ").map { StyledLine($0, theme.text) }
            }
            let hints = [keyMap.key(for: .openLink).map { "\($0) open" }, keyMap.key(for: .copyLink).map { "\($0) copy" }].compactMap { $0 }
            if !hints.isEmpty { lines.append(StyledLine(hints.joined(separator: " · "), theme.muted)) }
        }
        return lines
    }

    /// `mm:ss` (or `h:mm:ss`) of a transcript offset in seconds; a vendor's NaN, negative or
    /// out-of-range offset shows as 00:00 or the largest offset rather than trapping.
    static func offset(_ seconds: Double) -> String {
        let total = seconds.isNaN ? 0 : Int(max(0, min(seconds.rounded(.down), 9_999 * 3_600)))
        return total >= 3600
            ? "\(total / 3600):" + ISO8601.pad(total / 60 % 60, 2) + ":" + ISO8601.pad(total % 60, 2)
            : ISO8601.pad(total / 60, 2) + ":" + ISO8601.pad(total % 60, 2)
    }

    static func timestamp(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let day = ISO8601.pad(parts.year!, 4) + "-" + ISO8601.pad(parts.month!, 2) + "-" + ISO8601.pad(parts.day!, 2)
        return day + " " + ISO8601.pad(parts.hour!, 2) + ":" + ISO8601.pad(parts.minute!, 2) + ":" + ISO8601.pad(parts.second!, 2)
    }
}
