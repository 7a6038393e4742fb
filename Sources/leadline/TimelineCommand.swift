import ArgumentParser
import Foundation
import LeadlineKit

/// `leadline timeline REF`: print one lead's events in order.
struct TimelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Print a lead's events from oldest to newest.",
        discussion: "text: one aligned line per event. json: {\"lead\": {...}, \"events\": [...]}. ndjson: one event per line."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, ndjson
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The lead as SOURCE:ID, or a person by phone number or email (searched in every source).", valueName: "REF"))
    var ref: String

    @Option(name: .long, help: ArgumentHelp("Only these channels: call, whatsapp, email, sms, chat, system (comma-separated).", valueName: "LIST"))
    var channel: String?

    @Option(name: .long, help: "Output format: text, json or ndjson.")
    var format: Format = .text

    @Flag(name: .long, help: "Newest events first.")
    var reverse = false

    func validate() throws {
        _ = try channels()
        do { _ = try TimelineTarget(parsing: ref) } catch { throw ValidationError(error.description) }
    }

    func run() async throws {
        try await execute(context: .live())
    }

    /// The command's whole work, against the given environment, network and streams.
    func execute(context: CommandContext) async throws {
        let workspace = try global.workspace(context: context)
        let (person, personWarnings) = try await workspace.person(for: try TimelineTarget(parsing: ref))
        let (timeline, timelineWarnings) = try await workspace.timeline(for: person, channels: try channels())
        (personWarnings + timelineWarnings).forEach(context.warn)

        let events = timeline.ordered(reverse ? .newestFirst : .oldestFirst)
        switch format {
        case .json:
            context.stdout.write(try TimelineJSON.document(person: person, events: events))
            context.stdout.write("\n")
        case .ndjson:
            for event in events {
                context.stdout.write(try TimelineJSON.line(event))
                context.stdout.write("\n")
            }
        case .text:
            context.stdout.writeLine(Self.header(person, eventCount: events.count))
            for line in TimelineText(timeZone: workspace.config.timeZone ?? context.timeZone).lines(for: events) {
                context.stdout.writeLine(line)
            }
        }
    }

    /// `Name · phone · email · Status  (ref, ref, N events)`.
    static func header(_ person: Person, eventCount: Int) -> String {
        let contact = [person.phone, person.email].compactMap { $0 }
        let status = person.leads.lazy.compactMap(\.status?.label).first
        let words = ([person.name] + contact + [status].compactMap { $0 }).map(TerminalSanitizer.line)
        let refs = person.leads.map { TerminalSanitizer.line($0.ref) }.joined(separator: ", ")
        return "\(words.joined(separator: " · "))  (\(refs), \(eventCount) events)"
    }

    private func channels() throws -> Set<Channel> {
        guard let channel else { return Set(Channel.allCases) }
        do {
            return try Channel.parseList(channel)
        } catch {
            throw ValidationError("--channel: \(error.description)")
        }
    }
}
