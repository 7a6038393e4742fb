import Foundation

/// One thing that happened with a lead, from one vendor, in leadline's unified shape.
///
/// Mapping code fills in what the vendor sent; anything without a field here goes into `details`
/// (shown in the detail pane, in order) and the whole vendor item stays in `raw`, compactly.
/// Identity is `(source, id, kind)`: a vendor may reuse an id for several subtypes of one thing
/// (a Nexor meeting appears once as booked and once as completed) and those are distinct events.
public struct TimelineEvent: Sendable, Hashable, Identifiable {
    /// The identity of an event within a timeline.
    public struct Key: Sendable, Hashable, CustomStringConvertible {
        public let source: String
        public let id: String
        public let kind: String

        public var description: String { "\(source):\(id)#\(kind)" }
    }

    // Stored properties are declared largest-first: Swift lays them out in this order, and a
    // timeline and its cache each keep an array of 100,000s of these.
    public var timestamp: Date
    public var urls: [LabeledURL]
    public var transcript: [TranscriptLine]
    /// The vendor's item as decoded, for the raw view.
    public var raw: RawJSON
    /// `source`, `id`, `kind`, `title`, `status` and `text`, then each detail's label and value.
    ///
    /// A timeline holds 100,000s of events and most of their strings are too long for Swift to
    /// keep inline, so they share one allocation; see ``PackedStrings``.
    fileprivate var strings: PackedStrings
    /// `durationSeconds` in 32 bits (68 years), ``noDuration`` for none: with 64 the event
    /// would take 72 bytes rather than 64.
    private var storedDuration: Int32
    public var channel: Channel
    public var direction: Direction?

    /// Bytes this event's strings and raw item take, for the cache's size estimate.
    var packedByteCount: Int { strings.storedByteCount + raw.storedByteCount }

    private enum Field: Int, CaseIterable {
        case source, id, kind, title, status, text
    }

    public init(
        source: String, id: String, channel: Channel, kind: String, timestamp: Date,
        direction: Direction? = nil, title: String, status: String? = nil, text: String? = nil,
        urls: [LabeledURL] = [], durationSeconds: Int? = nil, transcript: [TranscriptLine] = [],
        details: [Detail] = [], raw: RawJSON = .null
    ) {
        self.channel = channel
        self.timestamp = timestamp
        self.direction = direction
        self.urls = urls
        storedDuration = Self.noDuration
        self.transcript = transcript
        self.raw = raw
        strings = PackedStrings([source, id, kind, title, status, text], details: details)
        self.durationSeconds = durationSeconds
    }

    private static let noDuration = Int32.min

    /// How long a call or meeting lasted, clamped to ±68 years.
    public var durationSeconds: Int? {
        get { storedDuration == Self.noDuration ? nil : Int(storedDuration) }
        set { storedDuration = newValue.map { Int32(clamping: max($0, Int(Self.noDuration) + 1)) } ?? Self.noDuration }
    }

    /// The configured name of the source this came from ("nexor").
    public var source: String {
        get { strings[Field.source.rawValue]! }
        set { replace(.source, with: newValue) }
    }

    /// The vendor's id of the item, or a stable id leadline derived when the vendor gives none.
    public var id: String {
        get { strings[Field.id.rawValue]! }
        set { replace(.id, with: newValue) }
    }

    /// What happened, as a dotted word: "message", "call", "call_missed", "meeting.booked", …
    public var kind: String {
        get { strings[Field.kind.rawValue]! }
        set { replace(.kind, with: newValue) }
    }

    /// A short heading: an email subject, "Call", an activity's title.
    public var title: String {
        get { strings[Field.title.rawValue]! }
        set { replace(.title, with: newValue) }
    }

    /// The vendor's status word ("delivered", "read", "ended"), if any.
    public var status: String? {
        get { strings[Field.status.rawValue] }
        set { replace(.status, with: newValue) }
    }

    /// The body: message content, call summary, email body, notes.
    public var text: String? {
        get { strings[Field.text.rawValue] }
        set { replace(.text, with: newValue) }
    }

    /// Everything else worth showing, in display order.
    public var details: [Detail] {
        get { strings.details(after: Field.allCases.count) }
        set { strings = strings.replacingDetails(after: Field.allCases.count, with: newValue) }
    }

    private mutating func replace(_ field: Field, with value: String?) {
        strings = strings.replacing(field.rawValue, with: value)
    }

    public var key: Key { Key(source: source, id: id, kind: kind) }
}

extension Array where Element == TimelineEvent {
    /// Moves the events' strings and raw items into one block of memory that they share (see
    /// ``SharedBytes`` for why), the raw items deflated together (see ``RawJSON``). For the events
    /// of one vendor page, right after mapping them; an event kept alive keeps the whole block.
    mutating func shareStorage() {
        guard !isEmpty else { return }
        // Raw items that cannot be deflated together (zlib failed) keep their own storage.
        let raw = RawJSON.packed(map(\.raw))
        let stream = raw?.stream ?? []
        let stringBytes = reduce(0) { $0 + Int($1.strings.bytes.count) }
        let total = stream.count + stringBytes + (raw == nil ? 0 : count * RawJSON.entrySize)
        guard total <= Int(Int32.max) else { return }
        let block = SharedBytes(count: total) { buffer in
            var offset = buffer[...].initialize(fromContentsOf: stream)
            for event in self {
                event.strings.bytes.withUnsafeBufferPointer {
                    offset = buffer[offset...].initialize(fromContentsOf: $0)
                }
            }
            for entry in raw?.entries ?? [] { offset = buffer[offset...].initialize(fromContentsOf: entry) }
        }
        var offset = stream.count
        for index in indices {
            let length = Int(self[index].strings.bytes.count)
            self[index].strings.bytes = block.slice(offset..<offset + length)
            offset += length
        }
        guard raw != nil else { return }
        for index in indices {
            self[index].raw = RawJSON(bytes: block.slice(offset..<offset + RawJSON.entrySize))
            offset += RawJSON.entrySize
        }
    }
}

/// A link an event carries: a recording, a meeting, a WhatsApp button, a media file.
public struct LabeledURL: Sendable, Hashable, Codable {
    /// What the link is ("recording", "meeting", the button's text).
    public var label: String
    /// The URL exactly as the vendor sent it; openers must check the scheme before use.
    public var url: String

    public init(label: String, url: String) {
        self.label = label
        self.url = url
    }
}

/// One turn of a call transcript.
public struct TranscriptLine: Sendable, Hashable, Codable {
    /// Who spoke ("agent", "lead", or "speaker N" when the vendor's role is not documented).
    public var speaker: String
    public var text: String
    /// Offset from the start of the call, in seconds, if known.
    public var start: Double?
    public var end: Double?

    public init(speaker: String, text: String, start: Double? = nil, end: Double? = nil) {
        self.speaker = speaker
        self.text = text
        self.start = start
        self.end = end
    }
}

/// A labelled value shown in the detail pane ("Sentiment: positive").
public struct Detail: Sendable, Hashable, Codable {
    /// A short human label ("Delivered", "Disconnection reason").
    public var label: String
    public var value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

extension Array where Element == Detail {
    /// Appends `label: value` when there is a value; dates are written as ISO 8601 UTC.
    mutating func add(_ label: String, _ value: String?) {
        if let value, !value.isEmpty { append(Detail(label, value)) }
    }

    mutating func add(_ label: String, _ date: Date?) {
        if let date { append(Detail(label, ISO8601.format(date))) }
    }
}
