import Foundation
internal import TOMLKit

/// One theme file as written: its own styles and the theme it inherits from, if any.
public struct ThemeDefinition: Sendable, Equatable {
    /// The theme's name: the file name without `.toml`.
    public var name: String
    /// A one-line description for `leadline themes`.
    public var description: String?
    /// The theme this one starts from (`inherit = "NAME"`).
    public var inherit: String?
    /// The styles this file sets; parts it leaves out come from `inherit`.
    public var styles: [ThemeRole: ThemeStyle]

    public init(name: String, description: String? = nil, inherit: String? = nil, styles: [ThemeRole: ThemeStyle] = [:]) {
        self.name = name
        self.description = description
        self.inherit = inherit
        self.styles = styles
    }

    /// The keys a theme file may have at the top level besides the style tables.
    static let topLevelKeys = ["name", "description", "inherit"]

    /// Parses theme TOML; every mistake is a ``ThemeError`` naming `file`, the key and the value.
    public static func parse(_ text: String, name: String, file: String) throws -> ThemeDefinition {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(file: file, message: "TOML syntax, line \(error.source.begin.line): \(error.description)")
        }
        var definition = ThemeDefinition(name: name)
        for key in table.keys.sorted() {
            let value = table[key]!
            switch key {
            case "name":
                guard let written = value.string else {
                    throw ThemeError(file: file, key: key, value: show(value), message: "expected the theme name in quotes")
                }
                guard written == name else {
                    throw ThemeError(file: file, key: key, value: show(value), message: "does not match the file name (expected \"\(name)\")")
                }
            case "description":
                guard let written = value.string else {
                    throw ThemeError(file: file, key: key, value: show(value), message: "expected a line of text in quotes")
                }
                definition.description = written
            case "inherit":
                guard let written = value.string, !written.isEmpty else {
                    throw ThemeError(file: file, key: key, value: show(value), message: "expected a theme name in quotes")
                }
                definition.inherit = written
            default:
                guard let role = ThemeRole(rawValue: key) else {
                    throw ThemeError(
                        file: file, key: key, value: show(value),
                        message: "unknown key (known: \((topLevelKeys + ThemeRole.allCases.map(\.rawValue)).joined(separator: ", ")))")
                }
                guard let styleTable = value.table else {
                    throw ThemeError(file: file, key: key, value: show(value), message: "expected a table [\(key)] with fg, bg and attrs")
                }
                definition.styles[role] = try parseStyle(styleTable, role: role, file: file)
            }
        }
        return definition
    }

    private static func parseStyle(_ table: TOMLTable, role: ThemeRole, file: String) throws -> ThemeStyle {
        var style = ThemeStyle()
        for key in table.keys.sorted() {
            let value = table[key]!
            let location = "[\(role.rawValue)] \(key)"
            switch key {
            case "fg", "bg":
                let written = value.string ?? value.int.map(String.init)
                guard let written, let color = ThemeColor(parsing: written) else {
                    throw ThemeError(
                        file: file, key: location, value: show(value),
                        message: "not a colour (use \"default\", an ANSI name such as \"bright_blue\", 0–255 or \"#rrggbb\")")
                }
                if key == "fg" { style.foreground = color } else { style.background = color }
            case "attrs":
                guard let array = value.array else {
                    throw ThemeError(file: file, key: location, value: show(value), message: "expected a list such as [\"bold\", \"underline\"]")
                }
                var attributes: [ThemeAttribute] = []
                for element in array {
                    guard let attribute = element.string.flatMap(ThemeAttribute.init(rawValue:)) else {
                        throw ThemeError(
                            file: file, key: location, value: show(element),
                            message: "not an attribute (one of: \(ThemeAttribute.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    if !attributes.contains(attribute) { attributes.append(attribute) }
                }
                style.attributes = attributes
            default:
                throw ThemeError(file: file, key: location, value: show(value), message: "unknown key (known: fg, bg, attrs)")
            }
        }
        return style
    }

    /// A value as the user wrote it, near enough: strings quoted, the rest as TOML prints it.
    private static func show(_ value: any TOMLValueConvertible) -> String {
        if let string = value.string { return "\"\(string)\"" }
        if let int = value.int { return String(int) }
        return value.debugDescription
    }
}
