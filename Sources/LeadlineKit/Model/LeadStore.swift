import Foundation

/// Leads by number (0, 1, … in the order they were added), kept compactly: a fixed-size record
/// per lead, and the text of every lead one after another in one buffer.
///
/// ``PersonDirectory`` holds every lead of every source, 100,000s of them. As `Lead` values each
/// would be a struct and a heap object for its text, with a header, a table of 4-byte ends and
/// the allocator's rounding. Here a lead costs a 48-byte record and its text;
/// its source and status, which few leads differ in, are kept once and numbered. A `Lead` is
/// made again when asked for, so this is for leads read a few at a time (a person's), not in a
/// loop over all of them.
struct LeadStore: Sendable {
    /// The text fields of a lead, in the order they are kept.
    private enum Field: Int {
        case id, name, phone, email, company
    }

    private struct Record: Sendable {
        /// Where the lead's text starts in `text`.
        var textStart: UInt32
        /// Where each ``Field`` ends, from `textStart`, with ``absent`` set for a nil field (which
        /// ends where the one before it does).
        var ends: (UInt32, UInt32, UInt32, UInt32, UInt32)
        /// Index into `sources`.
        var source: Int32
        /// Index into `statuses`, or -1 for none.
        var status: Int32
        /// Seconds since the reference date, NaN for none.
        var createdAt: Double
        var lastActivity: Double
    }

    /// The bit of an end that marks a nil field.
    private static let absent: UInt32 = 1 << 31

    private var records: [Record] = []
    private var text: [UInt8] = []
    /// Bytes of `text` no record points to any more: the text of leads replaced since.
    private var garbageBytes = 0
    private var sources: [String] = []
    private var sourceNumbers: [String: Int32] = [:]
    private var statuses: [Lead.Status] = []
    private var statusNumbers: [Lead.Status: Int32] = [:]
    /// The details of the leads that have any (the lead list drops them before adding).
    private var details: [Int32: [Detail]] = [:]

    /// An empty store.
    init() {}

    /// How many leads there are.
    var count: Int { records.count }

    /// Gives back the storage the arrays grew beyond their contents (see `Array.releaseSpareCapacity`).
    mutating func releaseSpareCapacity() {
        records.releaseSpareCapacity()
        text.releaseSpareCapacity()
    }

    /// Adds `lead` as the next number, which it returns.
    mutating func append(_ lead: Lead) -> Int32 {
        let number = Int32(records.count)
        records.append(record(for: lead))
        if !lead.details.isEmpty { details[number] = lead.details }
        return number
    }

    /// Puts `lead` in place of lead `number`.
    mutating func replace(_ number: Int32, with lead: Lead) {
        let index = Int(number)
        garbageBytes += textLength(of: records[index])
        records[index] = record(for: lead)
        details[number] = lead.details.isEmpty ? nil : lead.details
        if garbageBytes > 4_096 && garbageBytes > text.count / 2 { compact() }
    }

    /// Lead `number`.
    func lead(_ number: Int32) -> Lead {
        let record = records[Int(number)]
        return Lead(
            source: sources[Int(record.source)],
            id: string(.id, of: record) ?? "",
            name: string(.name, of: record) ?? "",
            phone: string(.phone, of: record),
            email: string(.email, of: record),
            company: string(.company, of: record),
            status: record.status < 0 ? nil : statuses[Int(record.status)],
            createdAt: Self.date(record.createdAt),
            lastActivity: Self.date(record.lastActivity),
            details: details[number] ?? [])
    }

    /// Lead `number`'s name.
    func name(of number: Int32) -> String {
        string(.name, of: records[Int(number)]) ?? ""
    }

    /// Lead `number`'s status.
    func status(of number: Int32) -> Lead.Status? {
        let status = records[Int(number)].status
        return status < 0 ? nil : statuses[Int(status)]
    }

    /// Lead `number`'s latest activity, else its creation date.
    func activity(of number: Int32) -> Date? {
        let record = records[Int(number)]
        return Self.date(record.lastActivity) ?? Self.date(record.createdAt)
    }

    /// Lead `number`'s REF.
    func ref(of number: Int32) -> String {
        let record = records[Int(number)]
        return "\(sources[Int(record.source)]):\(string(.id, of: record) ?? "")"
    }

    /// The number of a source name, nil when no lead has it.
    func sourceNumber(_ source: String) -> Int32? {
        sourceNumbers[source]
    }

    /// The source number of lead `number`.
    func source(of number: Int32) -> Int32 {
        records[Int(number)].source
    }

    /// Calls `body` with the UTF-8 bytes of lead `number`'s id.
    func withID<Result>(of number: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let record = records[Int(number)]
        let range = range(of: .id, in: record)
        return text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    // MARK: - Storing

    private mutating func record(for lead: Lead) -> Record {
        precondition(text.count < Int(Self.absent), "LeadStore holds less than 2 GiB of text")
        let start = text.count
        func appendField(_ value: String?) -> UInt32 {
            if let value { text.append(contentsOf: value.utf8) }
            let end = UInt32(text.count - start)
            return value == nil ? end | Self.absent : end
        }
        let ends = (appendField(lead.id), appendField(lead.name), appendField(lead.phone), appendField(lead.email), appendField(lead.company))
        return Record(
            textStart: UInt32(start), ends: ends,
            source: Self.intern(lead.source, in: &sources, numbers: &sourceNumbers),
            status: lead.status.map { Self.intern($0, in: &statuses, numbers: &statusNumbers) } ?? -1,
            createdAt: lead.createdAt?.timeIntervalSinceReferenceDate ?? .nan,
            lastActivity: lead.lastActivity?.timeIntervalSinceReferenceDate ?? .nan)
    }

    private static func intern<Value: Hashable>(_ value: Value, in values: inout [Value], numbers: inout [Value: Int32]) -> Int32 {
        if let number = numbers[value] { return number }
        let number = Int32(values.count)
        values.append(value)
        numbers[value] = number
        return number
    }

    /// Copies the text records still point to into a new buffer.
    private mutating func compact() {
        var newText: [UInt8] = []
        newText.reserveCapacity(text.count - garbageBytes)
        for index in records.indices {
            let start = Int(records[index].textStart)
            let length = textLength(of: records[index])
            records[index].textStart = UInt32(newText.count)
            newText.append(contentsOf: text[start..<(start + length)])
        }
        text = newText
        garbageBytes = 0
    }

    // MARK: - Reading

    private func string(_ field: Field, of record: Record) -> String? {
        guard end(of: field, in: record) & Self.absent == 0 else { return nil }
        return text.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[range(of: field, in: record)]), as: UTF8.self)
        }
    }

    private func range(of field: Field, in record: Record) -> Range<Int> {
        let start = field.rawValue == 0 ? 0 : end(of: Field(rawValue: field.rawValue - 1)!, in: record) & ~Self.absent
        let end = end(of: field, in: record) & ~Self.absent
        return (Int(record.textStart) + Int(start))..<(Int(record.textStart) + Int(end))
    }

    private func end(of field: Field, in record: Record) -> UInt32 {
        switch field {
        case .id: record.ends.0
        case .name: record.ends.1
        case .phone: record.ends.2
        case .email: record.ends.3
        case .company: record.ends.4
        }
    }

    private func textLength(of record: Record) -> Int {
        Int(record.ends.4 & ~Self.absent)
    }

    private static func date(_ seconds: Double) -> Date? {
        seconds.isNaN ? nil : Date(timeIntervalSinceReferenceDate: seconds)
    }
}
