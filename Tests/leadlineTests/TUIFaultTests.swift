import Foundation
import LeadlineKit
import Testing

/// The real TUI in tmux against `sim serve` whose vendors hang, fail and heal while it runs.
@Suite("TUI in tmux against failing vendors", .serialized, .timeLimit(.minutes(10)))
struct TUIFaultTests {
    static let help = "Keys — Esc or ? closes"

    /// The TUI on `server`'s config, once its lead list has finished loading.
    static func open(_ server: SimServer, width: Int = 120, height: Int = 40) async throws -> TmuxSession {
        let session = try await TmuxSession(
            [try TUIEndToEndTests.binary(), "--config", server.configPath], width: width, height: height,
            environment: server.environment.merging(["HOME": "/nonexistent"]) { mine, _ in mine })
        try await session.waitFor { $0.contains("┌ Leads (") && !statusLine($0).contains("loading") }
        return session
    }

    static func statusLine(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false).last { !$0.isEmpty }.map(String.init) ?? ""
    }

    /// True when the timeline pane shows events: a day separator row.
    static func showsEvents(_ screen: String) -> Bool {
        screen.contains("││── ")
    }

    @Test("While a vendor hangs the keys keep working; a failure shows in the status line, loaded leads and timelines stay, R asks again")
    func hangingThenFailingVendors() async throws {
        let binary = try #require(TimelineCommandTests.builtBinary())
        try await SimServer.with(binary: binary, arguments: ["--leads", "30"]) { server in
            let session = try await Self.open(server)
            let first = try await session.waitFor { Self.showsEvents($0) }
            let leadCount = try #require(first.firstMatch(of: /Leads \((\d+)\)/)).1

            // Every vendor hangs: the next lead's timeline waits, and the UI does not.
            try await server.setFaults("timeout=1")
            try await session.send("j")
            try await session.waitFor(timeout: .seconds(10)) { $0.contains("Loading…") }
            let clock = ContinuousClock()
            let start = clock.now
            try await session.send("?")
            try await session.waitFor(timeout: .seconds(5)) { $0.contains(Self.help) }
            let answered = clock.now - start
            try await session.send("Escape")
            try await session.waitFor(timeout: .seconds(5)) { !$0.contains(Self.help) && $0.contains("Loading…") }
            print("help answered in \(answered) while every vendor hung")

            // They fail instead: R asks again, and the failure is named in the status line.
            try await server.setFaults("500=1")
            try await session.send("R")
            let failed = try await session.waitFor(timeout: .seconds(60)) { $0.contains("Could not load") }
            #expect(Self.statusLine(failed).contains("500"), "\(failed)")
            #expect(failed.contains("Leads (\(leadCount))"), "the lead list changed: \(failed)")

            // The first lead's timeline was loaded before: it is still there, vendors failing or not.
            try await session.send("k")
            try await session.waitFor(timeout: .seconds(10)) { Self.showsEvents($0) }
            try await session.send("j")
            try await session.waitFor(timeout: .seconds(60)) { $0.contains("Could not load") }

            // Healed: R on the failed lead loads it.
            try await server.setFaults("")
            try await session.send("R")
            let healed = try await session.waitFor(timeout: .seconds(60)) { Self.showsEvents($0) && !$0.contains("Could not load") }
            #expect(healed.contains("Leads (\(leadCount))"))

            let faults = try #require(try await server.statistics()["faults"] as? [String: Int])
            #expect(faults["timeout", default: 0] > 0 && faults["500", default: 0] > 0, "\(faults)")
            try await session.send("q")
            try await session.waitFor(timeout: .seconds(10)) { $0.contains("[exited 0]") }
        }
    }

    /// How long the soak runs: `LEADLINE_SOAK_SECONDS`, 40 by default (CI).
    static var soakSeconds: Int {
        ProcessInfo.processInfo.environment["LEADLINE_SOAK_SECONDS"].flatMap(Int.init).map { max(10, $0) } ?? 40
    }

    /// Keys a person might press, except those that leave (`q`, ^Z) or start programs (`o`).
    static let soakKeys = [
        "j", "j", "j", "k", "k", "g", "G", "Tab", "Tab", "h", "l", "Enter", "Escape", "Escape", "c", "w", "e", "s",
        "t", "m", "a", "J", "?", "R", "PageDown", "PageUp", "/", "x", "BSpace", "n", "N", "y", "Down", "Up", "Home", "End",
        "1", "S",
    ]

    @Test("Soak: random keys and resizes against a faulty sim serve; alive, answering, memory bounded")
    func soak() async throws {
        let seed = ProcessInfo.processInfo.environment["LEADLINE_SOAK_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...999_999)
        let seconds = Self.soakSeconds
        print("soak: \(seconds) s from seed \(seed) (LEADLINE_SOAK_SEED=\(seed) LEADLINE_SOAK_SECONDS=\(seconds) replays the keys)")
        let binary = try #require(TimelineCommandTests.builtBinary())
        let arguments = [
            "--leads", "300", "--seed", "11", "--faults", SimServeIntegrationTests.everyFault,
            "--rate-limit", "leadping=300/60",
        ]
        try await SimServer.with(binary: binary, arguments: arguments) { server in
            let session = try await Self.open(server)
            let program = try TUIEndToEndTests.childPID(of: try await session.display("#{pane_pid}"))
            // libc's erand48 keeps its state here, so the keys follow from the seed alone.
            var state: [UInt16] = [UInt16(truncatingIfNeeded: seed), UInt16(truncatingIfNeeded: seed >> 16), 0x330E]
            func random(_ count: Int) -> Int { Int(erand48(&state) * Double(count)) }
            var keys = 0, resizes = 0, probes = 0
            var slowestProbe = Duration.zero
            var memory: [Int] = []
            let clock = ContinuousClock()
            let end = clock.now + .seconds(seconds)
            let quarter = Duration.seconds(seconds) / 4
            var nextSample = clock.now + quarter
            var nextProbe = clock.now + .seconds(5)
            while clock.now < end {
                try await session.send(Self.soakKeys[random(Self.soakKeys.count)])
                keys += 1
                if random(40) == 0 {
                    let width = 30 + random(171), height = 8 + random(53)
                    try await session.resize(width: width, height: height)
                    resizes += 1
                }
                try await Task.sleep(for: .milliseconds(random(40)))
                if clock.now >= nextProbe {
                    // Out of any mode, at a size the help fits, then `?` must show the help.
                    try await session.resize(width: 120, height: 40)
                    try await session.send("Escape", "Escape", "Escape")
                    try await Task.sleep(for: .milliseconds(100))
                    let start = clock.now
                    try await session.send("?")
                    try await session.waitFor(timeout: .seconds(10)) { $0.contains(Self.help) }
                    slowestProbe = max(slowestProbe, clock.now - start)
                    try await session.send("Escape")
                    probes += 1
                    nextProbe = clock.now + .seconds(5)
                }
                if clock.now >= nextSample {
                    memory.append(try Self.residentKB(program))
                    nextSample = clock.now + quarter
                }
            }
            memory.append(try Self.residentKB(program))
            let stats = try await server.statistics()
            let faults = (stats["faults"] as? [String: Int] ?? [:]).values.reduce(0, +)
            let requests = stats["total"] as? Int ?? 0
            print("soak: \(keys) keys, \(resizes) resizes, \(probes) probes (slowest \(slowestProbe)), \(requests) requests, \(faults) faults served, RSS MB \(memory.map { $0 / 1024 })")

            #expect(kill(program, 0) == 0, "the TUI is gone")
            #expect(probes >= seconds / 6)
            #expect(faults > 0)
            // Bounded: after the first quarter (the lead list and the first timelines), the rest
            // of the run may not add more than half again.
            let settled = try #require(memory.first)
            #expect(memory.last! <= settled * 3 / 2 + 32 * 1024, "RSS kB by quarter: \(memory)")
            try await session.send("Escape", "Escape", "q")
            let exit = try await session.waitFor(timeout: .seconds(20)) { $0.contains("[exited ") }
            #expect(exit.contains("[exited 0]"), "\(exit)")
        }
    }

    /// The resident set of `pid`, in kB, from /proc.
    static func residentKB(_ pid: pid_t) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") })
        return try #require(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]))
    }
}
