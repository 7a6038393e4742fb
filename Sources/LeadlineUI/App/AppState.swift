import Foundation
import LeadlineKit

/// The three panes, left to right.
public enum Pane: Int, CaseIterable, Sendable {
    case leads, timeline, detail
}

/// Everything the screen shows, as a value. Events change it (``AppState/handle(_:)``); the
/// screen is drawn from it alone (``Screen/render(_:)``).
public struct AppState: Sendable {
    public var width: Int
    public var height: Int
    public var focus: Pane = .leads
    public var leads: LeadListState
    public var timeline: TimelineState?
    public var detail = DetailState()
    public var overlay: Overlay?
    public var status: StatusMessage?
    public var spinnerFrame = 0
    /// The wall clock as of the last tick, for relative times and expiring messages.
    public var now: Date
    public var timeZone: TimeZone
    public var keyMap: KeyMap
    public var theme: Theme
    /// The theme's name, as configured or restored; saved with the view on quit.
    public var themeName: String
    /// The `:` prompt while it is open: a lead REF, phone or email to jump to.
    public var prompt: TextInput?
    /// A saved view still being restored: its lead is selected once a page lists it.
    var pendingRestore: SavedView?
    /// False until the user picks a row (key, click, jump) or a saved lead is restored: until
    /// then the top row stays selected while pages arrive and the sort reorders the list.
    var selectionChosen = false
    /// Set once `q` is pressed; the runner then restores the terminal and exits.
    public var wantsQuit = false
    /// Increases with every timeline request, so late answers for an abandoned one are ignored.
    var timelineGeneration = 0
    /// Timelines replaced since the last frame, freed by ``dropRetired()``.
    var retired: [TimelineState] = []

    /// The state at start-up: an empty list that will fill from `sources`.
    public init(
        sources: [String], width: Int, height: Int, now: Date = Date(), timeZone: TimeZone = .current,
        keyMap: KeyMap = .standard, theme: Theme = .standard, themeName: String = "default"
    ) {
        self.width = width
        self.height = height
        self.now = now
        self.timeZone = timeZone
        self.keyMap = keyMap
        self.theme = theme
        self.themeName = themeName
        leads = LeadListState(sources: sources)
    }

    /// True while anything is loading, for the spinner.
    public var isLoading: Bool {
        !leads.loadingSources.isEmpty || timeline?.isLoading == true
    }
}

/// A line of text being typed (a `/` filter).
public struct TextInput: Sendable, Equatable {
    public var text = ""
    /// True while keys go into the text rather than to commands.
    public var isEditing = false
}

/// The lead list: persons merged across sources, loaded page by page.
///
/// Persons are kept by their ``PersonDirectory`` slot. The sort order and the search text are
/// kept per slot too and updated only for the slots a page touched, so neither a page nor a
/// keystroke costs work for every person loaded.
public struct LeadListState: Sendable {
    public private(set) var directory = PersonDirectory()
    /// Slots of the persons that pass the filter, in display order.
    public private(set) var visible: [Int] = []
    public var filter = TextInput()
    public var sort = LeadSort.recent {
        didSet {
            if sort != oldValue {
                sortedOrder = nil
                sortKeys = []
            }
        }
    }
    /// Each slot's key in `sort`, worked out once: comparing names folds case and accents.
    var sortKeys: [SortKey?] = []
    /// Every occupied slot in `sort` order. Kept up to date page by page (a page's persons are
    /// merged in), and sorted again only when the sort changes.
    private var sortedOrder: [Int]?
    /// Each slot's lower-cased name, phone, email and company, for the `/` filter.
    private var searchIndex = TextIndex()
    /// The `/` filter's results by slot, kept while the filter is typed.
    private var search = IncrementalSearch()
    /// The filter text `visible` was filtered for while the list and its order stayed the same,
    /// so a longer text filters `visible` rather than every person; nil once either changed.
    private var visibleFilterText: String?
    /// Persons whose last activity changed since they were sorted; re-placed with the next page.
    private var stalePlacement: Set<Int> = []
    public var selected = 0
    public var scroll = 0
    /// Source names in configured order.
    public let sources: [String]
    /// The next cursor per source; a source with no entry has not been asked yet, one whose
    /// entry is nil has no more pages.
    public var cursors: [String: String?] = [:]
    public var loadingSources: Set<String> = []
    /// Sources whose listing failed, with the message, so the user can retry with `R`.
    public var failures: [String: String] = [:]
    /// The latest event time seen for a person (by person id), for the "last activity" column.
    public private(set) var lastActivity: [String: Date] = [:]
    /// The rows on screen, drawn for `rowFormat`, by slot.
    var rows: [Int: LeadRowText] = [:]
    var rowFormat: RowFormat?

