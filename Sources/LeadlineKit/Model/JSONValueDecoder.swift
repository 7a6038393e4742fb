import Foundation

/// Decodes `Decodable` types from a parsed ``JSONValue``: the vendor clients' decoder.
///
/// A body is parsed once (``JSONValue/parse(_:)-(Data)``) and the wire types read the tree, so a
/// type that keeps its item as a ``JSONValue`` (for the raw view) gets it without decoding the
/// bytes a second time. It reads values as `JSONDecoder` with default options does: no key
/// conversion, dates as seconds since 2001 (`deferredToDate`), `Data` as base64, URLs as
/// strings, strings never read as numbers or booleans and the reverse. Failures are `DecodingError`s with the coding path, so lenient
/// readers (`try?`) and error messages work as they do with `JSONDecoder`.
public struct JSONValueDecoder: Decoder {
    /// The value being decoded.
    public let value: JSONValue
    public let codingPath: [any CodingKey]
    public var userInfo: [CodingUserInfoKey: Any] { [:] }

    public init(_ value: JSONValue, codingPath: [any CodingKey] = []) {
        self.value = value
        self.codingPath = codingPath
    }

    /// Parses `data` and decodes a `T` from it; a body that is not JSON throws
    /// `DecodingError.dataCorrupted` with an empty coding path.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let value: JSONValue
        do {
            value = try JSONValue.parse(data)
        } catch {
            throw DecodingError.dataCorrupted(.init(
                codingPath: [], debugDescription: "The given data was not valid JSON: \(error)", underlyingError: error))
        }
        return try read(T.self, from: value, codingPath: [])
    }

    public func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else {
            throw Self.mismatch([String: JSONValue].self, value, codingPath)
        }
        return KeyedDecodingContainer(KeyedContainer<Key>(members: members, codingPath: codingPath))
    }

    public func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else {
            throw Self.mismatch([JSONValue].self, value, codingPath)
        }
        return UnkeyedContainer(items: items, codingPath: codingPath)
    }

    public func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(value: value, codingPath: codingPath)
    }

    /// Reads a `T` from `value`; the common leaf types without building a decoder.
    static func read<T: Decodable>(_ type: T.Type, from value: JSONValue, codingPath: [any CodingKey]) throws -> T {
        if T.self == JSONValue.self { return value as! T }
        if T.self == String.self {
            guard case .string(let text) = value else { throw mismatch(T.self, value, codingPath) }
            return text as! T
        }
        if T.self == Bool.self {
            guard case .bool(let flag) = value else { throw mismatch(T.self, value, codingPath) }
            return flag as! T
        }
        if T.self == Int.self { return try integer(Int.self, value, codingPath) as! T }
        if T.self == Double.self { return try double(value, codingPath) as! T }
        // JSONDecoder reads these two specially; their own Decodable would ask for other shapes.
        if T.self == URL.self {
            guard case .string(let text) = value else { throw mismatch(T.self, value, codingPath) }
            guard let url = URL(string: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "Invalid URL string."))
            }
            return url as! T
        }
        if T.self == Data.self {
            guard case .string(let text) = value else { throw mismatch(T.self, value, codingPath) }
            guard let data = Data(base64Encoded: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "Encountered Data is not valid Base64."))
            }
            return data as! T
        }
        return try T(from: JSONValueDecoder(value, codingPath: codingPath))
    }

    static func integer<I: FixedWidthInteger>(_ type: I.Type, _ value: JSONValue, _ codingPath: [any CodingKey]) throws -> I {
        switch value {
        case .integer(let number):
            if let exact = I(exactly: number) { return exact }
        case .number(let number):
            if let exact = I(exactly: number) { return exact }
        default:
            throw mismatch(I.self, value, codingPath)
        }
        throw DecodingError.dataCorrupted(.init(
            codingPath: codingPath, debugDescription: "Number \(value.compactJSON) does not fit in \(I.self)."))
    }

    static func double(_ value: JSONValue, _ codingPath: [any CodingKey]) throws -> Double {
        switch value {
        case .integer(let number): return Double(number)
        case .number(let number) where number.isFinite: return number
        case .number:
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "Number does not fit in Double."))
        default: throw mismatch(Double.self, value, codingPath)
        }
    }

    static func mismatch(_ type: Any.Type, _ value: JSONValue, _ codingPath: [any CodingKey]) -> DecodingError {
        if value == .null {
            return .valueNotFound(type, .init(codingPath: codingPath, debugDescription: "Found null."))
        }
        return .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "Found a different kind of value."))
    }
}

