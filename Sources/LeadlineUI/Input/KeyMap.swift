import LeadlineKit

/// Something the user can ask for with a key.
public enum Action: Hashable, Sendable {
    case quit
    case help
    case focusNext, focusPrevious, focusLeft, focusRight
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case select
    case search
    case searchNext, searchPrevious
    case jump
    case cycleSort
    case refresh
    case reverseOrder
    case toggleRaw
    case openLink
    case copyLink
    case allChannels
    case toggleChannel(Channel)

    /// The action's stable name in the config's `[keys]` table (`refresh = "ctrl-r"`).
    public var configName: String {
        switch self {
        case .quit: "quit"
        case .help: "help"
        case .focusNext: "focus_next"
        case .focusPrevious: "focus_previous"
        case .focusLeft: "focus_left"
        case .focusRight: "focus_right"
        case .moveUp: "move_up"
        case .moveDown: "move_down"
        case .pageUp: "page_up"
        case .pageDown: "page_down"
        case .top: "top"
        case .bottom: "bottom"
        case .select: "select"
        case .search: "search"
        case .searchNext: "search_next"
        case .searchPrevious: "search_previous"
        case .jump: "jump"
        case .cycleSort: "sort"
        case .refresh: "refresh"
        case .reverseOrder: "reverse_order"
        case .toggleRaw: "toggle_raw"
        case .openLink: "open_link"
        case .copyLink: "copy_link"
        case .allChannels: "all_channels"
        case .toggleChannel(let channel): "channel_\(channel.rawValue)"
        }
    }
}

/// One line of the key map: an action, the keys that do it, and what it does in words.
public struct KeyBinding: Sendable, Hashable {
    public var action: Action
    /// The keys, first the one hints show; empty when the user disabled the action.
    public var keys: [Key]
    public var help: String
    /// The heading the help overlay lists it under.
    public var group: String

    /// The keys as the help overlay writes them (`j ↓`), or a dash for an unbound action.
    public var keysLabel: String {
        keys.isEmpty ? "—" : keys.map(\.description).joined(separator: " ")
    }
}

/// Every key binding, in one table: the key handler, the `?` overlay, the status-line hints and
/// the README's key table all read it, so they cannot disagree.
public struct KeyMap: Sendable {
    public private(set) var bindings: [KeyBinding]
    private var actionByKey: [Key: Action]
    /// The status line's key hints, widest first; built once per key map, not per frame.
    public private(set) var hints: [String] = []

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
        var actionByKey: [Key: Action] = [:]
        for binding in bindings {
            for key in binding.keys where actionByKey[key] == nil { actionByKey[key] = binding.action }
        }
        self.actionByKey = actionByKey
        hints = makeHints()
    }

    /// The action bound to `key`, if any.
    public func action(for key: Key) -> Action? { actionByKey[key] }

    /// The first key bound to `action`, for hints.
    public func key(for action: Action) -> Key? { bindings.first { $0.action == action }?.keys.first }

    /// leadline's bindings.
    public static let standard: KeyMap = {
        func bind(_ action: Action, _ keys: [Key], _ help: String, _ group: String) -> KeyBinding {
            KeyBinding(action: action, keys: keys, help: help, group: group)
        }
        let channelKeys: [(Channel, Character, Character)] = [
            (.call, "c", "1"), (.whatsapp, "w", "2"), (.email, "e", "3"),
            (.sms, "s", "4"), (.chat, "t", "5"), (.system, "m", "6"),
        ]
        var bindings = [
            bind(.moveDown, [.character("j"), .down], "move down", "Move"),
            bind(.moveUp, [.character("k"), .up], "move up", "Move"),
            bind(.pageDown, [.pageDown, .control("d")], "page down", "Move"),
            bind(.pageUp, [.pageUp, .control("u")], "page up", "Move"),
            bind(.top, [.character("g"), .home], "first item", "Move"),
            bind(.bottom, [.character("G"), .end], "last item", "Move"),
            bind(.focusNext, [.tab], "next pane", "Panes"),
            bind(.focusPrevious, [.backTab], "previous pane", "Panes"),
            bind(.focusLeft, [.character("h"), .left], "pane to the left", "Panes"),
            bind(.focusRight, [.character("l"), .right], "pane to the right", "Panes"),
            bind(.select, [.enter], "open the selected lead or event", "Panes"),
            bind(.search, [.character("/")], "filter list or timeline, or find in detail (Esc clears)", "Search"),
            bind(.searchNext, [.character("n")], "next match in the detail pane", "Search"),
            bind(.searchPrevious, [.character("N")], "previous match in the detail pane", "Search"),
            bind(.cycleSort, [.character("S")], "sort the list: recent activity, name, status", "Leads"),
            bind(.jump, [.character(":")], "jump to a lead by SOURCE:ID, phone or email", "Leads"),
            bind(.allChannels, [.character("a"), .character("0")], "all channels", "Timeline"),
        ]
        for (channel, letter, digit) in channelKeys {
            bindings.append(bind(.toggleChannel(channel), [.character(letter), .character(digit)], "toggle \(channel.displayName)", "Timeline"))
        }
        bindings += [
            bind(.reverseOrder, [.character("r")], "newest first / oldest first", "Timeline"),
            bind(.toggleRaw, [.character("J")], "raw vendor JSON of the event", "Detail"),
            bind(.openLink, [.character("o")], "open the recording or link", "Detail"),
            bind(.copyLink, [.character("y")], "copy the link (OSC 52)", "Detail"),
            bind(.refresh, [.character("R")], "reload this lead from the vendors", "General"),
            bind(.help, [.character("?")], "this help", "General"),
            bind(.quit, [.character("q")], "quit", "General"),
        ]
        return KeyMap(bindings: bindings)
    }()

    /// The status line's hints for these bindings, from the most complete to the shortest.
    private func makeHints() -> [String] {
        func key(_ action: Action) -> String? {
            guard let key = self.key(for: action) else { return nil }
            if case .character = key { return key.description }
            return key.description.lowercased()
        }
        func hint(_ parts: [String?]) -> String {
            " " + parts.compactMap { $0 }.joined(separator: " · ") + " "
        }
        let move = key(.moveDown).flatMap { down in key(.moveUp).map { "\(down)/\($0) move" } }
        let channelKeys = Channel.allCases.compactMap { key(.toggleChannel($0)) }
        let channels = channelKeys.isEmpty ? nil : channelKeys.joined(separator: "/") + " channel"
        let pane = key(.focusNext).map { "\($0) pane" }
        let search = key(.search).map { "\($0) search" }
        let open = key(.openLink).map { "\($0) open" }
        let help = key(.help).map { "\($0) help" }
        let quit = key(.quit).map { "\($0) quit" }
        return [
            hint([move, pane, channels, search, open, help, quit]),
            hint([move, pane, search, open, help, quit]),
            hint([help, quit]),
        ]
    }
}

