import Foundation

/// One synthetic human, with the lead each simulated vendor holds for them.
///
/// The same person is written differently by each vendor (phone formats, email case), as real
/// vendors do; ``phone`` and ``email`` are the canonical forms every vendor's copy normalises to.
public struct SimulatedPerson: Sendable, Hashable, Identifiable {
    /// The person's position among all generated people; stable for a seed.
    public let index: Int
    /// The given name as vendors store it; may carry emoji, or escape sequences in hostile mode.
    public let firstName: String
    /// The family name as vendors store it.
    public let lastName: String
    /// The E.164 phone number, e.g. `+56912345678`.
    public let phone: String
    /// The lower-case email address.
    public let email: String
    /// The company the person works for, in its own script; nil for some people.
    public let company: String?
    /// The person's locale, e.g. `es-CL`; it decides their language, country and currency.
    public let locale: String
    /// When the person first became a lead anywhere.
    public let createdAt: Date
    /// The leads vendors hold for this person, in ``SourceKind`` order; one to four of them.
    public let accounts: [SimulatedAccount]

    /// `index`, so people can be listed and looked up by it.
    public var id: Int { index }

    /// "First Last".
    public var name: String { lastName.isEmpty ? firstName : "\(firstName) \(lastName)" }

    /// The lead `kind` holds for this person, if any.
    public func account(_ kind: SourceKind) -> SimulatedAccount? {
        accounts.first { $0.kind == kind }
    }
}

/// A person's lead at one vendor: its id, its REF and the contact details as that vendor writes them.
public struct SimulatedAccount: Sendable, Hashable {
    /// The vendor.
    public let kind: SourceKind
    /// The vendor's lead id as it appears in URLs. For NLPearl, the lead id inside ``outboundID``.
    public let id: String
    /// The NLPearl outbound campaign holding the lead; nil for other vendors.
    public let outboundID: String?
    /// The REF naming the lead with the sources of ``Simulator/configSnippet(baseURL:)``:
    /// `nexor:<uuid>`, `leadping:<uuid>`, `nlpearl:<outbound>/<lead>`, `liveforce:<n>`.
    public let ref: String
    /// The phone as this vendor writes it: `+56 9 1234 5678`, `56912345678`, …
    public let phone: String
    /// The email as this vendor writes it, sometimes in another case.
    public let email: String
    /// How many events this vendor has for the lead (calls for NLPearl, chat items for Liveforce).
    public let eventCount: Int
}