/// An index in an array, as a coding key.
private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }

    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: JSONValue]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

    private func member(_ key: Key) throws -> JSONValue {
        guard let value = members[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(
                codingPath: codingPath, debugDescription: "No value for key '\(key.stringValue)'."))
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { try member(key) == .null }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try JSONValueDecoder.read(T.self, from: member(key), codingPath: codingPath + [key])
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = members[key.stringValue], value != .null else { return nil }
        return try JSONValueDecoder.read(T.self, from: value, codingPath: codingPath + [key])
    }

    // The protocol has no defaults for its primitive overloads; each reads through `read`.
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(Bool.self, generic: key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decode(String.self, generic: key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decode(Double.self, generic: key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decode(Float.self, generic: key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(Int.self, generic: key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decode(Int8.self, generic: key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decode(Int16.self, generic: key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decode(Int32.self, generic: key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decode(Int64.self, generic: key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decode(UInt.self, generic: key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decode(UInt8.self, generic: key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decode(UInt16.self, generic: key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decode(UInt32.self, generic: key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decode(UInt64.self, generic: key) }

    private func decode<T: Decodable>(_ type: T.Type, generic key: Key) throws -> T {
        try JSONValueDecoder.read(T.self, from: member(key), codingPath: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try JSONValueDecoder(member(key), codingPath: codingPath + [key]).container(keyedBy: NestedKey.self)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try JSONValueDecoder(member(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        JSONValueDecoder(members["super"] ?? .null, codingPath: codingPath)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        JSONValueDecoder(members[key.stringValue] ?? .null, codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(items: [JSONValue], codingPath: [any CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private func current() throws -> JSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(JSONValue.self, .init(
                codingPath: codingPath + [IndexKey(currentIndex)], debugDescription: "Unkeyed container is at end."))
        }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard try current() == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeElement(T.self) }

    // The protocol has no defaults for its primitive overloads; each reads through `read`.
    mutating func decode(_ type: Bool.Type) throws -> Bool { try decodeElement(Bool.self) }
    mutating func decode(_ type: String.Type) throws -> String { try decodeElement(String.self) }
    mutating func decode(_ type: Double.Type) throws -> Double { try decodeElement(Double.self) }
    mutating func decode(_ type: Float.Type) throws -> Float { try decodeElement(Float.self) }
    mutating func decode(_ type: Int.Type) throws -> Int { try decodeElement(Int.self) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try decodeElement(Int8.self) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try decodeElement(Int16.self) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try decodeElement(Int32.self) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try decodeElement(Int64.self) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try decodeElement(UInt.self) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeElement(UInt8.self) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeElement(UInt16.self) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeElement(UInt32.self) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeElement(UInt64.self) }

    // As in JSONDecoder, the index moves on only when the element decoded.
    private mutating func decodeElement<T: Decodable>(_ type: T.Type) throws -> T {
        let value = try JSONValueDecoder.read(T.self, from: current(), codingPath: codingPath + [IndexKey(currentIndex)])
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try JSONValueDecoder(current(), codingPath: codingPath + [IndexKey(currentIndex)])
            .container(keyedBy: NestedKey.self)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try JSONValueDecoder(current(), codingPath: codingPath + [IndexKey(currentIndex)]).unkeyedContainer()
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = JSONValueDecoder(try current(), codingPath: codingPath + [IndexKey(currentIndex)])
        currentIndex += 1
        return decoder
    }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { value == .null }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONValueDecoder.read(T.self, from: value, codingPath: codingPath)
    }

    func decode(_ type: String.Type) throws -> String {
        try JSONValueDecoder.read(String.self, from: value, codingPath: codingPath)
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        try JSONValueDecoder.read(Bool.self, from: value, codingPath: codingPath)
    }

    func decode(_ type: Int.Type) throws -> Int { try JSONValueDecoder.integer(Int.self, value, codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try JSONValueDecoder.integer(Int8.self, value, codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try JSONValueDecoder.integer(Int16.self, value, codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try JSONValueDecoder.integer(Int32.self, value, codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try JSONValueDecoder.integer(Int64.self, value, codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try JSONValueDecoder.integer(UInt.self, value, codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try JSONValueDecoder.integer(UInt8.self, value, codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try JSONValueDecoder.integer(UInt16.self, value, codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try JSONValueDecoder.integer(UInt32.self, value, codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try JSONValueDecoder.integer(UInt64.self, value, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try JSONValueDecoder.double(value, codingPath) }
    func decode(_ type: Float.Type) throws -> Float { Float(try JSONValueDecoder.double(value, codingPath)) }
}
