import Foundation

/// The configured sources, ready to be asked for leads and timelines.
///
/// One workspace serves the command line and the UI alike. Credentials are read from the
/// environment or files when a source is first used, not before, so a missing key for one
/// vendor does not stop work with another.
public struct Workspace: Sendable {
    public let config: Config
    private let environment: [String: String]
    private let transport: any Transport
    private let retry: RetryPolicy

    public init(config: Config, environment: [String: String], transport: any Transport = URLSessionTransport(), retry: RetryPolicy = RetryPolicy()) {
        self.config = config
        self.environment = environment
        self.transport = transport
        self.retry = retry
    }

    /// The client for the source called `name`, and warnings about its configuration.
    public func source(named name: String) throws -> (source: any LeadSource, warnings: [String]) {
        guard let sourceConfig = config.source(named: name) else {
            let known = config.sources.map(\.name)
            let hint = known.isEmpty ? "the config has no [[source]]" : "configured: \(known.joined(separator: ", "))"
            throw WorkspaceError.unknownSource(name: name, hint: hint)
        }
        let (secret, warnings) = try sourceConfig.resolveCredential(environment: environment)
        let connection = SourceConnection(name: sourceConfig.name, baseURL: sourceConfig.baseURL, credential: secret, transport: transport, retry: retry)
        switch sourceConfig.kind {
        case .nexor:
            return (NexorClient(connection: connection), warnings)
        case .leadping, .nlpearl, .liveforce:
            throw WorkspaceError.unsupportedKind(source: name, kind: sourceConfig.kind)
        }
    }

    /// Loads a lead and its events on `channels`; the lead and its history are fetched at once.
    public func timeline(for ref: LeadRef, channels: Set<Channel> = Set(Channel.allCases)) async throws -> LeadTimeline {
        let (source, warnings) = try source(named: ref.source)
        async let lead = source.lead(id: ref.id)
        async let history = source.history(leadID: ref.id, channels: channels, onPage: { _ in })
        let (loadedLead, loadedHistory) = try await (lead, history)
        var allWarnings = warnings
        if loadedHistory.skippedItems > 0 {
            allWarnings.append("\(source.name): skipped \(loadedHistory.skippedItems) history item(s) without a valid timestamp")
        }
        return LeadTimeline(lead: loadedLead, timeline: Timeline(loadedHistory.events), warnings: allWarnings)
    }
}

/// A lead with its events, and anything the user should be told about how they were read.
public struct LeadTimeline: Sendable {
    public var lead: Lead
    public var timeline: Timeline
    public var warnings: [String]
}

/// A REF or source the workspace cannot serve.
public enum WorkspaceError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownSource(name: String, hint: String)
    case unsupportedKind(source: String, kind: SourceKind)

    public var description: String {
        switch self {
        case .unknownSource(let name, let hint):
            "no source named '\(name)' (\(hint))"
        case .unsupportedKind(let source, let kind):
            "source '\(source)': reading \(kind.rawValue) accounts is not available in this version of leadline"
        }
    }
}
