import Foundation

extension Simulator {
    /// The credential a source of `kind` must be configured with to talk to the simulator, as
    /// DESIGN §3 describes credentials: the Nexor API key and the LeadPing bearer token are
    /// ``secret``; NLPearl's is `sim-account:sim-secret` (sent as the bearer value); Liveforce's is
    /// `sim-client:sim-secret` (sent as HTTP Basic, base64-encoded by the client).
    public static func credential(for kind: SourceKind) -> String {
        switch kind {
        case .nexor, .leadping: secret
        case .nlpearl: "\(SimNLPearlAPI.account):\(secret)"
        case .liveforce: "\(SimLiveforceAPI.client):\(secret)"
        }
    }

    /// The header fields that authenticate a raw request to the simulated `kind`, for tests and
    /// tools that build requests without a vendor client.
    public static func authorizationHeaders(for kind: SourceKind) -> [String: String] {
        let credential = credential(for: kind)
        switch kind {
        case .nexor: return ["X-API-Key": credential]
        case .leadping, .nlpearl: return ["Authorization": "Bearer \(credential)"]
        case .liveforce: return ["Authorization": "Basic " + Data(credential.utf8).base64EncodedString()]
        }
    }

    /// The environment variable the generated config reads `kind`'s credential from:
    /// `LEADLINE_SIM_NEXOR`, `LEADLINE_SIM_LEADPING`, `LEADLINE_SIM_NLPEARL`, `LEADLINE_SIM_LIVEFORCE`.
    public static func environmentVariable(for kind: SourceKind) -> String {
        "LEADLINE_SIM_" + kind.rawValue.uppercased()
    }

    /// One source per vendor, named after its kind, pointing at `<baseURL>/<kind>`; NLPearl lists
    /// both outbound campaigns. A `baseURL` that is not a URL gives sources that point at
    /// `http://invalid.invalid`, which no request can reach.
    public func sourceConfigs(baseURL: String) -> [SourceConfig] {
        SourceKind.allCases.map { kind in
            SourceConfig(
                name: kind.rawValue, kind: kind,
                baseURL: URL(string: Self.vendorBaseURL(baseURL, kind)) ?? URL(string: "http://invalid.invalid/\(kind.rawValue)")!,
                credential: .environment(Self.environmentVariable(for: kind)),
                outboundIDs: kind == .nlpearl ? outboundIDs : [])
        }
    }

    /// The `[[source]]` blocks of ``sourceConfigs(baseURL:)`` as config.toml text, headed by a
    /// comment with the `export` command that sets their credentials.
    public func configSnippet(baseURL: String) -> String {
        let exports = SourceKind.allCases.map { "\(Self.environmentVariable(for: $0))='\(Self.credential(for: $0))'" }
        var lines = [
            "# leadline simulator: seed \(options.seed), \(options.leads) leads. Set the credentials with:",
            "# export " + exports.joined(separator: " "),
        ]
        for kind in SourceKind.allCases {
            lines += [
                "",
                "[[source]]",
                "name = \(Self.tomlString(kind.rawValue))",
                "kind = \(Self.tomlString(kind.rawValue))",
                "base_url = \(Self.tomlString(Self.vendorBaseURL(baseURL, kind)))",
                "secret_env = \(Self.tomlString(Self.environmentVariable(for: kind)))",
            ]
            if kind == .nlpearl {
                lines.append("outbound_ids = [" + outboundIDs.map(Self.tomlString).joined(separator: ", ") + "]")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func vendorBaseURL(_ baseURL: String, _ kind: SourceKind) -> String {
        var base = baseURL.trimmingCharacters(in: .whitespaces)
        while base.hasSuffix("/") { base.removeLast() }
        return "\(base)/\(kind.rawValue)"
    }

    /// A TOML basic string.
    private static func tomlString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
