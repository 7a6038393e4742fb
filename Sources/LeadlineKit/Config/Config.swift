import Foundation

/// The user's configuration: which vendor accounts to read and how to open links.
///
/// Loaded by ``ConfigLoader`` from TOML (DESIGN §3). Holds where credentials come from, never the
/// credentials themselves; ``SourceConfig/resolveCredential(environment:)`` reads them on use.
public struct Config: Sendable, Equatable {
    /// The file this came from, for messages; nil for the built-in defaults.
    public var file: String?
    /// The theme name, nil when the config names none.
    public var theme: String?
    /// The argv template for opening URLs; `{url}` is replaced by the URL. Never run by a shell.
    public var opener: [String]
    public var sources: [SourceConfig]
    /// Key bindings the user changed in `[keys]`, in file order, as written: the UI resolves
    /// the action and key names (LeadlineKit does not know them) and reports mistakes.
    public var keys: [KeyOverride]
    /// Whether the terminal UI asks for mouse clicks and the wheel (`mouse = false` turns it off).
    public var mouse: Bool
    /// The time zone times are shown in (`timezone = "Europe/Berlin"`); nil means the local one.
    public var timeZone: TimeZone?

    /// The default opener for this platform.
    public static let defaultOpener: [String] = {
        #if os(macOS)
        ["open", "{url}"]
        #else
        ["xdg-open", "{url}"]
        #endif
    }()

    public init(
        file: String? = nil, theme: String? = nil, opener: [String] = Config.defaultOpener, sources: [SourceConfig] = [],
        keys: [KeyOverride] = [], mouse: Bool = true, timeZone: TimeZone? = nil
    ) {
        self.file = file
        self.theme = theme
        self.opener = opener
        self.sources = sources
        self.keys = keys
        self.mouse = mouse
        self.timeZone = timeZone
    }

    /// The source called `name`, if configured.
    public func source(named name: String) -> SourceConfig? {
        sources.first { $0.name == name }
    }
}

/// One line of the config's `[keys]` table: `refresh = "ctrl-r"`, `quit = ["q", "ctrl-c"]`, or
/// `open_link = ""` (or `[]`) to leave an action without a key.
public struct KeyOverride: Sendable, Equatable {
    /// The action's config name, as written (not yet checked).
    public var action: String
    /// The key names, as written (not yet checked); empty to disable the action.
    public var keys: [String]
    /// `file:line` of the entry, for messages.
    public var location: String

    public init(action: String, keys: [String], location: String) {
        self.action = action
        self.keys = keys
        self.location = location
    }
}

/// The vendors leadline can read.
public enum SourceKind: String, Sendable, CaseIterable, Equatable {
    case nexor
    case leadping
    case nlpearl
    case liveforce

    /// The vendor's documented base URL (api-docs/README.md).
    public var defaultBaseURL: URL {
        switch self {
        case .nexor: URL(string: "https://api.getnexor.ai/api/public")!
        case .leadping: URL(string: "https://api.leadping.ai")!
        case .nlpearl: URL(string: "https://api.nlpearl.ai")!
        case .liveforce: URL(string: "https://theliveforce.app/api/v1")!
        }
    }
}

/// One `[[source]]` of the config.
public struct SourceConfig: Sendable, Equatable {
    /// Where the credential is read from.
    public enum CredentialLocation: Sendable, Equatable {
        /// An environment variable, by name.
        case environment(String)
        /// A file, by path (`~` already expanded); the whole file minus surrounding whitespace.
        case file(String)
    }

    public var name: String
    public var kind: SourceKind
    public var baseURL: URL
    public var credential: CredentialLocation
    /// NLPearl outbound campaigns to search for `SOURCE:LEAD` refs.
    public var outboundIDs: [String]
    /// The config file and line of this source's `[[source]]` header, for messages.
    public var origin: String

    public init(name: String, kind: SourceKind, baseURL: URL? = nil, credential: CredentialLocation, outboundIDs: [String] = [], origin: String = "") {
        self.name = name
        self.kind = kind
        self.baseURL = baseURL ?? kind.defaultBaseURL
        self.credential = credential
        self.outboundIDs = outboundIDs
        self.origin = origin
    }

    /// Reads the credential, with warnings about how it is stored (a secret file others can read).
    ///
    /// Throws ``ConfigError`` naming the variable or file when it is missing or empty; the error
    /// never contains the secret.
    public func resolveCredential(environment: [String: String]) throws -> (secret: Secret, warnings: [String]) {
        switch credential {
        case .environment(let variable):
            guard let value = environment[variable]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
                throw ConfigError(location: origin, message: "source '\(name)': environment variable \(variable) (secret_env) is not set or empty")
            }
            return (Secret(value, origin: variable), [])
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path),
                  let text = String(data: data, encoding: .utf8) else {
                throw ConfigError(location: origin, message: "source '\(name)': cannot read secret_file \(path)")
            }
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !value.isEmpty else {
                throw ConfigError(location: origin, message: "source '\(name)': secret_file \(path) is empty")
            }
            var warnings: [String] = []
            if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
               let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 != 0 {
                warnings.append("source '\(name)': secret_file \(path) is readable by others (mode \(String(mode & 0o777, radix: 8))) — run: chmod 600 \(path)")
            }
            return (Secret(value, origin: "secret_file \(path)"), warnings)
        }
    }
}

/// A configuration mistake, with the file and line it is on.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `path:line`, or just the path when no line applies.
    public var location: String
    public var message: String

    public init(location: String, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { location.isEmpty ? message : "\(location): \(message)" }
}
