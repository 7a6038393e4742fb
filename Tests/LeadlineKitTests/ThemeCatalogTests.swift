import Foundation
import Testing
@testable import LeadlineKit

@Suite("Themes: files, inheritance and mistakes")
struct ThemeCatalogTests {
    /// The repository's themes/ directory, next to Tests/.
    static let repositoryThemes = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")

    /// A fresh directory of user themes, written from `files` (name → text).
    static func userDirectory(_ files: [String: String]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leadline-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name + ".toml"), atomically: true, encoding: .utf8)
        }
        return directory.path
    }

    /// The message loading `name` fails with, given user themes `files`.
    static func failure(_ name: String, _ files: [String: String]) throws -> String? {
        let directory = try userDirectory(files)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            _ = try ThemeCatalog(userDirectory: directory).load(name)
            return nil
        } catch {
            return (error as? ThemeError)?.description.replacingOccurrences(of: directory + "/", with: "")
        }
    }

    @Test("Embedded themes match themes/*.toml byte for byte (run scripts/embed-themes.sh after editing one)")
    func embeddedCopiesMatchFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.repositoryThemes.path).filter { $0.hasSuffix(".toml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(ShippedThemes.texts.keys))
        #expect(Set(ShippedThemes.names) == Set(ShippedThemes.texts.keys))
        for file in files {
            let name = String(file.dropLast(5))
            let text = try String(contentsOf: Self.repositoryThemes.appendingPathComponent(file), encoding: .utf8)
            #expect(ShippedThemes.texts[name] == text, "ShippedThemes.swift is out of date for \(file)")
        }
    }

    @Test("At least five themes ship: default, light, high-contrast, colorblind, mono")
    func shippedNames() {
        #expect(ShippedThemes.names.starts(with: ["default", "light", "high-contrast", "colorblind", "mono"]))
        #expect(ThemeCatalog(userDirectory: nil).entries.map(\.name) == ShippedThemes.names)
    }

    @Test("Every shipped theme loads, sets every role, and describes itself", arguments: ShippedThemes.names)
    func shippedThemeLoads(name: String) throws {
        let theme = try ThemeCatalog(userDirectory: nil).load(name)
        #expect(theme.name == name)
        #expect(theme.file == "themes/\(name).toml")
        #expect(theme.description?.isEmpty == false)
        #expect(Set(theme.styles.keys) == Set(ThemeRole.allCases))
    }

    @Test("mono uses attributes only")
    func monoHasNoColours() throws {
        let theme = try ThemeCatalog(userDirectory: nil).load("mono")
        for style in theme.styles.values {
            #expect(style.foreground == nil || style.foreground == .default)
            #expect(style.background == nil || style.background == .default)
        }
        #expect(theme.styles[.selection]?.attributes?.contains(.reverse) == true)
    }

    @Test("colorblind keeps channels apart without red or green, and ok apart from error")
    func colorblindAvoidsRedGreen() throws {
        let theme = try ThemeCatalog(userDirectory: nil).load("colorblind")
        let channels: [ThemeRole] = [.channelCall, .channelWhatsApp, .channelEmail, .channelSMS, .channelChat, .channelSystem]
        let colors = channels.compactMap { theme.styles[$0]?.foreground }
        #expect(Set(colors).count == channels.count)
        // No pure ANSI red/green (1, 2, 9, 10) anywhere a meaning hangs on colour.
        let meaningful = channels + [.directionInbound, .directionOutbound, .statusOK, .statusWarn, .statusError]
        for role in meaningful {
            if case .ansi(let index)? = theme.styles[role]?.foreground { #expect(![1, 2, 9, 10].contains(index), "\(role)") }
        }
        #expect(theme.styles[.statusOK]?.foreground == .rgb(0x56, 0xb4, 0xe9))
        #expect(theme.styles[.statusError]?.foreground == .rgb(0xd5, 0x5e, 0x00))
        // It inherits the rest from default.
        #expect(theme.styles[.statusLine] == ThemeStyle(foreground: .ansi(7), background: .rgb(0x1f, 0x24, 0x30)))
    }

    @Test("Colours as written", arguments: [
        ("default", ThemeColor.default), ("black", .ansi(0)), ("white", .ansi(7)), ("bright_black", .ansi(8)),
        ("Bright_White", .ansi(15)), ("0", .indexed(0)), ("208", .indexed(208)), ("255", .indexed(255)),
        ("#1f2430", .rgb(0x1f, 0x24, 0x30)), ("#FFFFFF", .rgb(255, 255, 255)),
    ])
    func colours(text: String, color: ThemeColor) {
        #expect(ThemeColor(parsing: text) == color)
    }

    @Test("Not colours", arguments: ["", "reddish", "256", "-1", "#12345", "#1234567", "#gg0000", "rgb(1,2,3)", "bright black", "٣"])
    func notColours(text: String) {
        #expect(ThemeColor(parsing: text) == nil)
    }

    @Test("Integers work as 256-colour indexes; parts left out stay unset")
    func integersAndPartialStyles() throws {
        let definition = try ThemeDefinition.parse("[muted]\nfg = 244\n[title]\nattrs = [\"bold\", \"italic\"]\n", name: "t", file: "t.toml")
        #expect(definition.styles[.muted] == ThemeStyle(foreground: .indexed(244)))
        #expect(definition.styles[.title] == ThemeStyle(attributes: [.bold, .italic]))
    }

    @Test("Mistakes name the file, the key and the value", arguments: [
        ("[selection]\nfg = \"reddish\"\n",
         ##"broken.toml: [selection] fg = "reddish": not a colour (use "default", an ANSI name such as "bright_blue", 0–255 or "#rrggbb")"##),
        ("[selection]\nbg = 300\n",
         ##"broken.toml: [selection] bg = 300: not a colour (use "default", an ANSI name such as "bright_blue", 0–255 or "#rrggbb")"##),
        ("[title]\nattrs = [\"bold\", \"blink\"]\n",
         ##"broken.toml: [title] attrs = "blink": not an attribute (one of: bold, dim, underline, reverse, italic)"##),
        ("[title]\nattrs = \"bold\"\n",
         ##"broken.toml: [title] attrs = "bold": expected a list such as ["bold", "underline"]"##),
        ("[title]\ncolour = \"red\"\n",
         ##"broken.toml: [title] colour = "red": unknown key (known: fg, bg, attrs)"##),
        ("selection = \"red\"\n",
         ##"broken.toml: selection = "red": expected a table [selection] with fg, bg and attrs"##),
        ("name = \"other\"\n",
         ##"broken.toml: name = "other": does not match the file name (expected "broken")"##),
        ("inherit = \"nope\"\n",
         ##"broken.toml: inherit = "nope": no theme has this name (available: default, light, high-contrast, colorblind, mono, broken)"##),
    ])
    func mistakes(text: String, message: String) throws {
        #expect(try Self.failure("broken", ["broken": text]) == message)
    }

    @Test("An unknown key lists the keys a theme may have")
    func unknownTopLevelKey() throws {
        let message = try #require(try Self.failure("broken", ["broken": "[selecton]\nfg = \"red\"\n"]))
        #expect(message.hasPrefix("broken.toml: selecton = "))
        #expect(message.contains("unknown key (known: name, description, inherit, text, muted, border, border_focused,"))
        #expect(message.hasSuffix("channel_system, search_match)"))
    }

    @Test("TOML syntax errors name the file and line")
    func syntax() throws {
        let message = try #require(try Self.failure("broken", ["broken": "[text]\nfg = \"red\n"]))
        #expect(message.hasPrefix("broken.toml: TOML syntax, line 2: "))
    }

    @Test("A cycle in inherit is named with its whole circle")
    func cycles() throws {
        #expect(try Self.failure("a", ["a": "inherit = \"b\"\n", "b": "inherit = \"c\"\n", "c": "inherit = \"a\"\n"])
            == ##"c.toml: inherit = "a": inherits in a circle: a → b → c → a"##)
        #expect(try Self.failure("self", ["self": "inherit = \"self\"\n"])
            == ##"self.toml: inherit = "self": inherits in a circle: self → self"##)
    }

    @Test("A mistake in an inherited theme names that theme's file")
    func mistakeInParent() throws {
        #expect(try Self.failure("child", ["child": "inherit = \"parent\"\n", "parent": "[text]\nfg = \"#12\"\n"])?
            .hasPrefix(##"parent.toml: [text] fg = "#12": not a colour"##) == true)
    }

    @Test("An unknown theme name says which exist")
    func unknownName() throws {
        #expect(try Self.failure("solarized", [:])
            == ##"theme = "solarized": no theme has this name (available: default, light, high-contrast, colorblind, mono)"##)
    }

    @Test("inherit overrides only the parts a key names")
    func inheritMergesParts() throws {
        let directory = try Self.userDirectory([
            "mine": "inherit = \"default\"\n[selection]\nbg = \"magenta\"\n[status_error]\nattrs = []\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let catalog = ThemeCatalog(userDirectory: directory)
        let mine = try catalog.load("mine"), base = try catalog.load("default")
        #expect(mine.styles[.selection] == ThemeStyle(foreground: .ansi(0), background: .ansi(5)))
        #expect(mine.styles[.statusError] == ThemeStyle(foreground: .ansi(9), attributes: []))
        var rest = mine.styles, baseRest = base.styles
        for role in [ThemeRole.selection, .statusError] {
            rest[role] = nil
            baseRest[role] = nil
        }
        #expect(rest == baseRest)
        #expect(mine.file == directory + "/mine.toml")
    }

    @Test("A user theme replaces the shipped one of the same name, and may inherit from it")
    func userOverridesShipped() throws {
        let directory = try Self.userDirectory([
            "light": "[text]\nfg = \"blue\"\n",
            "default": "inherit = \"default\"\n[border]\nfg = \"red\"\n",
            "extra": "inherit = \"light\"\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let catalog = ThemeCatalog(userDirectory: directory)
        #expect(catalog.entries.map(\.name) == ["default", "light", "high-contrast", "colorblind", "mono", "extra"])
        let light = try #require(catalog.entry(named: "light"))
        #expect(light.origin == .user && catalog.overridesShipped(light))
        #expect(try catalog.load("light").styles == [.text: ThemeStyle(foreground: .ansi(4))])
        // A theme inheriting "light" gets the user's light, not the shipped one.
        #expect(try catalog.load("extra").styles == [.text: ThemeStyle(foreground: .ansi(4))])
        // The user's default starts from the shipped default.
        let userDefault = try catalog.load("default"), shippedDefault = try ThemeCatalog(userDirectory: nil).load("default")
        #expect(userDefault.styles[.border] == ThemeStyle(foreground: .ansi(1)))
        #expect(userDefault.styles[.selection] == shippedDefault.styles[.selection])
        let extra = try #require(catalog.entry(named: "extra"))
        #expect(!catalog.overridesShipped(extra))
    }

    @Test("User themes live in $XDG_CONFIG_HOME/leadline/themes, else ~/.config/leadline/themes")
    func userDirectoryPath() {
        #expect(ThemeCatalog.userDirectory(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/leadline/themes")
        #expect(ThemeCatalog.userDirectory(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/leadline/themes")
        #expect(ThemeCatalog.userDirectory(environment: ["HOME": "/h"]) == "/h/.config/leadline/themes")
    }
}
