/// Whether an event went to the lead or came from them.
public enum Direction: String, Sendable, Hashable, Codable {
    case inbound
    case outbound

    /// `→` for outbound, `←` for inbound.
    public var arrow: String {
        switch self {
        case .inbound: "←"
        case .outbound: "→"
        }
    }

    /// Reads a vendor's direction word ("outbound", "Outgoing", "in", …); nil when it is neither.
    public init?(vendorValue: String?) {
        switch vendorValue?.lowercased() {
        case "inbound", "incoming", "in", "received": self = .inbound
        case "outbound", "outgoing", "out", "sent": self = .outbound
        default: return nil
        }
    }
}
