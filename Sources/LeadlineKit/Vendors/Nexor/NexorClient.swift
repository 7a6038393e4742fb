import Foundation

/// Reads leads and lead histories from Nexor's public API.
///
/// Auth is the account's API key in `X-API-Key`. History is paged with `limit`/`offset`; the next
/// offset is advanced by the number of items the server actually returned, because a server may
/// answer with fewer than the limit while `has_more` is still true. Later pages are fetched ahead
/// concurrently (``OffsetPaging``) but delivered in order.
public struct NexorClient: LeadSource {
    /// Nexor's documented page-size ceiling.
    public static let maxPageSize = 200
    /// The documented base URL.
    public static let defaultBaseURL = URL(string: "https://api.getnexor.ai/api/public")!

    private let http: VendorHTTPClient
    private let pageSize: Int
    private let maxPagesInFlight: Int

    /// A client for one Nexor account; `pageSize` is clamped to 1…200.
    ///
    /// History pages after the first are asked for ahead, at most `maxPagesInFlight` (at least 1)
    /// at a time: offset paging allows it, and a long history then costs about two round trips
    /// instead of one per page. Nexor documents no rate limit; 4 keeps a burst small.
    public init(connection: SourceConnection, pageSize: Int = NexorClient.maxPageSize, maxPagesInFlight: Int = 4) {
        http = VendorHTTPClient(
            connection: connection,
            authHeaders: ["X-API-Key": connection.credential.reveal()],
            errorMessage: NexorErrorBody.message(from:))
        self.pageSize = min(max(pageSize, 1), Self.maxPageSize)
        self.maxPagesInFlight = max(maxPagesInFlight, 1)
    }

    public var name: String { http.connection.name }

    public func lead(id: String) async throws -> Lead {
        let envelope = try await http.send(
            NexorLeadEnvelope.self, "GET", path: ["leads", id], resource: "lead \(id)",
            request: "GET /leads/\(id)")
        return envelope.lead.toLead(source: name, variables: envelope.variables)
    }

    public func history(
        leadID: String, channels: Set<Channel>,
        onPage: @escaping @Sendable ([TimelineEvent]) async -> Void = { _ in }
    ) async throws -> History {
        guard let channelFilter = Self.serverChannelFilter(for: channels) else { return History(events: []) }
        let paging = OffsetPaging<(events: [TimelineEvent], skipped: Int)>(maxInFlight: maxPagesInFlight) { [http, pageSize, name] offset in
            var query = [("limit", String(pageSize)), ("offset", String(offset))]
            if !channelFilter.isEmpty { query.append(("channel", channelFilter)) }
            let page = try await http.send(
                NexorHistoryPage.self, "GET", path: ["leads", leadID, "history"], query: query, resource: "lead \(leadID)",
                request: "GET /leads/\(leadID)/history?offset=\(offset)")
            var skipped = 0
            let events = mapEvents(from: page.history, channels: channels, skipped: &skipped) { $0.toEvent(source: name) }
            // An empty page cannot advance the offset: it ends the listing rather than being asked for forever.
            return .init(page: (events, skipped), itemCount: page.history.count, hasMore: page.pagination?.hasMore == true)
        }
        var events: [TimelineEvent] = []
        var skipped = 0
        try await paging.run { page in
            events += page.events
            skipped += page.skipped
            await onPage(page.events)
        }
        return History(events: events, skippedItems: skipped)
    }

    /// `GET /leads?limit&offset` — not in Nexor's published docs, assumed to mirror history
    /// (api-docs/README.md): `{success, leads: [lead], pagination{limit, offset, has_more}}`.
    /// The cursor is the next offset.
    public func leads(after cursor: String?) async throws -> LeadPage {
        try await leadPage(offset: cursor.flatMap { Int($0) } ?? 0, search: nil)
    }

    /// Searches `GET /leads?search=` and keeps the leads whose phone or email really match.
    public func findLeads(matching contact: ContactKey) async throws -> [Lead]? {
        var found: [Lead] = []
        var offset = 0
        // A search for one phone or email should fit one page; bound it anyway.
        for _ in 0..<20 {
            let page = try await leadPage(offset: offset, search: contact.value)
            found += page.leads.filter { $0.contactKeys.contains(contact) }
            guard let next = page.next.flatMap({ Int($0) }) else { break }
            offset = next
        }
        return found
    }

    private func leadPage(offset: Int, search: String?) async throws -> LeadPage {
        var query = [("limit", String(pageSize)), ("offset", String(offset))]
        if let search { query.append(("search", search)) }
        let page = try await http.send(
            NexorLeadList.self, "GET", path: ["leads"], query: query, resource: "lead list",
            request: "GET /leads?offset=\(offset)")
        let hasMore = page.pagination?.hasMore == true && !page.leads.isEmpty
        return LeadPage(leads: page.leads.map { $0.toLead(source: name) }, next: hasMore ? String(offset + page.leads.count) : nil)
    }

    /// Nexor's `channel` query for the wanted channels: "" for no filter, nil when Nexor has
    /// nothing on those channels.
    ///
    /// Nexor files some activities under `call` although leadline shows them as `system`, so
    /// asking for `system` must not filter on the server at all.
    static func serverChannelFilter(for channels: Set<Channel>) -> String? {
        if channels.contains(.system) { return "" }
        let nexorChannels: [Channel] = [.call, .whatsapp, .email].filter(channels.contains)
        if nexorChannels.isEmpty { return nil }
        return nexorChannels.count == 3 ? "" : nexorChannels.map(\.rawValue).joined(separator: ",")
    }
}
