import Foundation
import LeadlineKit
import LeadlineUI
import Testing
@testable import leadline

/// Stands in for the rest delay: closed, every wait holds until it opens or its task is cancelled.
final class RestGate: @unchecked Sendable {
    // @unchecked: every stored var is only touched while holding `lock`.
    private let lock = NSLock()
    private var isOpen = false
    private var waiting: [UUID: CheckedContinuation<Void, any Error>] = [:]

    var rest: @Sendable () async throws -> Void { { try await self.wait() } }

    func open() {
        let released = lock.withLock {
            isOpen = true
            defer { waiting.removeAll() }
            return Array(waiting.values)
        }
        released.forEach { $0.resume() }
    }

    func close() { lock.withLock { isOpen = false } }

    private func wait() async throws {
        let id = UUID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let outcome: Result<Void, any Error>? = lock.withLock {
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if isOpen { return .success(()) }
                    waiting[id] = continuation
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            lock.withLock { waiting.removeValue(forKey: id) }?.resume(throwing: CancellationError())
        }
    }
}

/// Records every request URL on its way to another transport.
final class URLLog: Transport, @unchecked Sendable {
    // @unchecked: `urls` is only touched while holding `lock`.
    private let lock = NSLock()
    private var recorded: [String] = []
    private let base: any Transport

    init(_ base: any Transport) { self.base = base }

    var urls: [String] { lock.withLock { recorded } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock { recorded.append(request.url.absoluteString) }
        return try await base.send(request)
    }
}

/// What the loader posted, for the test to wait on.
final class PostedEvents: @unchecked Sendable {
    // @unchecked: `events` is only touched while holding `lock`.
    private let lock = NSLock()
    private var events: [AppEvent] = []

    func post(_ event: AppEvent) { lock.withLock { events.append(event) } }

    /// The refs of the leads finished for `generation`, and how many events arrived for it.
    func finished(_ generation: Int) -> (refs: Set<String>, events: Int, failures: [String]) {
        lock.withLock {
            var refs = Set<String>(), count = 0, failures: [String] = []
            for event in events {
                switch event {
                case .eventsArrived(generation, let arrived): count += arrived.count
                case .leadFinished(generation, let ref, _, let failure):
                    refs.insert(ref)
                    if let failure { failures.append(failure) }
                default: break
                }
            }
            return (refs, count, failures)
        }
    }

    /// Waits (polling, up to 30 seconds) until every lead of `person` finished for `generation`.
    func waitForFinish(of person: Person, generation: Int) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(30)
        while finished(generation).refs != Set(person.leads.map(\.ref)) {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(2))
        }
        return true
    }
}

@Suite("Timeline loader: rest before loading, cancel on leaving", .timeLimit(.minutes(2)))
struct TimelineLoaderTests {
    /// A workspace over an in-process simulator whose requests are logged.
    static func workspace() -> (Workspace, URLLog) {
        let simulator = Simulator(options: SimulatorOptions(leads: 40))
        let sources = simulator.sourceConfigs(baseURL: "http://sim.leadline.invalid")
        var environment: [String: String] = [:]
        for source in sources {
            if case .environment(let variable) = source.credential {
                environment[variable] = Simulator.credential(for: source.kind)
            }
        }
        let log = URLLog(SimulatorTransport(simulator))
        return (Workspace(config: Config(file: nil, sources: sources), environment: environment, transport: log), log)
    }

    /// The leads' ids as they appear in the first request of each vendor's history.
    static func ids(_ person: Person) -> [String] {
        person.leads.map { $0.id.split(separator: "/").last.map(String.init) ?? $0.id }
    }

    static func path(_ url: String) -> [String] { URL(string: url)?.pathComponents ?? [] }

