import Foundation
import LeadlineKit

/// Draws the whole screen from an ``AppState``. A pure function: same state, same Buffer.
public enum Screen {
    static let spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    /// The screen for `state`.
    public static func render(_ state: AppState) -> Buffer {
        var buffer = Buffer(width: state.width, height: state.height)
        guard let layout = Layout(width: state.width, height: state.height) else {
            drawTooSmall(state, into: &buffer)
            return buffer
        }
        drawLeads(state, rect: layout.leads, into: &buffer)
        drawTimeline(state, rect: layout.timeline, into: &buffer)
        drawDetail(state, rect: layout.detail, into: &buffer)
        drawStatusLine(state, rect: layout.statusLine, into: &buffer)
        switch state.overlay {
        case .help(let scroll)?: drawHelp(state, scroll: scroll, into: &buffer)
        case .linkPicker(let links, let selected, let copy)?: drawPicker(state, links: links, selected: selected, copy: copy, into: &buffer)
        case nil: break
        }
        return buffer
    }

    // MARK: - Panes

    static func drawLeads(_ state: AppState, rect: Rect, into buffer: inout Buffer) {
        let list = state.leads
        var title = [Span(" Leads (\(list.visible.count)\(list.visible.count == list.personCount ? "" : "/\(list.personCount)")) ", state.theme.title)]
        if list.filter.isEditing || !list.filter.text.isEmpty {
            title.append(Span("/" + list.filter.text + (list.filter.isEditing ? "▏" : "") + " ", state.theme.searchMatch))
        }
        // Last: a narrow pane cuts it off before the filter being typed.
        title.append(Span("by \(list.sort.rawValue) ", state.theme.muted))
        drawBox(rect, title: title, focused: state.focus == .leads, theme: state.theme, into: &buffer)
        let inner = rect.inner
        guard !inner.isEmpty else { return }
        if list.visible.isEmpty {
            let message = list.loadingSources.isEmpty ? (list.personCount == 0 ? "No leads." : "No lead matches.") : "Loading leads…"
            buffer.write(message, row: inner.y, column: inner.x + 1, style: state.theme.muted, maxWidth: inner.width - 1)
            return
        }
        let compactAge = inner.width < 38
        let ageWidth = Self.ageWidth(listWidth: inner.width)
        let prepared = list.rowFormat == RowFormat(width: inner.width, theme: state.theme)
        for row in 0..<inner.height {
            let position = list.scroll + row
            guard position < list.visible.count else { break }
            let isSelected = position == list.selected
            let rowStyle = isSelected ? (state.focus == .leads ? state.theme.selection : state.theme.selectionUnfocused) : state.theme.text
            let y = inner.y + row
            let slot = list.visible[position]
            // A prepared row spares making the person from the directory, and drawing the row.
            let text = (prepared ? list.rows[slot] : nil)
                ?? LeadRowText(list.person(slot), width: inner.width, ageWidth: ageWidth, theme: state.theme)
            let age = (state.leads.lastActivity[text.personID] ?? text.lastActivity).map { relative($0, now: state.now, compact: compactAge) } ?? ""
            var used = buffer.write(isSelected ? "▶" : " ", row: y, column: inner.x, style: rowStyle, maxWidth: inner.width)
            used += buffer.paste(text.cells, row: y, column: inner.x + used, maxWidth: inner.width - used)
            if used < inner.width {
                used += buffer.write(String(repeating: " ", count: max(0, ageWidth - age.count)) + age, row: y, column: inner.x + used,
                                     style: state.theme.muted, maxWidth: inner.width - used)
            }
            buffer.fill(Rect(x: inner.x + used, y: y, width: inner.width - used, height: 1), with: .blank(rowStyle))
            // A selected row is drawn in one style throughout.
            if isSelected { buffer.setStyle(rowStyle, in: Rect(x: inner.x, y: y, width: inner.width, height: 1)) }
        }
    }

