import Foundation
import LeadlineKit

extension AppState {
    /// Selects the person named by what was typed at the `:` prompt — `SOURCE:ID` of a
    /// configured source, a phone number (any format) or an email — among the leads loaded so
    /// far, and shows their timeline; says so in the status line when nobody matches.
    mutating func jump(to text: String) {
        let query = text.trimmingCharacters(in: .whitespaces)
        guard !query.isEmpty else { return }
        let shown = TerminalSanitizer.line(query)
        let matches: (Lead) -> Bool
        if let ref = try? LeadRef(parsing: query), leads.sources.contains(ref.source) {
            // NLPearl ids are OUTBOUND/LEAD; the lead id alone names it too, as on the command line.
            matches = { $0.source == ref.source && ($0.id == ref.id || $0.id.hasSuffix("/" + ref.id)) }
        } else if let key = ContactKey(parsing: query) {
            matches = { $0.contactKeys.contains(key) }
        } else {
            report(.error, "\"\(shown)\" is not a lead: type SOURCE:ID, a phone number or an email.")
            return
        }
        guard let lead = leads.allLeads.first(where: matches), leads.select(ref: lead.ref) else {
            report(.error, "No lead matches \"\(shown)\" among the \(leads.personCount) people loaded.")
            return
        }
        focus = .timeline
    }
}
