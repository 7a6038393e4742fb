import Foundation
import Testing
@testable import LeadlineKit

/// Mutated vendor payloads through the decoders and mappings the clients use: every case ends in
/// model values or a `DecodingError`, never a crash or a hang, and what it maps to can be printed.
///
/// `LEADLINE_FUZZ_CASES` sets how many cases in all (default 4,000, spread over the targets) and
/// `LEADLINE_FUZZ_SEED` the first case's seed (default 1); `scripts/fuzz.sh` runs a million.
///
/// The cases are plain CPU work on Swift concurrency's shared threads (two on a 2-core machine):
/// the targets run one at a time, and each yields between cases, so that tests waiting for
/// async work elsewhere in the run are not starved (they timed out when all eight ran at once).
@Suite("Decoder fuzzing: mutated vendor payloads end in values or typed errors", .serialized, .timeLimit(.minutes(60)))
struct DecoderFuzzTests {
    /// What a decode and mapping gave.
    struct Outcome {
        var events: [TimelineEvent] = []
        var leads: [Lead] = []
        var texts: [String] = []
    }

    /// One way a client reads a vendor body, seeded with the documented example of that body.
    struct Target: CustomTestStringConvertible, Sendable {
        let name: String
        let fixture: String
        /// Parts of the fixture to use as the payload instead of the whole, by member name.
        var path: [String] = []
        let read: @Sendable (Data) throws -> Outcome

        var testDescription: String { name }
    }

    static let targets: [Target] = [
        Target(name: "Nexor history page", fixture: "nexor-get-lead-history.json") { body in
            let page = try JSONValueDecoder.decode(NexorHistoryPage.self, from: body)
            var skipped = 0
            return Outcome(events: mapEvents(from: page.history, channels: Set(Channel.allCases), skipped: &skipped) { $0.toEvent(source: "nexor") })
        },
        Target(name: "Nexor lead", fixture: "nexor-get-lead.json") { body in
            let envelope = try JSONValueDecoder.decode(NexorLeadEnvelope.self, from: body)
            return Outcome(leads: [envelope.lead.toLead(source: "nexor", variables: envelope.variables)])
        },
        Target(name: "Nexor lead, wrapped", fixture: "nexor-get-lead-wrapped.json") { body in
            let envelope = try JSONValueDecoder.decode(NexorLeadEnvelope.self, from: body)
            return Outcome(leads: [envelope.lead.toLead(source: "nexor", variables: envelope.variables)])
        },
        Target(name: "Nexor error", fixture: "nexor-lead-not-found.json") { body in
            let error = try JSONValueDecoder.decode(NexorErrorBody.self, from: body)
            return Outcome(texts: [error.error, error.message].compactMap { $0 } + (NexorErrorBody.message(from: body).map { [$0] } ?? []))
        },
        Target(name: "LeadPing events page", fixture: "leadping-list-lead-events.json") { body in
            let page = try JSONValueDecoder.decode(LeadPingPage<LeadPingEvent>.self, from: body)
            var skipped = 0
            return Outcome(
                events: mapEvents(from: page.items, channels: Set(Channel.allCases), skipped: &skipped) { $0.toEvent(source: "leadping") },
                texts: (page.continuationToken.map { [$0] } ?? []) + (LeadPingProblem.message(from: body).map { [$0] } ?? []))
        },
        Target(name: "NLPearl lead", fixture: "nlpearl-get-outbound-lead.json") { body in
            let lead = try JSONValueDecoder.decode(NLPearlLead.self, from: body)
            var outcome = Outcome(leads: [lead.toLead(source: "nlpearl", outboundID: "o1", leadID: lead.id ?? "l1")], texts: lead.callIDs)
            if let event = lead.lastCall?.toEvent(source: "nlpearl") { outcome.events = [event] }
            outcome.texts += NLPearlErrorBody.message(from: body).map { [$0] } ?? []
            return outcome
        },
        Target(name: "NLPearl call", fixture: "nlpearl-get-outbound-lead.json", path: ["lastCall"]) { body in
            let call = try JSONValueDecoder.decode(NLPearlCall.self, from: body)
            return Outcome(events: call.toEvent(source: "nlpearl", fallbackID: "c1").map { [$0] } ?? [])
        },
        Target(name: "Liveforce summary", fixture: "liveforce-leads-summary.json") { body in
            let lead = try JSONValueDecoder.decode(LiveforceSummary.self, from: body).lead
            var history = lead.toHistory(source: "liveforce")
            history.events.shareStorage()
            return Outcome(events: history.events, leads: [lead.toLead(source: "liveforce")],
                           texts: LiveforceErrorBody.message(from: body).map { [$0] } ?? [])
        },
    ]

