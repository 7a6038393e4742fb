import Foundation
import LeadlineKit

/// What the screen looked at when the user quit, restored on the next start: the selected lead,
/// the timeline's channel filter and order, the list's sort, and the theme's name.
///
/// Stored as JSON by ``SavedViewStore``. Every field is optional, so a file from another version
/// restores what it can.
public struct SavedView: Codable, Sendable, Equatable {
    /// A REF of the selected person's first lead.
    public var lead: String?
    /// The channels shown (`Channel` raw values); nil or absent means all.
    public var channels: [String]?
    /// `"oldest"` or `"newest"` first.
    public var order: String?
    /// A ``LeadSort`` raw value.
    public var sort: String?
    /// The theme's name, for the theme loader.
    public var theme: String?
    /// Which sources `lead` belongs to (the demo, or a config file), so it is only looked for
    /// among the same ones.
    public var workspace: String?

    public init(
        lead: String? = nil, channels: [String]? = nil, order: String? = nil, sort: String? = nil, theme: String? = nil,
        workspace: String? = nil
    ) {
        self.workspace = workspace
        self.lead = lead
        self.channels = channels
        self.order = order
        self.sort = sort
        self.theme = theme
    }

    /// The channels as a set, nil when all (or none recognised).
    var channelSet: Set<Channel>? {
        let set = Set((channels ?? []).compactMap(Channel.init(rawValue:)))
        return set.isEmpty ? nil : set
    }

    var timelineOrder: TimelineOrder? {
        switch order {
        case "oldest": .oldestFirst
        case "newest": .newestFirst
        default: nil
        }
    }
}

extension AppState {
    /// The view to save on quit.
    public var savedView: SavedView {
        let all = Set(Channel.allCases)
        let channels = timeline.map(\.channels).flatMap { $0 == all ? nil : $0.map(\.rawValue).sorted() }
        return SavedView(
            lead: (timeline?.person ?? leads.selectedPerson)?.id,
            channels: channels,
            order: timeline.map { $0.order == .newestFirst ? "newest" : "oldest" },
            sort: leads.sort.rawValue,
            theme: themeName)
    }

    /// Restores a saved view: the sort and theme name now, the lead (and its timeline's channels
    /// and order) once a page of the list holds it.
    public mutating func restore(_ view: SavedView) {
        if let sort = view.sort.flatMap(LeadSort.init(rawValue:)) {
            leads.sort = sort
            leads.applyFilter()
        }
        if let theme = view.theme, !theme.isEmpty { themeName = theme }
        if view.lead != nil { pendingRestore = view }
    }
}

/// Reads and writes the saved view at `$XDG_STATE_HOME/leadline/state.json` (default
/// `~/.local/state/leadline/state.json`).
public struct SavedViewStore: Sendable {
    public var path: String

    public init(path: String) {
        self.path = path
    }

    /// The store at the default path for `environment`.
    public init(environment: [String: String]) {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            path = state + "/leadline/state.json"
        } else {
            path = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state/leadline/state.json"
        }
    }

    /// The saved view, nil when there is none yet. A file that cannot be read or decoded gives a
    /// warning instead: a lost view must never stop leadline from starting.
    public func load() -> (view: SavedView?, warning: String?) {
        guard FileManager.default.fileExists(atPath: path) else { return (nil, nil) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, "Could not read the saved view \(path); starting fresh.")
        }
        do {
            return (try JSONDecoder().decode(SavedView.self, from: data), nil)
        } catch {
            return (nil, "Ignored the saved view \(path): not valid JSON; starting fresh.")
        }
    }

    /// Writes `view`, replacing the file in one step (a crash never leaves half a file).
    public func save(_ view: SavedView) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(view).write(to: url, options: .atomic)
    }
}
