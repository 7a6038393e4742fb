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
public struct LeadListState: Sendable {
    public var directory = PersonDirectory()
    public private(set) var persons: [Person] = []
    /// Indices into `persons` that pass the filter, in display order.
    public private(set) var visible: [Int] = []
    public var filter = TextInput()
    public var sort = LeadSort.recent {
        didSet { if sort != oldValue { sortedOrder = nil } }
    }
    /// Every index into `persons`, in `sort` order; sorted again only when persons arrive or the
    /// sort changes, so typing a filter costs one pass over the list, not a sort.
    private var sortedOrder: [Int]?
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
    public var lastActivity: [String: Date] = [:]

    init(sources: [String]) {
        self.sources = sources
    }

    /// The selected person, if the list is not empty.
    public var selectedPerson: Person? {
        visible.indices.contains(selected) ? persons[visible[selected]] : nil
    }

    /// Sources that have more pages and are not loading one now.
    var sourcesWithMore: [String] {
        sources.filter { source in
            !loadingSources.contains(source) && failures[source] == nil && (cursors[source] == nil || cursors[source]! != nil)
        }
    }

    /// Adds a page of leads, keeping the selected person selected.
    mutating func add(_ leads: [Lead]) {
        let selectedRefs = Set(selectedPerson?.leads.map(\.ref) ?? [])
        directory.add(leads)
        persons = directory.persons
        sortedOrder = nil
        applyFilter(keeping: selectedRefs)
    }

    /// Recomputes `visible` for the current filter, keeping the person with one of `refs`
    /// selected if they are still shown.
    mutating func applyFilter(keeping refs: Set<String>? = nil) {
        let keep = refs ?? Set(selectedPerson?.leads.map(\.ref) ?? [])
        let query = SearchQuery(filter.text)
        let order = sortedOrder ?? ordered(Array(persons.indices))
        sortedOrder = order
        visible = query.isEmpty ? order : order.filter { query.matches(Self.searchFields(persons[$0])) }
        if !keep.isEmpty, let index = visible.firstIndex(where: { persons[$0].leads.contains { keep.contains($0.ref) } }) {
            selected = index
        } else {
            selected = min(selected, max(0, visible.count - 1))
        }
    }

    /// Selects the person with a lead of this REF, clearing the filter if it hides them;
    /// false when no loaded person has it.
    mutating func select(ref: String) -> Bool {
        guard let index = persons.firstIndex(where: { $0.leads.contains { $0.ref == ref } }) else { return false }
        if !visible.contains(index) {
            filter = TextInput()
            applyFilter()
        }
        guard let position = visible.firstIndex(of: index) else { return false }
        selected = position
        return true
    }

    static func searchFields(_ person: Person) -> [String] {
        person.leads.flatMap { [$0.name, $0.phone ?? "", $0.email ?? "", $0.company ?? ""] }
    }
}

/// The selected person's timeline.
public struct TimelineState: Sendable {
    /// One line of the timeline pane.
    public enum Line: Sendable, Equatable {
        /// The start of a day (its midnight in the display time zone).
        case day(Date)
        /// An event, by index into `timeline.events`.
        case event(Int)
    }

    public var person: Person
    public var timeline = Timeline()
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

    init(person: Person, generation: Int) {
        self.person = person
        self.generation = generation
        loading = Set(person.leads.map(\.ref))
    }

    public var isLoading: Bool { !loading.isEmpty }

    /// The sources still loading, for the status line.
    public var loadingSources: [String] {
        person.leads.filter { loading.contains($0.ref) }.map(\.source)
    }

    /// The selected event, if any is shown.
    public var selectedEvent: TimelineEvent? {
        guard eventLines.indices.contains(selected), case .event(let index) = lines[eventLines[selected]] else { return nil }
        return timeline.events[index]
    }

    /// Rebuilds the display lines after events arrive or a filter changes, keeping the selected
    /// event selected when it is still shown.
    mutating func rebuild(timeZone: TimeZone) {
        let keep = selectedEvent?.key
        let query = SearchQuery(filter.text)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var newLines: [Line] = []
        var newEventLines: [Int] = []
        var currentDay: Date?
        let indices = order == .oldestFirst ? Array(timeline.events.indices) : timeline.events.indices.reversed()
        for index in indices {
            let event = timeline.events[index]
            guard channels.contains(event.channel), query.isEmpty || query.matches(event.searchableFields) else { continue }
            let day = calendar.startOfDay(for: event.timestamp)
            if day != currentDay {
                newLines.append(.day(day))
                currentDay = day
            }
            newEventLines.append(newLines.count)
            newLines.append(.event(index))
        }
        lines = newLines
        eventLines = newEventLines
        if let keep, let position = newEventLines.firstIndex(where: { line in
            if case .event(let index) = newLines[line] { return timeline.events[index].key == keep }
            return false
        }) {
            selected = position
        } else {
            selected = min(selected, max(0, newEventLines.count - 1))
        }
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
