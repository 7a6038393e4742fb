import LeadlineKit

/// The text of a lead-list row: everything but the selection marker and the age, cleaned,
/// measured and padded for one pane width.
struct LeadRowText: Sendable {
    var name: String
    var status: String?
    var statusColor: Color?
    var badges: String

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
    }
}

extension LeadListState {
    /// Works out the text of the rows at `scroll ..< scroll + height` for a pane `width` wide,
    /// and forgets the others: a frame then only copies them (``Screen`` computes a missing row
    /// itself, so drawing stays a function of the state).
    mutating func prepareRows(width: Int, ageWidth: Int, height: Int) {
        if width != rowWidth {
            rows = [:]
            rowWidth = width
        }
        let window = visible[min(scroll, visible.count)..<min(scroll + max(0, height), visible.count)]
        guard window.contains(where: { rows[$0] == nil }) || rows.count != window.count else { return }
        var kept: [Int: LeadRowText] = [:]
        kept.reserveCapacity(window.count)
        for slot in window { kept[slot] = rows[slot] ?? LeadRowText(person(slot), width: width, ageWidth: ageWidth) }
        rows = kept
    }
}

extension TimelineState {
    /// Works out the headlines of the events on lines `scroll ..< scroll + height` for a pane
    /// `width` wide, and forgets the others.
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
        guard arrivals.contains(where: { headlines[$0.arrival] == nil }) || headlines.count != arrivals.count else { return }
        var kept: [Int: String] = [:]
        kept.reserveCapacity(arrivals.count)
        for (arrival, position) in arrivals {
            kept[arrival] = headlines[arrival] ?? Screen.headline(timeline.events[position], width: width)
        }
        headlines = kept
    }

    /// The prepared headline of the event at `position`, if it was prepared for `width`.
    func preparedHeadline(at position: Int, width: Int) -> String? {
        width == headlineWidth ? headlines[timeline.chronological[position]] : nil
    }
}
