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
    /// The vendor's item as decoded, for the raw view.
    public var raw: RawJSON
    /// `source`, `id`, `kind`, `title`, `status` and `text`; then each link's label and URL
    /// (`urlCount` of them), each transcript line's speaker, text, start and end (the times as
    /// decimal text; `transcriptCount` of them); then each detail's label and value.
    ///
    /// A timeline holds 100,000s of events and most of their strings are too long for Swift to
    /// keep inline, so they share one allocation; see ``PackedStrings``. Links and transcripts are
    /// in it too: as arrays of their own they were small blocks that live as long as the event,
    /// scattered among a page's freed temporaries, and kept nearly 40 MB of freed memory
    /// resident at 100,000 events (see ``SharedBytes``).
    fileprivate var strings: PackedStrings
    /// `durationSeconds` in 32 bits (68 years), ``noDuration`` for none.
    private var storedDuration: Int32
    private var urlCount: UInt32
    private var transcriptCount: UInt32
    public var channel: Channel
    public var direction: Direction?

    /// Bytes this event's strings and raw item take, for the cache's size estimate.
    var packedByteCount: Int { strings.storedByteCount + raw.storedByteCount }

    /// The block this event's strings (links and transcript included) are in, to tell in tests
    /// whether a page's events share one.
    var stringsBlockIdentity: ObjectIdentifier? { strings.bytes.blockIdentity }

    private enum Field: Int, CaseIterable {
        case source, id, kind, title, status, text
    }

    /// Strings a link takes in `strings`: label, URL.
    private static let stringsPerURL = 2
    /// Strings a transcript line takes in `strings`: speaker, text, start, end.
    private static let stringsPerLine = 4

    /// Where the links start in `strings`.
    private var urlsStart: Int { Field.allCases.count }
    /// Where the transcript starts in `strings`.
    private var transcriptStart: Int { urlsStart + Self.stringsPerURL * Int(urlCount) }
    /// Where the details start in `strings`.
    private var detailsStart: Int { transcriptStart + Self.stringsPerLine * Int(transcriptCount) }

    public init(
        source: String, id: String, channel: Channel, kind: String, timestamp: Date,
        direction: Direction? = nil, title: String, status: String? = nil, text: String? = nil,
        urls: [LabeledURL] = [], durationSeconds: Int? = nil, transcript: [TranscriptLine] = [],
        details: [Detail] = [], raw: RawJSON = .null
    ) {
        self.channel = channel
        self.timestamp = timestamp
        self.direction = direction
        storedDuration = Self.noDuration
        self.raw = raw
        (urlCount, transcriptCount) = (0, 0)
        strings = PackedStrings()
        self.durationSeconds = durationSeconds
        pack(fields: [source, id, kind, title, status, text], urls: urls, transcript: transcript, details: details)
    }

    /// Packs every string the event has into `strings`, once.
    private mutating func pack(fields: [String?], urls: [LabeledURL], transcript: [TranscriptLine], details: [Detail]) {
        precondition(urls.count <= Int(UInt32.max) && transcript.count <= Int(UInt32.max), "too many links or transcript lines")
        var all = fields
        all.reserveCapacity(fields.count + Self.stringsPerURL * urls.count + Self.stringsPerLine * transcript.count)
        for link in urls { all += [link.label, link.url] }
        for line in transcript { all += [line.speaker, line.text, line.start.map { "\($0)" }, line.end.map { "\($0)" }] }
        urlCount = UInt32(urls.count)
        transcriptCount = UInt32(transcript.count)
        strings = PackedStrings(all, details: details)
    }

    /// The links the event carries: recordings, meetings, media, buttons.
    public var urls: [LabeledURL] {
        get {
            stride(from: urlsStart, to: transcriptStart, by: Self.stringsPerURL).map {
                LabeledURL(label: strings[$0] ?? "", url: strings[$0 + 1] ?? "")
            }
        }
        set { pack(fields: fieldValues, urls: newValue, transcript: transcript, details: details) }
    }

    /// The call's transcript, turn by turn; empty for anything else.
    public var transcript: [TranscriptLine] {
        get {
            stride(from: transcriptStart, to: detailsStart, by: Self.stringsPerLine).map {
                TranscriptLine(
                    speaker: strings[$0] ?? "", text: strings[$0 + 1] ?? "",
                    start: strings[$0 + 2].flatMap(Double.init), end: strings[$0 + 3].flatMap(Double.init))
            }
        }
        set { pack(fields: fieldValues, urls: urls, transcript: newValue, details: details) }
    }

    /// `source` to `text`, as kept in `strings`.
    private var fieldValues: [String?] {
        Field.allCases.map { strings[$0.rawValue] }
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
        get { strings.details(after: detailsStart) }
        set { strings = strings.replacingDetails(after: detailsStart, with: newValue) }
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

    /// An offset that is not a finite number (a vendor's `1e999` reads as infinity) is taken as
    /// unknown: it could be neither shown as a time nor printed as JSON.
    public init(speaker: String, text: String, start: Double? = nil, end: Double? = nil) {
        self.speaker = speaker
        self.text = text
        self.start = start.flatMap { $0.isFinite ? $0 : nil }
        self.end = end.flatMap { $0.isFinite ? $0 : nil }
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
