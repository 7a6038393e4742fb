/// A ``LeadSource`` whose answers go through a ``ResultCache``.
///
/// Keys are the source's name and the request ("lead 42", "history 42 call,email"), so
/// ``ResultCache/invalidate(source:where:)`` can drop everything about one lead. A history served
/// from the cache, or joined while another caller loads it, reaches `onPage` as one page.
public struct CachingSource: LeadSource {
    public let base: any LeadSource
    public let cache: ResultCache
    /// When true every request loads afresh (and refreshes the cache).
    public var refresh: Bool

    public init(_ base: any LeadSource, cache: ResultCache, refresh: Bool = false) {
        self.base = base
        self.cache = cache
        self.refresh = refresh
    }

    public var name: String { base.name }

    public func lead(id: String) async throws -> Lead {
        try await cache.value(for: key("lead \(id)"), refresh: refresh) { [base] in try await base.lead(id: id) }
    }

    public func history(
        leadID: String, channels: Set<Channel>,
        onPage: @escaping @Sendable ([TimelineEvent]) async -> Void
    ) async throws -> History {
        let streamed = StreamFlag()
        let history = try await cache.value(for: historyKey(leadID, channels), refresh: refresh) { [base] in
            try await base.history(leadID: leadID, channels: channels) { page in
                await streamed.set()
                await onPage(page)
            }
        }
        // This caller's own load streamed its pages; a cache hit or a joined load did not.
        if await !streamed.value { await onPage(history.events) }
        return history
    }

    public func leads(after cursor: String?) async throws -> LeadPage {
        try await cache.value(for: key("leads \(cursor ?? "")"), refresh: refresh) { [base] in try await base.leads(after: cursor) }
    }

    public func findLeads(matching contact: ContactKey) async throws -> [Lead]? {
        try await cache.value(for: key("find \(contact)"), refresh: refresh) { [base] in try await base.findLeads(matching: contact) }
    }

    /// Whether asking for this history now would be answered from the cache, without a request.
    public func holdsHistory(leadID: String, channels: Set<Channel>) async -> Bool {
        if refresh { return false }
        return await cache.holds(historyKey(leadID, channels))
    }

    private func historyKey(_ leadID: String, _ channels: Set<Channel>) -> ResultCache.Key {
        key("history \(leadID) \(channels.sorted().map(\.rawValue).joined(separator: ","))")
    }

    /// Drops everything cached about one lead, so the next request reads it from the vendor.
    public func invalidate(leadID: String) async {
        await cache.invalidate(source: name) { request in
            request == "lead \(leadID)" || request.hasPrefix("history \(leadID) ")
        }
    }

    private func key(_ request: String) -> ResultCache.Key {
        ResultCache.Key(source: name, request: request)
    }
}

/// Whether a load passed through this caller's `onPage`.
private actor StreamFlag {
    private(set) var value = false
    func set() { value = true }
}
