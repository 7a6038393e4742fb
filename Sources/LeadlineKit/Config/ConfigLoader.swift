import Foundation
internal import TOMLKit

/// Reads `config.toml` (DESIGN §3) into a ``Config``, refusing anything it does not understand.
///
/// Every error names the file, the line and the key, so a typo is found without guessing.
public enum ConfigLoader {
    /// `$XDG_CONFIG_HOME/leadline/config.toml`, or `~/.config/leadline/config.toml`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return xdg + "/leadline/config.toml"
        }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/leadline/config.toml"
    }

    /// Loads the config at `path`.
    public static func load(path: String, environment: [String: String]) throws -> Config {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the config file" : "no config file here"
            throw ConfigError(location: path, message: reason)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(location: path, message: "the config file is not UTF-8 text")
        }
        return try parse(text, file: path, environment: environment)
    }

    /// Parses config text; `file` is used in messages and to resolve nothing else.
    public static func parse(_ text: String, file: String, environment: [String: String]) throws -> Config {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(location: "\(file):\(error.source.begin.line)", message: "TOML syntax: \(error.description)")
        }
        let locator = KeyLocator(text: text, file: file, home: environment["HOME"])
        var config = Config(file: file)

        for key in table.keys {
            let value = table[key]!
            switch key {
            case "theme":
                guard let theme = value.string, !theme.isEmpty else {
                    throw locator.error(key, nil, "theme = \(value.debugDescription): expected a theme name in quotes")
                }
                config.theme = theme
            case "opener":
                guard let array = value.array, !array.isEmpty,
                      case let words = array.compactMap({ $0.string }), words.count == array.count, !words[0].isEmpty
                else {
                    throw locator.error(key, nil, "opener = \(value.debugDescription): expected a list of strings such as [\"xdg-open\", \"{url}\"]")
                }
                config.opener = words
            case "mouse":
                guard let mouse = value.bool else {
                    throw locator.error(key, nil, "mouse = \(value.debugDescription): expected true or false")
                }
                config.mouse = mouse
            case "timezone":
                guard let name = value.string, let zone = TimeZone(identifier: name) else {
                    throw locator.error(key, nil, "timezone = \(value.debugDescription): unknown time zone (expected a name such as \"Europe/Berlin\" or \"UTC\")")
                }
                config.timeZone = zone
            case "keys":
                guard let keys = value.table else {
                    throw locator.error(key, nil, "keys must be written as a [keys] table of action = \"key\" lines")
                }
                config.keys = try parseKeys(keys, locator: locator)
            case "source":
                guard let array = value.array else {
                    throw locator.error(key, nil, "source must be written as [[source]] tables")
                }
                for (index, element) in array.enumerated() {
                    guard let sourceTable = element.table else {
                        throw locator.error(key, nil, "source must be written as [[source]] tables")
                    }
                    let source = try parseSource(sourceTable, index: index, locator: locator)
                    if config.sources.contains(where: { $0.name == source.name }) {
                        throw locator.error("name", index, "name = \"\(source.name)\": another source already has this name")
                    }
                    config.sources.append(source)
                }
            default:
                throw locator.error(key, nil, "unknown key '\(key)' (known: theme, opener, mouse, timezone, [keys], [[source]])")
            }
        }
        return config
    }

    /// The `[keys]` table in file order; names are checked by the UI, which knows them.
    private static func parseKeys(_ table: TOMLTable, locator: KeyLocator) throws -> [KeyOverride] {
        var overrides: [KeyOverride] = []
        for action in table.keys {
            let value = table[action]!
            let location = locator.location(action, table: "keys")
            let keys: [String]
            if let key = value.string {
                keys = key.isEmpty ? [] : [key]
            } else if let array = value.array, case let names = array.compactMap({ $0.string }), names.count == array.count,
                      names.allSatisfy({ !$0.isEmpty }) {
                keys = names
            } else {
                throw ConfigError(location: location, message: "[keys] \(action) = \(value.debugDescription): expected a key name in quotes, a list of them, or \"\" to disable")
            }
            overrides.append(KeyOverride(action: action, keys: keys, location: location))
        }
        // TOMLKit's tables do not keep file order; messages read best in it.
        return overrides.sorted { locator.lineNumber(ofKey: $0.action, table: "keys") ?? 0 < locator.lineNumber(ofKey: $1.action, table: "keys") ?? 0 }
    }

    private static func parseSource(_ table: TOMLTable, index: Int, locator: KeyLocator) throws -> SourceConfig {
        func string(_ key: String) throws -> String? {
            guard let value = table[key] else { return nil }
            guard let text = value.string else {
                throw locator.error(key, index, "\(key) = \(value.debugDescription): expected a string in quotes")
            }
            return text
        }
        let known = ["name", "kind", "base_url", "secret_env", "secret_file", "outbound_ids"]
        for key in table.keys where !known.contains(key) {
            throw locator.error(key, index, "unknown key '\(key)' in [[source]] (known: \(known.joined(separator: ", ")))")
        }
        guard let name = try string("name") else {
            throw locator.error(nil, index, "this [[source]] has no name")
        }
        guard !name.isEmpty, !name.contains(":"), !name.contains(where: \.isWhitespace) else {
            throw locator.error("name", index, "name = \"\(name)\": a source name must be non-empty, without spaces or ':'")
        }
        guard let kindText = try string("kind") else {
            throw locator.error(nil, index, "source '\(name)' has no kind (one of: \(SourceKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard let kind = SourceKind(rawValue: kindText) else {
            throw locator.error("kind", index, "kind = \"\(kindText)\": unknown kind (one of: \(SourceKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        var baseURL: URL?
        if let text = try string("base_url") {
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
                  scheme == "http" || scheme == "https", url.host?.isEmpty == false,
                  url.query == nil, url.fragment == nil
            else {
                throw locator.error("base_url", index, "base_url = \"\(text)\": expected an http(s) URL such as \(kind.defaultBaseURL.absoluteString)")
            }
            baseURL = url
        }
        let credential: SourceConfig.CredentialLocation
        switch (try string("secret_env"), try string("secret_file")) {
        case (let variable?, nil):
            guard !variable.isEmpty, variable.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw locator.error("secret_env", index, "secret_env = \"\(variable)\": expected an environment variable name")
            }
            credential = .environment(variable)
        case (nil, let path?):
            guard !path.isEmpty else { throw locator.error("secret_file", index, "secret_file is empty") }
            credential = .file(locator.expandingHome(path))
        case (nil, nil):
            throw locator.error(nil, index, "source '\(name)' needs secret_env or secret_file for its credential")
        case (_?, _?):
            throw locator.error("secret_file", index, "source '\(name)' has both secret_env and secret_file; keep one")
        }
        var outboundIDs: [String] = []
        if let value = table["outbound_ids"] {
            guard let array = value.array, case let ids = array.compactMap({ $0.string }), ids.count == array.count,
                  ids.allSatisfy({ !$0.isEmpty })
            else {
                throw locator.error("outbound_ids", index, "outbound_ids = \(value.debugDescription): expected a list of outbound ids in quotes")
            }
            guard kind == .nlpearl else {
                throw locator.error("outbound_ids", index, "outbound_ids only applies to kind \"nlpearl\"")
            }
            outboundIDs = ids
        }
        return SourceConfig(
            name: name, kind: kind, baseURL: baseURL, credential: credential, outboundIDs: outboundIDs,
            origin: locator.location(nil, index))
    }
}

/// Finds the line a key is on, because TOMLKit's parsed tables do not keep source positions.
///
/// It only needs to be right for the config's simple shape: top-level keys before the first
/// table header, and keys inside the Nth `[[source]]`.
private struct KeyLocator {
    let lines: [Substring]
    let file: String
    let home: String?

    init(text: String, file: String, home: String?) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        self.file = file
        self.home = home
    }

    /// `file:line` of `key` (or of the table header when `key` is nil) in the top level
    /// (`sourceIndex` nil) or the Nth `[[source]]`.
    func location(_ key: String?, _ sourceIndex: Int?) -> String {
        guard let line = lineNumber(of: key, sourceIndex: sourceIndex) else { return file }
        return "\(file):\(line)"
    }

    /// `file:line` of `key` inside the single table `[table]`.
    func location(_ key: String, table: String) -> String {
        guard let line = lineNumber(ofKey: key, table: table) else { return file }
        return "\(file):\(line)"
    }

    /// The line of `key` inside `[table]`, if it can be found.
    func lineNumber(ofKey key: String, table: String) -> Int? {
        guard let header = lines.firstIndex(where: { $0.filter { $0 != " " && $0 != "\t" }.hasPrefix("[\(table)]") }) else { return nil }
        let end = lines[(header + 1)...].firstIndex(where: isHeader) ?? lines.count
        return line(of: key, in: (header + 1)..<end)
    }

    func error(_ key: String?, _ sourceIndex: Int?, _ message: String) -> ConfigError {
        ConfigError(location: location(key, sourceIndex), message: message)
    }

    func expandingHome(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home else { return path }
        return home + path.dropFirst()
    }

    private func lineNumber(of key: String?, sourceIndex: Int?) -> Int? {
        var start = 0
        var end = lines.count
        if let sourceIndex {
            let headers = lines.indices.filter { isSourceHeader(lines[$0]) }
            guard sourceIndex < headers.count else { return nil }
            start = headers[sourceIndex]
            end = lines[(start + 1)...].firstIndex(where: isHeader) ?? lines.count
            guard key != nil else { return start + 1 }
            start += 1
        } else {
            end = lines.firstIndex(where: isHeader) ?? lines.count
            if key == "source" { return lines.firstIndex(where: isSourceHeader).map { $0 + 1 } }
        }
        guard let key else { return nil }
        return line(of: key, in: start..<end)
    }

    /// The 1-based line among `range` that assigns `key`.
    private func line(of key: String, in range: Range<Int>) -> Int? {
        for index in range {
            let line = lines[index].drop { $0 == " " || $0 == "\t" }
            let bare = line.hasPrefix("\"") ? line.dropFirst() : line
            if bare.hasPrefix(key) {
                let rest = bare.dropFirst(key.count).drop { $0 == "\"" || $0 == " " || $0 == "\t" }
                if rest.hasPrefix("=") { return index + 1 }
            }
        }
        return nil
    }

    private func isHeader(_ line: Substring) -> Bool {
        line.drop { $0 == " " || $0 == "\t" }.hasPrefix("[")
    }

    private func isSourceHeader(_ line: Substring) -> Bool {
        line.filter { $0 != " " && $0 != "\t" }.hasPrefix("[[source]]")
    }
}