    static func drawTimeline(_ state: AppState, rect: Rect, into buffer: inout Buffer) {
        let theme = state.theme
        guard let timeline = state.timeline else {
            drawBox(rect, title: [Span(" Timeline ", theme.title)], focused: state.focus == .timeline, theme: theme, into: &buffer)
            buffer.write("Select a lead.", row: rect.inner.y, column: rect.inner.x + 1, style: theme.muted, maxWidth: rect.inner.width - 1)
            return
        }
        let person = timeline.person
        var titleText = " " + TerminalSanitizer.line(person.name)
        if let phone = person.phone { titleText += " · " + TerminalSanitizer.line(phone) }
        if let status = person.leads.lazy.compactMap(\.status?.label).first { titleText += " · " + TerminalSanitizer.line(status) }
        var title = [Span(titleText + " ", theme.title)]
        if timeline.order == .newestFirst { title.append(Span("↑newest ", theme.muted)) }
        if timeline.filter.isEditing || !timeline.filter.text.isEmpty {
            title.append(Span("/" + timeline.filter.text + (timeline.filter.isEditing ? "▏" : "") + " ", theme.searchMatch))
        }
        drawBox(rect, title: title, focused: state.focus == .timeline, theme: theme, into: &buffer)
        let inner = rect.inner
        guard inner.height >= 2 else { return }
        buffer.write(channelBar(timeline, keyMap: state.keyMap, theme: theme, width: inner.width), row: inner.y, column: inner.x, maxWidth: inner.width)

        let body = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        if timeline.lines.isEmpty {
            let message: String
            if timeline.isLoading { message = "Loading…" } else if !timeline.failures.isEmpty { message = "Could not load: " + timeline.failures.keys.sorted().joined(separator: ", ") + (state.keyMap.key(for: .refresh).map { " (\($0) retries)" } ?? "") } else if timeline.timeline.events.isEmpty { message = "No events." } else { message = "No event matches the filters" + (state.keyMap.key(for: .allChannels).map { " (\($0) shows all)." } ?? ".") }
            buffer.write(message, row: body.y, column: body.x + 1, style: theme.muted, maxWidth: body.width - 1)
            return
        }
        let selectedLine = timeline.eventLines.indices.contains(timeline.selected) ? timeline.eventLines[timeline.selected] : -1
        let prepared = timeline.rowFormat == RowFormat(width: body.width, theme: theme)
        for row in 0..<body.height {
            let position = timeline.scroll + row
            guard position < timeline.lines.count else { break }
            let y = body.y + row
            switch timeline.lines[position] {
            case .day(let day):
                let label = " " + Self.dayLabel(day) + " "
                let rule = String(repeating: "─", count: max(0, body.width - DisplayWidth.of(label) - 2))
                buffer.write("──" + label + rule, row: y, column: body.x, style: theme.daySeparator, maxWidth: body.width)
            case .event(let index):
                let isSelected = position == selectedLine
                let rowStyle = isSelected ? (state.focus == .timeline ? theme.selection : theme.selectionUnfocused) : theme.text
                var used = buffer.write(timeline.localTime(ofEventAt: index) + " ", row: y, column: body.x, style: theme.muted, maxWidth: body.width)
                // A prepared row spares cleaning, measuring and padding the event's text.
                let cells = (prepared ? timeline.preparedRow(at: index) : nil)
                    ?? eventCells(timeline.timeline.events[index], width: body.width, theme: theme)
                used += buffer.paste(cells, row: y, column: body.x + used, maxWidth: body.width - used)
                // The row's cells are padded to its width; fill only what they left.
                buffer.fill(Rect(x: body.x + used, y: y, width: body.width - used, height: 1), with: .blank(rowStyle))
                // A selected row is drawn in one style throughout.
                if isSelected { buffer.setStyle(rowStyle, in: Rect(x: body.x, y: y, width: body.width, height: 1)) }
            }
        }
    }

