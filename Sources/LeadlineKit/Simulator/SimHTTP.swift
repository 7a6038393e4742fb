import Foundation

/// A request as the simulated vendors see it: the path split after the vendor prefix.
struct SimRequest: Sendable {
    let method: String
    /// Percent-decoded path segments after the vendor prefix, empty ones dropped.
    let segments: [String]
    let query: [String: String]
    /// Header fields by lower-cased name.
    let headers: [String: String]
    let body: Data?

    /// Splits `request`'s path into the first segment (the vendor prefix) and the rest.
    ///
    /// Segments are split before percent-decoding so an id containing an encoded `/` stays one
    /// segment.
    static func parse(_ request: HTTPRequest) -> (prefix: String?, request: SimRequest) {
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        let path = components?.percentEncodedPath ?? request.url.path
        var segments = path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        let prefix = segments.isEmpty ? nil : segments.removeFirst()
        var query: [String: String] = [:]
        for item in components?.queryItems ?? [] where query[item.name] == nil {
            query[item.name] = item.value ?? ""
        }
        let headers = Dictionary(request.headers.map { ($0.key.lowercased(), $0.value) }) { first, _ in first }
        return (prefix, SimRequest(method: request.method.uppercased(), segments: segments, query: query, headers: headers, body: request.body))
    }

    /// The path below the vendor prefix, as ProblemDetails' `instance` shows it.
    var path: String { "/" + segments.joined(separator: "/") }

    /// The value after `scheme ` in the Authorization header, scheme matched case-insensitively.
    func authorization(scheme: String) -> String? {
        guard let value = headers["authorization"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        let prefix = scheme + " "
        guard value.count > prefix.count, value.prefix(prefix.count).lowercased() == prefix.lowercased() else { return nil }
        return value.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
    }

    /// The JSON body, or nil when it is missing, empty or not JSON.
    var jsonBody: JSONValue? {
        guard let body, !body.isEmpty else { return nil }
        return try? JSONDecoder().decode(JSONValue.self, from: body)
    }
}

/// One documented endpoint: method and path template below the vendor prefix.
struct SimRoute: Sendable, Hashable {
    let method: String
    let pattern: [String]

    init(_ method: String, _ path: String) {
        self.method = method
        pattern = path.split(separator: "/").map(String.init)
    }

    /// `GET /leads/{id}/history`: the name requests are counted under in `/_sim/stats`.
    var template: String { "\(method) /" + pattern.joined(separator: "/") }

    /// The `{parameters}` of `segments` when the path fits this route (literals compared without
    /// regard to case, as vendors' routers do), else nil.
    func parameters(for segments: [String]) -> [String: String]? {
        guard segments.count == pattern.count else { return nil }
        var parameters: [String: String] = [:]
        for (part, segment) in zip(pattern, segments) {
            if part.hasPrefix("{") {
                parameters[String(part.dropFirst().dropLast())] = segment
            } else if part.lowercased() != segment.lowercased() {
                return nil
            }
        }
        return parameters
    }
}

/// What one simulated vendor must provide for ``Simulator`` to serve it.
protocol SimVendorAPI: Sendable {
    /// Every endpoint, in the order they are tried.
    static var routes: [SimRoute] { get }
    /// Nil when the request carries the expected credential, else the vendor's 401.
    func unauthorized(_ request: SimRequest) -> HTTPResponse?
    /// The answer to `route`.
    func respond(to route: SimRoute, parameters: [String: String], request: SimRequest) -> HTTPResponse
    /// An error in the vendor's own shape, for unknown paths, 405, 429 and 500.
    func error(status: Int, message: String, request: SimRequest) -> HTTPResponse
}

/// Small builders for the vendors' payloads.
enum SimJSON {
    static func string(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
    static func int(_ value: Int?) -> JSONValue { value.map { .integer(Int64($0)) } ?? .null }
    static func bool(_ value: Bool?) -> JSONValue { value.map(JSONValue.bool) ?? .null }

    /// An ISO 8601 UTC timestamp, or null.
    static func time(_ seconds: Int64?) -> JSONValue { seconds.map { .string(iso($0)) } ?? .null }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    static func iso(_ seconds: Int64) -> String {
        ISO8601.format(Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// `YYYY-MM-DDTHH:MM:SS.ffffffZ`, as Liveforce's chat writes times.
    static func isoMicroseconds(_ seconds: Int64, micros: Int) -> String {
        let digits = String(micros % 1_000_000)
        return iso(seconds).dropLast() + "." + String(repeating: "0", count: 6 - digits.count) + digits + "Z"
    }

    /// `YYYY-MM-DD HH:MM:SS` without a zone, as Liveforce writes `date`.
    static func zoneless(_ seconds: Int64) -> String {
        String(iso(seconds).dropLast().replacingOccurrences(of: "T", with: " "))
    }

    static func response(_ status: Int, _ value: JSONValue, contentType: String = "application/json; charset=utf-8") -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": contentType], body: Data(value.compactJSON.utf8))
    }

    /// An integer from a JSON number or a numeric string (LeadPing sends numbers as strings).
    static func integer(_ value: JSONValue?) -> Int? {
        switch value {
        case .integer(let number)?: return Int(exactly: number)
        case .number(let number)? where number.rounded() == number && abs(number) < 1e15: return Int(number)
        case .string(let text)?: return Int(text.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    /// The digits of `text`, for comparing phone numbers however they are written.
    static func digits(_ text: String) -> String {
        String(text.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
    }

    /// Whether a search text is a phone number (digits and phone punctuation only).
    static func isPhoneSearch(_ text: String) -> Bool {
        let digitCount = digits(text).count
        return digitCount >= 3 && text.allSatisfy { $0.isASCII && ($0.isNumber || "+-() .".contains($0)) }
    }

    /// The usual search rule: case-insensitive substring of any text field, or for a phone-like
    /// search, a substring of the phone's digits.
    static func matches(_ search: String, texts: [String?], phone: String?) -> Bool {
        let needle = search.trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty else { return true }
        if isPhoneSearch(needle), let phone, digits(phone).contains(digits(needle)) { return true }
        return texts.contains { $0?.range(of: needle, options: .caseInsensitive) != nil }
    }

    /// A bounded page size: the client's ask (or the vendor's default), at most the vendor's
    /// maximum and the simulator's cap.
    static func pageSize(asked: Int?, defaultSize: Int, maximum: Int, cap: Int?) -> Int {
        let size = min(max(asked ?? defaultSize, 1), maximum)
        return cap.map { min(size, $0) } ?? size
    }
}
