/// A key as the UI understands it, independent of how the terminal reported it.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character, including space.
    case character(Character)
    /// Ctrl with a letter, as the lower-case letter (`.control("l")` is ^L).
    case control(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case tab, backTab, enter, escape, backspace, delete
    case function(Int)

    /// How the key is written in the help overlay and the README.
    public var description: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let letter): "Ctrl-\(letter.uppercased())"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .function(let number): "F\(number)"
        }
    }
}

/// A mouse action at a cell of the screen.
public struct MouseEvent: Hashable, Sendable {
    /// What the mouse did.
    public enum Action: Hashable, Sendable {
        case press
        case wheelUp
        case wheelDown
    }

    public var action: Action
    public var row: Int
    public var column: Int

    public init(_ action: Action, row: Int, column: Int) {
        self.action = action
        self.row = row
        self.column = column
    }
}

/// Why a key name in the config could not be read.
public struct KeyNameError: Error, Sendable, Equatable {
    public var reason: String
}

extension Key {
    /// Named keys as the config writes them (case-insensitive).
    private static let names: [String: Key] = [
        "space": .character(" "), "tab": .tab, "shift-tab": .backTab, "backtab": .backTab,
        "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
        "backspace": .backspace, "delete": .delete, "del": .delete,
        "up": .up, "down": .down, "left": .left, "right": .right, "↑": .up, "↓": .down, "←": .left, "→": .right,
        "home": .home, "end": .end, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
    ]

    /// Reads a key name from the config: a single character (`"q"`, `"G"`, `":"`), `ctrl-x`,
    /// `f1`…`f12`, or a named key (`tab`, `shift-tab`, `enter`, `esc`, `space`, `backspace`,
    /// `delete`, `up`, `down`, `left`, `right`, `home`, `end`, `pgup`, `pgdn`).
    public init(configName name: String) throws(KeyNameError) {
        let lower = name.lowercased()
        if let key = Self.names[lower] {
            self = key
            return
        }
        if name.count == 1, let character = name.first {
            guard !character.isWhitespace, !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw KeyNameError(reason: "not a key name (use \"space\", \"tab\", \"enter\"…)")
            }
            self = .character(character)
            return
        }
        if lower.hasPrefix("ctrl-"), lower.count == 6, let letter = lower.last, letter.isASCII, letter.isLetter {
            // The terminal sends these as other keys: ^H is Backspace, ^I Tab, ^J and ^M Enter.
            let sameAs: [Character: String] = ["h": "backspace", "i": "tab", "j": "enter", "m": "enter"]
            if let other = sameAs[letter] {
                throw KeyNameError(reason: "terminals send ctrl-\(letter) as \(other); write \"\(other)\"")
            }
            self = .control(letter)
            return
        }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...12).contains(number) {
            self = .function(number)
            return
        }
        throw KeyNameError(reason: "unknown key name (a single character, ctrl-x, f1…f12, tab, shift-tab, enter, esc, space, backspace, delete, up, down, left, right, home, end, pgup, pgdn)")
    }

    /// The key as the config writes it; `Key(configName:)` reads it back.
    public var configName: String {
        switch self {
        case .character(" "): "space"
        case .character(let character): String(character)
        case .control(let letter): "ctrl-\(letter)"
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .home: "home"
        case .end: "end"
        case .pageUp: "pgup"
        case .pageDown: "pgdn"
        case .tab: "tab"
        case .backTab: "shift-tab"
        case .enter: "enter"
        case .escape: "esc"
        case .backspace: "backspace"
        case .delete: "delete"
        case .function(let number): "f\(number)"
        }
    }
}
