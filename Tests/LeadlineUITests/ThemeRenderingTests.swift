import Foundation
import LeadlineKit
import Testing
@testable import LeadlineUI

@Suite("Themes drawn into the Buffer")
struct ThemeRenderingTests {
    static let catalog = ThemeCatalog(userDirectory: nil)

    /// Ana's loaded timeline at 120×40 with the timeline focused, drawn in `theme`.
    static func render(_ theme: Theme) -> Buffer {
        var state = Sample.loaded(width: 120, height: 40)
        state.theme = theme
        _ = state.press(.tab, .character("j"))
        return Screen.render(state)
    }

    /// The title of the event selected in ``render(_:)``.
    static var selectedTitle: String? {
        var state = Sample.loaded(width: 120, height: 40)
        _ = state.press(.tab, .character("j"))
        return state.timeline?.selectedEvent?.title
    }

    @Test("The built-in fallback is exactly themes/default.toml")
    func standardIsDefaultFile() throws {
        #expect(Theme(try Self.catalog.load("default")) == Theme.standard)
    }

    @Test("Each shipped theme renders the demo screen: same text, the theme's own styles", arguments: ShippedThemes.names)
    func shippedThemeRenders(name: String) throws {
        let theme = Theme(try Self.catalog.load(name))
        let buffer = Self.render(theme)
        #expect(buffer.lines == Self.render(.standard).lines)
        // The lead list's corner is an unfocused border; the timeline's is focused.
        #expect(buffer[row: 0, column: 0].style == theme.border)
        #expect(buffer[row: 0, column: 30].style == theme.borderFocused)
        // The selected event's row and the status line.
        let title = try #require(Self.selectedTitle)
        let selected = try #require((0..<buffer.height).first { buffer.lines[$0].contains("→ " + title) })
        #expect(buffer[row: selected, column: 32].style == theme.selection)
        #expect(buffer[row: 39, column: 0].style == theme.statusLine)
        // A WhatsApp glyph on an unselected row is in the WhatsApp style.
        let whatsapp = try #require((0..<buffer.height).first { buffer.lines[$0].contains("WhatsApp message") })
        let glyphColumn = try #require(Array(buffer.lines[whatsapp]).firstIndex(of: "✆"))
        #expect(buffer[row: whatsapp, column: glyphColumn].style == theme.channel(.whatsapp))
        if name == "mono" {
            for row in 0..<buffer.height {
                for column in 0..<buffer.width {
                    let style = buffer[row: row, column: column].style
                    #expect(style.foreground == .default && style.background == .default)
                }
            }
        }
    }

    @Test("Themes differ where they should: light and high-contrast are not the default")
    func themesDiffer() throws {
        let styles = try ShippedThemes.names.map { Theme(try Self.catalog.load($0)) }
        #expect(Set(styles.map(\.selection)).count == styles.count)
    }

    @Test("An unknown or broken theme falls back to the default with a warning naming file, key and value")
    func fallback() throws {
        let (unknown, unknownWarning) = Theme.load(named: "solarized", from: Self.catalog, origin: "--theme")
        #expect(unknown == .standard)
        #expect(unknownWarning?.hasPrefix(#"--theme: theme = "solarized": no theme has this name (available: default, light,"#) == true)
        #expect(unknownWarning?.hasSuffix(" — using the default theme") == true)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leadline-ui-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "inherit = \"default\"\n[selection]\nfg = \"reddish\"\n".write(to: directory.appendingPathComponent("broken.toml"), atomically: true, encoding: .utf8)
        let (broken, brokenWarning) = Theme.load(named: "broken", from: ThemeCatalog(userDirectory: directory.path), origin: "config.toml")
        #expect(broken == .standard)
        let warning = try #require(brokenWarning)
        #expect(warning.hasPrefix(directory.path + #"/broken.toml: [selection] fg = "reddish": not a colour"#))

        // The warning shows in the status line.
        var state = Sample.loaded(width: 200, height: 30)
        state.report(.warning, warning, seconds: 30)
        #expect(Screen.render(state).lines[29].contains(#"broken.toml: [selection] fg = "reddish": not a colour"#))
        _ = state.handle(.tick(Sample.now.addingTimeInterval(29)))
        #expect(state.status != nil)
        _ = state.handle(.tick(Sample.now.addingTimeInterval(31)))
        #expect(state.status == nil)
    }
}
