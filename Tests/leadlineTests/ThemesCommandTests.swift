import Foundation
import LeadlineKit
import LeadlineUI
import Testing
@testable import leadline

@Suite("leadline themes")
struct ThemesCommandTests {
    /// A config home with user themes `files` (name → text) and, optionally, a config.
    static func configHome(themes files: [String: String], config: String? = nil) throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("leadline-themes-cmd-\(UUID().uuidString)")
        let themes = home.appendingPathComponent("leadline/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: themes.appendingPathComponent(name + ".toml"), atomically: true, encoding: .utf8)
        }
        if let config {
            try config.write(to: home.appendingPathComponent("leadline/config.toml"), atomically: true, encoding: .utf8)
        }
        return home
    }

    static func run(_ arguments: [String], home: URL, terminal: Bool, environment: [String: String] = [:]) async -> (code: Int32, stdout: String) {
        let context = CommandContext(
            environment: environment.merging(["XDG_CONFIG_HOME": home.path, "HOME": "/nonexistent"]) { mine, _ in mine },
            transport: URLSessionTransport(), retry: .none, timeZone: TimeZone(identifier: "UTC")!,
            stdout: OutputSink(), stderr: OutputSink(), stdoutIsTerminal: terminal)
        let code = await Entry.run(arguments, context: context)
        return (code, context.stdout.text)
    }

    @Test("Lists shipped and user themes, marks overrides and the one in use, reports broken ones")
    func lists() async throws {
        let home = try Self.configHome(themes: [
            "light": "inherit = \"light\"\ndescription = \"my light\"\n[text]\nfg = \"blue\"\n",
            "neon": "description = \"very bright\"\n[text]\nfg = \"#ff00ff\"\n",
            "broken": "[selection]\nfg = \"reddish\"\n",
        ], config: "theme = \"neon\"\n")
        defer { try? FileManager.default.removeItem(at: home) }
        let themes = home.path + "/leadline/themes"
        let (code, output) = await Self.run(["themes"], home: home, terminal: false)
        #expect(code == 0)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let names = lines.filter { !$0.hasPrefix("    ") && !$0.isEmpty }
        #expect(names == [
            "  default        for dark terminal backgrounds",
            "  light          my light  (yours, replaces the shipped one: \(themes)/light.toml)",
            "  high-contrast  bright colours and bold text on dark backgrounds",
            "  colorblind     Okabe–Ito colours, distinguishable without red/green (dark backgrounds)",
            "  mono           attributes only, no colours",
            "  broken         (yours: \(themes)/broken.toml)",
            "* neon           very bright  (yours: \(themes)/neon.toml)",
            "Your themes go in \(themes)/NAME.toml; choose one with theme = \"NAME\" in the config or --theme NAME.",
        ])
        let sample = "    ☎ call ✆ whatsapp ✉ email ✎ sms ☰ chat ⚙ system  ← in → out  ✓ ok ! warn ✗ error   selected  match muted  status line "
        #expect(lines.filter { $0 == sample }.count == 6)
        #expect(lines.contains("    error: \(themes)/broken.toml: " + ##"[selection] fg = "reddish": not a colour (use "default", an ANSI name such as "bright_blue", 0–255 or "#rrggbb")"##))
        #expect(!output.contains("\u{1B}"))

        // --theme marks another one.
        let (_, chosen) = await Self.run(["themes", "--theme", "mono"], home: home, terminal: false)
        #expect(chosen.contains("\n* mono "))
        #expect(chosen.contains("\n  neon "))
    }

    @Test("On a terminal the samples are coloured in each theme's styles; NO_COLOR keeps them plain")
    func coloured() async throws {
        let home = try Self.configHome(themes: [:])
        defer { try? FileManager.default.removeItem(at: home) }
        let (_, truecolor) = await Self.run(["themes"], home: home, terminal: true, environment: ["TERM": "xterm-256color", "COLORTERM": "truecolor"])
        // default's call colour, #56b6c2, as 24-bit; its selection, black on cyan.
        #expect(truecolor.contains("\u{1B}[38;2;86;182;194m☎ call\u{1B}[0m"))
        #expect(truecolor.contains("\u{1B}[30;46m selected \u{1B}[0m"))
        // colorblind's error, vermillion, bold and underlined.
        #expect(truecolor.contains("\u{1B}[1;4;38;2;213;94;0m✗ error\u{1B}[0m"))
        let (_, palette) = await Self.run(["themes"], home: home, terminal: true, environment: ["TERM": "xterm-256color"])
        #expect(palette.contains("\u{1B}[38;5;73m☎ call\u{1B}[0m"))
        #expect(!palette.contains("38;2;"))
        // mono: attributes only.
        let mono = try #require(palette.split(separator: "\n").drop { !$0.hasPrefix("  mono") }.dropFirst().first)
        #expect(mono.contains("\u{1B}[1;7m selected \u{1B}[0m"))
        #expect(mono.range(of: #"\[(3|4|9|10)\d[;m]|38;|48;"#, options: .regularExpression) == nil)

        let (_, plain) = await Self.run(["themes"], home: home, terminal: true, environment: ["TERM": "xterm-256color", "NO_COLOR": "1"])
        #expect(!plain.contains("\u{1B}"))
        #expect(plain.contains("☎ call"))
    }

    @Test("The theme: --theme, else the config's, else the last run's (saved view), else default")
    func precedence() throws {
        let saved = SavedView(theme: "light")
        let config = Config(file: "/c/config.toml", theme: "mono")
        #expect(try GlobalOptions.parse(["--theme", "colorblind"]).themeName(config: config, saved: saved) == ("colorblind", "--theme"))
        let plain = try GlobalOptions.parse([])
        #expect(plain.themeName(config: config, saved: saved) == ("mono", "/c/config.toml"))
        #expect(plain.themeName(config: Config(file: "/c/config.toml"), saved: saved) == ("light", "the saved view"))
        #expect(plain.themeName(config: nil, saved: nil) == ("default", "default"))
        // A broken choice is not remembered: the view saves the theme actually drawn.
        let (theme, name, warning) = plain.theme(config: nil, saved: SavedView(theme: "solarized"), environment: ["HOME": "/nonexistent"])
        #expect(theme == .standard && name == "default")
        #expect(warning?.hasPrefix(#"the saved view: theme = "solarized": no theme has this name"#) == true)
    }
}
