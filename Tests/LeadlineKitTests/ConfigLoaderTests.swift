import Foundation
import Testing
@testable import LeadlineKit

@Suite("Configuration")
struct ConfigLoaderTests {
    let environment = ["HOME": "/home/ana", "NEXOR_API_KEY": "nxr_live_abc123"]

    private func parse(_ text: String) throws -> Config {
        try ConfigLoader.parse(text, file: "/cfg/config.toml", environment: environment)
    }

    private func failure(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return (error as? ConfigError)?.description
        }
    }

    @Test("The design's example config reads as written")
    func designExample() throws {
        let config = try parse("""
            theme = "default"                  # a name from themes/
            opener = ["xdg-open", "{url}"]     # argv template

            [[source]]
            name = "nexor"
            kind = "nexor"
            base_url = "https://api.getnexor.ai/api/public"
            secret_env = "NEXOR_API_KEY"

            [[source]]
            name = "pearl"
            kind = "nlpearl"
            outbound_ids = ["65f0c1"]
            secret_file = "~/.config/leadline/nlpearl.secret"
            """)
        #expect(config.file == "/cfg/config.toml")
        #expect(config.theme == "default")
        #expect(config.opener == ["xdg-open", "{url}"])
        #expect(config.sources == [
            SourceConfig(name: "nexor", kind: .nexor, baseURL: URL(string: "https://api.getnexor.ai/api/public")!,
                         credential: .environment("NEXOR_API_KEY"), origin: "/cfg/config.toml:4"),
            SourceConfig(name: "pearl", kind: .nlpearl, credential: .file("/home/ana/.config/leadline/nlpearl.secret"),
                         outboundIDs: ["65f0c1"], origin: "/cfg/config.toml:10"),
        ])
        #expect(config.sources[1].baseURL == URL(string: "https://api.nlpearl.ai")!)
    }

    @Test("Each kind defaults to its vendor's documented base URL")
    func defaults() throws {
        #expect(SourceKind.nexor.defaultBaseURL.absoluteString == "https://api.getnexor.ai/api/public")
        #expect(SourceKind.leadping.defaultBaseURL.absoluteString == "https://api.leadping.ai")
        #expect(SourceKind.nlpearl.defaultBaseURL.absoluteString == "https://api.nlpearl.ai")
        #expect(SourceKind.liveforce.defaultBaseURL.absoluteString == "https://theliveforce.app/api/v1")
        let empty = try parse("")
        #expect(empty.theme == nil && empty.sources.isEmpty && empty.opener == Config.defaultOpener)
    }

    @Test("Mistakes name the file, the line, the key and the value", arguments: [
        ("colour = \"red\"", "/cfg/config.toml:1: unknown key 'colour' (known: theme, opener, mouse, timezone, [keys], [[source]])"),
        ("theme = 3", "/cfg/config.toml:1: theme = 3: expected a theme name in quotes"),
        ("opener = \"xdg-open {url}\"", "/cfg/config.toml:1: opener = \"xdg-open {url}\": expected a list of strings such as [\"xdg-open\", \"{url}\"]"),
        ("[[source]]\nname = \"n\"\nkind = \"nexr\"\nsecret_env = \"K\"", "/cfg/config.toml:3: kind = \"nexr\": unknown kind (one of: nexor, leadping, nlpearl, liveforce)"),
        ("[[source]]\nkind = \"nexor\"\nsecret_env = \"K\"", "/cfg/config.toml:1: this [[source]] has no name"),
        ("[[source]]\nname = \"n\"\nsecret_env = \"K\"", "/cfg/config.toml:1: source 'n' has no kind (one of: nexor, leadping, nlpearl, liveforce)"),
        ("[[source]]\nname = \"a b\"\nkind = \"nexor\"\nsecret_env = \"K\"", "/cfg/config.toml:2: name = \"a b\": a source name must be non-empty, without spaces or ':'"),
        ("[[source]]\nname = \"n\"\nkind = \"nexor\"\nsecret_env = \"K\"\napi_key = \"nxr\"", "/cfg/config.toml:5: unknown key 'api_key' in [[source]] (known: name, kind, base_url, secret_env, secret_file, outbound_ids)"),
        ("[[source]]\nname = \"n\"\nkind = \"nexor\"", "/cfg/config.toml:1: source 'n' needs secret_env or secret_file for its credential"),
        ("[[source]]\nname = \"n\"\nkind = \"nexor\"\nsecret_env = \"K\"\nsecret_file = \"/k\"", "/cfg/config.toml:5: source 'n' has both secret_env and secret_file; keep one"),
        ("[[source]]\nname = \"n\"\nkind = \"nexor\"\nsecret_env = \"MY KEY\"", "/cfg/config.toml:4: secret_env = \"MY KEY\": expected an environment variable name"),
        ("[[source]]\nname = \"n\"\nkind = \"nexor\"\nsecret_env = \"K\"\nbase_url = \"ftp://x\"", "/cfg/config.toml:5: base_url = \"ftp://x\": expected an http(s) URL such as https://api.getnexor.ai/api/public"),
        ("[[source]]\nname = \"n\"\nkind = \"nexor\"\nsecret_env = \"K\"\noutbound_ids = [\"a\"]", "/cfg/config.toml:5: outbound_ids only applies to kind \"nlpearl\""),
        ("[[source]]\nname = \"n\"\nkind = \"nlpearl\"\nsecret_env = \"K\"\noutbound_ids = [1]", "/cfg/config.toml:5: outbound_ids = [ 1 ]: expected a list of outbound ids in quotes"),
        ("[[source]]\nname = \"n\"\nkind = \"nexor\"\nsecret_env = \"K\"\n\n[[source]]\nname = \"n\"\nkind = \"nexor\"\nsecret_env = \"K\"", "/cfg/config.toml:7: name = \"n\": another source already has this name"),
        ("theme = \"dark\"\n[[source]]\nname = \"n\"\nkind = nexor", "/cfg/config.toml:4: TOML syntax: "),
    ])
    func mistakes(text: String, expected: String) {
        let message = failure(text) ?? "no error"
        if expected.hasSuffix("TOML syntax: ") {
            #expect(message.hasPrefix(expected))
        } else {
            #expect(message == expected)
        }
    }

    @Test("A missing config file is named")
    func missingFile() {
        #expect(throws: ConfigError(location: "/nonexistent/config.toml", message: "no config file here")) {
            try ConfigLoader.load(path: "/nonexistent/config.toml", environment: [:])
        }
    }

    @Test("XDG_CONFIG_HOME decides the default path, else ~/.config")
    func defaultPath() {
        #expect(ConfigLoader.defaultPath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/leadline/config.toml")
        #expect(ConfigLoader.defaultPath(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/leadline/config.toml")
        #expect(ConfigLoader.defaultPath(environment: ["HOME": "/h"]) == "/h/.config/leadline/config.toml")
    }

    @Test("secret_env reads the variable; a missing one is named, and the value never printed")
    func secretEnv() throws {
        let source = SourceConfig(name: "nexor", kind: .nexor, credential: .environment("NEXOR_API_KEY"), origin: "c.toml:3")
        let (secret, warnings) = try source.resolveCredential(environment: environment)
        #expect(secret.reveal() == "nxr_live_abc123")
        #expect(warnings.isEmpty)
        #expect("\(secret)" == "<secret from NEXOR_API_KEY>")
        #expect(!String(reflecting: secret).contains("abc123"))
        #expect(throws: ConfigError(location: "c.toml:3", message: "source 'nexor': environment variable NEXOR_API_KEY (secret_env) is not set or empty")) {
            try source.resolveCredential(environment: [:])
        }
    }

    @Test("secret_file reads the file, trims it, and warns when others can read it")
    func secretFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leadline-secret-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("pearl.secret").path
        try Data("acct:sk_123456\n".utf8).write(to: URL(fileURLWithPath: path))
        let source = SourceConfig(name: "pearl", kind: .nlpearl, credential: .file(path))

        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let (secret, quiet) = try source.resolveCredential(environment: [:])
        #expect(secret.reveal() == "acct:sk_123456")
        #expect(quiet.isEmpty)

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let (_, warnings) = try source.resolveCredential(environment: [:])
        #expect(warnings == ["source 'pearl': secret_file \(path) is readable by others (mode 644) — run: chmod 600 \(path)"])

        let missing = SourceConfig(name: "pearl", kind: .nlpearl, credential: .file(path + ".nope"))
        #expect(throws: ConfigError(location: "", message: "source 'pearl': cannot read secret_file \(path).nope")) {
            try missing.resolveCredential(environment: [:])
        }
    }

    @Test("Redaction hides the whole secret and each part of an id:secret pair")
    func redaction() {
        let secret = Secret("acct_1234:sk_live_99999", origin: "X")
        #expect(secret.redact("bad acct_1234:sk_live_99999 and sk_live_99999 and acct_1234") == "bad [redacted] and [redacted] and [redacted]")
        // HTTP Basic's form of it, as Liveforce is sent it.
        let basic = Data("acct_1234:sk_live_99999".utf8).base64EncodedString()
        #expect(secret.redact("Authorization: Basic \(basic)") == "Authorization: Basic [redacted]")
        // Neither printing nor reflection shows it.
        var dumped = ""
        dump(secret, to: &dumped)
        for text in [dumped, "\(secret)", String(reflecting: secret), "\(Mirror(reflecting: secret).children.map(\.value))"] {
            #expect(!text.contains("sk_live") && !text.contains("acct_1234") && text.contains("X"), "\(text)")
        }
    }
}

