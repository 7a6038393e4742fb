import LeadlineKit

/// Something the user can ask for with a key.
public enum Action: Hashable, Sendable {
    case quit
    case help
    case focusNext, focusPrevious, focusLeft, focusRight
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case select
    case search
    case refresh
    case reverseOrder
    case toggleRaw
    case openLink
    case copyLink
    case allChannels
    case toggleChannel(Channel)
}

/// One line of the key map: an action, the keys that do it, and what it does in words.
public struct KeyBinding: Sendable, Hashable {
    public var action: Action
    public var keys: [Key]
    public var help: String
    /// The heading the help overlay lists it under.
    public var group: String
}

/// Every key binding, in one table: the key handler, the `?` overlay and the README's key table
/// all read it, so they cannot disagree.
public struct KeyMap: Sendable {
    public var bindings: [KeyBinding]
    private var actionByKey: [Key: Action]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
        var actionByKey: [Key: Action] = [:]
        for binding in bindings {
            for key in binding.keys where actionByKey[key] == nil { actionByKey[key] = binding.action }
        }
        self.actionByKey = actionByKey
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
            bind(.search, [.character("/")], "filter the list or timeline as you type (Esc clears)", "Search"),
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
}

extension KeyMap {
    /// The key table for the README, in Markdown, generated from the bindings so the two cannot
    /// drift (a test compares it with README.md).
    public var markdownTable: String {
        var lines = ["| Keys | What they do |", "| --- | --- |"]
        var group = ""
        for binding in bindings {
            if binding.group != group {
                lines.append("| **\(binding.group)** | |")
                group = binding.group
            }
            let keys = binding.keys.map { "`\($0.description == "`" ? "``" : $0.description)`" }.joined(separator: " ")
            lines.append("| \(keys) | \(binding.help.replacingOccurrences(of: "|", with: "\\|")) |")
        }
        return lines.joined(separator: "\n")
    }
}