    /// `[a]ll [c]all 2 [w]hatsapp 5 …`: the channel keys (as the key map binds them), which are
    /// on, and how many events each has; shorter forms when the pane is narrow.
    static func channelBar(_ timeline: TimelineState, keyMap: KeyMap, theme: Theme, width: Int) -> StyledLine {
        let counts = timeline.timeline.countsByChannel
        let all = timeline.channels.count == Channel.allCases.count
        let long: [Channel: String] = [.call: "call", .whatsapp: "whatsapp", .email: "email", .sms: "sms", .chat: "chat", .system: "system"]
        let medium: [Channel: String] = [.call: "call", .whatsapp: "wa", .email: "email", .sms: "sms", .chat: "chat", .system: "sys"]
        func key(_ action: Action) -> Key? { keyMap.key(for: action) }
        var best = StyledLine()
        for form in 0..<4 {
            let allKey = key(.allChannels)
            let allLabel = form < 2 ? keyLabel("all", key: allKey) : allKey.map { form == 2 ? "[\($0)]" : $0.description } ?? "all"
            var spans = [Span(allLabel, all ? theme.title : theme.muted)]
            for channel in Channel.allCases {
                let on = timeline.channels.contains(channel)
                var style = on ? theme.channel(channel) : theme.muted
                if on && !all { style.attributes.insert(.bold) }
                if !on { style.attributes.insert(.dim) }
                let channelKey = key(.toggleChannel(channel))
                let name: String
                switch form {
                case 0: name = keyLabel(long[channel]!, key: channelKey) + " "
                case 1: name = keyLabel(medium[channel]!, key: channelKey) + " "
                case 2: name = channelKey.map { "[\($0)]" } ?? String(medium[channel]!.prefix(1))
                default: name = channelKey?.description ?? String(medium[channel]!.prefix(1))
                }
                spans.append(Span(" " + name + "\(counts[channel] ?? 0)", style))
            }
            best = StyledLine(spans)
            if spans.reduce(0, { $0 + DisplayWidth.of($1.text) }) <= width { break }
        }
        return best
    }

    /// `name` with its key in brackets: in place of one of its letters when it is one (`[c]all`,
    /// `cha[t]`, `[C]all`), else after it (`sys[m]`); the bare name for an unbound action.
    static func keyLabel(_ name: String, key: Key?) -> String {
        guard let key else { return name }
        if case .character(let character) = key, let index = name.firstIndex(where: { $0.lowercased() == character.lowercased() }) {
            return name[..<index] + "[\(character)]" + name[name.index(after: index)...]
        }
        return name + "[\(key)]"
    }

    /// "3d ago" where the list is wide enough to keep names readable, else "3d".
    static func ageWidth(listWidth: Int) -> Int {
        listWidth < 38 ? 4 : 8
    }

    /// The columns of an event's row after its time ("HH:MM "): channel glyph, direction,
    /// headline and status mark, drawn for a timeline body `width` wide in the styles of a row
    /// that is not selected (a selected row is drawn over in one style).
    static func eventCells(_ event: TimelineEvent, width: Int, theme: Theme) -> ArraySlice<Cell> {
        var glyph = event.channel.glyph
        if event.kind == "call_missed" { glyph = "✗" }
        let direction = event.direction?.arrow ?? " "
        let (statusText, statusStyle) = statusMark(event.status, theme: theme)
        let statusWidth = statusText.isEmpty ? 0 : DisplayWidth.of(statusText) + 1
        // The headline fills the columns the status mark leaves. Its padding is filled in as
        // cells rather than appended as spaces, which cost a copy of the text and a walk over it.
        let headlineColumns = max(1, width - timeColumns - 2 - 2 - statusWidth)
        let (headline, headlineWidth) = DisplayWidth.fit(
            TimelineText.headline(event) { oneLine($0, width: width) }, toWidth: headlineColumns)
        let rowWidth = max(0, width - timeColumns)
        guard rowWidth > 0 else { return [] }
        var row = Buffer(width: rowWidth, height: 1)
        var used = row.write(
            StyledLine([
                Span(glyph + " ", theme.channel(event.channel)),
                Span(direction + " ", event.direction == .inbound ? theme.inbound : theme.outbound),
                Span(headline, theme.text),
            ]),
            row: 0, column: 0, maxWidth: rowWidth)
        let padding = min(headlineColumns - headlineWidth, rowWidth - used)
        if padding > 0 {
            row.fill(Rect(x: used, y: 0, width: padding, height: 1), with: Cell(ascii: 0x20, style: theme.text))
            used += padding
        }
        if !statusText.isEmpty {
            used += row.write(" " + statusText, row: 0, column: used, style: statusStyle, maxWidth: rowWidth - used)
        }
        return row.cells(row: 0).prefix(used)
    }

