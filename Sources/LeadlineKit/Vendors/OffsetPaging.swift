/// Reads a list paged by `offset` (and a `limit`) with several pages in flight at once.
///
/// Offset paging lets a client name a later page without the answer to the one before, so after
/// the first page (which tells how many items a page really holds: a server may answer with fewer
/// than the limit) the next ones are asked for ahead, at most `maxInFlight` at a time. Cursor
/// paging (LeadPing's continuation tokens) cannot be read this way: each page names the next.
///
/// Pages are consumed strictly in offset order, each as soon as it and every page before it have
/// arrived, so `consume` sees them as a one-at-a-time loop would. A page whose offset turns out not
/// to follow the pages before it (the server answered a page short) is never consumed; the page
/// that does follow is asked for instead. The listing ends at a page that says there is no more or
/// holds nothing; pages asked for beyond it are cancelled and ignored, errors included. An error
/// on a page that is consumed ends the listing with that error, and cancelling the calling task
/// cancels every request in flight.
struct OffsetPaging<Page: Sendable>: Sendable {
    /// What one page said about the listing.
    struct Answer: Sendable {
        var page: Page
        /// Items the page held, which moves the offset of the next one.
        var itemCount: Int
        var hasMore: Bool
    }

    /// The most pages asked for at once; at least 1 (which reads one page after the other).
    var maxInFlight: Int
    /// Reads the page at an offset.
    var fetch: @Sendable (_ offset: Int) async throws -> Answer

    /// Reads every page from offset 0, handing each to `consume` in order.
    func run(consume: (Page) async throws -> Void) async throws {
        let maxInFlight = max(1, maxInFlight)
        try await withThrowingTaskGroup(of: (Int, Result<Answer, any Error>).self) { group in
            var asked = Set<Int>()
            var arrived: [Int: Result<Answer, any Error>] = [:]
            var inFlight = 0
            // The offset of the next page to consume, and the items a page held last time; no page
            // is asked for ahead until the first one has told how many a page holds.
            var next = 0
            var stride: Int?

            func ask(_ offset: Int) {
                guard asked.insert(offset).inserted else { return }
                inFlight += 1
                group.addTask {
                    do { return (offset, .success(try await fetch(offset))) } catch { return (offset, .failure(error)) }
                }
            }

            ask(0)
            while let (offset, result) = try await group.next() {
                inFlight -= 1
                arrived[offset] = result
                while let result = arrived.removeValue(forKey: next) {
                    let answer = try result.get()
                    try await consume(answer.page)
                    guard answer.hasMore, answer.itemCount > 0 else {
                        group.cancelAll()
                        return
                    }
                    next += answer.itemCount
                    stride = answer.itemCount
                }
                // The page to consume next first, then the ones after it while there is room.
                ask(next)
                if let stride {
                    var ahead = next
                    while inFlight < maxInFlight, ahead < next + stride * maxInFlight {
                        ahead += stride
                        ask(ahead)
                    }
                }
            }
        }
    }
}
