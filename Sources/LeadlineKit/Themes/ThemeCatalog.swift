import Foundation

/// Every theme leadline can use: the shipped ones and the user's, where a user theme replaces a
/// shipped one of the same name.
///
/// Shipped themes are compiled into the program (``ShippedThemes``), so the binary works from
/// any directory. User themes are `*.toml` files in ``userDirectory(environment:)``, read once
/// when the catalog is made.
public struct ThemeCatalog: Sendable {
    /// One theme file.
    public struct Entry: Sendable, Equatable {
        /// Where a theme comes from.
        public enum Origin: Sendable, Equatable {
            case shipped
            case user
        }

        /// The theme's name, from its file name.
        public var name: String
        public var origin: Origin
        /// `themes/NAME.toml` for a shipped theme, the full path of a user's.
        public var file: String
        /// The file's text; nil when it could not be read as UTF-8.
        public var text: String?
    }

    /// The theme leadline uses when none is chosen, or when the chosen one is broken.
    public static let defaultName = "default"

    private let shipped: [String: Entry]
    private let user: [String: Entry]

    /// A catalog of the shipped themes and the `*.toml` files in `userDirectory` (nil or a
    /// missing directory: shipped themes only).
    public init(userDirectory: String?) {
        self.init(shipped: ShippedThemes.texts, userDirectory: userDirectory)
    }

    init(shipped texts: [String: String], userDirectory: String?) {
        shipped = Dictionary(uniqueKeysWithValues: texts.map { name, text in
            (name, Entry(name: name, origin: .shipped, file: "themes/\(name).toml", text: text))
        })
        var user: [String: Entry] = [:]
        if let userDirectory, let files = try? FileManager.default.contentsOfDirectory(atPath: userDirectory) {
            for file in files where file.hasSuffix(".toml") && !file.hasPrefix(".") {
                let name = String(file.dropLast(".toml".count))
                let path = (userDirectory as NSString).appendingPathComponent(file)
                let text = FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
                user[name] = Entry(name: name, origin: .user, file: path, text: text)
            }
        }
        self.user = user
    }

    /// `$XDG_CONFIG_HOME/leadline/themes`, or `~/.config/leadline/themes`.
    public static func userDirectory(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return xdg + "/leadline/themes"
        }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/leadline/themes"
    }

    /// The themes in effect: shipped ones in their usual order (a user file of the same name in
    /// its place), then the user's own, by name.
    public var entries: [Entry] {
        let shippedNames = ShippedThemes.names.filter { shipped[$0] != nil } + shipped.keys.filter { !ShippedThemes.names.contains($0) }.sorted()
        let userOnly = user.keys.filter { shipped[$0] == nil }.sorted()
        return (shippedNames + userOnly).compactMap(entry(named:))
    }

    /// The theme in effect called `name`: the user's if there is one, else the shipped one.
    public func entry(named name: String) -> Entry? {
        user[name] ?? shipped[name]
    }

    /// Whether `entry` is a user theme that takes the place of a shipped one.
    public func overridesShipped(_ entry: Entry) -> Bool {
        entry.origin == .user && shipped[entry.name] != nil
    }

    /// The theme called `name` with everything it inherits filled in.
    ///
    /// A user theme that inherits its own name (`inherit = "default"` in the user's
    /// `default.toml`) starts from the shipped theme of that name. Throws ``ThemeError`` for an
    /// unknown name, a mistake in any file of the chain, an unknown `inherit` target or a cycle.
    public func load(_ name: String) throws -> ResolvedTheme {
        guard let entry = entry(named: name) else {
            throw ThemeError(file: "", key: "theme", value: "\"\(name)\"", message: "no theme has this name (available: \(availableNames))")
        }
        let definition = try definition(of: entry)
        return ResolvedTheme(
            name: name, description: definition.description, file: entry.file,
            styles: try styles(of: entry, definition: definition, chain: []))
    }

    private var availableNames: String { entries.map(\.name).joined(separator: ", ") }

    private func definition(of entry: Entry) throws -> ThemeDefinition {
        guard let text = entry.text else {
            throw ThemeError(file: entry.file, message: "cannot read this file as UTF-8 text")
        }
        return try ThemeDefinition.parse(text, name: entry.name, file: entry.file)
    }

    private func styles(of entry: Entry, definition: ThemeDefinition, chain: [Entry]) throws -> [ThemeRole: ThemeStyle] {
        guard let parentName = definition.inherit else { return definition.styles }
        let parent: Entry
        if parentName == entry.name, entry.origin == .user, let base = shipped[parentName] {
            parent = base
        } else if let found = self.entry(named: parentName) {
            parent = found
        } else {
            throw ThemeError(
                file: entry.file, key: "inherit", value: "\"\(parentName)\"",
                message: "no theme has this name (available: \(availableNames))")
        }
        let path = chain + [entry]
        if path.contains(parent) {
            let cycle = (path + [parent]).map(\.name).joined(separator: " → ")
            throw ThemeError(file: entry.file, key: "inherit", value: "\"\(parentName)\"", message: "inherits in a circle: \(cycle)")
        }
        var styles = try self.styles(of: parent, definition: try self.definition(of: parent), chain: path)
        for (role, style) in definition.styles {
            styles[role] = (styles[role] ?? ThemeStyle()).overridden(by: style)
        }
        return styles
    }
}

/// A theme with its inherited styles filled in, ready to draw with.
public struct ResolvedTheme: Sendable, Equatable {
    public var name: String
    public var description: String?
    /// The theme's own file, for messages.
    public var file: String
    /// Every style the theme (or a theme it inherits) sets; a missing role or part is the
    /// terminal's plain look.
    public var styles: [ThemeRole: ThemeStyle]

    public init(name: String, description: String? = nil, file: String = "", styles: [ThemeRole: ThemeStyle]) {
        self.name = name
        self.description = description
        self.file = file
        self.styles = styles
    }
}
