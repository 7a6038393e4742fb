import Foundation
import LeadlineKit
import Testing
@testable import leadline

/// The saved view and the mouse in the real binary, in tmux: quit on a person with calls only,
/// start again and find the same view; click rows with the terminal's own mouse reports.
@Suite("TUI in tmux: saved view and mouse", .serialized, .timeLimit(.minutes(5)))
struct TUIStateRestoreTests {
    /// A temporary home whose config and state directories are its own.
    struct Home {
        let scratch: ScratchDirectory
        var directory: URL { scratch.url }
        var statePath: String { scratch.path("state/leadline/state.json") }
        var environment: [String: String] {
            ["HOME": scratch.path, "XDG_STATE_HOME": scratch.path("state"), "XDG_CONFIG_HOME": scratch.path("config")]
        }

        init() throws { scratch = try ScratchDirectory("state-e2e") }

        func remove() { scratch.remove() }
    }

    /// A left click at a 0-based screen cell, as an xterm reports it in SGR mode (what ncurses
    /// asks tmux for): press, then release.
    static func click(_ session: TmuxSession, row: Int, column: Int) async throws {
        try await session.send("\u{1B}[<0;\(column + 1);\(row + 1)M", literal: true)
        try await session.send("\u{1B}[<0;\(column + 1);\(row + 1)m", literal: true)
    }

    /// Event rows of the timeline pane at 120 columns.
    static func eventRows(_ screen: String) -> [Substring] {
        screen.split(separator: "\n").map { $0.dropFirst(30).prefix(50) }.filter { $0.range(of: #"^│\d\d:\d\d "#, options: .regularExpression) != nil }
    }

    @Test("Quit on a person filtered to calls and sorted by name; the next start shows the same view")
    func restore() async throws {
        let home = try Home()
        defer { home.remove() }
        let person = try TUIEndToEndTests.personWithCalls(Simulator(options: SimulatorOptions()))
        let binary = try TUIEndToEndTests.binary()

        let first = try await TmuxSession([binary, "--demo"], environment: home.environment)
        try await first.waitFor { $0.contains("Leads (") && !$0.contains("Loading leads") }
        // Filtering pages through the list until the person and all their vendors' leads are in.
        try await first.send("/")
        try await first.send(person.name, literal: true)
        try await first.waitFor { $0.contains("Leads (1/") }
        try await first.send("Enter")
        try await first.waitFor { $0.contains("┌ \(person.name)") && !$0.contains("Loading…") }
        try await first.send("c")
        try await first.send("S")
        try await first.waitFor { screen in
            let rows = Self.eventRows(screen)
            return !rows.isEmpty && rows.allSatisfy { $0.contains("☎") || $0.contains("✗") }
        }
        try await first.send("q")
        try await first.waitFor { $0.contains("[exited 0]") }

        let saved = try JSONDecoder().decode([String: JSONValue].self, from: Data(contentsOf: URL(fileURLWithPath: home.statePath)))
        #expect(saved["channels"] == .array([.string("call")]))
        #expect(saved["sort"] == .string("name"))
        #expect(saved["workspace"] == .string("demo"))

        // The list opens unfiltered, sorted by name, on the same person with only calls shown (their
        // calls may still be loading: then no event passes the filter yet).
        let second = try await TmuxSession([binary, "--demo"], environment: home.environment)
        let screen = try await second.waitFor { screen in
            let rows = Self.eventRows(screen)
            return screen.contains("┌ \(person.name)") && rows.allSatisfy { $0.contains("☎") || $0.contains("✗") }
                && (!rows.isEmpty || screen.contains("No event matches the filters"))
        }
        #expect(screen.contains("by name"))
        #expect(screen.split(separator: "\n").contains { $0.hasPrefix("│▶") && $0.contains(person.name.prefix(8)) })
        try await second.send("q")
        try await second.waitFor { $0.contains("[exited 0]") }
    }

    @Test("A click selects the list row under it and the timeline follows; the wheel moves on")
    func mouse() async throws {
        let home = try Home()
        defer { home.remove() }
        let session = try await TmuxSession([try TUIEndToEndTests.binary(), "--demo"], environment: home.environment)
        try await session.waitFor { $0.contains("Leads (") && !$0.contains("Loading leads") }
        try await Self.click(session, row: 5, column: 8)
        let screen = try await session.waitFor { $0.split(separator: "\n", omittingEmptySubsequences: false)[5].hasPrefix("│▶") }
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasPrefix("│▶") }.count == 1)
        // The timeline follows: its title names the clicked person.
        let name = lines[5].dropFirst(2).prefix(5).trimmingCharacters(in: .whitespaces)
        try await session.waitFor { $0.split(separator: "\n").first?.dropFirst(30).hasPrefix("┌ \(name)") == true }
        try await session.send("\u{1B}[<65;9;6M", literal: true)
        try await session.waitFor { $0.split(separator: "\n", omittingEmptySubsequences: false)[8].hasPrefix("│▶") }
        try await session.send("q")
        try await session.waitFor { $0.contains("[exited 0]") }
    }

    @Test("The terminal reports the mouse by default; mouse = false leaves it off")
    func mouseSetting() async throws {
        let home = try Home()
        defer { home.remove() }
        let binary = try TUIEndToEndTests.binary()
        let on = try await TmuxSession([binary, "--demo"], environment: home.environment)
        try await on.waitFor { $0.contains("Leads (") }
        #expect(try await on.display("#{mouse_any_flag}#{mouse_sgr_flag}") == "11")
        try await on.send("q")
        try await on.waitFor { $0.contains("[exited 0]") }

        let config = home.directory.appendingPathComponent("config/leadline/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("mouse = false\n".utf8).write(to: config)
        let off = try await TmuxSession([binary, "--demo"], environment: home.environment)
        try await off.waitFor { $0.contains("Leads (") }
        #expect(try await off.display("#{mouse_any_flag}#{mouse_sgr_flag}") == "00")
        try await off.send("q")
        try await off.waitFor { $0.contains("[exited 0]") }
    }

    @Test("A corrupt state file is ignored with a warning in the status line, and replaced on quit")
    func corrupt() async throws {
        let home = try Home()
        defer { home.remove() }
        try FileManager.default.createDirectory(atPath: (home.statePath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("{\"lead\": \"nexor:".utf8).write(to: URL(fileURLWithPath: home.statePath))
        let session = try await TmuxSession([try TUIEndToEndTests.binary(), "--demo"], environment: home.environment)
        try await session.waitFor { $0.contains("Ignored the saved view") }
        try await session.send("q")
        try await session.waitFor { $0.contains("[exited 0]") }
        let data = try Data(contentsOf: URL(fileURLWithPath: home.statePath))
        #expect(try JSONDecoder().decode(SavedViewProbe.self, from: data).sort == "recent")
    }

    private struct SavedViewProbe: Decodable {
        var sort: String?
    }
}
