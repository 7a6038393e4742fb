import Foundation
import LeadlineKit
import Testing
@testable import leadline

/// The real binary in tmux: what a person sees and does, end to end.
@Suite("TUI in tmux", .serialized, .timeLimit(.minutes(5)))
struct TUIEndToEndTests {
    static func binary() throws -> String {
        try #require(TimelineCommandTests.builtBinary()).path
    }

    /// A person of the demo with an NLPearl call (transcript and recording) and a unique name.
    static func personWithCalls(_ simulator: Simulator) throws -> SimulatedPerson {
        let people = simulator.people
        return try #require(people.first { person in
            person.account(.nlpearl).map { $0.eventCount > 0 } == true && person.lastName.count > 2
                && people.filter { $0.name == person.name }.count == 1 && person.name.allSatisfy { $0.isASCII }
        })
    }

    @Test("A newcomer finds a person, filters to calls, reads a transcript and opens the recording")
    func browseDemo() async throws {
        let directory = try ScratchDirectory("tui")
        defer { directory.remove() }
        // The opener records its argv, one argument per line.
        let opener = try ArgvRecorder(in: directory)
        let record = opener.record
        let config = directory.path("config.toml")
        try "opener = [\"\(opener.script)\", \"--url\", \"{url}\"]\n".write(toFile: config, atomically: true, encoding: .utf8)

        let person = try Self.personWithCalls(Simulator(options: SimulatorOptions()))
        let session = try await TmuxSession([Self.binary(), "--demo", "--config", config], environment: ["HOME": directory.path])
        try await session.waitFor { $0.contains("Leads (") && !$0.contains("Loading leads") }
        try await session.send("/")
        try await session.send(person.name, literal: true)
        try await session.waitFor { $0.contains("Leads (1/") }
        try await session.send("Enter")
        try await session.waitFor { $0.contains("┌ \(person.name)") && !$0.contains("Loading…") }
        try await session.send("c")
        // Only call rows remain: every event row shows the call glyph or the missed-call cross.
        func eventRows(_ screen: String) -> [Substring] {
            screen.split(separator: "\n").map { $0.dropFirst(30).prefix(50) }.filter { $0.range(of: #"^│\d\d:\d\d "#, options: .regularExpression) != nil }
        }
        let calls = try await session.waitFor { screen in
            let rows = eventRows(screen)
            return !rows.isEmpty && rows.allSatisfy { $0.contains("☎") || $0.contains("✗") }
        }
        #expect(eventRows(calls).count >= 1)
        // Walk to a call with a transcript, read it in the detail pane, and open its recording
        // (a call without one says so in the status line; then walk on).
        try await session.send("Tab")
        var sawTranscript = false
        for _ in 0..<60 where !FileManager.default.fileExists(atPath: record) {
            try await session.send("j")
            try await Task.sleep(for: .milliseconds(50))
            guard try await session.capture().contains("Transcript") else { continue }
            sawTranscript = true
            try await session.send("o")
            let deadline = Date().addingTimeInterval(3)
            while !FileManager.default.fileExists(atPath: record), Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(sawTranscript)
        let argv = try await opener.arguments(timeout: .seconds(1))
        #expect(argv.count == 2)
        #expect(argv.first == "--url")
        #expect(argv.last?.hasPrefix("https://") == true)
        try await session.send("q")
        try await session.waitFor { $0.contains("[exited 0]") }
    }

    @Test("Nothing a hostile vendor sends changes the title or the screen outside leadline's drawing")
    func hostile() async throws {
        let binary = URL(fileURLWithPath: try Self.binary())
        try await SimServer.with(binary: binary, arguments: ["--leads", "40", "--hostile"]) { server in
            let session = try await TmuxSession([binary.path, "--config", server.configPath], environment: server.environment.merging(["HOME": "/nonexistent"]) { a, _ in a })
            let title = try await session.title()
            try await session.waitFor { $0.contains("Leads (40)") || $0.contains("Leads (3") }
            // Visit every person and every event: the attacks are spread over 4% of the items.
            for _ in 0..<40 {
                try await session.send(["Tab"] + Array(repeating: "j", count: 25) + ["BTab", "j"])
                try await Task.sleep(for: .milliseconds(100))
                let screen = try await session.capture()
                let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
                #expect(lines.first?.hasPrefix("┌ Leads") == true, "\(screen)")
                #expect(!screen.contains("APPROVED: refund issued\n"))
                // Every pane border is where leadline drew it: nothing shifted a line, which would
                // happen if the terminal and leadline disagreed on a single character's width.
                let broken = lines.prefix(39).filter { Self.borderColumns($0) != [0, 29, 30, 79, 80, 119] }
                #expect(broken.isEmpty, "\(broken)")
            }
            #expect(try await session.title() == title)
            let raw = try await session.capture(escapes: true)
            #expect(!raw.contains("\u{1B}]"), "no OSC reached the pane")
            try await session.send("q")
            try await session.waitFor { $0.contains("[exited 0]") }
        }
    }

    @Test("Random keys and resizes down to 20×6 neither crash nor hang it; SIGTERM restores the terminal")
    func stress() async throws {
        let session = try await TmuxSession([Self.binary(), "--demo"], environment: ["HOME": "/nonexistent"])
        try await session.waitFor { $0.contains("Leads (") }
        let keys = ["j", "k", "Tab", "BTab", "Enter", "Escape", "PPage", "NPage", "Home", "End", "c", "w", "a", "r", "J", "?", "/", "x", "BSpace", "h", "l", "g", "G", "1", "m"]
        var generator = SystemRandomNumberGenerator()
        let sizes = [(20, 6), (80, 24), (200, 60), (33, 11), (120, 40)]
        for step in 0..<400 {
            if step % 80 == 79 {
                let size = sizes[(step / 80) % sizes.count]
                try await session.resize(width: size.0, height: size.1)
            }
            try await session.send(keys.randomElement(using: &generator)!)
        }
        try await session.resize(width: 120, height: 40)
        try await session.send("Escape")
        try await session.send("Escape")
        let screen = try await session.waitFor { $0.contains("Leads (") }
        #expect(!screen.contains("[exited"))
        // Still answering keys.
        try await session.send("?")
        try await session.waitFor { $0.contains("Keys — Esc or ? closes") }
        try await session.send("Escape")
        // The pane runs a shell (env … ; echo); the program is its child.
        let pid = try await session.display("#{pane_pid}")
        let program = try Self.childPID(of: pid)
        kill(program, SIGTERM)
        let after = try await session.waitFor { $0.contains("[exited 143]") }
        #expect(!after.contains("┌ Leads"), "the alternate screen was left, so the UI is gone: \(after)")
    }

    /// The terminal columns of the box-drawing borders in a captured line, measured scalar by
    /// scalar as the terminal does.
    static func borderColumns(_ line: Substring) -> [Int] {
        var column = 0
        var borders: [Int] = []
        for scalar in line.unicodeScalars {
            if "│┌┐└┘".unicodeScalars.contains(scalar) { borders.append(column) }
            column += DisplayWidth.of(String(scalar))
        }
        return borders
    }

    static func childPID(of parent: String) throws -> pid_t {
        let text = try String(contentsOfFile: "/proc/\(parent)/task/\(parent)/children", encoding: .utf8)
        return try #require(text.split(separator: " ").compactMap { pid_t($0) }.first)
    }
}
