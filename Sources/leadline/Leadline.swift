import ArgumentParser
import Foundation
import LeadlineKit
import LeadlineUI

/// `leadline`: one lead's whole journey across sales vendors, in a terminal.
struct Leadline: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "leadline",
        abstract: "See a sales lead's whole journey — WhatsApp, calls, email, SMS, chat — from every vendor, in one timeline.",
        discussion: """
            With no subcommand, opens the terminal UI (the built-in demo when there is no config file).
            REF names a lead as SOURCE:ID, where SOURCE is a source name from the config \
            (e.g. nexor:550e8400-e29b-41d4-a716-446655440000), or a person by phone number or email.
            Config: $XDG_CONFIG_HOME/leadline/config.toml (default ~/.config/leadline/config.toml) or --config FILE.
            Exit codes: 0 ok, 1 runtime error (message on stderr), 2 usage error.
            """,
        version: version,
        subcommands: [TimelineCommand.self, LeadsCommand.self, ThemesCommand.self, SimCommand.self]
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await execute(context: .live())
    }

    /// Opens the terminal UI on the configured sources, or on the demo when there is no config
    /// file (or with `--demo`, which replaces only the sources: the opener still comes from the
    /// config).
    func execute(context: CommandContext) async throws {
        let defaultPath = ConfigLoader.defaultPath(environment: context.environment)
        let hasConfig = global.config != nil || FileManager.default.fileExists(atPath: defaultPath)
        let config = hasConfig ? try global.loadConfig(environment: context.environment) : nil
        let workspace: Workspace
        if global.demo || config == nil {
            workspace = Workspace.demo(logger: context.logger)
        } else {
            workspace = context.workspace(config: config!)
        }
        let opener = config?.opener ?? Config.defaultOpener
        // Key names are the UI's to check; a mistake stops here, before the screen opens.
        let keyMap = try KeyMap.standard.applying(config?.keys ?? [])
        let store = SavedViewStore(environment: context.environment)
        let (savedView, savedViewWarning) = store.load()
        let (theme, themeName, themeWarning) = global.theme(config: config, saved: savedView, environment: context.environment)
        let settings = TUIRunner.Settings(
            keyMap: keyMap, timeZone: config?.timeZone ?? context.timeZone, mouse: config?.mouse ?? true,
            theme: theme, themeName: themeName, themeWarning: themeWarning, environment: context.environment,
            workspaceName: global.demo || config == nil ? "demo" : config?.file ?? "",
            savedView: savedView, savedViewWarning: savedViewWarning)
        let runner = TUIRunner(workspace: workspace, opener: opener, settings: settings)
        let code: Int32 = try await withCheckedThrowingContinuation { continuation in
            // ncurses blocks while waiting for keys; give it a thread of its own rather than one
            // of the few that run the network tasks.
            Thread {
                do { continuation.resume(returning: try runner.run()) } catch { continuation.resume(throwing: error) }
            }.start()
        }
        if let view = runner.finalView {
            do { try store.save(view) } catch { context.warn("could not save the view to \(store.path): \(error.localizedDescription)") }
        }
        if code != 0 { throw ExitCode(code) }
    }
}

/// A command that takes ``GlobalOptions``.
protocol GlobalOptionsCommand {
    var global: GlobalOptions { get }
}

