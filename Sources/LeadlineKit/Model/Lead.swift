import Foundation

/// A lead as one vendor knows it.
public struct Lead: Sendable, Hashable, Identifiable {
    /// The status the vendor shows for the lead, with its colour when the vendor has one.
    public struct Status: Sendable, Hashable {
        /// The human label ("Contacted").
        public var label: String
        /// The vendor's machine key ("contacted"), if distinct from the label.
        public var key: String?
        /// The vendor's colour as `#rrggbb`, if any.
        public var color: String?

        public init(label: String, key: String? = nil, color: String? = nil) {
            self.label = label
            self.key = key
            self.color = color
        }
    }

    /// The lead's text, in one allocation (a workspace and its cache hold every lead of every
    /// source, 100,000s of them, and as `String`s most of these would be a heap object each):
    /// the strings of ``Field`` in order, then each detail's label and value.
    private var text: PackedStrings
    public var createdAt: Date?
    /// The latest activity the vendor's lead record itself tells of (last call, last chat,
    /// last update), when it has one; the lead list shows it before the timeline is loaded.
    public var lastActivity: Date?

    /// The strings in `text` before the details; a nil status label means no status.
    private enum Field: Int, CaseIterable {
        case source, id, name, phone, email, company, statusLabel, statusKey, statusColor
    }

    private static let fieldCount = Field.allCases.count

    public init(
        source: String, id: String, name: String, phone: String? = nil, email: String? = nil,
        company: String? = nil, status: Status? = nil, createdAt: Date? = nil, lastActivity: Date? = nil,
        details: [Detail] = []
    ) {
        text = PackedStrings(
            [source, id, name, phone, email, company, status?.label, status?.key, status?.color], details: details)
        self.createdAt = createdAt
        self.lastActivity = lastActivity
    }

    /// The configured name of the source ("nexor").
    public var source: String {
        get { text[Field.source.rawValue] ?? "" }
        set { replace(.source, with: newValue) }
    }
    /// The vendor's id; with `source` it forms the REF `source:id`.
    public var id: String {
        get { text[Field.id.rawValue] ?? "" }
        set { replace(.id, with: newValue) }
    }
    public var name: String {
        get { text[Field.name.rawValue] ?? "" }
        set { replace(.name, with: newValue) }
    }
    public var phone: String? {
        get { text[Field.phone.rawValue] }
        set { replace(.phone, with: newValue) }
    }
    public var email: String? {
        get { text[Field.email.rawValue] }
        set { replace(.email, with: newValue) }
    }
    public var company: String? {
        get { text[Field.company.rawValue] }
        set { replace(.company, with: newValue) }
    }
    public var status: Status? {
        get {
            text[Field.statusLabel.rawValue].map {
                Status(label: $0, key: text[Field.statusKey.rawValue], color: text[Field.statusColor.rawValue])
            }
        }
        set {
            text = text.replacing([
                Field.statusLabel.rawValue: newValue?.label,
                Field.statusKey.rawValue: newValue?.key,
                Field.statusColor.rawValue: newValue?.color,
            ])
        }
    }
    /// Vendor facts worth showing (campaign, workflow, assigned user, metadata), in display order.
    ///
    /// The vendor's lead object itself is not kept: nothing shows it, and a workspace holds
    /// every lead of every source.
    public var details: [Detail] {
        get {
            text.details(after: Self.fieldCount)
        }
        set {
            // No details to drop (the lead list drops them from every lead it is given).
            if newValue.isEmpty && text.count == Self.fieldCount { return }
            text = text.replacingDetails(after: Self.fieldCount, with: newValue)
        }
    }

    /// Bytes this lead's text, status and details take, for the cache's size estimate.
    var packedByteCount: Int { text.storedByteCount }

    private mutating func replace(_ field: Field, with value: String?) {
        text = text.replacing(field.rawValue, with: value)
    }

    /// The REF that names this lead on the command line.
    public var ref: String { "\(source):\(id)" }
}

/// One human, as seen by one or more vendors: the leads that share a phone number or an email.
public struct Person: Sendable, Hashable, Identifiable {
    /// The leads this person is made of, in the order they were found.
    public var leads: [Lead]

    /// Creates a person from at least one lead.
    public init(leads: [Lead]) {
        precondition(!leads.isEmpty, "a person is made of at least one lead")
        self.leads = leads
    }

    /// The first lead's REF: stable as long as the first source keeps the lead.
    public var id: String { leads[0].ref }

    /// The first non-empty name any source gives.
    public var name: String { leads.lazy.map(\.name).first { !$0.isEmpty } ?? "" }
    public var phone: String? { leads.lazy.compactMap(\.phone).first }
    public var email: String? { leads.lazy.compactMap(\.email).first }
    public var company: String? { leads.lazy.compactMap(\.company).first }
    /// The latest activity any lead's record tells of, else the latest creation date.
    public var lastActivity: Date? {
        leads.compactMap { $0.lastActivity ?? $0.createdAt }.max()
    }

    /// The names of the sources that know this person, in order, without repeats.
    public var sources: [String] {
        var seen = Set<String>()
        return leads.map(\.source).filter { seen.insert($0).inserted }
    }
}