    init(sources: [String]) {
        self.sources = sources
    }

    /// How many persons are loaded.
    public var personCount: Int { directory.personCount }

    /// The person in a slot listed in `visible`.
    public func person(_ slot: Int) -> Person {
        directory.person(inSlot: slot)!
    }

    /// The selected person, if the list is not empty.
    public var selectedPerson: Person? {
        visible.indices.contains(selected) ? person(visible[selected]) : nil
    }

    /// Every loaded person's leads, in list order of arrival.
    public var allLeads: some Sequence<Lead> {
        (0..<directory.slotCount).lazy.compactMap { directory.person(inSlot: $0) }.flatMap(\.leads)
    }

    /// Sources that have more pages and are not loading one now.
    var sourcesWithMore: [String] {
        sources.filter { source in
            !loadingSources.contains(source) && failures[source] == nil && (cursors[source] == nil || cursors[source]! != nil)
        }
    }

    /// Records that `person` was active at `date`, for the list's age column and `recent` order.
    mutating func noteActivity(of person: Person, at date: Date) {
        let latest = max(date, lastActivity[person.id] ?? date)
        guard lastActivity[person.id] != latest else { return }
        lastActivity[person.id] = latest
        if let slot = directory.slot(containing: person.id) { stalePlacement.insert(slot) }
    }

    /// Gives back the storage the list grew beyond its persons; for when every page is in.
    mutating func releaseSpareCapacity() {
        directory.releaseSpareCapacity()
        searchIndex.releaseSpareCapacity()
        visible.releaseSpareCapacity()
        sortKeys.releaseSpareCapacity()
    }

    /// Adds a page of leads, keeping the selected person selected.
    mutating func add(_ leads: [Lead]) {
        let selectedRef = selectedPerson?.id
        // The screen never shows a lead's vendor details (only `leads --format json` prints
        // them); with 100,000s of leads they would be most of the list's memory.
        let changes = directory.add(leads.lazy.map { lead in
            var listed = lead
            listed.details = []
            return listed
        })
        for slot in changes.updated {
            searchIndex.set(slot, fields: Self.searchFields(person(slot)))
            rows[slot] = nil
        }
        for slot in changes.emptied {
            searchIndex.remove(slot)
            rows[slot] = nil
        }
        for slot in changes.updated + changes.emptied + stalePlacement where slot < sortKeys.count { sortKeys[slot] = nil }
        if var order = sortedOrder {
            var moved = changes.updated + stalePlacement.filter { directory.person(inSlot: $0) != nil }
            moved = Array(Set(moved)).sorted()
            var leaving = [Bool](repeating: false, count: directory.slotCount)
            for slot in moved + changes.emptied + stalePlacement { leaving[slot] = true }
            order.removeAll { leaving[$0] }
            sortedOrder = merged(order, ordered(moved))
        }
        stalePlacement = []
        search.reset()
        visibleFilterText = nil
        applyFilter(keeping: selectedRef)
    }

    /// Recomputes `visible` for the current filter, keeping the person with the lead `ref`
    /// (by default the selected one) selected if they are still shown.
    mutating func applyFilter(keeping ref: String? = nil) {
        let keep = (ref ?? selectedPerson?.id).flatMap { directory.slot(containing: $0) }
        let order: [Int]
        if let sortedOrder {
            order = sortedOrder
        } else {
            order = ordered(Array((0..<directory.slotCount).filter { directory.person(inSlot: $0) != nil }))
            sortedOrder = order
            stalePlacement = []
            visibleFilterText = nil
        }
        visible = filtered(order)
        if let keep, let index = visible.firstIndex(of: keep) {
            selected = index
        } else {
            selected = min(selected, max(0, visible.count - 1))
        }
    }

