import Foundation
import LeadlineKit

/// A lead-list row but for the selection marker and the age: cleaned, measured, padded and
/// drawn for one pane width as an unselected row; and what the age is worked out from.
struct LeadRowText: Sendable {
    /// The name (and contact), status and source badges as cells, in the styles of a row that
    /// is not selected (a selected row is drawn over in one style).
    var cells: ArraySlice<Cell>
    /// The person's id, under which ``LeadListState/lastActivity`` records newer activity.
    var personID: String
    /// The latest activity the person's leads tell of.
    var lastActivity: Date?

    /// The columns of `person`'s row in a list pane `width` columns wide whose age column is
    /// `ageWidth` wide.
    init(_ person: Person, width: Int, ageWidth: Int, theme: Theme) {
        let badgeText = Screen.badges(person.sources)
        let badgeWidth = min(DisplayWidth.of(badgeText), 15)
        var nameWidth = width - 1 - ageWidth - 1 - badgeWidth - 1
        let leadStatus = person.leads.lazy.compactMap(\.status).first
        let statusWidth = width >= 44 && leadStatus != nil ? 11 : 0
        nameWidth -= statusWidth > 0 ? statusWidth + 1 : 0
        let contact = person.phone ?? person.email ?? ""
        var nameText = TerminalSanitizer.line(person.name)
        if width >= 56, !contact.isEmpty { nameText += "  " + TerminalSanitizer.line(contact) }
        var spans = [Span(DisplayWidth.pad(nameText, toWidth: max(1, nameWidth)) + " ", theme.text)]
        if statusWidth > 0, let leadStatus {
            var style = theme.text
            if let color = leadStatus.color.flatMap(Color.init(hex:)) { style.foreground = color }
            spans.append(Span(DisplayWidth.pad(TerminalSanitizer.line(leadStatus.label), toWidth: statusWidth) + " ", style))
        }
        spans.append(Span(DisplayWidth.pad(badgeText, toWidth: badgeWidth) + " ", theme.muted))
        // Everything after the marker's column; in a pane too narrow for the padded columns
        // they leave the age no room, as they would drawn one after another.
        cells = StyledLine(spans).cells(width: max(0, width - 1))
        personID = person.id
        lastActivity = person.lastActivity
    }
}

/// What prepared rows were drawn for: a row is drawn again when either changes.
struct RowFormat: Equatable, Sendable {
    var width: Int
    var theme: Theme
}

extension LeadListState {
    /// Works out the text of the rows at `scroll ..< scroll + height` for a pane `width` wide
    /// (keeping up to ``preparedRowLimit`` rows prepared earlier): a frame then only copies them (``Screen`` computes a missing row
    /// itself, so drawing stays a function of the state).
    mutating func prepareRows(width: Int, ageWidth: Int, height: Int, theme: Theme) {
        let format = RowFormat(width: width, theme: theme)
        if format != rowFormat {
            rows = [:]
            rowFormat = format
        }
        let window = visible[min(scroll, visible.count)..<min(scroll + max(0, height), visible.count)]
        if rows.count + window.count > Self.preparedRowLimit {
            rows = rows.filter { window.contains($0.key) }
        }
        for slot in window where rows[slot] == nil {
            rows[slot] = LeadRowText(person(slot), width: width, ageWidth: ageWidth, theme: theme)
        }
    }

    /// How many prepared rows are kept, so paging back and forth or typing a filter finds
    /// rows already prepared, without holding rows for every person: a row is 32 bytes a
    /// column, so at 200 columns a full list and timeline keep about 4 MB.
    static let preparedRowLimit = 1_000
}

extension TimelineState {
    /// Draws the rows of the events on lines `scroll ..< scroll + height` for a pane body `width`
    /// wide, keeping up to ``LeadListState/preparedRowLimit`` prepared earlier.
    mutating func prepareRows(width: Int, height: Int, theme: Theme) {
        let format = RowFormat(width: width, theme: theme)
        if format != rowFormat {
            rows = [:]
            rowFormat = format
        }
        let window = lines[min(scroll, lines.count)..<min(scroll + max(0, height), lines.count)]
        var arrivals: [(arrival: Int, position: Int)] = []
        for line in window {
            if case .event(let position) = line { arrivals.append((timeline.chronological[position], position)) }
        }
        if rows.count + arrivals.count > LeadListState.preparedRowLimit {
            let shown = Set(arrivals.map(\.arrival))
            rows = rows.filter { shown.contains($0.key) }
        }
        for (arrival, position) in arrivals where rows[arrival] == nil {
            rows[arrival] = Screen.eventCells(timeline.events[position], width: width, theme: theme)
        }
    }

    /// The prepared row of the event at `position`, if there is one; the caller has checked
    /// that the rows were prepared for its ``RowFormat``.
    func preparedRow(at position: Int) -> ArraySlice<Cell>? {
        rows[timeline.chronological[position]]
    }
}
