import Foundation

/// Reads the leads of NLPearl outbound campaigns and their calls.
///
/// Auth is `Authorization: Bearer AccountId:SecretKey`; the credential is that pair as one string.
/// NLPearl keeps leads per outbound campaign, so a lead's id is `OUTBOUND/LEAD`. A bare `LEAD` is
/// looked for in each configured outbound campaign in turn, and the lead that comes back always
/// carries the full `OUTBOUND/LEAD` id so its REF finds it again directly.
///
/// A lead's history is its calls: the lead lists their ids, and each call is a request of its own.
/// Those requests run concurrently, at most `maxConcurrentCalls` at a time, because NLPearl
/// documents no rate limit and a lead with many retries would otherwise open a request per call.
public struct NLPearlClient: LeadSource {
    private let http: VendorHTTPClient
    private let outboundIDs: [String]
    private let maxConcurrentCalls: Int
    private let pageSize: Int

    /// A client for one NLPearl account.
    ///
    /// `outboundIDs` are the campaigns listed by ``leads(after:)``, searched by phone, and tried in
    /// order for a bare lead id. `maxConcurrentCalls` (at least 1) bounds the call requests in
    /// flight for one history; `pageSize` (at least 1) is the `limit` of each lead-list request.
    public init(connection: SourceConnection, outboundIDs: [String], maxConcurrentCalls: Int = 4, pageSize: Int = 100) {
        http = VendorHTTPClient(
            connection: connection,
            authHeaders: ["Authorization": "Bearer \(connection.credential.reveal())"],
            errorMessage: NLPearlErrorBody.message(from:))
        self.outboundIDs = outboundIDs
        self.maxConcurrentCalls = max(maxConcurrentCalls, 1)
        self.pageSize = max(pageSize, 1)
    }

    /// The configured name of the source.
    public var name: String { http.connection.name }

    /// Reads `GET /v1/Outbound/{o}/Lead/{lead}` for `OUTBOUND/LEAD`, or finds a bare `LEAD` in
    /// the configured campaigns.
    public func lead(id: String) async throws -> Lead {
        let located = try await locate(id)
        return located.lead.toLead(source: name, outboundID: located.outboundID, leadID: located.lead.id ?? located.leadID)
    }

    /// `event` with its text in one block and its raw item deflated, as `mapEvents` leaves a
    /// page's events: NLPearl answers one call at a time.
    private static func compacted(_ event: TimelineEvent) -> TimelineEvent {
        var page = [event]
        page.shareStorage()
        return page[0]
    }

    /// The lead's calls, one event each, fetched concurrently and reported as they arrive.
    ///
    /// NLPearl has nothing but calls, so unless `.call` is wanted no request is made. A call id
    /// the call endpoint answers 404 for, or a call without a usable `startTime`, is counted in
    /// ``History/skippedItems`` rather than failing the lead. Events come back in the order of
    /// the lead's `callsId`; `onPage` sees them in the order they arrive.
    public func history(
        leadID: String, channels: Set<Channel>,
        onPage: @escaping @Sendable ([TimelineEvent]) async -> Void = { _ in }
    ) async throws -> History {
        guard channels.contains(.call) else { return History(events: []) }
        let lead = try await locate(leadID).lead
        var seen = Set<String>()
        let callIDs = lead.callIDs.filter { seen.insert($0).inserted }

        if callIDs.isEmpty {
            // The search answer and older leads may only embed the latest call.
            guard let lastCall = lead.lastCall else { return History(events: []) }
            guard let event = lastCall.toEvent(source: name).map(Self.compacted) else { return History(events: [], skippedItems: 1) }
            await onPage([event])
            return History(events: [event])
        }

        let events = try await withThrowingTaskGroup(of: (Int, TimelineEvent?).self) { group in
            var events = [TimelineEvent?](repeating: nil, count: callIDs.count)
            var started = 0
            // Keeps at most `maxConcurrentCalls` requests in flight: one more starts only when one ends.
            func startNext() {
                let index = started
                started += 1
                group.addTask {
                    let call = try await readCall(callIDs[index])
                    return (index, call?.toEvent(source: name, fallbackID: callIDs[index]).map(Self.compacted))
                }
            }
            while started < min(maxConcurrentCalls, callIDs.count) { startNext() }
            while let (index, event) = try await group.next() {
                if started < callIDs.count { startNext() }
                events[index] = event
                if let event { await onPage([event]) }
            }
            return events
        }
        let mapped = events.compactMap { $0 }
        return History(events: mapped, skippedItems: events.count - mapped.count)
    }