    @Test("Rows passed over send nothing; the person rested on is loaded, and opening them again is a cache hit")
    func restThenCacheHit() async throws {
        let (workspace, log) = Self.workspace()
        let persons = try await workspace.persons().persons.filter { $0.leads.count >= 2 }
        try #require(persons.count >= 4)
        let passedOver = Array(persons.prefix(3)), rested = persons[3]
        let gate = RestGate()
        let posted = PostedEvents()
        let loader = TimelineLoader(workspace: workspace, post: posted.post, rest: gate.rest)
        let before = log.urls.count

        // j j j j: the UI asks for each person in turn, cancelling the one before.
        for (offset, person) in (passedOver + [rested]).enumerated() {
            let generation = offset + 1
            loader.cancel(keeping: generation)
            loader.load(person, generation: generation, refresh: false)
        }
        gate.open()
        #expect(await posted.waitForFinish(of: rested, generation: 4))
        #expect(posted.finished(4).failures == [])
        let firstOpen = posted.finished(4).events
        #expect(firstOpen > 0)

        let sent = log.urls.dropFirst(before)
        for person in passedOver {
            for id in Self.ids(person) {
                #expect(!sent.contains { Self.path($0).contains(id) }, "nothing was asked about \(person.name), passed over")
            }
        }
        for id in Self.ids(rested) {
            #expect(sent.contains { Self.path($0).contains(id) }, "the rested-on person's lead \(id) was loaded")
        }
        for generation in 1...3 { #expect(posted.finished(generation).refs.isEmpty) }

        // Away and back: a cache hit shows at once, without waiting to rest and without a request.
        gate.close()
        let sentBefore = log.urls.count
        loader.cancel(keeping: 5)
        loader.load(passedOver[0], generation: 5, refresh: false)
        loader.cancel(keeping: 6)
        loader.load(rested, generation: 6, refresh: false)
        #expect(await posted.waitForFinish(of: rested, generation: 6))
        #expect(posted.finished(6).events == firstOpen)
        #expect(log.urls.count == sentBefore)
    }

    @Test("A refresh loads at once, without waiting to rest")
    func refreshDoesNotWait() async throws {
        let (workspace, log) = Self.workspace()
        let person = try #require(try await workspace.persons().persons.first)
        let posted = PostedEvents()
        let loader = TimelineLoader(workspace: workspace, post: posted.post, rest: RestGate().rest)
        let before = log.urls.count
        loader.load(person, generation: 1, refresh: true)
        #expect(await posted.waitForFinish(of: person, generation: 1))
        #expect(log.urls.count > before)
    }
}

/// Cancellation over real HTTP: `URLSessionTransport` against `leadline sim serve` with latency.
@Suite("Cancelling a timeline over loopback", .serialized, .timeLimit(.minutes(3)))
struct TimelineCancellationTests {
    /// Requests `sim serve` has counted for Nexor's history endpoint.
    static func historyRequests(_ server: SimServer) async throws -> Int {
        let response = try await URLSessionTransport().send(HTTPRequest(url: URL(string: "http://127.0.0.1:\(server.port)/_sim/stats")!))
        let stats = try JSONDecoder().decode(JSONValue.self, from: response.body)
        guard case .integer(let count)? = stats["requests"]?["nexor"]?["GET /leads/{id}/history"] else { return 0 }
        return Int(count)
    }

    @Test("Leaving a person cancels their history's requests in flight and the rest of the page chain")
    func cancelStopsChain() async throws {
        let binary = try #require(TimelineCommandTests.builtBinary())
        // 2,000 events at 200 a page: ten pages, 300 ms each.
        let arguments = ["--leads", "20", "--history-size", "2000", "--latency", "300"]
        try await SimServer.with(binary: binary, arguments: arguments) { server in
            let config = try ConfigLoader.load(path: server.configPath, environment: server.environment)
            let workspace = Workspace(config: config, environment: server.environment, transport: URLSessionTransport(), retry: .none)
            let simulator = Simulator(options: SimulatorOptions(leads: 20, historySize: 2000))
            let account = try #require(simulator.people.lazy.compactMap { $0.account(.nexor) }.first)
            let source = try workspace.source(named: "nexor").source
            let pages = PageCounter()
            let loading = Task {
                try await source.history(leadID: account.id, channels: Set(Channel.allCases)) { _ in await pages.add() }
            }
            // The first page is in; the pages after it are under way.
            #expect(await pages.wait(for: 1))
            loading.cancel()
            await #expect(throws: VendorError.cancelled(source: "nexor")) { try await loading.value }
            let asked = try await Self.historyRequests(server)
            #expect(asked < 10, "the chain stopped before its end")
            // A page fetched ahead may have been delivered before the cancel on a loaded machine,
            // but none after it: three round trips later nothing more was asked or delivered.
            let delivered = await pages.count
            #expect(delivered < 10)
            try await Task.sleep(for: .milliseconds(900))
            #expect(try await Self.historyRequests(server) == asked)
            #expect(await pages.count == delivered)
            #expect(await workspace.cache.count == 0, "a cancelled history is not cached")
        }
    }
}

/// Counts `onPage` calls.
actor PageCounter {
    private(set) var count = 0
    func add() { count += 1 }

    /// Waits (polling, up to 30 seconds) until `target` pages arrived.
    func wait(for target: Int) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(30)
        while count < target, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(2)) }
        return count >= target
    }
}