    /// Columns an event's time takes at the start of its row: "HH:MM ".
    static let timeColumns = 6

    /// `text` cleaned onto one line, looking only at as much of it as a row of `width` columns
    /// can show: an email body or a transcript is not cleaned and measured whole for every frame.
    static func oneLine(_ text: String, width: Int) -> String {
        let limit = max(64, width * 4)
        guard text.utf8.count > limit else { return TerminalSanitizer.line(text) }
        return TerminalSanitizer.line(String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit))))
    }

    /// ✓ sent, ✓✓ delivered, ✓✓ read (highlighted), ✗ failed; other statuses are not marked.
    static func statusMark(_ status: String?, theme: Theme) -> (String, Style) {
        switch status?.lowercased() {
        case "sent", "sending", "queued": ("✓", theme.muted)
        case "delivered", "received": ("✓✓", theme.muted)
        case "read", "opened": ("✓✓", theme.ok)
        case "failed", "undeliverable", "blocked", "canceled", "cancelled", "not_connected", "missed", "no_answer": ("✗", theme.error)
        default: ("", theme.text)
        }
    }

    static func drawDetail(_ state: AppState, rect: Rect, into buffer: inout Buffer) {
        let theme = state.theme
        let event = state.timeline?.selectedEvent
        var titleText = " Detail "
        if let event {
            var parts = [event.channel.displayName]
            if let seconds = event.durationSeconds { parts.append(TimelineText.duration(seconds)) }
            if let sentiment = event.details.first(where: { $0.label == "Sentiment" })?.value { parts.append(sentiment) }
            titleText = " " + TerminalSanitizer.line(parts.joined(separator: " · ")) + (state.detail.showRaw ? " · raw" : "") + " "
        }
        drawBox(rect, title: [Span(titleText, theme.title)], focused: state.focus == .detail, theme: theme, into: &buffer)
        let inner = rect.inner
        guard !inner.isEmpty, event != nil else { return }
        let detail = state.detail
        if detail.search.isEditing || !detail.search.text.isEmpty {
            var search = "/" + TerminalSanitizer.line(detail.search.text) + (detail.search.isEditing ? "▏" : "")
            if !detail.search.text.isEmpty {
                search += detail.matches.isEmpty ? " no match" : " \(detail.currentMatch + 1)/\(detail.matches.count)"
            }
            let titleWidth = DisplayWidth.of(titleText) + 1
            buffer.write(search + " ", row: rect.y, column: rect.x + titleWidth, style: theme.searchMatch, maxWidth: max(0, rect.width - titleWidth - 1))
        }
        let lines = detail.lines
        // The matches on screen, by line: found once per search, looked up per visible row.
        let current = detail.matches.indices.contains(detail.currentMatch) ? detail.matches[detail.currentMatch] : nil
        var currentStyle = theme.searchMatch
        currentStyle.attributes.formUnion([.bold, .underline, .reverse])
        let firstVisible = DetailSearch.firstMatch(atOrAfter: detail.scroll, in: detail.matches)
        for row in 0..<inner.height {
            let position = detail.scroll + row
            guard position < lines.count else { break }
            var line = lines[position]
            let ranges = detail.matches[firstVisible...].prefix { $0.line <= position }.filter { $0.line == position }.map(\.characters)
            if !ranges.isEmpty {
                line = DetailSearch.highlight(line, ranges: ranges, current: current?.line == position ? current?.characters : nil,
                                              matchStyle: theme.searchMatch, currentStyle: currentStyle)
            }
            buffer.write(line, row: inner.y + row, column: inner.x + 1, maxWidth: inner.width - 1)
        }
        if lines.count > inner.height {
            let percent = min(100, (state.detail.scroll + inner.height) * 100 / max(1, lines.count))
            buffer.write(" \(percent)% ", row: rect.y + rect.height - 1, column: rect.x + rect.width - 7, style: theme.muted, maxWidth: 6)
        }
    }

    static func drawStatusLine(_ state: AppState, rect: Rect, into buffer: inout Buffer) {
        let theme = state.theme
        buffer.fill(rect, with: .blank(theme.statusLine))
        var left: [Span] = []
        if state.isLoading {
            var what = state.leads.loadingSources.sorted()
            if let timeline = state.timeline { what += Set(timeline.loadingSources).sorted().filter { !what.contains($0) } }
            left.append(Span(" " + spinner[state.spinnerFrame % spinner.count] + " loading " + what.joined(separator: ", ") + "…", theme.statusLine))
        }
        if let status = state.status {
            var style = theme.statusLine
            switch status.level {
            case .info: break
            case .warning: style.foreground = theme.warning.foreground
            case .error: style.foreground = theme.error.foreground; style.attributes.insert(.bold)
            }
            left.append(Span(" " + TerminalSanitizer.line(status.text), style))
        }
        if let prompt = state.prompt {
            // The prompt replaces everything else until Enter or Esc.
            left = [Span(" :" + TerminalSanitizer.line(prompt.text) + "▏", theme.statusLine),
                    Span("  SOURCE:ID, phone or email · Enter jumps · Esc cancels", theme.statusLine)]
            buffer.write(StyledLine(left), row: rect.y, column: rect.x, maxWidth: rect.width)
            return
        }
        let leftWidth = buffer.write(StyledLine(left), row: rect.y, column: rect.x, maxWidth: rect.width)
        if let hints = state.keyMap.hints.first(where: { rect.width - leftWidth > DisplayWidth.of($0) }) {
            let hintsWidth = DisplayWidth.of(hints)
            buffer.write(hints, row: rect.y, column: rect.x + rect.width - hintsWidth, style: theme.statusLine, maxWidth: hintsWidth)
        }
    }

    // MARK: - Overlays

    static func drawHelp(_ state: AppState, scroll: Int, into buffer: inout Buffer) {
        let lines = helpLines(state.keyMap, theme: state.theme)
        let width = min(buffer.width - 4, 76)
        let height = min(buffer.height - 2, lines.count + 2)
        let rect = Rect(x: (buffer.width - width) / 2, y: (buffer.height - height) / 2, width: width, height: height)
        buffer.fill(rect, with: .blank(state.theme.text))
        drawBox(rect, title: [Span(" Keys — Esc or ? closes ", state.theme.title)], focused: true, theme: state.theme, into: &buffer)
        let inner = rect.inner
        for row in 0..<inner.height where scroll + row < lines.count {
            buffer.write(lines[scroll + row], row: inner.y + row, column: inner.x + 1, maxWidth: inner.width - 1)
        }
    }

    /// The help overlay's lines: every binding of the key map, grouped.
    public static func helpLines(_ keyMap: KeyMap, theme: Theme = .standard) -> [StyledLine] {
        var lines: [StyledLine] = []
        var group = ""
        for binding in keyMap.bindings {
            if binding.group != group {
                if !lines.isEmpty { lines.append(StyledLine()) }
                lines.append(StyledLine(binding.group, theme.heading))
                group = binding.group
            }
            lines.append(StyledLine([Span(DisplayWidth.pad(binding.keysLabel, toWidth: 16), theme.title), Span(binding.help, theme.text)]))
        }
        return lines
    }

    static func drawPicker(_ state: AppState, links: [LabeledURL], selected: Int, copy: Bool, into buffer: inout Buffer) {
        let width = min(buffer.width - 4, 90)
        let height = min(buffer.height - 2, links.count + 2)
        let rect = Rect(x: (buffer.width - width) / 2, y: (buffer.height - height) / 2, width: width, height: height)
        buffer.fill(rect, with: .blank(state.theme.text))
        let title = copy ? " Copy which link? Enter copies, Esc cancels " : " Open which link? Enter opens, Esc cancels "
        drawBox(rect, title: [Span(title, state.theme.title)], focused: true, theme: state.theme, into: &buffer)
        let inner = rect.inner
        let scroll = max(0, selected - inner.height + 1)
        for row in 0..<inner.height where scroll + row < links.count {
            let index = scroll + row
            let style = index == selected ? state.theme.selection : state.theme.text
            buffer.fill(Rect(x: inner.x, y: inner.y + row, width: inner.width, height: 1), with: .blank(style))
            buffer.write("\(index + 1). \(links[index].label): \(links[index].url)", row: inner.y + row, column: inner.x + 1, style: style, maxWidth: inner.width - 1)
        }
    }

    static func drawTooSmall(_ state: AppState, into buffer: inout Buffer) {
        let message = "Terminal too small: \(state.width)×\(state.height). leadline needs \(Layout.minimumWidth)×\(Layout.minimumHeight). q quits."
        let lines = TextWrap.wrap(message, width: max(1, state.width))
        let top = max(0, (state.height - lines.count) / 2)
        for (index, line) in lines.enumerated() where top + index < state.height {
            let column = max(0, (state.width - DisplayWidth.of(line)) / 2)
            buffer.write(line, row: top + index, column: column, style: state.theme.warning)
        }
    }

    // MARK: - Pieces

    static func drawBox(_ rect: Rect, title: [Span], focused: Bool, theme: Theme, into buffer: inout Buffer) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let style = focused ? theme.borderFocused : theme.border
        let horizontal = Cell(grapheme: "─", width: 1, style: style)
        let vertical = Cell(grapheme: "│", width: 1, style: style)
        let bottom = rect.y + rect.height - 1
        buffer.fill(Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1), with: horizontal)
        buffer.fill(Rect(x: rect.x + 1, y: bottom, width: rect.width - 2, height: 1), with: horizontal)
        buffer.fill(Rect(x: rect.x, y: rect.y + 1, width: 1, height: rect.height - 2), with: vertical)
        buffer.fill(Rect(x: rect.x + rect.width - 1, y: rect.y + 1, width: 1, height: rect.height - 2), with: vertical)
        buffer.write("┌", row: rect.y, column: rect.x, style: style)
        buffer.write("┐", row: rect.y, column: rect.x + rect.width - 1, style: style)
        buffer.write("└", row: bottom, column: rect.x, style: style)
        buffer.write("┘", row: bottom, column: rect.x + rect.width - 1, style: style)
        buffer.write(StyledLine(title), row: rect.y, column: rect.x + 1, maxWidth: rect.width - 2)
    }

    /// The sources that know a person: one name in full (up to 8 columns), several as 3-letter
    /// abbreviations joined with `+` ("nex+lea+nlp").
    static func badges(_ sources: [String]) -> String {
        let names = sources.map(TerminalSanitizer.line)
        if names.count == 1 { return DisplayWidth.truncate(names[0], toWidth: 8, ellipsis: "") }
        return names.map { DisplayWidth.truncate($0, toWidth: 3, ellipsis: "") }.joined(separator: "+")
    }

    /// How long ago `date` was: "now", "5m ago", "3h ago", "2d ago", "4mo ago", "1y ago";
    /// `compact` drops the " ago". A date in the future (a skewed vendor clock) is "now".
    public static func relative(_ date: Date, now: Date, compact: Bool = false) -> String {
        let seconds = Int(now.timeIntervalSince(date))
        let amount: String
        switch seconds {
        case ..<60: return "now"
        case ..<3600: amount = "\(seconds / 60)m"
        case ..<86_400: amount = "\(seconds / 3600)h"
        case ..<(86_400 * 30): amount = "\(seconds / 86_400)d"
        case ..<(86_400 * 365): amount = "\(seconds / (86_400 * 30))mo"
        default: amount = "\(seconds / (86_400 * 365))y"
        }
        return compact ? amount : amount + " ago"
    }

    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Sat 10 Jan 2026" (English on purpose: a DateFormatter per separator per frame is slow).
    /// "Mon 19 Jan 2026" for a day counted from 1970-01-01 (a Thursday): no calendar object per
    /// drawn separator.
    static func dayLabel(_ day: Int) -> String {
        let weekday = ((day % 7) + 7 + 4) % 7
        let (year, month, dayOfMonth) = ISO8601.civilFromDays(day)
        return "\(weekdays[weekday]) \(dayOfMonth) \(months[month - 1]) \(year)"
    }
}

extension Color {
    /// A colour from `#rrggbb`, as vendors send status colours.
    public init?(hex: String) {
        let digits = hex.hasPrefix("#") ? hex.dropFirst() : Substring(hex)
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        self = .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
    }
}
