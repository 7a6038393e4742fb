import Foundation

/// Reads website-chat leads from Liveforce.
///
/// Auth is HTTP Basic: the credential is `client_id:access_token` and is sent base64-encoded as it
/// is. One `GET /leads/summary/{id}` holds both the lead and its whole chat, so a lead and its
/// history each cost one request and nothing is paged.
public struct LiveforceClient: LeadSource {
    private let http: VendorHTTPClient
    private let perPage: Int

    /// A client for one Liveforce account; `perPage` (at least 1) is the lead list's page size.
    public init(connection: SourceConnection, perPage: Int = 50) {
        let basic = Data(connection.credential.reveal().utf8).base64EncodedString()
        http = VendorHTTPClient(
            connection: connection,
            authHeaders: ["Authorization": "Basic \(basic)"],
            errorMessage: LiveforceErrorBody.message(from:))
        self.perPage = max(perPage, 1)
    }

    /// The configured name of the source.
    public var name: String { http.connection.name }

    /// Reads the lead from `GET /leads/summary/{id}`.
    public func lead(id: String) async throws -> Lead {
        try await summary(id).toLead(source: name)
    }

    /// The lead's creation and its chat, from the same `GET /leads/summary/{id}`.
    ///
    /// Liveforce cannot filter, so channels are filtered here; `onPage` is called once. A chat
    /// document that cannot be read leaves only the "Lead created" event, which says so.
    public func history(
        leadID: String, channels: Set<Channel>,
        onPage: @escaping @Sendable ([TimelineEvent]) async -> Void = { _ in }
    ) async throws -> History {
        guard !channels.isDisjoint(with: [.chat, .system]) else { return History(events: []) }
        var history = try await summary(leadID).toHistory(source: name)
        history.events.removeAll { !channels.contains($0.channel) }
        history.events.shareStorage()
        await onPage(history.events)
        return history
    }

    /// One page of `GET /leads?page=N&per_page=M`; the cursor is the next page number (from 1).
    ///
    /// Not in Liveforce's published docs; assumed (api-docs/README.md) to answer
    /// `{data:[lead], message}`. Only an empty `data` ends the listing: a short page is not taken
    /// as the last, because the server may cap `per_page` below what was asked.
    public func leads(after cursor: String?) async throws -> LeadPage {
        let page = cursor.flatMap { Int($0) }.map { max($0, 1) } ?? 1
        let list = try await http.send(
            LiveforceLeadList.self, "GET", path: ["leads"], query: [("page", String(page)), ("per_page", String(perPage))],
            resource: "lead list page \(page)",
            request: "GET /leads?page=\(page)")
        let leads = list.leads.map { $0.toLead(source: name) }
        return LeadPage(leads: leads, next: list.itemCount == 0 ? nil : String(page + 1))
    }

    /// Liveforce offers no way to look leads up by phone or email: always nil.
    public func findLeads(matching contact: ContactKey) async throws -> [Lead]? {
        nil
    }

    private func summary(_ id: String) async throws -> LiveforceLead {
        try await http.send(
            LiveforceSummary.self, "GET", path: ["leads", "summary", id], resource: "lead \(id)",
            request: "GET /leads/summary/\(id)").lead
    }
}
