import Foundation
import LeadlineKit

/// The text of a lead-list row: everything but the selection marker and the age, cleaned,
/// measured and padded for one pane width; and what the age is worked out from.
struct LeadRowText: Sendable {
    var name: String
    var status: String?
    var statusColor: Color?
    var badges: String
    /// The person's id, under which ``LeadListState/lastActivity`` records newer activity.
    var personID: String
    /// The latest activity the person's leads tell of.
    var lastActivity: Date?

    /// The columns of `person`'s row in a list pane `width` columns wide whose age column is
    /// `ageWidth` wide.
    init(_ person: Person, width: Int, ageWidth: Int) {
        let badgeText = Screen.badges(person.sources)
        let badgeWidth = min(DisplayWidth.of(badgeText), 15)
        var nameWidth = width - 1 - ageWidth - 1 - badgeWidth - 1
        let leadStatus = person.leads.lazy.compactMap(\.status).first
        let statusWidth = width >= 44 && leadStatus != nil ? 11 : 0
        nameWidth -= statusWidth > 0 ? statusWidth + 1 : 0
        let contact = person.phone ?? person.email ?? ""
        var nameText = TerminalSanitizer.line(person.name)
        if width >= 56, !contact.isEmpty { nameText += "  " + TerminalSanitizer.line(contact) }
        name = DisplayWidth.pad(nameText, toWidth: max(1, nameWidth)) + " "
        if statusWidth > 0, let leadStatus {
            status = DisplayWidth.pad(TerminalSanitizer.line(leadStatus.label), toWidth: statusWidth) + " "
            statusColor = leadStatus.color.flatMap(Color.init(hex:))
        }
        badges = DisplayWidth.pad(badgeText, toWidth: badgeWidth) + " "
        personID = person.id
        lastActivity = person.lastActivity
    }
}

extension LeadListState {
    /// Works out the text of the rows at `scroll ..< scroll + height` for a pane `width` wide
    /// (keeping up to ``preparedRowLimit`` rows prepared earlier): a frame then only copies them (``Screen`` computes a missing row
    /// itself, so drawing stays a function of the state).
    mutating func prepareRows(width: Int, ageWidth: Int, height: Int) {
        if width != rowWidth {
            rows = [:]
            rowWidth = width
        }
        let window = visible[min(scroll, visible.count)..<min(scroll + max(0, height), visible.count)]
        if rows.count + window.count > Self.preparedRowLimit {
            rows = rows.filter { window.contains($0.key) }
        }
        for slot in window where rows[slot] == nil {
            rows[slot] = LeadRowText(person(slot), width: width, ageWidth: ageWidth)
        }
    }

    /// How many prepared rows are kept, so paging back and forth or typing a filter finds
    /// rows already prepared, without holding text for every person.
    static let preparedRowLimit = 2_000
}

extension TimelineState {
    /// Works out the headlines of the events on lines `scroll ..< scroll + height` for a pane
    /// `width` wide, keeping up to ``LeadListState/preparedRowLimit`` prepared earlier.
    mutating func prepareHeadlines(width: Int, height: Int) {
        if width != headlineWidth {
            headlines = [:]
            headlineWidth = width
        }
        let window = lines[min(scroll, lines.count)..<min(scroll + max(0, height), lines.count)]
        var arrivals: [(arrival: Int, position: Int)] = []
        for line in window {
            if case .event(let position) = line { arrivals.append((timeline.chronological[position], position)) }
        }
        if headlines.count + arrivals.count > LeadListState.preparedRowLimit {
            let shown = Set(arrivals.map(\.arrival))
            headlines = headlines.filter { shown.contains($0.key) }
        }
        for (arrival, position) in arrivals where headlines[arrival] == nil {
            headlines[arrival] = Screen.headline(timeline.events[position], width: width)
        }
    }

    /// The prepared headline of the event at `position`, if it was prepared for `width`.
    func preparedHeadline(at position: Int, width: Int) -> String? {
        width == headlineWidth ? headlines[timeline.chronological[position]] : nil
    }
}
