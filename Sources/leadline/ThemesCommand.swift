import ArgumentParser
import Foundation
import LeadlineKit
import LeadlineUI

/// `leadline themes`: every theme, shipped and the user's, each with a one-line sample.
struct ThemesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the themes (shipped, and yours in $XDG_CONFIG_HOME/leadline/themes), each with a colour sample.",
        discussion: "Choose one with theme = \"NAME\" in the config or --theme NAME. The sample is plain text when NO_COLOR is set or stdout is not a terminal."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try execute(context: .live())
    }

    func execute(context: CommandContext) throws {
        let environment = context.environment
        let directory = ThemeCatalog.userDirectory(environment: environment)
        let catalog = ThemeCatalog(userDirectory: directory)
        // The config only says which theme is in use; a broken config must not hide the list.
        let config = try? global.loadConfig(environment: environment)
        let current = global.themeName(config: config, saved: SavedViewStore(environment: environment).load().view).name
        let depth = Self.sampleDepth(environment: environment, isTerminal: context.stdoutIsTerminal)
        let nameWidth = catalog.entries.map(\.name.count).max() ?? 0
        for entry in catalog.entries {
            // Names, descriptions and paths come from the user's files: sanitised, never raw.
            var line = (entry.name == current ? "* " : "  ")
                + TerminalSanitizer.line(entry.name).padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            let resolved = Result { try catalog.load(entry.name) }
            if case .success(let theme) = resolved, let description = theme.description {
                line += "  " + TerminalSanitizer.line(description)
            }
            if entry.origin == .user {
                let file = TerminalSanitizer.line(entry.file)
                line += catalog.overridesShipped(entry) ? "  (yours, replaces the shipped one: \(file))" : "  (yours: \(file))"
            }
            context.stdout.writeLine(line)
            switch resolved {
            case .success(let theme): context.stdout.writeLine("    " + Self.sample(Theme(theme), depth: depth))
            case .failure(let error): context.stdout.writeLine("    error: " + TerminalSanitizer.line(String(describing: error)))
            }
        }
        context.stdout.writeLine("")
        context.stdout.writeLine("Your themes go in \(directory)/NAME.toml; choose one with theme = \"NAME\" in the config or --theme NAME.")
    }

    /// One line showing a theme's styles: channels, directions, statuses, a selection, a search
    /// match, muted text and the status line.
    static func sample(_ theme: Theme, depth: ColorDepth?) -> String {
        let spans: [Span] = [
            Span(Channel.call.glyph + " call", theme.channel(.call)), Span(" "),
            Span(Channel.whatsapp.glyph + " whatsapp", theme.channel(.whatsapp)), Span(" "),
            Span(Channel.email.glyph + " email", theme.channel(.email)), Span(" "),
            Span(Channel.sms.glyph + " sms", theme.channel(.sms)), Span(" "),
            Span(Channel.chat.glyph + " chat", theme.channel(.chat)), Span(" "),
            Span(Channel.system.glyph + " system", theme.channel(.system)), Span("  "),
            Span("← in", theme.inbound), Span(" "), Span("→ out", theme.outbound), Span("  "),
            Span("✓ ok", theme.ok), Span(" "), Span("! warn", theme.warning), Span(" "), Span("✗ error", theme.error), Span("  "),
            Span(" selected ", theme.selection), Span(" "), Span("match", theme.searchMatch), Span(" "),
            Span("muted", theme.muted), Span(" "), Span(" status line ", theme.statusLine),
        ]
        return spans.map { span in
            guard let depth else { return span.text }
            let start = span.style.sgr(depth: depth)
            return start.isEmpty ? span.text : start + span.text + Style.sgrReset
        }.joined()
    }

    /// The depth for samples on stdout, or nil for plain text (`NO_COLOR`, or not a terminal).
    /// Without ncurses to ask, the depth comes from `COLORTERM` and `TERM`.
    static func sampleDepth(environment: [String: String], isTerminal: Bool) -> ColorDepth? {
        guard isTerminal, !ColorDepth.colorsDisabled(environment: environment) else { return nil }
        let colorTerm = environment["COLORTERM"]?.lowercased()
        if colorTerm == "truecolor" || colorTerm == "24bit" { return .trueColor }
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { return .monochrome }
        return term.contains("256color") ? .colors256 : .colors16
    }
}