extension Leadline: GlobalOptionsCommand {}
extension TimelineCommand: GlobalOptionsCommand {}
extension LeadsCommand: GlobalOptionsCommand {}
extension ThemesCommand: GlobalOptionsCommand {}

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read the config from FILE instead of the default path.", valueName: "FILE"))
    var config: String?

    @Flag(name: .long, help: "Use the built-in demo workspace (simulated vendors), whatever the config says.")
    var demo = false

    @Option(name: .long, help: ArgumentHelp("Draw with theme NAME instead of the config's (see `leadline themes`).", valueName: "NAME"))
    var theme: String?

    @Option(name: .customLong("log-file"), help: ArgumentHelp(
        "Append every request, retry and failure to FILE (created readable only by you); never the credentials.",
        valueName: "FILE"))
    var logFile: String?

    /// The name of the theme to draw with, and where that name came from (for messages): the
    /// choices made for this run win over the one remembered from the last: `--theme`, else the
    /// config's `theme`, else the theme of the saved view, else the default.
    func themeName(config: Config?, saved: SavedView?) -> (name: String, origin: String) {
        if let theme { return (theme, "--theme") }
        if let name = config?.theme { return (name, config?.file ?? "config") }
        if let name = saved?.theme, !name.isEmpty { return (name, "the saved view") }
        return (ThemeCatalog.defaultName, "default")
    }

    /// The theme to draw with and its name (to save with the view), or the default theme and a
    /// warning for the status line when the chosen one is unknown or broken.
    func theme(config: Config?, saved: SavedView?, environment: [String: String]) -> (theme: Theme, name: String, warning: String?) {
        let (name, origin) = themeName(config: config, saved: saved)
        let catalog = ThemeCatalog(userDirectory: ThemeCatalog.userDirectory(environment: environment))
        let (theme, warning) = Theme.load(named: name, from: catalog, origin: origin)
        return (theme, warning == nil ? name : ThemeCatalog.defaultName, warning)
    }

    /// The config named by `--config`, or the default one.
    func loadConfig(environment: [String: String]) throws -> Config {
        if let config { return try ConfigLoader.load(path: config, environment: environment) }
        let path = ConfigLoader.defaultPath(environment: environment)
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConfigError(location: path, message: "no config file here — write one (README: Configuration) or add --demo")
        }
        return try ConfigLoader.load(path: path, environment: environment)
    }

    /// The workspace the command works on: the demo with `--demo`, else the configured sources.
    func workspace(context: CommandContext) throws -> Workspace {
        if demo { return Workspace.demo(logger: context.logger) }
        return context.workspace(config: try loadConfig(environment: context.environment))
    }
}

/// Runs the command line and turns every failure into the documented exit code.
@main
enum Entry {
    static func main() async {
        Heap.keepLargeBlocksMapped()
        let context = CommandContext.live()
        let code = await run(CommandLine.arguments.dropFirst().map { $0 }, context: context)
        context.stdout.flush()
        context.stderr.flush()
        exit(code)
    }

    /// Parses `arguments`, runs the command, and returns the exit code: 0 ok, 1 runtime error,
    /// 2 usage error. Help and version go to stdout, every error to stderr.
    static func run(_ arguments: [String], context: CommandContext) async -> Int32 {
        let command: any ParsableCommand
        do {
            command = try Leadline.parseAsRoot(arguments)
        } catch {
            let message = Leadline.fullMessage(for: error)
            if Leadline.exitCode(for: error) == .success {
                context.stdout.writeLine(message)
                return 0
            }
            context.stderr.writeLine(message)
            return 2
        }
        var context = context
        if let global = (command as? any GlobalOptionsCommand)?.global, let path = global.logFile {
            do {
                context.logger = try LogFile(path: path).logger()
            } catch {
                context.stderr.writeLine("leadline: \(TerminalSanitizer.line(error.description))")
                return 1
            }
            context.logger.info("leadline \(Leadline.version) started: \(arguments.joined(separator: " "))")
        }
        do {
            switch command {
            case let timeline as TimelineCommand:
                try await timeline.execute(context: context)
            case let leads as LeadsCommand:
                try await leads.execute(context: context)
            case let themes as ThemesCommand:
                try themes.execute(context: context)
            case let root as Leadline:
                try await root.execute(context: context)
            case let serve as SimServeCommand:
                try await serve.execute(context: context)
            case var async as any AsyncParsableCommand:
                try await async.run()
            default:
                var sync = command
                try sync.run()
            }
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch where Leadline.exitCode(for: error) == .success {
            // `--help` on a subcommand, and `leadline help timeline`, arrive as a thrown request
            // for help from the parsed command.
            context.stdout.writeLine(Leadline.fullMessage(for: error))
            return 0
        } catch {
            context.stderr.writeLine("leadline: \(TerminalSanitizer.line(String(describing: error)))")
            return 1
        }
    }
}
