import LeadlineKit
import LeadlineUI

/// Loads the timelines the UI asks for (`loadTimeline`) and stops those it no longer wants
/// (`cancelTimelines`), posting what arrives as ``AppEvent``s.
///
/// The UI asks for the selected person's timeline as soon as the selection moves, so holding `j`
/// would otherwise start a page chain for every row passed over. A lead whose history is not
/// cached is therefore only requested once the selection has rested on its person for
/// `restDelay`; moving on before that cancels the wait and nothing is sent. What was loaded stays
/// in the workspace's cache, so coming back to a person who was rested on is a cache hit and
/// shows at once. A refresh (`R`) never waits.
///
/// Used from the UI loop's thread only.
final class TimelineLoader {
    /// How long the selection must rest on a person before their uncached timeline is requested.
    static let restDelay: Duration = .milliseconds(150)

    private let workspace: Workspace
    private let post: @Sendable (AppEvent) -> Void
    private let rest: @Sendable () async throws -> Void
    private var tasks: [Int: [Task<Void, Never>]] = [:]

    /// `rest` waits out the rest delay (throwing when cancelled); tests pass one they control.
    init(
        workspace: Workspace, post: @escaping @Sendable (AppEvent) -> Void,
        rest: @escaping @Sendable () async throws -> Void = { try await Task.sleep(for: TimelineLoader.restDelay) }
    ) {
        self.workspace = workspace
        self.post = post
        self.rest = rest
    }

    /// Starts loading every lead of `person` for `generation`.
    func load(_ person: Person, generation: Int, refresh: Bool) {
        tasks[generation] = person.leads.map { lead in
            Task { [workspace, post, rest] in
                do {
                    var source = try workspace.source(named: lead.source).source
                    let channels = Set(Channel.allCases)
                    if refresh {
                        await source.invalidate(leadID: lead.id)
                        source.refresh = true
                    } else if await !source.holdsHistory(leadID: lead.id, channels: channels) {
                        try await rest()
                    }
                    let history = try await source.history(leadID: lead.id, channels: channels) { page in
                        post(.eventsArrived(generation: generation, events: page))
                    }
                    let warnings = history.skippedItems > 0
                        ? ["\(lead.source): skipped \(history.skippedItems) item(s) without a valid timestamp"] : []
                    post(.leadFinished(generation: generation, ref: lead.ref, warnings: warnings, failure: nil))
                } catch {
                    // A cancelled load belongs to a person the UI has left; nobody waits for its answer.
                    guard !Task.isCancelled else { return }
                    post(.leadFinished(generation: generation, ref: lead.ref, warnings: [], failure: TUIRunner.describe(error)))
                }
            }
        }
    }

    /// Cancels every load but `keeping`'s: their waits, requests and page chains stop.
    func cancel(keeping: Int) {
        for (generation, generationTasks) in tasks where generation != keeping {
            generationTasks.forEach { $0.cancel() }
            tasks[generation] = nil
        }
    }
}
