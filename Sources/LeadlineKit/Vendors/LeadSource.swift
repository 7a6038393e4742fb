/// A configured vendor account that leadline reads leads and their histories from.
///
/// Implementations throw ``VendorError`` for every failure.
public protocol LeadSource: Sendable {
    /// The configured name ("nexor"), used in REFs and on every event.
    var name: String { get }

    /// Reads one lead by the id that follows `name:` in its REF.
    func lead(id: String) async throws -> Lead

    /// Reads every event of a lead on any of `channels`, following the vendor's pagination.
    ///
    /// `onPage` is called with each page's events as soon as they are mapped, so a screen can show
    /// the first page while later ones load.
    func history(
        leadID: String, channels: Set<Channel>,
        onPage: @escaping @Sendable ([TimelineEvent]) async -> Void
    ) async throws -> History

    /// One page of the account's leads. `cursor` is nil for the first page and otherwise the
    /// `next` of the previous page; a nil `next` means there are no more.
    func leads(after cursor: String?) async throws -> LeadPage

    /// The leads this account holds for a phone number or an email address, or nil when the
    /// vendor offers no way to look people up (the caller then knows to say so, not "none").
    func findLeads(matching contact: ContactKey) async throws -> [Lead]?
}

/// What a source returned for one lead's history.
public struct History: Sendable {
    /// The events, in the order the vendor sent them (not sorted).
    public var events: [TimelineEvent]
    /// Items that could not be placed on the timeline (no usable timestamp), so a caller can warn.
    public var skippedItems: Int

    public init(events: [TimelineEvent], skippedItems: Int = 0) {
        self.events = events
        self.skippedItems = skippedItems
    }
}

/// One page of a source's lead list.
public struct LeadPage: Sendable {
    public var leads: [Lead]
    /// The cursor for the next page, or nil when this was the last one.
    public var next: String?

    public init(leads: [Lead], next: String?) {
        self.leads = leads
        self.next = next
    }
}

/// Maps one page of vendor items to the events on `channels`, counting items that could not be
/// placed on a timeline (no usable timestamp) into `skipped`. The page's events share one block of
/// memory for their text.
func mapEvents<Item>(
    from items: [Item], channels: Set<Channel>, skipped: inout Int, _ transform: (Item) -> TimelineEvent?
) -> [TimelineEvent] {
    var events: [TimelineEvent] = []
    for item in items {
        if let event = transform(item) {
            if channels.contains(event.channel) { events.append(event) }
        } else {
            skipped += 1
        }
    }
    events.shareStorage()
    return events
}

extension LeadSource {
    /// Every lead of this source, following its pages to the end (or to a cursor that stops
    /// moving, which would otherwise page forever).
    public func allLeads() async throws -> [Lead] {
        var all: [Lead] = []
        var cursor: String?
        repeat {
            let page = try await leads(after: cursor)
            all += page.leads
            guard page.next != cursor else { break }
            cursor = page.next
        } while cursor != nil
        return all
    }
}
