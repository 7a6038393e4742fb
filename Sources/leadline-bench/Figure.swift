import Foundation

/// One measured figure, with the size it was measured at and the DESIGN §6 target it answers to.
struct Figure {
    var name: String
    var value: Double
    var unit: String
    /// What it was measured at, e.g. "200×60, 100,000 persons, 10,000 events".
    var size: String
    /// DESIGN §6's bound: the figure must stay below it. Nil when §6 sets none.
    var limit: Double?
    /// Anything a reader needs besides the value (the other percentile, what is included).
    var note: String?

    var met: Bool? { limit.map { value < $0 } }

    /// `keystroke_p99_ms   0.812 ms   target < 1 ms: met   (200×60, …)`
    var line: String {
        let valueText = String(format: value < 10 ? "%.3f" : "%.1f", value)
        var text = "\(name.padding(toLength: 18, withPad: " ", startingAt: 0)) \(valueText) \(unit)"
        if let limit {
            text += "   target < \(Self.format(limit)) \(unit): \(met == true ? "met" : "NOT met")"
        } else {
            text += "   (no §6 target)"
        }
        text += "\n    at: \(size)"
        if let note { text += "\n    note: \(note)" }
        return text
    }

    private static func format(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }
}

/// The `--json` shape: one object, figure name → `{value, unit, size}`, plus `target` (the
/// value must stay below it) and `met` for figures DESIGN §6 bounds, and `note` where there is one.
struct FigureJSON: Encodable {
    var value: Double
    var unit: String
    var size: String
    var target: Double?
    var met: Bool?
    var note: String?
}

extension [Figure] {
    func json() throws -> String {
        var object: [String: FigureJSON] = [:]
        for figure in self {
            object[figure.name] = FigureJSON(
                value: (figure.value * 1_000).rounded() / 1_000, unit: figure.unit, size: figure.size,
                target: figure.limit, met: figure.met, note: figure.note)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(object), as: UTF8.self)
    }
}