@Suite("Configuration: keys, mouse, timezone")
struct ConfigComfortTests {
    private func parse(_ text: String) throws -> Config {
        try ConfigLoader.parse(text, file: "/cfg/config.toml", environment: [:])
    }

    @Test("[keys] is read as written, in file order, each entry with its line; \"\" and [] disable")
    func keys() throws {
        let config = try parse("""
            theme = "default"

            [keys]
            refresh = "ctrl-r"
            quit = ["q", "ctrl-c"]
            open_link = ""
            copy_link = []

            [[source]]
            name = "n"
            kind = "nexor"
            secret_env = "K"
            """)
        #expect(config.keys == [
            KeyOverride(action: "refresh", keys: ["ctrl-r"], location: "/cfg/config.toml:4"),
            KeyOverride(action: "quit", keys: ["q", "ctrl-c"], location: "/cfg/config.toml:5"),
            KeyOverride(action: "open_link", keys: [], location: "/cfg/config.toml:6"),
            KeyOverride(action: "copy_link", keys: [], location: "/cfg/config.toml:7"),
        ])
        #expect(config.sources.map(\.name) == ["n"])
    }

    @Test("mouse is on unless the config turns it off; timezone names an IANA zone")
    func mouseAndTimezone() throws {
        let defaults = try parse("")
        #expect(defaults.mouse && defaults.timeZone == nil && defaults.keys.isEmpty)
        let config = try parse("mouse = false\ntimezone = \"Europe/Berlin\"\n")
        #expect(config.mouse == false)
        #expect(config.timeZone == TimeZone(identifier: "Europe/Berlin"))
    }

    @Test("Mistakes in keys, mouse and timezone name the file, line and value", arguments: [
        ("mouse = \"no\"", "/cfg/config.toml:1: mouse = \"no\": expected true or false"),
        ("theme = \"x\"\ntimezone = \"Mars/Olympus\"", "/cfg/config.toml:2: timezone = \"Mars/Olympus\": unknown time zone (expected a name such as \"Europe/Berlin\" or \"UTC\")"),
        ("timezone = 1", "/cfg/config.toml:1: timezone = 1: unknown time zone (expected a name such as \"Europe/Berlin\" or \"UTC\")"),
        ("keys = \"q\"", "/cfg/config.toml:1: keys must be written as a [keys] table of action = \"key\" lines"),
        ("[keys]\nquit = \"q\"\nrefresh = 5", "/cfg/config.toml:3: [keys] refresh = 5: expected a key name in quotes, a list of them, or \"\" to disable"),
        ("[keys]\nquit = [\"q\", \"\"]", "/cfg/config.toml:2: [keys] quit = [ 'q', '' ]: expected a key name in quotes, a list of them, or \"\" to disable"),
    ])
    func mistakes(text: String, expected: String) {
        do {
            _ = try parse(text)
            Issue.record("no error for \(text)")
        } catch {
            #expect((error as? ConfigError)?.description == expected)
        }
    }
}
