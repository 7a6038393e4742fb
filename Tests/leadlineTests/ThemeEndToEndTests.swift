import Foundation
import LeadlineKit
import LeadlineUI
import Testing

/// Themes and colour depth in the real binary, in tmux: what reaches a terminal.
@Suite("Themes in tmux", .serialized, .timeLimit(.minutes(5)))
struct ThemeEndToEndTests {
    /// argv that runs leadline with `NO_COLOR` and `COLORTERM` unset, whatever the tmux server's
    /// global environment carries from other tests.
    static func leadline(_ arguments: [String]) throws -> [String] {
        ["/usr/bin/env", "-u", "NO_COLOR", "-u", "COLORTERM", try TUIEndToEndTests.binary()] + arguments
    }

    /// A config home without themes or config, so only shipped themes exist.
    static func emptyHome() throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("leadline-theme-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        return home
    }

    static func environment(home: URL) -> [String: String] {
        ["HOME": home.path, "XDG_CONFIG_HOME": home.path]
    }

    /// The SGR parameters of every escape sequence in a `capture-pane -e` screen.
    static func sgrParameters(_ screen: String) -> [String] {
        screen.matches(of: /\u{1B}\[([0-9;:]*)m/).flatMap { $0.output.1.split(separator: ";").map(String.init) }
    }

    /// The parameters that set a colour: 30–38, 40–48, 90–97, 100–107. Not 39 and 49 ("default
    /// colour"): `capture-pane -e` writes those itself after every reset, even on a screen no
    /// program ever coloured.
    static func colourParameters(_ screen: String) -> [String] {
        sgrParameters(screen).filter { parameter in
            guard let number = Int(parameter) else { return true }
            return (30...38).contains(number) || (40...48).contains(number) || (90...97).contains(number) || (100...107).contains(number)
        }
    }

    /// The SGR parameters tmux writes for a foreground colour of a 256-colour terminal.
    static func foregroundSGR(_ color: Color) -> String? {
        switch color.degraded(to: .colors256) {
        case .default: nil
        case .ansi(let index): index < 8 ? "\(30 + Int(index))" : "\(90 + Int(index) - 8)"
        case .indexed(let index): "38;5;\(index)"
        case .rgb: nil
        }
    }

    static func loaded(_ screen: String) -> Bool {
        screen.contains("Leads (") && !screen.contains("Loading leads")
    }

    @Test("Each shipped theme renders the demo in its own colours", arguments: ShippedThemes.names)
    func shippedThemeInTmux(name: String) async throws {
        let home = try Self.emptyHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let theme = Theme(try ThemeCatalog(userDirectory: nil).load(name))
        let session = try await TmuxSession(Self.leadline(["--demo", "--theme", name]), environment: Self.environment(home: home))
        try await session.waitFor(Self.loaded)
        let screen = try await session.capture(escapes: true)
        #expect(!screen.contains("using the default theme"))
        if let border = Self.foregroundSGR(theme.borderFocused.foreground) {
            #expect(screen.contains("\u{1B}[\(border)m"), "\(name): focused border in \(border)")
        } else {
            // mono: attributes only, the selection reversed.
            #expect(Self.sgrParameters(screen).contains("7"))
            #expect(Self.colourParameters(screen).isEmpty)
        }
        try await session.send("q")
        try await session.waitFor { $0.contains("[exited 0]") }
    }

    @Test("NO_COLOR=1: the screen carries no colour sequences, only attributes")
    func noColor() async throws {
        let home = try Self.emptyHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let session = try await TmuxSession(
            ["/usr/bin/env", "NO_COLOR=1", try TUIEndToEndTests.binary(), "--demo", "--theme", "colorblind"],
            environment: Self.environment(home: home))
        try await session.waitFor(Self.loaded)
        // Let the timeline of the first person load, so channel colours would show.
        try await session.waitFor { !$0.contains("Loading…") && $0.contains("── ") }
        let screen = try await session.capture(escapes: true)
        let colours = Self.colourParameters(screen)
        #expect(colours.isEmpty, "colour SGR parameters on screen: \(Set(colours).sorted())")
        // Still legible: the selection and status line stand out by reverse video.
        #expect(Self.sgrParameters(screen).contains("7"))
        try await session.send("q")
        try await session.waitFor { $0.contains("[exited 0]") }
    }

    @Test("A broken user theme, or an unknown name, still starts, on the default theme, with a warning")
    func brokenTheme() async throws {
        let home = try Self.emptyHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let themes = home.appendingPathComponent("leadline/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try "inherit = \"default\"\n[selection]\nfg = \"reddish\"\n".write(to: themes.appendingPathComponent("broken.toml"), atomically: true, encoding: .utf8)
        try "theme = \"broken\"\n".write(to: home.appendingPathComponent("leadline/config.toml"), atomically: true, encoding: .utf8)

        let session = try await TmuxSession(Self.leadline(["--demo"]), width: 220, environment: Self.environment(home: home))
        // The status line is one row: the warning leads with the file, key and value, and its
        // tail may be cut off at the screen's edge.
        try await session.waitFor { $0.contains(themes.path + "/broken.toml: [selection] fg = \"reddish\": not a colour") }
        try await session.waitFor(Self.loaded)
        // The default theme: its focused border is cyan.
        #expect(try await session.capture(escapes: true).contains("\u{1B}[36m"))
        try await session.send("q")
        try await session.waitFor { $0.contains("[exited 0]") }

        let unknown = try await TmuxSession(Self.leadline(["--demo", "--theme", "solarized"]), width: 220, environment: Self.environment(home: home))
        let screen = try await unknown.waitFor { $0.contains("using the default theme") }
        #expect(screen.contains("--theme: theme = \"solarized\": no theme has this name (available: default, light, high-contrast, colorblind, mono, broken)"))
        try await unknown.send("q")
        try await unknown.waitFor { $0.contains("[exited 0]") }
    }
}