    /// The slots of `order` that pass the filter.
    private mutating func filtered(_ order: [Int]) -> [Int] {
        var search = self.search
        let matches = search.matches(filter.text, in: searchIndex) { query, slot in
            query.matches(Self.searchFields(person(slot)))
        }
        self.search = search
        let shown = visibleFilterText.map { !$0.isEmpty && filter.text.hasPrefix($0) } == true ? visible : order
        visibleFilterText = filter.text
        guard let matches else { return order }
        return shown.filter { matches[$0] }
    }

    /// Selects the person with a lead of this REF, clearing the filter if it hides them;
    /// false when no loaded person has it.
    mutating func select(ref: String) -> Bool {
        guard let slot = directory.slot(containing: ref) else { return false }
        if !visible.contains(slot) {
            filter = TextInput()
            applyFilter()
        }
        guard let position = visible.firstIndex(of: slot) else { return false }
        selected = position
        return true
    }

    /// The text a `/` search looks in: each lead's name, phone, email and company, each distinct
    /// text once. A person's leads at several vendors mostly repeat one name, phone and email,
    /// and the index of 100,000s of persons is a large part of the list's memory.
    static func searchFields(_ person: Person) -> [String] {
        var seen = Set<String>()
        return person.leads.flatMap { [$0.name, $0.phone ?? "", $0.email ?? "", $0.company ?? ""] }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

/// The selected person's timeline.
///
/// Besides the events it keeps, per event (by arrival number, see ``Timeline``), the facts a
/// redraw or a filter needs: channel, local day and minute, and lower-cased search text. They are
/// worked out once when the event arrives, so changing a filter is one pass over small arrays.
public struct TimelineState: Sendable {
    /// One line of the timeline pane.
    public enum Line: Sendable, Equatable {
        /// The start of a day: days since 1970-01-01 in the display time zone.
        case day(Int)
        /// An event, by index into `timeline.events`.
        case event(Int)
    }

    public var person: Person
    public private(set) var timeline = Timeline()
    public var channels = Set(Channel.allCases)
    public var filter = TextInput()
    public var order = TimelineOrder.oldestFirst
    /// Display lines: day separators and events that pass the filters, in order.
    public private(set) var lines: [Line] = []
    /// Indices into `lines` of the event lines, for moving the selection event by event.
    public private(set) var eventLines: [Int] = []
    /// Index into `eventLines`.
    public var selected = 0
    public var scroll = 0
    /// REFs of the leads whose histories are still loading.
    public var loading: Set<String>
    /// Sources that failed, with the message.
    public var failures: [String: String] = [:]
    let generation: Int

    /// Per arrival number: the channel's index in `Channel.allCases`, the local day (days since
    /// 1970-01-01) and the local minute of the day, in `localTimeZone`.
    private var channelCodes: [UInt8] = []
    private var localDays: [Int32] = []
    private var localMinutes: [Int16] = []
    private var localTimeZone: TimeZone?
    /// Each event's lower-cased search text, by arrival number.
    private var searchIndex = TextIndex()
    /// The `/` filter's results by arrival number, kept while the filter is typed.
    private var search = IncrementalSearch()
    /// The rows of the events on screen after their time (``Screen/eventCells(_:width:theme:)``),
    /// drawn for `rowFormat`, by arrival number.
    var rows: [Int: ArraySlice<Cell>] = [:]
    var rowFormat: RowFormat?

    /// The list's lead numbers of ``person`` (``PersonDirectory/leadNumbersSorted(inSlot:)``)
    /// when it was opened from the list: while the selected slot has the same, the selection is
    /// still on this person.
    var members: [Int32]?

    init(person: Person, generation: Int) {
        self.person = person
        self.generation = generation
        loading = Set(person.leads.map(\.ref))
    }

    public var isLoading: Bool { !loading.isEmpty }

    /// Gives back the storage the timeline grew beyond its events; for when every source is in.
    mutating func releaseSpareCapacity() {
        timeline.releaseSpareCapacity()
        searchIndex.releaseSpareCapacity()
        channelCodes.releaseSpareCapacity()
        localDays.releaseSpareCapacity()
        localMinutes.releaseSpareCapacity()
        lines.releaseSpareCapacity()
        eventLines.releaseSpareCapacity()
    }

    /// The sources still loading, for the status line.
    public var loadingSources: [String] {
        person.leads.filter { loading.contains($0.ref) }.map(\.source)
    }

    /// The selected event, if any is shown.
    public var selectedEvent: TimelineEvent? {
        selectedPosition.map { timeline.events[$0] }
    }

    /// The selected event's index into `timeline.events`.
    private var selectedPosition: Int? {
        guard eventLines.indices.contains(selected), case .event(let position) = lines[eventLines[selected]] else { return nil }
        return position
    }

    /// The local time of the event at `position` in `timeline.events`, as "HH:MM".
    public func localTime(ofEventAt position: Int) -> String {
        let minute = Int(localMinutes[timeline.chronological[position]])
        let (hours, minutes) = (minute / 60, minute % 60)
        return (hours < 10 ? "0" : "") + String(hours) + (minutes < 10 ? ":0" : ":") + String(minutes)
    }

    /// Takes over another state's events, filters and order (the same person gained a lead, or
    /// a refresh keeps what is on screen until new answers replace it).
    mutating func carryOver(from old: TimelineState, timeZone: TimeZone) {
        timeline = old.timeline
        channelCodes = old.channelCodes
        localDays = old.localDays
        localMinutes = old.localMinutes
        localTimeZone = old.localTimeZone
        searchIndex = old.searchIndex
        channels = old.channels
        order = old.order
        filter = old.filter
        rebuild(timeZone: timeZone)
    }

    /// Adds a page of events, keeping the selected event selected.
    mutating func merge(_ events: [TimelineEvent], timeZone: TimeZone) {
        let keep = selectedPosition.map { timeline.chronological[$0] }
        let touched = timeline.merge(events)
        for arrival in touched { rows[arrival] = nil }
        if localTimeZone == timeZone { describe(touched, timeZone: timeZone) }
        search.reset()
        relayout(keeping: keep, timeZone: timeZone)
    }

    /// Rebuilds the display lines after a filter or the order changed, keeping the selected
    /// event selected when it is still shown.
    mutating func rebuild(timeZone: TimeZone) {
        relayout(keeping: selectedPosition.map { timeline.chronological[$0] }, timeZone: timeZone)
    }

    private mutating func relayout(keeping keep: Int?, timeZone: TimeZone) {
        if localTimeZone != timeZone {
            localTimeZone = timeZone
            channelCodes = []
            localDays = []
            localMinutes = []
            describe(Array(timeline.arrived.indices), timeZone: timeZone)
        }
        let matches = searchMatches()
        var shown = [Bool](repeating: false, count: Channel.allCases.count)
        for (code, channel) in Channel.allCases.enumerated() { shown[code] = channels.contains(channel) }
        let chronological = timeline.chronological
        let count = chronological.count
        var newLines: [Line] = []
        var newEventLines: [Int] = []
        // Reserved once (every event, and day lines, far fewer): this runs on every filter key.
        newLines.reserveCapacity(count + count / 8 + 16)
        newEventLines.reserveCapacity(count)
        var kept: Int?
        var currentDay = Int32.min
        let order = order
        chronological.withUnsafeBufferPointer { chronological in
            channelCodes.withUnsafeBufferPointer { channelCodes in
                localDays.withUnsafeBufferPointer { localDays in
                    for step in 0..<count {
                        let position = order == .oldestFirst ? step : count - 1 - step
                        let arrival = chronological[position]
                        guard shown[Int(channelCodes[arrival])], matches?[arrival] ?? true else { continue }
                        let day = localDays[arrival]
                        if day != currentDay {
                            newLines.append(.day(Int(day)))
                            currentDay = day
                        }
                        if arrival == keep { kept = newEventLines.count }
                        newEventLines.append(newLines.count)
                        newLines.append(.event(position))
                    }
                }
            }
        }
        lines = newLines
        eventLines = newEventLines
        selected = kept ?? min(selected, max(0, newEventLines.count - 1))
    }

    /// Works out the per-event facts of the events with these arrival numbers.
    private mutating func describe(_ arrivals: [Int], timeZone: TimeZone) {
        var clock = LocalClock(timeZone: timeZone)
        let count = timeline.arrived.count
        if channelCodes.count < count {
            let missing = count - channelCodes.count
            channelCodes.append(contentsOf: repeatElement(0, count: missing))
            localDays.append(contentsOf: repeatElement(0, count: missing))
            localMinutes.append(contentsOf: repeatElement(0, count: missing))
        }
        for arrival in arrivals {
            let event = timeline.arrived[arrival]
            channelCodes[arrival] = UInt8(Channel.allCases.firstIndex(of: event.channel)!)
            let (day, minute) = clock.dayAndMinute(of: event.timestamp)
            localDays[arrival] = Int32(clamping: day)
            localMinutes[arrival] = Int16(minute)
            searchIndex.set(arrival, fields: event.searchableFields)
        }
    }

    /// Which events (by arrival number) the `/` filter lets through; nil when there is none.
    private mutating func searchMatches() -> [Bool]? {
        var search = self.search
        let matches = search.matches(filter.text, in: searchIndex) { query, arrival in
            query.matches(timeline.arrived[arrival].searchableFields)
        }
        self.search = search
        return matches
    }
}

/// Local days and minutes of instants in one time zone, asking the zone for its offset only
/// when an instant falls outside the span the last answer holds for (between two transitions).
struct LocalClock {
    let timeZone: TimeZone
    private var validFrom = Date.distantFuture
    private var validUntil = Date.distantPast
    private var offset = 0

    init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// Days since 1970-01-01 and minutes since midnight, in local time.
    mutating func dayAndMinute(of date: Date) -> (day: Int, minute: Int) {
        if date < validFrom || date >= validUntil {
            offset = timeZone.secondsFromGMT(for: date)
            validFrom = date
            validUntil = timeZone.nextDaylightSavingTimeTransition(after: date) ?? .distantFuture
        }
        let seconds = date.timeIntervalSince1970 + Double(offset)
        guard seconds.isFinite, abs(seconds) < 1e15 else { return (0, 0) }
        let whole = Int(seconds.rounded(.down))
        let day = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        return (day, (whole - day * 86_400) / 60)
    }
}

/// The detail pane: the selected event, laid out for the pane's width.
public struct DetailState: Sendable {
    public var scroll = 0
    public var showRaw = false
    /// The `/` search of the pane's text; its matches are highlighted and `n`/`N` visit them.
    public var search = TextInput()
    /// Where the search text occurs in `lines`, in reading order.
    public internal(set) var matches: [DetailMatch] = []
    /// Index into `matches` of the match `n`/`N` moved to.
    public internal(set) var currentMatch = 0
    /// Set when the current match should be scrolled into view after the next layout.
    var revealMatch = false
    /// What `matches` were found for, so they are searched for once per change.
    var matchesKey: DetailSearchKey?
    /// The laid-out lines and what they were laid out for, so they are built once per change.
    var lines: [StyledLine] = []
    var layoutKey: DetailLayoutKey?
}

struct DetailSearchKey: Equatable, Sendable {
    var layout: DetailLayoutKey
    var query: String
}

struct DetailLayoutKey: Equatable, Sendable {
    var event: TimelineEvent.Key
    var width: Int
    var raw: Bool
}

/// A box drawn over the panes.
public enum Overlay: Sendable, Equatable {
    case help(scroll: Int)
    /// Choosing one of several links; `copy` says whether Enter copies instead of opening.
    case linkPicker(links: [LabeledURL], selected: Int, copy: Bool)
}

/// A message in the status line that clears itself.
public struct StatusMessage: Sendable, Equatable {
    public enum Level: Sendable, Equatable {
        case info, warning, error
    }

    public var level: Level
    public var text: String
    public var expires: Date
}
