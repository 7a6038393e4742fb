import Foundation

/// Reads leads and lead histories from LeadPing's API.
///
/// Auth is `Authorization: Bearer <token>` (an organization key `sk_…` or a user JWT); errors
/// arrive as RFC 9457 problem details and are reported as "title: detail".
///
/// Every list is a POST of `RequestDataOptions` answered one page at a time; the next page is
/// asked for with the `continuationToken` of the previous answer until it is null or empty. A
/// token that comes back a second time ends the listing, so a server that repeats itself cannot
/// keep leadline asking forever. LeadPing has no channel filter leadline can rely on (its
/// categories are free text), so history is always read whole and filtered after mapping.
public struct LeadPingClient: LeadSource {
    /// Items asked for per page. LeadPing documents no ceiling; the server may answer with fewer.
    public static let defaultPageSize = 100
    /// The request limit LeadPing documents (api-docs README): 300 requests in 60 seconds, past
    /// which it answers 429.
    public static let documentedRateLimit = RateLimit(300, per: .seconds(60))
    /// The channels LeadPing events map to.
    static let channels: Set<Channel> = [.sms, .call, .system]
    /// Pages a contact search may read: a search for one phone or email should fit in one.
    static let maxSearchPages = 20

    private let http: VendorHTTPClient
    private let pageSize: Int

    /// A client for one LeadPing account; `pageSize` below 1 is taken as 1.
    public init(connection: SourceConnection, pageSize: Int = LeadPingClient.defaultPageSize) {
        http = VendorHTTPClient(
            connection: connection,
            authHeaders: ["Authorization": "Bearer \(connection.credential.reveal())"],
            errorMessage: LeadPingProblem.message(from:))
        self.pageSize = max(pageSize, 1)
    }

    /// The configured name of the source.
    public var name: String { http.connection.name }

    /// `GET /leads/{id}`.
    public func lead(id: String) async throws -> Lead {
        try await http.send(
            LeadPingLead.self, "GET", path: ["leads", id], resource: "lead \(id)", request: "GET /leads/\(id)"
        ).toLead(source: name)
    }

    /// `POST /events/leads/{leadId}`, oldest first, every page; events on other channels than
    /// `channels` are dropped here. Items without any timestamp, and items that are not objects,
    /// are counted in ``History/skippedItems``.
    ///
    /// Pages are read one after the other: each page's continuation token is the only way to ask
    /// for the next, so unlike Nexor's offsets (``OffsetPaging``) nothing can be fetched ahead.
    public func history(
        leadID: String, channels: Set<Channel>,
        onPage: @escaping @Sendable ([TimelineEvent]) async -> Void = { _ in }
    ) async throws -> History {
        guard !channels.isDisjoint(with: Self.channels) else { return History(events: []) }
        var events: [TimelineEvent] = []
        var skipped = 0
        var token: String?
        var seenTokens = Set<String>()
        var pageNumber = 1
        while true {
            let request = LeadPingListRequest(
                pageSize: String(pageSize), continuationToken: token,
                orderBy: [.init(field: "createdAt", direction: "asc")])
            let page = try await http.send(
                LeadPingPage<LeadPingEvent>.self, "POST", path: ["events", "leads", leadID], body: request.json,
                resource: "lead \(leadID)", request: "POST /events/leads/\(leadID) (page \(pageNumber))")
            skipped += page.unreadableItems
            let pageEvents = mapEvents(from: page.items, channels: channels, skipped: &skipped) { $0.toEvent(source: name) }
            events += pageEvents
            await onPage(pageEvents)
            // Empty pages with a token are normal for Cosmos DB queries, so only a repeated
            // token (not an empty page) means the server is going round in circles.
            guard let next = page.continuationToken, seenTokens.insert(next).inserted else { break }
            token = next
            pageNumber += 1
        }
        return History(events: events, skippedItems: skipped)
    }

    /// `POST /leads/all/my`; the cursor is LeadPing's continuation token.
    public func leads(after cursor: String?) async throws -> LeadPage {
        let page = try await leadPage(LeadPingListRequest(pageSize: String(pageSize), continuationToken: cursor))
        let next = page.continuationToken == cursor ? nil : page.continuationToken
        return LeadPage(leads: page.items.map { $0.toLead(source: name) }, next: next)
    }

    /// Searches `POST /leads/all/my` on the lead's `phone` and `email` and keeps only the leads
    /// whose phone or email really is `contact`: LeadPing's search also answers partial matches.
    public func findLeads(matching contact: ContactKey) async throws -> [Lead]? {
        var found: [Lead] = []
        var foundIDs = Set<String>()
        var token: String?
        var seenTokens = Set<String>()
        for _ in 0..<Self.maxSearchPages {
            let page = try await leadPage(LeadPingListRequest(
                pageSize: String(pageSize), continuationToken: token, search: contact.value,
                searchFields: ["phone", "email"]))
            for lead in page.items.map({ $0.toLead(source: name) })
            where lead.contactKeys.contains(contact) && foundIDs.insert(lead.id).inserted {
                found.append(lead)
            }
            guard let next = page.continuationToken, seenTokens.insert(next).inserted else { break }
            token = next
        }
        return found
    }

    private func leadPage(_ request: LeadPingListRequest) async throws -> LeadPingPage<LeadPingLead> {
        try await http.send(
            LeadPingPage<LeadPingLead>.self, "POST", path: ["leads", "all", "my"], body: request.json, resource: "lead list",
            request: "POST /leads/all/my")
    }
}
