import Foundation
import Testing
@testable import LeadlineKit

@Suite struct HeapTests {
    @Test("Pages are handed back once per stretch of work, after the idle time and not before")
    func idleReturnWaitsForAPause() {
        var idle = Heap.IdleReturn(idleSeconds: 2)
        var answers: [Bool] = []
        answers.append(idle.isDue(at: 100))  // nothing was done yet
        idle.noteWork(at: 100)
        answers.append(idle.isDue(at: 101.9))
        idle.noteWork(at: 101.9)
        answers.append(idle.isDue(at: 103.8))  // work restarted the wait
        answers.append(idle.isDue(at: 103.9))
        answers.append(idle.isDue(at: 104))  // once per stretch of work
        answers.append(idle.isDue(at: 200))
        idle.noteWork(at: 200)
        answers.append(idle.isDue(at: 202))
        #expect(answers == [false, false, false, true, false, false, true])
    }

    #if os(Linux)
    @Test("Freed holes in the middle of the heap stop being resident when pages are handed back")
    func returnFreePagesShrinksResidentMemory() throws {
        // 1 KB chunks, 1 in 64 kept: the freed ones are holes between kept ones, which glibc's
        // free leaves resident (it only gives back the heap's top). 256 MB makes the drop stand
        // well clear of whatever tests running alongside allocate meanwhile.
        let chunkCount = 256 * 1_024
        var chunks: [UnsafeMutableRawPointer] = []
        chunks.reserveCapacity(chunkCount)
        for _ in 0..<chunkCount {
            let chunk = try #require(malloc(1_000))
            memset(chunk, 1, 1_000)
            chunks.append(chunk)
        }
        var kept: [UnsafeMutableRawPointer] = []
        for (index, chunk) in chunks.enumerated() {
            if index % 64 == 63 { kept.append(chunk) } else { free(chunk) }
        }
        defer { kept.forEach { free($0) } }
        let before = try residentBytes()
        Heap.returnFreePages()
        let after = try residentBytes()
        #expect(before - after > 128 << 20, "resident \(before >> 20) MB before, \(after >> 20) MB after")
    }

    private func residentBytes() throws -> Int {
        let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
        let pages = try #require(statm.split(separator: " ").dropFirst().first.flatMap { Int($0) })
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
    #endif
}
