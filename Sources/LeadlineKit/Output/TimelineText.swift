import Foundation

/// The one-line-per-event text that `leadline timeline` prints by default.
///
/// Columns: local date and time, source, channel glyph and name, direction arrow, then the title
/// with a preview of the body and the status. Every vendor text goes through
/// ``TerminalSanitizer/line(_:)``, so nothing a vendor wrote can act on the terminal.
public struct TimelineText: Sendable {
    /// The zone times are shown in.
    public var timeZone: TimeZone
    /// The widest the title-and-preview column gets, in terminal columns.
    public var previewWidth: Int

    public init(timeZone: TimeZone = .current, previewWidth: Int = 100) {
        self.timeZone = timeZone
        self.previewWidth = previewWidth
    }

    /// The lines for `events`, aligned as one table.
    public func lines(for events: [TimelineEvent]) -> [String] {
        let sourceWidth = events.map { DisplayWidth.of(TerminalSanitizer.line($0.source)) }.max() ?? 0
        let channelWidth = Channel.allCases.map(\.rawValue.count).max()!
        return events.map { event in
            let columns = [
                timestamp(event.timestamp),
                DisplayWidth.pad(TerminalSanitizer.line(event.source), toWidth: sourceWidth),
                event.channel.glyph + " " + event.channel.rawValue.padding(toLength: channelWidth, withPad: " ", startingAt: 0),
                event.direction?.arrow ?? " ",
                DisplayWidth.truncate(Self.headline(event), toWidth: previewWidth),
            ]
            var line = columns.joined(separator: "  ")
            if let status = event.status.map(TerminalSanitizer.line), !status.isEmpty {
                line += "  [\(status)]"
            }
            return line
        }
    }

    /// `Call 3m05s — Discussed pricing…`: the title, a call's duration, and the body if it says
    /// something the title does not, each put on one line by `oneLine` (the TUI's looks only at
    /// as much of a body as a row can show).
    public static func headline(
        _ event: TimelineEvent, oneLine: (String) -> String = TerminalSanitizer.line
    ) -> String {
        var head = oneLine(event.title)
        if let seconds = event.durationSeconds, seconds > 0 { head += " " + duration(seconds) }
        if let text = event.text.map(oneLine), !text.isEmpty, text != head {
            head += head.isEmpty ? text : " — " + text
        }
        return head
    }

    /// `45s`, `3m05s`, `1h02m`.
    public static func duration(_ seconds: Int) -> String {
        switch seconds {
        case ..<60: return "\(max(0, seconds))s"
        // Zero-padded without `String(format:)`, which parses its format each time: the
        // timeline draws a call's duration on every row it prepares.
        case ..<3600: return "\(seconds / 60)m" + ISO8601.pad(seconds % 60, 2) + "s"
        default: return "\(seconds / 3600)h" + ISO8601.pad(seconds / 60 % 60, 2) + "m"
        }
    }

    private func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
    }
}
