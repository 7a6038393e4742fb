import Foundation
import Logging

/// The configured sources, ready to be asked for leads, persons and timelines.
///
/// One workspace serves the command line and the UI alike; every source goes through one shared
/// ``ResultCache``. Credentials are read when a source is first used, not before, so a missing
/// key for one vendor does not stop work with another.
public struct Workspace: Sendable {
    public let config: Config
    public let cache: ResultCache
    private let environment: [String: String]
    private let transport: any Transport
    private let retry: RetryPolicy
    private let timeout: Duration
    private let logger: Logger
    /// Each source's rate limiter, by name, for the sources whose vendor documents a limit:
    /// shared by every client made for that source.
    private let rateLimiters: [String: RateLimiter]

    /// `timeout` bounds each request; `rateLimits` are kept per source of each kind (by default
    /// the vendors' documented ones; tests scale them down); `logger` gets every request.
    public init(
        config: Config, environment: [String: String], transport: any Transport = URLSessionTransport(),
        retry: RetryPolicy = RetryPolicy(), timeout: Duration = .seconds(30),
        rateLimits: [SourceKind: RateLimit] = SourceKind.documentedRateLimits, cache: ResultCache = ResultCache(),
        logger: Logger = .disabled
    ) {
        self.config = config
        self.environment = environment
        self.transport = transport
        self.retry = retry
        self.timeout = timeout
        self.cache = cache
        self.logger = logger
        var rateLimiters: [String: RateLimiter] = [:]
        for source in config.sources {
            if let rateLimit = rateLimits[source.kind] {
                rateLimiters[source.name] = RateLimiter(rateLimit)
            }
        }
        self.rateLimiters = rateLimiters
    }

    /// The rate limiter the clients of source `name` share, if its vendor documents a limit.
    func rateLimiter(named name: String) -> RateLimiter? {
        rateLimiters[name]
    }

    /// The client for the source called `name`, and warnings about its configuration.
    public func source(named name: String) throws -> (source: CachingSource, warnings: [String]) {
        guard let sourceConfig = config.source(named: name) else {
            let known = config.sources.map(\.name)
            let hint = known.isEmpty ? "the config has no [[source]]" : "configured: \(known.joined(separator: ", "))"
            throw WorkspaceError.unknownSource(name: name, hint: hint)
        }
        let (secret, warnings) = try sourceConfig.resolveCredential(environment: environment)
        let connection = SourceConnection(
            name: sourceConfig.name, baseURL: sourceConfig.baseURL, credential: secret, transport: transport, retry: retry,
            timeout: timeout, rateLimiter: rateLimiters[sourceConfig.name], logger: logger)
        let client: any LeadSource
        switch sourceConfig.kind {
        case .nexor:
            client = NexorClient(connection: connection)
        case .leadping:
            client = LeadPingClient(connection: connection)
        case .nlpearl:
            client = NLPearlClient(connection: connection, outboundIDs: sourceConfig.outboundIDs)
        case .liveforce:
            client = LiveforceClient(connection: connection)
        }
        return (CachingSource(client, cache: cache), warnings)
    }

    /// Every configured source (or only `only`), with the warnings their configuration gave.
    public func sources(only: String? = nil) throws -> (sources: [CachingSource], warnings: [String]) {
        let names = only.map { [$0] } ?? config.sources.map(\.name)
        var sources: [CachingSource] = []
        var warnings: [String] = []
        for name in names {
            let (source, sourceWarnings) = try source(named: name)
            sources.append(source)
            warnings += sourceWarnings
        }
        return (sources, warnings)
    }

    /// The person a target names: the one lead of a REF, or every lead that any source holds for
    /// a phone number or email (following the other phones and emails those leads carry).
    public func person(for target: TimelineTarget) async throws -> (person: Person, warnings: [String]) {
        switch target {
        case .lead(let ref):
            let (source, warnings) = try source(named: ref.source)
            return (Person(leads: [try await source.lead(id: ref.id)]), warnings)
        case .contact(let contact):
            let (sources, warnings) = try sources()
            var directory = PersonDirectory()
            var searched = Set<ContactKey>()
            var pending = [contact]
            var searchable = sources.count
            // Each round searches keys not yet searched; the rounds are bounded because every
            // round only follows keys found on leads of the person.
            for _ in 0..<3 where !pending.isEmpty {
                searched.formUnion(pending)
                let found = try await Self.find(pending, in: sources)
                searchable = found.searchable
                directory.add(found.leads)
                let personKeys = directory.persons.first { $0.leads.contains { $0.contactKeys.contains(contact) } }?
                    .leads.flatMap(\.contactKeys) ?? []
                pending = Array(Set(personKeys).subtracting(searched))
            }
            guard searchable > 0 else { throw WorkspaceError.noSearchableSource(contact: contact) }
            guard let person = directory.persons.first(where: { $0.leads.contains { $0.contactKeys.contains(contact) } }) else {
                throw WorkspaceError.nobodyFound(contact: contact, sources: sources.map(\.name))
            }
            return (person, warnings)
        }
    }

