import ArgumentParser
import Foundation
import LeadlineKit

/// `leadline leads`: every lead of every source, merged into persons.
struct LeadsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leads",
        abstract: "List the leads of every source, one line per person (leads with the same phone or email are one person)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("Only this source (a name from the config).", valueName: "NAME"))
    var source: String?

    @Option(name: .long, help: ArgumentHelp("Only persons matching every word of TEXT in name, phone, email or company (smart-case).", valueName: "TEXT"))
    var search: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    func run() async throws {
        try await execute(context: .live())
    }

    func execute(context: CommandContext) async throws {
        let workspace = try global.workspace(context: context)
        let (all, warnings) = try await workspace.persons(only: source)
        warnings.forEach(context.warn)
        let query = SearchQuery(search ?? "")
        let persons = all.filter { person in
            query.matches([person.name, person.phone ?? "", person.email ?? "", person.company ?? ""]
                + person.leads.flatMap { [$0.name, $0.phone ?? "", $0.email ?? "", $0.company ?? ""] })
        }
        switch format {
        case .json:
            context.stdout.write(try TimelineJSON.persons(persons))
            context.stdout.write("\n")
        case .text:
            for line in Self.lines(persons) { context.stdout.writeLine(line) }
        }
    }

    /// One aligned line per person: name, phone, email, status, sources.
    static func lines(_ persons: [Person]) -> [String] {
        let rows = persons.map { person -> [String] in
            [
                person.name, person.phone ?? "", person.email ?? "",
                person.leads.lazy.compactMap(\.status?.label).first ?? "",
                person.sources.joined(separator: "+"),
            ].map(TerminalSanitizer.line)
        }
        let limits = [28, 18, 32, 16, 40]
        let widths = limits.indices.map { column in
            min(limits[column], rows.map { DisplayWidth.of($0[column]) }.max() ?? 0)
        }
        return rows.map { row in
            row.indices.map { column in
                column == row.count - 1 ? row[column] : DisplayWidth.pad(row[column], toWidth: widths[column])
            }.joined(separator: "  ")
        }
    }
}
