import Foundation
import Testing
@testable import LeadlineKit

@Suite struct SharedBytesTests {
    @Test("Slices of one block keep their bytes, equality and hash, and share the block")
    func slicesShareTheBlock() {
        var random = SplitMix(state: 7)
        let contents: [[UInt8]] = (0..<50).map { index in
            index % 7 == 0 ? [] : (0..<Int(random.next() % 300)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        }
        let all = contents.flatMap { $0 }
        let block = SharedBytes(count: all.count) { _ = $0.initialize(from: all) }
        var offset = 0
        var slices: [SharedBytes] = []
        for bytes in contents {
            slices.append(block.slice(offset..<offset + bytes.count))
            offset += bytes.count
        }
        for (index, bytes) in contents.enumerated() {
            let own = SharedBytes(bytes)
            #expect(slices[index].withUnsafeBufferPointer { Array($0) } == bytes)
            #expect(slices[index] == own)
            #expect(slices[index].hashValue == own.hashValue)
            #expect(slices[index].first == bytes.first)
            if !bytes.isEmpty { #expect(slices[index][bytes.count - 1] == bytes.last) }
            // Every slice sees the whole block.
            #expect(slices[index].isEmpty || slices[index].withUnsafeBlock { Array($0) } == all)
        }
        #expect(Set(slices.compactMap(\.blockIdentity)) == [block.blockIdentity!])
        #expect(slices.filter(\.isEmpty).allSatisfy { $0.blockIdentity == nil })
        #expect(SharedBytes([1, 2]) != SharedBytes([1, 2, 3]))
        #expect(slices[1] != slices[2])
        #expect(SharedBytes().first == nil && SharedBytes([]).isEmpty)
    }

    @Test("A page's events keep their values when they share storage, and stay independent values")
    func eventsShareStorage() throws {
        let events = (0..<40).map { index in
            TimelineEvent(
                source: "nexor", id: "event-\(index)-\(String(repeating: "x", count: index))", channel: .whatsapp,
                kind: "message", timestamp: Date(timeIntervalSince1970: Double(index)), title: "Message \(index)",
                status: index % 3 == 0 ? nil : "read", text: index % 5 == 0 ? nil : "body ünïcödé \(index)",
                urls: (0..<index % 3).map { LabeledURL(label: "link \($0)", url: "https://example.com/\(index)/\($0)") },
                transcript: (0..<index % 4).map { TranscriptLine(speaker: $0 % 2 == 0 ? "agent" : "lead", text: "turn \($0)", start: Double($0) * 1.5) },
                details: index % 2 == 0 ? [] : [Detail("Template", "t\(index)")],
                raw: RawJSON(.object(["id": .string("event-\(index)"), "body": .string(String(repeating: "hello ", count: index))])))
        }
        var shared = events
        shared.shareStorage()
        #expect(shared == events)
        for (event, original) in zip(shared, events) {
            #expect(event.raw.text == original.raw.text)
            #expect(event.raw.hashValue == original.raw.hashValue)
            #expect(event.details == original.details)
            #expect(event.urls == original.urls)
            #expect(event.transcript == original.transcript)
        }
        // Links and transcripts too are in the page's one block: an event keeps no block of its own.
        #expect(Set(shared.map(\.stringsBlockIdentity)) == [shared[0].stringsBlockIdentity])
        #expect(shared[0].stringsBlockIdentity != nil && shared[0].stringsBlockIdentity != events[0].stringsBlockIdentity)
        // The raw items were deflated together: much smaller than their texts.
        let text = events.reduce(0) { $0 + $1.raw.text.utf8.count }
        let stored = shared[0].raw.bytes.withUnsafeBlock { Int(UnsafeRawBufferPointer($0).loadUnaligned(as: UInt32.self)) }
        #expect(stored * 4 < text, "\(stored) bytes for \(text) bytes of raw text")
        var none: [TimelineEvent] = []
        none.shareStorage()
        #expect(none.isEmpty)
        shared[3].details = [Detail("Changed", "yes")]
        shared[4].text = "changed"
        #expect(shared[3].details == [Detail("Changed", "yes")])
        #expect(shared[4].text == "changed")
        #expect(Array(shared[5...]) == Array(events[5...]))
        #expect(Array(shared[..<3]) == Array(events[..<3]))
    }

    @Test("Every vendor's client hands over events whose raw items are deflated in their page's block")
    func clientsShareStorage() async throws {
        let workspace = Workspace.demo(options: SimulatorOptions(seed: 3, leads: 40, historySize: 30))
        for name in workspace.config.sources.map(\.name) {
            let source = try workspace.source(named: name).source
            var events: [TimelineEvent] = []
            for lead in try await source.allLeads() where events.isEmpty {
                events = try await source.history(leadID: lead.id, channels: Set(Channel.allCases)) { _ in }.events
            }
            #expect(!events.isEmpty, "\(name)")
            for event in events {
                #expect(event.raw.bytes.count == RawJSON.entrySize, "\(name) \(event.id): raw item not in a page")
                #expect(event.raw.bytes.blockIdentity != nil)
                #expect((try? JSONValue.parse(event.raw.text)) != nil)
            }
        }
    }
}
