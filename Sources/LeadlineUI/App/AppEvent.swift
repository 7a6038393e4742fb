import Foundation
import LeadlineKit

/// Everything that can happen to the UI: input from the terminal and answers from the network.
public enum AppEvent: Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// Time passed (spinner, expiring messages, relative times).
    case tick(Date)
    /// A page of a source's lead list arrived.
    case leadsLoaded(source: String, page: LeadPage)
    case leadsFailed(source: String, message: String)
    /// Events of the person whose timeline request had this generation.
    case eventsArrived(generation: Int, events: [TimelineEvent])
    /// One lead's history (by REF) finished, or failed, for the timeline request with this
    /// generation.
    case leadFinished(generation: Int, ref: String, warnings: [String], failure: String?)
    /// Opening or copying a link failed.
    case linkFailed(String)
}

/// Work the UI asks the runner to do; results come back as ``AppEvent``s.
public enum Effect: Sendable, Equatable {
    case loadLeads(source: String, cursor: String?)
    /// Load a person's timeline; `refresh` skips and replaces cached answers.
    case loadTimeline(person: Person, generation: Int, refresh: Bool)
    /// Stop loading timelines other than `keeping`.
    case cancelTimelines(keeping: Int)
    /// Drop the list's cached pages before loading them again.
    case refreshLeads
    case openLink(String)
    case copyLink(String)
}
