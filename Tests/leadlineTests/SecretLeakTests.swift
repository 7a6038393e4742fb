import Foundation
import LeadlineKit
import Testing
@testable import leadline

/// Credentials never show: not in any output format, not in errors, not on the screen. Each
/// check greps for the credential, its parts around `:` and the HTTP Basic form of it.
@Suite("Secrets never leave: outputs, errors and the screen grepped for the credentials", .serialized, .timeLimit(.minutes(5)))
struct SecretLeakTests {
    /// Every form of each credential that must not appear.
    static func forms(_ credentials: [String]) -> [String] {
        credentials.flatMap { credential in
            [credential, Data(credential.utf8).base64EncodedString()] + credential.split(separator: ":").map(String.init).filter { $0.count >= 6 }
        }
    }

    static func leaks(in text: String, of credentials: [String]) -> [String] {
        forms(credentials).filter { text.contains($0) }
    }

    /// Credentials that look like real ones but that `sim serve` refuses.
    static let wrong: [String: String] = [
        "LEADLINE_SIM_NEXOR": "nxr_live_wrongKEY_4711",
        "LEADLINE_SIM_LEADPING": "lp_bearer_wrongTOKEN_4712",
        "LEADLINE_SIM_NLPEARL": "acct_wrong_4713:sk_wrongSECRET_4713",
        "LEADLINE_SIM_LIVEFORCE": "client_wrong_4714:tok_wrongACCESS_4714",
    ]

