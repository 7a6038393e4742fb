import Foundation
import LeadlineKit
import Testing
@testable import LeadlineUI

@Suite("Saved view: the last lead, filters, sort and theme come back on the next start")
struct SavedViewTests {
    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leadline-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("The file lives in $XDG_STATE_HOME/leadline, else ~/.local/state/leadline")
    func paths() {
        #expect(SavedViewStore(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]).path == "/s/leadline/state.json")
        #expect(SavedViewStore(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]).path == "/h/.local/state/leadline/state.json")
        #expect(SavedViewStore(environment: ["HOME": "/h"]).path == "/h/.local/state/leadline/state.json")
    }

    @Test("Quit with a lead, channels, order, sort and theme; the next start shows them again")
    func roundTrip() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = SavedViewStore(environment: ["XDG_STATE_HOME": directory.path + "/state"])

        var before = Sample.loaded()
        before.themeName = "light"
        _ = before.press(.character("j"), .character("j"))
        _ = before.press(.character("c"), .character("e"), .character("r"), .character("S"))
        #expect(before.timeline?.person.name == "Carlos Lopez")
        let view = before.savedView
        #expect(view == SavedView(lead: "nlpearl:o/c1", channels: ["call", "email"], order: "newest", sort: "name", theme: "light"))
        try store.save(view)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/state/leadline") == ["state.json"],
                "written in one step: no temporary file is left behind")

        let (loaded, warning) = store.load()
        #expect(warning == nil)
        #expect(loaded == view)

        var after = AppState(sources: ["nexor", "leadping", "nlpearl"], width: 120, height: 40, now: Sample.now, timeZone: Sample.utc)
        after.restore(try #require(loaded))
        _ = after.start()
        _ = after.handle(.leadsLoaded(source: "nexor", page: LeadPage(leads: [Sample.ana, Sample.yuki], next: nil)))
        _ = after.handle(.leadsLoaded(source: "leadping", page: LeadPage(leads: [Sample.anaSMS], next: nil)))
        #expect(after.leads.selectedPerson?.name == "Ana Pérez", "until Carlos's page arrives")
        _ = after.handle(.leadsLoaded(source: "nlpearl", page: LeadPage(leads: [Sample.carlos], next: nil)))
        #expect(after.leads.selectedPerson?.name == "Carlos Lopez")
        #expect(after.timeline?.person.name == "Carlos Lopez")
        #expect(after.timeline?.channels == [.call, .email])
        #expect(after.timeline?.order == .newestFirst)
        #expect(after.leads.sort == .name)
        #expect(after.themeName == "light")
        #expect(after.status == nil)
        #expect(after.savedView == view)
    }

    @Test("The saved lead is looked for on later pages, and a key pressed first wins over it")
    func laterPage() throws {
        func state() -> AppState {
            var state = AppState(sources: ["nexor"], width: 120, height: 40, now: Sample.now, timeZone: Sample.utc)
            state.restore(SavedView(lead: "nexor:p7"))
            _ = state.start()
            return state
        }
        let first = (0..<3).map { Lead(source: "nexor", id: "p\($0)", name: "Person \($0)", phone: "+1202555000\($0)") }
        let second = (3..<9).map { Lead(source: "nexor", id: "p\($0)", name: "Person \($0)", phone: "+1202555000\($0)") }

        var patient = state()
        let effects = patient.handle(.leadsLoaded(source: "nexor", page: LeadPage(leads: first, next: "c2")))
        #expect(effects.contains(.loadLeads(source: "nexor", cursor: "c2")))
        _ = patient.handle(.leadsLoaded(source: "nexor", page: LeadPage(leads: second, next: nil)))
        #expect(patient.leads.selectedPerson?.name == "Person 7")

        var impatient = state()
        _ = impatient.handle(.leadsLoaded(source: "nexor", page: LeadPage(leads: first, next: "c2")))
        _ = impatient.press(.character("j"))
        _ = impatient.handle(.leadsLoaded(source: "nexor", page: LeadPage(leads: second, next: nil)))
        #expect(impatient.leads.selectedPerson?.name == "Person 1")
    }

    @Test("A saved lead that is gone is mentioned once every page is in, and nothing else changes")
    func gone() {
        var state = AppState(sources: ["nexor"], width: 120, height: 40, now: Sample.now, timeZone: Sample.utc)
        state.restore(SavedView(lead: "nexor:deleted", channels: ["sms"]))
        _ = state.start()
        _ = state.handle(.leadsLoaded(source: "nexor", page: LeadPage(leads: [Sample.ana], next: nil)))
        #expect(state.leads.selectedPerson?.name == "Ana Pérez")
        #expect(state.timeline?.channels.count == Channel.allCases.count)
        #expect(state.status?.level == .warning)
        #expect(state.status?.text == "The lead you last looked at (nexor:deleted) is not in the list any more.")
    }

    @Test("A corrupt, unreadable or strange state file is ignored with a warning, never an error", arguments: [
        "{\"lead\": \"nexor:n1\", ", "not json at all", "[1, 2, 3]", "{\"lead\": 42}",
    ])
    func corrupt(contents: String) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = SavedViewStore(path: directory.appendingPathComponent("state.json").path)
        try Data(contents.utf8).write(to: URL(fileURLWithPath: store.path))
        let (view, warning) = store.load()
        #expect(view == nil)
        #expect(warning == "Ignored the saved view \(store.path): not valid JSON; starting fresh.")
    }

    @Test("A missing file is no warning; a file that cannot be read is; unknown fields and channels are skipped")
    func missingAndUnreadable() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = SavedViewStore(path: directory.appendingPathComponent("none.json").path)
        #expect(missing.load().view == nil && missing.load().warning == nil)

        let folder = SavedViewStore(path: directory.path)
        #expect(folder.load().view == nil)
        #expect(folder.load().warning == "Could not read the saved view \(directory.path); starting fresh.")

        let future = SavedViewStore(path: directory.appendingPathComponent("future.json").path)
        try Data(#"{"lead": "nexor:n1", "channels": ["call", "fax"], "sort": "colour", "zoom": 3}"#.utf8).write(to: URL(fileURLWithPath: future.path))
        let view = try #require(future.load().view)
        #expect(view.lead == "nexor:n1")
        #expect(view.channelSet == [.call])
        var state = Sample.state()
        state.restore(view)
        #expect(state.leads.sort == .recent, "an unknown sort keeps the default")
    }
}