    static var caseCount: Int {
        ProcessInfo.processInfo.environment["LEADLINE_FUZZ_CASES"].flatMap { Int($0) }.map { max(1, $0) } ?? 4_000
    }

    static var firstSeed: UInt64 {
        ProcessInfo.processInfo.environment["LEADLINE_FUZZ_SEED"].flatMap { UInt64($0) } ?? 1
    }

    @Test("Mutated payloads decode and map to values or a DecodingError", arguments: targets)
    func fuzz(_ target: Target) async throws {
        var payload = try Fixture.data(target.fixture)
        var document = try JSONValue.parse(payload)
        for member in target.path {
            document = try #require(document[member], "\(target.fixture) has no \(member)")
            payload = Data(document.compactJSON.utf8)
        }
        // The unmutated payload must map to something, or the cases would only test errors.
        let original = try target.read(payload)
        #expect(!original.events.isEmpty || !original.leads.isEmpty || !original.texts.isEmpty, "\(target.name) reads nothing from its fixture")

        let cases = (Self.caseCount + Self.targets.count - 1) / Self.targets.count
        var decoded = 0
        var refused = 0
        var slowest: (Duration, UInt64) = (.zero, 0)
        let clock = ContinuousClock()
        let targetIndex = UInt64(Self.targets.firstIndex { $0.name == target.name }!)
        for index in 0..<cases {
            await Task.yield()
            let seed = Self.firstSeed &+ UInt64(index) &* 0x1_0000 &+ targetIndex
            var mutator = PayloadMutator(seed: seed)
            let (body, mutations) = mutator.mutate(payload, document: document)
            // With these settings the case is the first one run for its target.
            let replay = "LEADLINE_FUZZ_SEED=\(seed &- targetIndex) LEADLINE_FUZZ_CASES=\(Self.targets.count)"
            let what = "\(target.name), \(mutations.map(\.rawValue).joined(separator: "+")); replay with \(replay)"
            let start = clock.now
            do {
                let outcome = try target.read(body)
                try Self.check(outcome, what)
                decoded += 1
            } catch is DecodingError {
                // The typed error the HTTP client turns into `VendorError.invalidResponse`.
                refused += 1
            } catch let failure as FuzzFailure {
                Issue.record("\(failure.message) (\(what))")
            } catch {
                Issue.record("\(what): not a DecodingError: \(type(of: error)) \(error)")
            }
            let elapsed = clock.now - start
            if elapsed > slowest.0 { slowest = (elapsed, seed) }
            // A long run says where it is every tenth of a target, so it is not silent for an hour.
            if cases >= 10_000, (index + 1) % (cases / 10) == 0 {
                print("fuzz \(target.name): \(index + 1) of \(cases) cases, \(decoded) decoded, \(refused) refused so far")
                // Piped (scripts/fuzz.sh), stdout is block-buffered: without this a long run
                // stays silent until it ends.
                fflush(nil)
            }
        }
        // A case that takes many seconds is a hang in the making: a payload that grows the work
        // faster than its size. The largest payloads are a few hundred kilobytes, and the
        // slowest case takes under a second in a debug build on a busy machine.
        #expect(slowest.0 < .seconds(10), "\(target.name): the case of seed \(slowest.1) took \(slowest.0)")
        #expect(decoded + refused == cases)
        // Both outcomes occur, or the mutations are too weak or too strong to test much.
        #expect(decoded > 0 && refused > 0, "\(target.name): \(decoded) decoded, \(refused) refused")
        print("fuzz \(target.name): \(cases) cases, \(decoded) decoded, \(refused) refused, slowest \(slowest.0)")
        fflush(nil)
    }