    /// One page of `POST /v1/Outbound/{o}/Leads`, oldest first, through every configured
    /// campaign in turn.
    ///
    /// The cursor is `CAMPAIGN-INDEX:SKIP` ("1:200"). A campaign has more while `skip + results`
    /// is below the answer's `count` and the page was not empty; without a `count`, while pages
    /// come back full. An empty campaign is passed over rather than returned as an empty page.
    public func leads(after cursor: String?) async throws -> LeadPage {
        var (index, skip) = Self.parseCursor(cursor)
        while index < outboundIDs.count {
            let outboundID = outboundIDs[index]
            let request = NLPearlLeadSearchRequest(skip: skip, limit: pageSize, sortProp: "created", isAscending: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let page = try await http.send(
                NLPearlLeadSearch.self, "POST", path: ["v1", "Outbound", outboundID, "Leads"], body: try encoder.encode(request),
                resource: "outbound campaign \(outboundID)",
                request: "POST /v1/Outbound/\(outboundID)/Leads (skip \(skip))")
            let leads = listed(page.results, in: outboundID)
            let fetched = skip + page.itemCount
            let hasMore = page.itemCount > 0 && (page.count.map { fetched < $0 } ?? (page.itemCount >= pageSize))
            if hasMore { return LeadPage(leads: leads, next: "\(index):\(fetched)") }
            index += 1
            skip = 0
            if !leads.isEmpty {
                return LeadPage(leads: leads, next: index < outboundIDs.count ? "\(index):0" : nil)
            }
        }
        return LeadPage(leads: [], next: nil)
    }

    /// Looks a phone number up in every configured campaign with
    /// `GET /v1/Outbound/{o}/Lead/PhoneNumber/{phone}`; a 404 means none there.
    ///
    /// NLPearl has no email lookup, so an email gives nil.
    public func findLeads(matching contact: ContactKey) async throws -> [Lead]? {
        guard case .phone(let phone) = contact else { return nil }
        var found: [Lead] = []
        for outboundID in outboundIDs {
            let answer: NLPearlPhoneLookup
            do {
                answer = try await http.send(
                    NLPearlPhoneLookup.self, "GET", path: ["v1", "Outbound", outboundID, "Lead", "PhoneNumber", phone],
                    resource: "lead with phone \(phone) in outbound campaign \(outboundID)",
                    request: "GET /v1/Outbound/\(outboundID)/Lead/PhoneNumber/\(phone)")
            } catch VendorError.notFound {
                continue
            }
            found += listed(answer.leads, in: outboundID)
        }
        return found
    }

    /// The campaign and lead an id names, and the lead as read from NLPearl.
    private func locate(_ id: String) async throws -> (outboundID: String, leadID: String, lead: NLPearlLead) {
        if let slash = id.firstIndex(of: "/") {
            let outboundID = String(id[..<slash]), leadID = String(id[id.index(after: slash)...])
            guard !outboundID.isEmpty, !leadID.isEmpty else {
                throw VendorError.notFound(source: name, resource: "lead '\(id)' (expected OUTBOUND/LEAD or LEAD)", message: nil)
            }
            return (outboundID, leadID, try await readLead(leadID, in: outboundID))
        }
        for outboundID in outboundIDs {
            do {
                return (outboundID, id, try await readLead(id, in: outboundID))
            } catch VendorError.notFound {
                continue
            }
        }
        let resource = outboundIDs.isEmpty
            ? "lead \(id): no outbound_ids are configured to look in — name it as OUTBOUND/\(id)"
            : "lead \(id) in outbound campaign\(outboundIDs.count == 1 ? "" : "s") \(outboundIDs.joined(separator: ", "))"
        throw VendorError.notFound(source: name, resource: resource, message: nil)
    }

    private func readLead(_ leadID: String, in outboundID: String) async throws -> NLPearlLead {
        try await http.send(
            NLPearlLead.self, "GET", path: ["v1", "Outbound", outboundID, "Lead", leadID],
            resource: "lead \(leadID) in outbound campaign \(outboundID)",
            request: "GET /v1/Outbound/\(outboundID)/Lead/\(leadID)")
    }

    /// Leads from a list or lookup answer; one without an id could never be read again by its
    /// REF, so it is left out.
    private func listed(_ leads: [NLPearlLead], in outboundID: String) -> [Lead] {
        leads.compactMap { lead in lead.id.map { lead.toLead(source: name, outboundID: outboundID, leadID: $0) } }
    }

    /// The call, or nil when NLPearl answers 404 for an id the lead itself listed.
    private func readCall(_ callID: String) async throws -> NLPearlCall? {
        do {
            return try await http.send(
                NLPearlCall.self, "GET", path: ["v1", "Call", callID], resource: "call \(callID)",
                request: "GET /v1/Call/\(callID)")
        } catch VendorError.notFound {
            return nil
        }
    }

    /// `"2:150"` → campaign 2, skip 150; nil or anything unreadable starts from the beginning.
    static func parseCursor(_ cursor: String?) -> (index: Int, skip: Int) {
        guard let parts = cursor?.split(separator: ":"), parts.count == 2,
              let index = Int(parts[0]), let skip = Int(parts[1]), index >= 0, skip >= 0
        else { return (0, 0) }
        return (index, skip)
    }
}
