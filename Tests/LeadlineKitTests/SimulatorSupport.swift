import Foundation
import Testing
@testable import LeadlineKit

/// Raw HTTP against a ``Simulator``, the way a client written from the docs would talk to it.
struct SimClient {
    let simulator: Simulator

    init(_ options: SimulatorOptions = SimulatorOptions()) {
        simulator = Simulator(options: options)
    }

    init(simulator: Simulator) {
        self.simulator = simulator
    }

    /// `method <vendor prefix><path>` with the vendor's credentials unless `authorized` is false.
    func request(
        _ method: String, _ kind: SourceKind?, _ path: String, body: Any? = nil, authorized: Bool = true,
        headers: [String: String] = [:]
    ) -> HTTPRequest {
        let prefix = kind.map { "/\($0.rawValue)" } ?? ""
        var allHeaders = kind.flatMap { authorized ? Simulator.authorizationHeaders(for: $0) : nil } ?? [:]
        allHeaders.merge(headers) { _, new in new }
        let data = body.map { try! JSONSerialization.data(withJSONObject: $0) }
        if data != nil { allHeaders["Content-Type"] = "application/json" }
        return HTTPRequest(method: method, url: URL(string: "http://sim.test\(prefix)\(path)")!, headers: allHeaders, body: data)
    }

    /// The HTTP response; fails the test on an injected timeout, reset or slow answer.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let reply = await simulator.respond(to: request)
        guard case .response(let response) = reply else {
            Issue.record("unexpected \(reply) for \(request.method) \(request.url)")
            throw SimTestError.notAnswered
        }
        return response
    }

    func send(_ method: String, _ kind: SourceKind?, _ path: String, body: Any? = nil, authorized: Bool = true) async throws -> HTTPResponse {
        try await send(request(method, kind, path, body: body, authorized: authorized))
    }

    /// The JSON object of a 200 answer.
    func object(_ method: String, _ kind: SourceKind?, _ path: String, body: Any? = nil) async throws -> [String: Any] {
        let response = try await send(method, kind, path, body: body)
        #expect(response.status == 200, "\(method) \(path): \(String(decoding: response.body, as: UTF8.self).prefix(300))")
        return try jsonObject(response.body)
    }
}

enum SimTestError: Error {
    case notAnswered
}

func jsonObject(_ data: Data) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

func fixtureObject(_ name: String) throws -> [String: Any] {
    try jsonObject(Fixture.data(name))
}

/// Where a generated payload's shape differs from a documented one: missing or extra keys, and
/// values of another JSON type. Null on either side matches any type (the docs mark nearly every
/// field nullable); an empty documented object is a free-form dictionary; arrays compare their
/// first elements. `anyTyped` names keys whose documented type is "any", `freeForm` keys whose
/// documented value is an object of arbitrary keys.
func shapeDifferences(
    _ actual: Any, _ documented: Any, path: String = "$", anyTyped: Set<String> = [], freeForm: Set<String> = ["metadata", "variables"]
) -> [String] {
    func kind(_ value: Any) -> String {
        switch value {
        case is NSNull: "null"
        // JSONSerialization gives booleans as NSNumbers whose C type is `char`.
        case let number as NSNumber: String(cString: number.objCType) == "c" ? "bool" : "number"
        case is String: "string"
        case is [Any]: "array"
        case is [String: Any]: "object"
        default: "\(type(of: value))"
        }
    }
    let actualKind = kind(actual), documentedKind = kind(documented)
    if actualKind == "null" || documentedKind == "null" { return [] }
    guard actualKind == documentedKind else { return ["\(path): \(actualKind), documented \(documentedKind)"] }
    switch (actual, documented) {
    case (let actual as [String: Any], let documented as [String: Any]):
        if documented.isEmpty || freeForm.contains(String(path.split(separator: ".").last ?? "")) { return [] }
        var differences: [String] = []
        for key in Set(documented.keys).subtracting(actual.keys).sorted() { differences.append("\(path).\(key): missing") }
        for key in Set(actual.keys).subtracting(documented.keys).sorted() { differences.append("\(path).\(key): not documented") }
        for key in Set(actual.keys).intersection(documented.keys).sorted() where !anyTyped.contains(key) {
            differences += shapeDifferences(actual[key]!, documented[key]!, path: "\(path).\(key)", anyTyped: anyTyped, freeForm: freeForm)
        }
        return differences
    case (let actual as [Any], let documented as [Any]):
        guard let first = documented.first else { return [] }
        return actual.enumerated().flatMap { shapeDifferences($1, first, path: "\(path)[\($0)]", anyTyped: anyTyped, freeForm: freeForm) }
    default:
        return []
    }
}

/// The keys of a documented object that has no example payload (from the OpenAPI schema).
func keySetDifferences(_ object: [String: Any], _ documented: [String], path: String) -> [String] {
    let missing = Set(documented).subtracting(object.keys).sorted().map { "\(path).\($0): missing" }
    let extra = Set(object.keys).subtracting(documented).sorted().map { "\(path).\($0): not documented" }
    return missing + extra
}

extension Simulator {
    /// The first person `kind` knows who matches `condition`.
    func firstPerson(in kind: SourceKind, where condition: (SimulatedPerson) -> Bool = { _ in true }) throws -> SimulatedPerson {
        try #require(people.first { $0.account(kind) != nil && condition($0) })
    }
}