    @Test("Found by fuzzing: a transcript offset too big for a Double is unknown, and the call still prints as JSON",
          arguments: ["1e999", "-1e999", "\"inf\"", "\"nan\"", "\"-infinity\""])
    func infiniteOffsets(_ number: String) throws {
        var call = try #require(try JSONValue.parse(Fixture.data("nlpearl-get-outbound-lead.json"))["lastCall"]).compactJSON
        call = call.replacingOccurrences(of: "\"startTime\":123", with: "\"startTime\":\(number)")
        #expect(call.contains(number))
        let event = try #require(try JSONValueDecoder.decode(NLPearlCall.self, from: Data(call.utf8)).toEvent(source: "nlpearl"))
        #expect(event.transcript.count == 1 && event.transcript[0].start == nil && event.transcript[0].end == 123)
        let printed = try JSONValue.parse(TimelineJSON.line(event))
        #expect(printed["transcript"] == .array([.object(["speaker": .string("speaker 123"), "text": .string("<string>"), "end": .integer(123)])]))

        let item = #"{"id":"c1","type":"call","channel":"call","timestamp":"2026-01-10T08:00:00Z","transcript":[{"role":"agent","content":"hi","start":NUMBER,"end":2}]}"#
            .replacingOccurrences(of: "NUMBER", with: number)
        let mapped = try #require(try JSONValueDecoder.decode(NexorHistoryItem.self, from: Data(item.utf8)).toEvent(source: "nexor"))
        #expect(mapped.transcript == [TranscriptLine(speaker: "agent", text: "hi", start: nil, end: 2)])
        _ = try TimelineJSON.line(mapped)
    }

    struct FuzzFailure: Error {
        let message: String
    }

    /// What every mapped value must allow: printing it in each output format, showing its raw
    /// item, and cleaning its text for the terminal.
    static func check(_ outcome: Outcome, _ what: String) throws {
        for event in outcome.events {
            do {
                _ = try TimelineJSON.line(event)
            } catch {
                throw FuzzFailure(message: "the event cannot be printed as JSON: \(error)")
            }
            guard (try? JSONValue.parse(event.raw.text)) != nil else {
                throw FuzzFailure(message: "the raw item is not JSON again: \(event.raw.text.prefix(200))")
            }
            let shown = [TimelineText.headline(event)] + TimelineText(timeZone: TimeZone(identifier: "UTC")!).lines(for: [event])
                + event.details.map { TerminalSanitizer.line($0.value) } + event.transcript.map { TerminalSanitizer.line($0.text) }
                + event.urls.map { TerminalSanitizer.line($0.url) }
            try expectClean(shown)
        }
        if !outcome.leads.isEmpty {
            do {
                _ = try TimelineJSON.persons(PersonDirectory(outcome.leads).persons)
            } catch {
                throw FuzzFailure(message: "the leads cannot be printed as JSON: \(error)")
            }
            try expectClean(outcome.leads.flatMap { [$0.name, $0.phone ?? "", $0.email ?? "", $0.company ?? ""] }.map(TerminalSanitizer.line))
        }
        try expectClean(outcome.texts.map(TerminalSanitizer.line))
    }

    /// Text bound for the terminal has no control characters left.
    static func expectClean(_ texts: [String]) throws {
        for text in texts where text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            throw FuzzFailure(message: "control characters left in \(text.debugDescription.prefix(200))")
        }
    }
}