extension KeyMap {
    /// These bindings with the config's `[keys]` changes applied.
    ///
    /// Throws a ``ConfigError`` naming the file, line, action and value for an unknown action,
    /// a key name leadline cannot read, or a key that would then do two things.
    public func applying(_ overrides: [KeyOverride]) throws -> KeyMap {
        var bindings = self.bindings
        var changedBy: [Int: KeyOverride] = [:]
        for override in overrides {
            guard let index = bindings.firstIndex(where: { $0.action.configName == override.action }) else {
                throw ConfigError(
                    location: override.location,
                    message: "[keys] unknown action '\(override.action)' (known: \(bindings.map(\.action.configName).joined(separator: ", ")))")
            }
            var keys: [Key] = []
            for name in override.keys {
                do {
                    let key = try Key(configName: name)
                    if !keys.contains(key) { keys.append(key) }
                } catch {
                    throw ConfigError(location: override.location, message: "[keys] \(override.action) = \"\(name)\": \(error.reason)")
                }
            }
            bindings[index].keys = keys
            changedBy[index] = override
        }
        var owner: [Key: Int] = [:]
        for (index, binding) in bindings.enumerated() {
            for key in binding.keys {
                guard let other = owner[key] else {
                    owner[key] = index
                    continue
                }
                // Name the line the user wrote; when both were written, the later one.
                let (blamed, kept) = changedBy[index] != nil ? (index, other) : (other, index)
                let location = changedBy[blamed]?.location ?? changedBy[kept]?.location ?? ""
                let keptName = bindings[kept].action.configName
                let hint = changedBy[kept] == nil ? " — rebind or disable \(keptName) too (\(keptName) = \"\")" : ""
                throw ConfigError(
                    location: location,
                    message: "[keys] \(bindings[blamed].action.configName) = \"\(key.configName)\": \(key.configName) is also bound to \(keptName)\(hint)")
            }
        }
        return KeyMap(bindings: bindings)
    }
}

extension KeyMap {
    /// The key table for the README, in Markdown, generated from the bindings so the two cannot
    /// drift (a test compares it with README.md).
    public var markdownTable: String {
        var lines = ["| Keys | Config name | What they do |", "| --- | --- | --- |"]
        var group = ""
        for binding in bindings {
            if binding.group != group {
                lines.append("| **\(binding.group)** | | |")
                group = binding.group
            }
            let keys = binding.keys.map { "`\($0.description == "`" ? "``" : $0.description)`" }.joined(separator: " ")
            lines.append("| \(keys) | `\(binding.action.configName)` | \(binding.help.replacingOccurrences(of: "|", with: "\\|")) |")
        }
        return lines.joined(separator: "\n")
    }
}
