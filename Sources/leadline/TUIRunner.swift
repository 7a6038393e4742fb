import Dispatch
import Foundation
import LeadlineKit
import LeadlineTerminal
import LeadlineUI

/// Runs the terminal UI: one thread owns ncurses and the state; network work runs in tasks that
/// post their answers to an inbox the loop drains between keys.
///
/// The loop never waits on the network: it waits at most `frameMilliseconds` for a key, then
/// applies whatever arrived. The terminal is restored on `q`, on SIGINT/SIGTERM/SIGHUP and on a
/// thrown error.
final class TUIRunner: @unchecked Sendable {
    // @unchecked: `state`, `timelines` and the screen are touched only by the loop thread; the
    // inbox and the signal flag are locked.
    private let workspace: Workspace
    private let opener: [String]
    private let settings: Settings
    private let inbox = Inbox()
    private let timelines: TimelineLoader
    private static let frameMilliseconds = 30
    /// The view when the loop ended, to save for the next start.
    private(set) var finalView: SavedView?

    /// How the user set the UI up: from the config and the command line, and the view saved
    /// last time.
    struct Settings {
        var keyMap = KeyMap.standard
        var timeZone = TimeZone.current
        var mouse = true
        var theme = Theme.standard
        /// The theme's name, saved with the view.
        var themeName = "default"
        /// Why the chosen theme could not be used, for the status line.
        var themeWarning: String?
        /// Decides the colour depth with the terminal (`NO_COLOR`, `COLORTERM`).
        var environment: [String: String] = [:]
        /// Which sources the saved view's lead belongs to: "demo" or the config file.
        var workspaceName = "demo"
        var savedView: SavedView?
        /// Why the saved view could not be read, for the status line.
        var savedViewWarning: String?
    }

    init(workspace: Workspace, opener: [String], settings: Settings) {
        self.workspace = workspace
        self.opener = opener
        self.settings = settings
        timelines = TimelineLoader(workspace: workspace) { [inbox] event in inbox.post(event) }
    }

    /// What the sources' configuration warns about (a `secret_file` others can read): the
    /// command line prints it on stderr, which the UI's screen would cover. A source whose
    /// credential cannot be read says so when it is first asked.
    static func sourceWarnings(_ workspace: Workspace) -> [String] {
        workspace.config.sources.flatMap { (try? workspace.source(named: $0.name).warnings) ?? [] }
    }

    /// Runs until the user quits or a signal arrives; returns the process exit code.
    func run() throws -> Int32 {
        // Before the screen: ncurses installs its own SIGTSTP handler only where none is set, and
        // that one would run on the wrong thread (see CursesScreen.suspend).
        let signals = SignalWatcher([SIGINT, SIGTERM, SIGHUP], suspend: SIGTSTP)
        let screen = try CursesScreen()
        defer { screen.close() }
        screen.prepareForUI(mouse: settings.mouse, colors: !ColorDepth.colorsDisabled(environment: settings.environment))
        var palette = ColorPalette(depth: screen.colorDepth(environment: settings.environment))
        let (rows, columns) = screen.size
        var state = AppState(
            sources: workspace.config.sources.map(\.name), width: columns, height: rows, timeZone: settings.timeZone,
            keyMap: settings.keyMap, theme: settings.theme, themeName: settings.themeName)
        if var view = settings.savedView {
            // A lead of another workspace (the demo's, another config's) means nothing here.
            if view.workspace != settings.workspaceName {
                view.lead = nil
                view.channels = nil
                view.order = nil
            }
            // The theme was already chosen, the saved one only when nothing else named one.
            view.theme = nil
            state.restore(view)
        }
        let sourceWarnings = Self.sourceWarnings(workspace)
        let warnings = [settings.themeWarning, settings.savedViewWarning].compactMap { $0 } + sourceWarnings
        if !warnings.isEmpty {
            state.report(.warning, warnings.joined(separator: " · "), seconds: settings.themeWarning == nil || !sourceWarnings.isEmpty ? nil : 30)
        }
        defer {
            var view = state.savedView
            view.workspace = settings.workspaceName
            finalView = view
        }
        perform(state.start(), screen: screen)
        var previous: Buffer?
        var lastTick = Date.distantPast
        var emptyReads = 0
        var dirty = true
        var heapReturn = Heap.IdleReturn()
        while true {
            if let signal = signals.received {
                return 128 + signal
            }
            if signals.takeSuspendRequest() {
                screen.suspend()
                previous = nil
                dirty = true
            }
            if dirty {
                let buffer = Screen.render(state)
                screen.draw(buffer, previous: previous, palette: &palette)
                previous = buffer
                dirty = false
                state.dropRetired()
            }
            var events: [AppEvent] = []
            guard let inputs = screen.readInput(timeoutMilliseconds: Self.frameMilliseconds) else {
                // The terminal hung up: nothing to restore or draw on; leave as a hangup would.
                return 128 + SIGHUP
            }
            emptyReads = inputs == [.endOfInput] ? emptyReads + 1 : 0
            if emptyReads > 40 { return 128 + SIGHUP }
            for input in inputs {
                switch input {
                case .endOfInput: break
                case .key(let key): events.append(.key(key))
                case .mouse(let mouse): events.append(.mouse(mouse))
                case .resize(let width, let height):
                    events.append(.resize(width: width, height: height))
                    previous = nil
                }
            }
            events += inbox.drain()
            // Keys and arrivals, not the tick, are work. Decoding, replacing timelines and growing
            // the list leave freed holes that glibc keeps resident (leadline-bench's big state:
            // 341 MB without handing them back, 191 with); they go back once the user pauses.
            let uptime = ProcessInfo.processInfo.systemUptime
            if !events.isEmpty {
                heapReturn.noteWork(at: uptime)
            } else if heapReturn.isDue(at: uptime) {
                Heap.returnFreePages()
            }
            let now = Date()
            if now.timeIntervalSince(lastTick) >= 0.1 {
                events.append(.tick(now))
                lastTick = now
            }
            for event in events {
                perform(state.handle(event), screen: screen)
            }
            if !events.isEmpty { dirty = true }
            if state.wantsQuit { return 0 }
        }
    }

