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

    @Argument(help: ArgumentHelp("The lead, as SOURCE:ID.", valueName: "REF"))
    var ref: String

    @Option(name: .long, help: ArgumentHelp("Only these channels: call, whatsapp, email, sms, chat, system (comma-separated).", valueName: "LIST"))
    var channel: String?

    @Option(name: .long, help: "Output format: text, json or ndjson.")
    var format: Format = .text

    @Flag(name: .long, help: "Newest events first.")
    var reverse = false

    func validate() throws {
        _ = try channels()
        do { _ = try LeadRef(parsing: ref) } catch { throw ValidationError(error.description) }
    }

    func run() async throws {
        try await execute(context: .live())
    }

    /// The command's whole work, against the given environment, network and streams.
    func execute(context: CommandContext) async throws {
        let config = try global.loadConfig(environment: context.environment)
        let workspace = Workspace(config: config, environment: context.environment, transport: context.transport, retry: context.retry)
        let result = try await workspace.timeline(for: try LeadRef(parsing: ref), channels: try channels())
        result.warnings.forEach(context.warn)

        let events = result.timeline.ordered(reverse ? .newestFirst : .oldestFirst)
        switch format {
        case .json:
            context.stdout.write(try TimelineJSON.document(lead: result.lead, events: events))
            context.stdout.write("\n")
        case .ndjson:
            for event in events {
                context.stdout.write(try TimelineJSON.line(event))
                context.stdout.write("\n")
            }
        case .text:
            let lead = result.lead
            let contact = [lead.phone, lead.email].compactMap { $0 }.map(TerminalSanitizer.line)
            let header = ([TerminalSanitizer.line(lead.name)] + contact + [lead.status.map { TerminalSanitizer.line($0.label) }].compactMap { $0 })
                .joined(separator: " · ")
            context.stdout.writeLine("\(header)  (\(TerminalSanitizer.line(lead.ref)), \(events.count) events)")
            for line in TimelineText(timeZone: context.timeZone).lines(for: events) {
                context.stdout.writeLine(line)
            }
        }
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