    @Test("Leads and a cross-vendor timeline in every format, and the errors of refused credentials")
    func commandLine() async throws {
        let binary = try #require(TimelineCommandTests.builtBinary())
        let person = try #require(Simulator(options: SimulatorOptions()).people.first { person in
            SourceKind.allCases.filter { person.account($0) != nil }.count >= 3
        })
        try await SimServer.with(binary: binary) { server in
            let credentials = Array(server.environment.values)
            #expect(credentials.count == 4)
            // The grep finds each form: the whole, a part, the Basic header's.
            for credential in credentials {
                let basic = Data(credential.utf8).base64EncodedString()
                let part = String(credential.split(separator: ":").last!)
                #expect(Self.leaks(in: "a \(credential) b", of: [credential]).contains(credential))
                #expect(Self.leaks(in: "a \(part) b", of: [credential]).contains(part))
                #expect(Self.leaks(in: "Basic \(basic)", of: [credential]).contains(basic))
            }
            let directory = try ScratchDirectory("leak")
            defer { directory.remove() }
            let log = directory.path("leadline.log")
            var runs = 0
            for arguments in [["leads"], ["leads", "--format", "json"]] + ["text", "json", "ndjson"].map({ ["timeline", person.phone, "--format", $0] }) {
                let result = await SimServeIntegrationTests.run(
                    arguments + ["--config", server.configPath, "--log-file", log], environment: server.environment)
                #expect(result.code == 0, "\(arguments): \(result.stderr)")
                #expect(result.stdout.count > 1_000)
                #expect(Self.leaks(in: result.stdout + result.stderr, of: credentials).isEmpty, "\(arguments)")
                runs += 1
            }
            #expect(runs == 5)

            // Refused: each source's error names it and the failure, never what was sent.
            let refused = await SimServeIntegrationTests.run(
                ["timeline", person.phone, "--config", server.configPath, "--log-file", log], environment: Self.wrong)
            #expect(refused.code == 1)
            #expect(refused.stderr.contains("401") || refused.stderr.lowercased().contains("unauthorized") || refused.stderr.contains("credential"),
                    "\(refused.stderr)")
            #expect(Self.leaks(in: refused.stdout + refused.stderr, of: Array(Self.wrong.values) + credentials).isEmpty, "\(refused.stderr)")
            let leads = await SimServeIntegrationTests.run(
                ["leads", "--config", server.configPath, "--format", "json", "--log-file", log], environment: Self.wrong)
            #expect(leads.code == 1)
            #expect(Self.leaks(in: leads.stdout + leads.stderr, of: Array(Self.wrong.values)).isEmpty, "\(leads.stderr)")

            // The log has every request of all seven runs, the answers and the refusals.
            let logged = try String(contentsOfFile: log, encoding: .utf8)
            #expect(logged.components(separatedBy: " started: ").count == 8, "\(logged.prefix(2_000))")
            #expect(logged.contains(" → 200 in ") && logged.contains(" → 401 in "), "\(logged.prefix(2_000))")
            // The first refused source fails the run; the others are cancelled (logged below info).
            #expect(logged.contains(" error source="), "\(logged.prefix(2_000))")
            #expect(Self.leaks(in: logged, of: credentials + Array(Self.wrong.values)).isEmpty)
        }
    }

    @Test("The TUI's screen, browsing and with every credential refused")
    func screen() async throws {
        let binary = try TUIEndToEndTests.binary()
        try await SimServer.with(binary: try #require(TimelineCommandTests.builtBinary())) { server in
            try await Self.checkScreens(binary: binary, server: server)
        }
    }

    @Test("A crash report (the Swift runtime's backtrace, with every register) holds no credential")
    func crashReport() async throws {
        let binary = try TUIEndToEndTests.binary()
        try await SimServer.with(binary: try #require(TimelineCommandTests.builtBinary())) { server in
            let directory = try ScratchDirectory("crash")
            defer { directory.remove() }
            let environment = server.environment.merging([
                "HOME": "/nonexistent",
                "SWIFT_BACKTRACE": "enable=yes,interactive=no,registers=all,output-to=\(directory.path)",
            ]) { mine, _ in mine }
            let session = try await TmuxSession([binary, "--config", server.configPath], environment: environment)
            try await session.waitFor { $0.contains("┌ Leads (") && !TUIFaultTests.statusLine($0).contains("loading") }
            // Every credential has been used: the leads of all four vendors are listed.
            try await session.send("Enter", "J")
            try await Task.sleep(for: .milliseconds(500))
            let program = try TUIEndToEndTests.childPID(of: try await session.display("#{pane_pid}"))
            kill(program, SIGSEGV)
            let screen = try await session.waitFor(timeout: .seconds(90)) { $0.contains("[exited ") }
            let reports = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            #expect(reports.count == 1, "\(reports)")
            let report = try String(contentsOfFile: directory.path(try #require(reports.first)), encoding: .utf8)
            #expect(report.contains("Program crashed") && report.contains("TUIRunner"), "not a crash report: \(report.prefix(500))")
            #expect(screen.contains("[exited 139]"), "the process did not end by its signal: \(screen)")
            // What leadline left on the screen; the test's shell then reports the crash quoting
            // its own command line, which sets the credentials.
            let left = screen.components(separatedBy: "Segmentation fault").first ?? screen
            #expect(Self.leaks(in: report + left, of: Array(server.environment.values)).isEmpty)
        }
    }

    private static func checkScreens(binary: String, server: SimServer) async throws {
        let credentials = Array(server.environment.values)
        let directory = try ScratchDirectory("leak-tui")
        defer { directory.remove() }
        let log = directory.path("leadline.log")
        let session = try await TmuxSession(
            [binary, "--config", server.configPath, "--log-file", log],
            environment: server.environment.merging(["HOME": "/nonexistent"]) { a, _ in a })
        try await session.waitFor { $0.contains("Leads (") && !$0.contains("Loading leads") }
        var screens = ""
        for keys in [["Enter"], ["Tab", "j", "j"], ["J"], ["?"]] {
            try await session.send(keys)
            try await Task.sleep(for: .milliseconds(400))
            screens += try await session.capture() + "\n"
        }
        #expect(screens.contains("Detail"))
        #expect(leaks(in: screens, of: credentials).isEmpty)

        let refused = try await TmuxSession(
            [binary, "--config", server.configPath, "--log-file", log], environment: wrong.merging(["HOME": "/nonexistent"]) { a, _ in a })
        let failed = try await refused.waitFor { $0.contains("401") || $0.lowercased().contains("unauthorized") || $0.contains("credential") }
        #expect(leaks(in: failed, of: Array(wrong.values)).isEmpty, "\(failed)")

        // Both UIs logged to the file, not the screen, and no credential went there either.
        let logged = try String(contentsOfFile: log, encoding: .utf8)
        #expect(logged.contains(" → 200 in ") && logged.contains(" → 401 in "), "\(logged.prefix(2_000))")
        #expect(!screens.contains(" → 200 in "))
        #expect(leaks(in: logged, of: credentials + Array(wrong.values)).isEmpty)
    }
}