    private func perform(_ effects: [Effect], screen: CursesScreen) {
        for effect in effects {
            switch effect {
            case .loadLeads(let source, let cursor):
                Task { [workspace, inbox] in
                    do {
                        // Past the cache: the list keeps every lead it is given, so a cached
                        // page would hold each lead a second time, and the list never asks twice.
                        let page = try await workspace.source(named: source).source.base.leads(after: cursor)
                        inbox.post(.leadsLoaded(source: source, page: page))
                    } catch {
                        inbox.post(.leadsFailed(source: source, message: Self.describe(error)))
                    }
                }
            case .loadTimeline(let person, let generation, let refresh):
                timelines.load(person, generation: generation, refresh: refresh)
            case .cancelTimelines(let keeping):
                timelines.cancel(keeping: keeping)
            case .refreshLeads:
                break
            case .openLink(let url):
                Opener(template: opener).open(url) { [inbox] failure in inbox.post(.linkFailed(failure)) }
            case .copyLink(let url):
                // OSC 52: the terminal (even over SSH) puts the text on the clipboard.
                screen.writeControl("\u{1B}]52;c;" + Data(url.utf8).base64EncodedString() + "\u{07}")
            }
        }
    }

    static func describe(_ error: any Error) -> String {
        TerminalSanitizer.line(String(describing: error))
    }
}

/// Answers from network tasks, waiting for the UI loop.
final class Inbox: @unchecked Sendable {
    // @unchecked: `events` is only touched while holding `lock`.
    private let lock = NSLock()
    private var events: [AppEvent] = []

    func post(_ event: AppEvent) { lock.withLock { events.append(event) } }

    func drain() -> [AppEvent] {
        lock.withLock {
            defer { events.removeAll(keepingCapacity: true) }
            return events
        }
    }
}

/// Turns SIGINT/SIGTERM/SIGHUP (and ^Z's SIGTSTP) into flags the UI loop checks, so the loop
/// itself restores the terminal before the process ends or stops.
final class SignalWatcher: @unchecked Sendable {
    // @unchecked: the flags are only touched while holding `lock`; the sources live as long as this.
    private let lock = NSLock()
    private var signal: Int32?
    private var suspendRequested = false
    private var sources: [DispatchSourceSignal] = []

    /// Watches `signals`, which end the program, and `suspend`, which asks it to stop for a while.
    init(_ signals: [Int32], suspend: Int32? = nil) {
        for number in signals {
            watch(number) { $0.signal = $0.signal ?? number }
        }
        if let suspend {
            watch(suspend) { $0.suspendRequested = true }
        }
    }

    private func watch(_ number: Int32, _ record: @escaping @Sendable (SignalWatcher) -> Void) {
        Foundation.signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler { [weak self] in
            guard let self else { return }
            self.lock.withLock { record(self) }
        }
        source.resume()
        sources.append(source)
    }

    /// The first ending signal received, if any.
    var received: Int32? { lock.withLock { signal } }

    /// Whether a suspend was asked for since the last call.
    func takeSuspendRequest() -> Bool {
        lock.withLock {
            defer { suspendRequested = false }
            return suspendRequested
        }
    }
}

/// Opens URLs with the configured argv template, never through a shell.
struct Opener: Sendable {
    let template: [String]

    /// Starts the opener for an http(s) URL without waiting for it; `failed` hears why it could
    /// not start or exited non-zero.
    func open(_ url: String, failed: @escaping @Sendable (String) -> Void) {
        guard let scheme = URL(string: url)?.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            failed("Refusing to open a link that is not http(s).")
            return
        }
        // The program comes from the config, never from the URL.
        guard let program = template.first, !program.isEmpty else {
            failed("The opener in the config is empty.")
            return
        }
        guard !program.contains("{url}") else {
            failed("The opener's program cannot be the link itself; put {url} after it.")
            return
        }
        var arguments = template.map { $0.replacingOccurrences(of: "{url}", with: url) }
        if !template.contains(where: { $0.contains("{url}") }) { arguments.append(url) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/env")
        process.arguments = program.hasPrefix("/") ? Array(arguments.dropFirst()) : arguments
        // The opener must not draw over the UI or read its keys.
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.terminationHandler = { finished in
            if finished.terminationStatus != 0 {
                failed("Opener \(program) exited with status \(finished.terminationStatus).")
            }
        }
        do {
            try process.run()
        } catch {
            failed("Cannot run opener \(program): \(error.localizedDescription)")
        }
    }
}
