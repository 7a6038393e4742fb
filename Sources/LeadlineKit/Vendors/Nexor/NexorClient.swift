import Foundation

/// Reads leads and lead histories from Nexor's public API.
///
/// Auth is the account's API key in `X-API-Key`. History is paged with `limit`/`offset`; the next
/// offset is advanced by the number of items the server actually returned, because a server may
/// answer with fewer than the limit while `has_more` is still true.
public struct NexorClient: LeadSource {
    /// Nexor's documented page-size ceiling.
    public static let maxPageSize = 200
    /// The documented base URL.
    public static let defaultBaseURL = URL(string: "https://api.getnexor.ai/api/public")!

    private let http: VendorHTTPClient
    private let pageSize: Int

    /// A client for one Nexor account; `pageSize` is clamped to 1…200.
    public init(connection: SourceConnection, pageSize: Int = NexorClient.maxPageSize) {
        http = VendorHTTPClient(
            connection: connection,
            authHeaders: ["X-API-Key": connection.credential.reveal()],
            errorMessage: NexorErrorBody.message(from:))
        self.pageSize = min(max(pageSize, 1), Self.maxPageSize)
    }

    public var name: String { http.connection.name }

    public func lead(id: String) async throws -> Lead {
        let body = try await http.send("GET", path: ["leads", id], resource: "lead \(id)")
        let envelope = try http.decode(NexorLeadEnvelope.self, from: body, request: "GET /leads/\(id)")
        return envelope.lead.toLead(source: name, variables: envelope.variables)
    }

    public func history(
        leadID: String, channels: Set<Channel>,
        onPage: @escaping @Sendable ([TimelineEvent]) async -> Void = { _ in }
    ) async throws -> History {
        guard let channelFilter = Self.serverChannelFilter(for: channels) else { return History(events: []) }
        var events: [TimelineEvent] = []
        var skipped = 0
        var offset = 0
        while true {
            var query = [("limit", String(pageSize)), ("offset", String(offset))]
            if !channelFilter.isEmpty { query.append(("channel", channelFilter)) }
            let body = try await http.send("GET", path: ["leads", leadID, "history"], query: query, resource: "lead \(leadID)")
            let page = try http.decode(NexorHistoryPage.self, from: body, request: "GET /leads/\(leadID)/history?offset=\(offset)")
            var pageEvents: [TimelineEvent] = []
            for item in page.history {
                if let event = item.toEvent(source: name) {
                    if channels.contains(event.channel) { pageEvents.append(event) }
                } else {
                    skipped += 1
                }
            }
            events += pageEvents
            await onPage(pageEvents)
            // An empty page cannot advance the offset: stop rather than ask for it forever.
            guard page.pagination?.hasMore == true, !page.history.isEmpty else { break }
            offset += page.history.count
        }
        return History(events: events, skippedItems: skipped)
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