    /// A person's events from every lead they have, on `channels`, in one timeline.
    ///
    /// All leads' histories load at once; `onEvents` sees each page as it arrives.
    public func timeline(
        for person: Person, channels: Set<Channel> = Set(Channel.allCases),
        onEvents: @escaping @Sendable ([TimelineEvent]) async -> Void = { _ in }
    ) async throws -> (timeline: Timeline, warnings: [String]) {
        var sources: [String: CachingSource] = [:]
        var warnings: [String] = []
        for name in Set(person.leads.map(\.source)) {
            let (source, sourceWarnings) = try source(named: name)
            sources[name] = source
            warnings += sourceWarnings
        }
        let histories = try await withThrowingTaskGroup(of: (String, History).self) { group in
            for lead in person.leads {
                let source = sources[lead.source]!
                group.addTask {
                    (source.name, try await source.history(leadID: lead.id, channels: channels, onPage: onEvents))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        var timeline = Timeline()
        for (source, history) in histories {
            timeline.merge(history.events)
            if history.skippedItems > 0 {
                warnings.append("\(source): skipped \(history.skippedItems) history item(s) without a valid timestamp")
            }
        }
        return (timeline, warnings)
    }

    /// Every lead of every source (or of `only`), merged into persons, in source order.
    public func persons(only: String? = nil) async throws -> (persons: [Person], warnings: [String]) {
        let (sources, warnings) = try sources(only: only)
        let pages = try await withThrowingTaskGroup(of: (Int, [Lead]).self) { group in
            for (index, source) in sources.enumerated() {
                group.addTask { (index, try await source.allLeads()) }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        var directory = PersonDirectory()
        for index in sources.indices { directory.add(pages[index] ?? []) }
        return (directory.persons, warnings)
    }

    private static func find(_ keys: [ContactKey], in sources: [CachingSource]) async throws -> (leads: [Lead], searchable: Int) {
        try await withThrowingTaskGroup(of: (Int, [Lead]?).self) { group in
            for (index, source) in sources.enumerated() {
                group.addTask {
                    var found: [Lead]?
                    for key in keys {
                        if let leads = try await source.findLeads(matching: key) { found = (found ?? []) + leads }
                    }
                    return (index, found)
                }
            }
            var results: [Int: [Lead]?] = [:]
            for try await (index, leads) in group { results[index] = leads }
            let ordered = sources.indices.compactMap { results[$0] ?? nil }
            return (ordered.flatMap { $0 }, ordered.count)
        }
    }
}

/// What `leadline timeline` was asked for: one lead, or a person by phone or email.
public enum TimelineTarget: Sendable, Hashable {
    case lead(LeadRef)
    case contact(ContactKey)

    /// `SOURCE:ID`, an email address, or a phone number.
    public init(parsing text: String) throws(LeadRefError) {
        if let ref = try? LeadRef(parsing: text), !text.contains("@") {
            self = .lead(ref)
        } else if let contact = ContactKey(parsing: text) {
            self = .contact(contact)
        } else {
            throw LeadRefError(text: text)
        }
    }
}

/// A REF or source the workspace cannot serve.
public enum WorkspaceError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownSource(name: String, hint: String)
    case noSearchableSource(contact: ContactKey)
    case nobodyFound(contact: ContactKey, sources: [String])

    public var description: String {
        switch self {
        case .unknownSource(let name, let hint):
            "no source named '\(name)' (\(hint))"
        case .noSearchableSource(let contact):
            "none of the configured sources can look people up by \(contact); use SOURCE:ID"
        case .nobodyFound(let contact, let sources):
            "no lead with \(contact) in \(sources.joined(separator: ", "))"
        }
    }
}

extension SourceKind {
    /// The request limit the vendor documents, if any: only LeadPing has one. Nexor, NLPearl
    /// and Liveforce document none, and are answered by backing off when they say 429.
    public var documentedRateLimit: RateLimit? {
        switch self {
        case .leadping: LeadPingClient.documentedRateLimit
        case .nexor, .nlpearl, .liveforce: nil
        }
    }

    /// Every vendor's documented limit, by kind.
    public static var documentedRateLimits: [SourceKind: RateLimit] {
        Dictionary(uniqueKeysWithValues: allCases.compactMap { kind in kind.documentedRateLimit.map { (kind, $0) } })
    }
}
