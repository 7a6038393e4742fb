import Foundation
import Testing
@testable import LeadlineKit

@Suite struct SharedBytesTests {
    @Test("Values moved into one block keep their bytes, equality and hash")
    func sharingKeepsBytes() {
        var random = SplitMix(state: 7)
        let contents: [[UInt8]] = (0..<50).map { index in
            index % 7 == 0 ? [] : (0..<Int(random.next() % 300)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        }
        let own = contents.map { SharedBytes($0) }
        var shared = own
        SharedBytes.sharing(&shared)
        for (index, bytes) in contents.enumerated() {
            #expect(shared[index].withUnsafeBufferPointer { Array($0) } == bytes)
            #expect(shared[index] == own[index])
            #expect(shared[index].hashValue == own[index].hashValue)
            if !bytes.isEmpty { #expect(shared[index][bytes.count - 1] == bytes.last) }
        }
        let blocks = Set(shared.compactMap(\.blockIdentity))
        #expect(blocks.count == 1)
        #expect(shared.filter(\.isEmpty).allSatisfy { $0.blockIdentity == nil })
        // Neighbours in a block are different values.
        #expect(SharedBytes([1, 2]) != SharedBytes([1, 2, 3]))
        #expect(shared[1] != shared[2])
    }

    @Test("Nothing to share leaves the values as they were")
    func nothingToShare() {
        var empty: [SharedBytes] = [SharedBytes(), SharedBytes([])]
        SharedBytes.sharing(&empty)
        #expect(empty.allSatisfy { $0.isEmpty && $0.blockIdentity == nil })
        var none: [SharedBytes] = []
        SharedBytes.sharing(&none)
        #expect(none.isEmpty)
    }

    @Test("A page's events keep their values when they share storage, and stay independent values")
    func eventsShareStorage() throws {
        let events = (0..<40).map { index in
            TimelineEvent(
                source: "nexor", id: "event-\(index)-\(String(repeating: "x", count: index))", channel: .whatsapp,
                kind: "message", timestamp: Date(timeIntervalSince1970: Double(index)), title: "Message \(index)",
                status: index % 3 == 0 ? nil : "read", text: index % 5 == 0 ? nil : "body ünïcödé \(index)",
                details: index % 2 == 0 ? [] : [Detail("Template", "t\(index)")],
                raw: RawJSON(.object(["id": .string("event-\(index)"), "body": .string(String(repeating: "hello ", count: index))])))
        }
        var shared = events
        shared.shareStorage()
        #expect(shared == events)
        for (event, original) in zip(shared, events) {
            #expect(event.raw.text == original.raw.text)
            #expect(event.details == original.details)
        }
        shared[3].details = [Detail("Changed", "yes")]
        shared[4].text = "changed"
        #expect(shared[3].details == [Detail("Changed", "yes")])
        #expect(shared[4].text == "changed")
        #expect(Array(shared[5...]) == Array(events[5...]))
        #expect(Array(shared[..<3]) == Array(events[..<3]))
    }
}
