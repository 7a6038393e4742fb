import Foundation
import LeadlineKit
import Testing
@testable import LeadlineUI

@Suite("Screen: key sequences into the state machine, compared as text")
struct ScreenTests {
    @Test("An event with no title shows its text alone, as `leadline timeline` prints it")
    func untitledEvent() {
        let event = Sample.event("u1", "2026-01-10T08:00:00Z", .chat, kind: "chat.message", title: "", text: "Hello  there\n")
        let row = Screen.eventCells(event, width: 40, theme: .standard).map(\.grapheme).joined()
        #expect(row.dropFirst(4).hasPrefix("Hello there "), "\(row)")
        #expect(!row.contains("—"))
        #expect(TimelineText.headline(event) == "Hello there")
    }

    @Test("80×24: list, timeline stacked over detail, status line")
    func screen80() {
        var state = Sample.loaded(width: 80, height: 24)
        _ = state.press(.tab, .character("j"), .character("j"), .character("j"), .character("j"))
        #expect(Screen.render(state).lines == [
            "┌ Leads (3) by recent ─────┐┌ Ana Pérez · +56912345678 · Qualified ────────────┐",
            "│▶Ana Pérez    nex+lea   7d││[a] [c]2 [w]2 [e]1 [s]1 [t]0 [m]1                 │",
            "│ 山田 由紀 🌸   nexor     ││── Sat 10 Jan 2026 ───────────────────────────────│",
            "│ Carlos Lopez nlpearl     ││08:00 ⚙   Assigned to Sales Outreach              │",
            "│                          ││09:00 ✆ → WhatsApp template — Hi Ana, thanks f… ✓✓│",
            "│                          ││09:05 ✆ ← WhatsApp message — Yes, pricing plea… ✓✓│",
            "│                          ││13:00 ✗   Missed call — No answer                ✗│",
            "│                          ││14:00 ☎   Call 3m05s — Discussed pricing tiers an…│",
            "│                          ││── Sun 11 Jan 2026 ───────────────────────────────│",
            "│                          ││10:00 ✎ → SMS — Reminder: demo on Thursday      ✓✓│",
            "│                          ││── Mon 12 Jan 2026 ───────────────────────────────│",
            "│                          │└──────────────────────────────────────────────────┘",
            "│                          │┌ Call · 3m05s · positive ─────────────────────────┐",
            "│                          ││ ☎ Call                                           │",
            "│                          ││ When: 2026-01-10 14:00:00                        │",
            "│                          ││ Source: nexor · call                             │",
            "│                          ││ Status: ended                                    │",
            "│                          ││ Duration: 3m05s                                  │",
            "│                          ││                                                  │",
            "│                          ││ Summary                                          │",
            "│                          ││ Discussed pricing tiers and scheduled a demo.    │",
            "│                          ││                                                  │",
            "└──────────────────────────┘└──────────────────────────────────────────── 42% ─┘",
            "                      j/k move · tab pane · / search · o open · ? help · q quit ",
        ])
        #expect(state.focus == .timeline)
        #expect(state.timeline?.selectedEvent?.id == "c1")
    }

    @Test("120×40: three panes side by side; the transcript reads with speakers and offsets")
    func screen120() {
        var state = Sample.loaded(width: 120, height: 40)
        _ = state.press(.tab, .character("c"), .character("j"), .tab)
        let lines = Screen.render(state).lines
        #expect(lines[0] == "┌ Leads (3) by recent ───────┐┌ Ana Pérez · +56912345678 · Qualified ──────────┐┌ Call · 3m05s · positive ─────────────┐")
        #expect(lines[1].hasPrefix("│▶Ana Pérez      nex+lea   7d││[a] [c]2 [w]2 [e]1 [s]1 [t]0 [m]1               ││ ☎ Call "))
        #expect(lines[3] == "│ Carlos Lopez   nlpearl     ││13:00 ✗   Missed call — No answer              ✗││ Source: nexor · call                 │")
        let detail = lines.map { String($0.dropFirst(80)) }
        #expect(detail.contains("│ Transcript                           │"))
        #expect(detail.contains("│ 00:01 agent  Hi Ana, this is Alice   │"))
        #expect(detail.contains("│              from Stark.             │"))
        #expect(detail.contains("│ 00:04 lead   Hi! Yes, I wanted to ask│"))
        #expect(detail.contains("│              about the annual plan   │"))
        #expect(detail.contains("│ [1] recording:                       │"))
        #expect(state.focus == .detail)
    }

    @Test("Channel keys: from all, c shows only calls; w adds WhatsApp; a shows all again")
    func channelFilters() {
        var state = Sample.loaded()
        _ = state.press(.character("c"))
        #expect(state.timeline?.channels == [.call])
        #expect(state.timeline?.eventLines.count == 2)
        _ = state.press(.character("2"))
        #expect(state.timeline?.channels == [.call, .whatsapp])
        #expect(state.timeline?.eventLines.count == 4)
        _ = state.press(.character("c"), .character("w"))
        #expect(state.timeline?.channels.count == Channel.allCases.count, "turning the last one off shows all")
        _ = state.press(.character("m"), .character("a"))
        #expect(state.timeline?.eventLines.count == 7)
    }

    @Test("r reverses the order and keeps the selected event selected")
    func reverse() {
        var state = Sample.loaded()
        _ = state.press(.tab, .character("j"), .character("j"))
        let selected = state.timeline?.selectedEvent?.id
        _ = state.press(.character("r"))
        #expect(state.timeline?.selectedEvent?.id == selected)
        #expect(Screen.render(state).lines[2].contains("Mon 12 Jan 2026"))
    }

    @Test("/ in the list filters as you type (smart-case, terms ANDed); Esc clears")
    func listFilter() {
        var state = Sample.loaded()
        _ = state.press(.character("/"))
        _ = state.type("lopez")
        #expect(state.leads.visible.map { state.leads.person($0).name } == ["Carlos Lopez"])
        #expect(Screen.render(state).lines[0].hasPrefix("┌ Leads (1/3) /lopez▏"))
        _ = state.press(.backspace, .backspace, .backspace, .backspace, .backspace)
        _ = state.type("Ana +569")
        #expect(state.leads.visible.count == 1)
        _ = state.type("x")
        #expect(state.leads.visible.isEmpty)
        _ = state.press(.escape)
        #expect(state.leads.visible.count == 3)
        #expect(state.leads.filter == TextInput())
    }

    @Test("/ in the timeline narrows by text; Enter keeps the filter, and keys are commands again")
    func timelineFilter() {
        var state = Sample.loaded()
        _ = state.press(.tab, .character("/"))
        _ = state.type("pricing")
        _ = state.press(.enter)
        #expect(state.timeline?.eventLines.count == 2)
        _ = state.press(.character("j"))
        #expect(state.timeline?.selectedEvent?.id == "c1")
    }

    @Test("Moving in the list loads the next person's timeline; late answers for the old one are ignored")
    func personSwitch() {
        var state = Sample.loaded()
        let old = state.timeline!.generation
        let effects = state.press(.character("j"))
        #expect(state.timeline?.person.name == "山田 由紀 🌸")
        #expect(effects.contains(.cancelTimelines(keeping: old + 1)))
        #expect(effects.contains { if case .loadTimeline(let person, old + 1, false) = $0 { return person.name == "山田 由紀 🌸" } else { return false } })
        _ = state.handle(.eventsArrived(generation: old, events: Sample.anaEvents))
        #expect(state.timeline?.timeline.events.isEmpty == true)
    }

    @Test("o opens the only link; several links open a picker; non-http links are refused")
    func links() {
        var state = Sample.loaded()
        _ = state.press(.tab, .character("j"))
        #expect(state.press(.character("o")) == [.openLink("https://cal.example.com/ana")])
        #expect(state.press(.character("y")) == [.copyLink("https://cal.example.com/ana")])
        var picker = Sample.loaded()
        let generation = picker.timeline!.generation
        _ = picker.handle(.eventsArrived(generation: generation, events: [Sample.event(
            "x", "2026-01-13T10:00:00Z", .whatsapp, kind: "message", title: "Buttons",
            urls: [LabeledURL(label: "a", url: "https://a.example"), LabeledURL(label: "b", url: "javascript:alert(1)")])]))
        _ = picker.press(.tab, .character("G"), .character("o"))
        #expect(picker.overlay == .linkPicker(links: picker.timeline!.selectedEvent!.urls, selected: 0, copy: false))
        #expect(picker.press(.character("j"), .enter).isEmpty)
        #expect(picker.status?.level == .error)
        #expect(picker.press(.character("o"), .character("1")) == [.openLink("https://a.example")])
    }

    @Test("Hostile vendor text is drawn without any control sequence")
    func hostile() {
        var state = AppState(sources: ["nexor"], width: 120, height: 40, now: Sample.now, timeZone: Sample.utc)
        _ = state.start()
        let evil = Lead(source: "nexor", id: "e", name: "Eve\u{1B}]0;pwned\u{07}\u{1B}[2J\r\u{202E}gnp.exe", phone: "+15550001111")
        _ = state.handle(.leadsLoaded(source: "nexor", page: LeadPage(leads: [evil], next: nil)))
        _ = state.handle(.eventsArrived(generation: state.timeline!.generation, events: [Sample.event(
            "h", "2026-01-10T10:00:00Z", .chat, kind: "chat.message", title: "\u{1B}]52;c;cHduZWQ=\u{07}Hi",
            text: "safe\rEVIL \u{9B}31m\u{1B}P+q\u{1B}\\done")]))
        _ = state.press(.tab)
        let buffer = Screen.render(state)
        for line in buffer.lines {
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) })
        }
        #expect(buffer.lines[1].contains("Evegnp.exe"))
        #expect(buffer.lines.contains { $0.contains("Hi — safeEVIL done") })
    }

    @Test("Invisible characters in names (zero-width, BOM, word joiner, bidi isolates) never reach the screen or shift its columns")
    func invisibleCharactersInNames() {
        var state = AppState(sources: ["nexor"], width: 120, height: 40, now: Sample.now, timeZone: Sample.utc)
        _ = state.start()
        let invisible = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{2060}", "\u{2061}", "\u{2062}", "\u{2063}",
                         "\u{2064}", "\u{FEFF}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{061C}", "\u{180E}"]
        let leads = invisible.enumerated().map { index, character in
            Lead(source: "nexor", id: "z\(index)", name: "Ana\(character)Perez\(character)\(index)", phone: "+1555000\(1000 + index)")
        }
        _ = state.handle(.leadsLoaded(source: "nexor", page: LeadPage(leads: leads, next: nil)))
        // The joiners are kept inside their grapheme: emoji sequences and scripts such as Persian
        // need them. They take no column.
        let joiners: Set<String> = ["\u{200C}", "\u{200D}"]
        let lines = Screen.render(state).lines
        for (index, character) in invisible.enumerated() {
            let row = lines.first { line in
                String(String.UnicodeScalarView(line.unicodeScalars.filter { !joiners.contains(String($0)) })).contains("AnaPerez\(index) ")
            }
            #expect(row != nil, "U+\(String(character.unicodeScalars.first!.value, radix: 16)) changed the name")
        }
        for line in lines {
            #expect(!line.unicodeScalars.contains { scalar in invisible.contains(String(scalar)) && !joiners.contains(String(scalar)) }, "\(line)")
            // Every row is the screen's width, measured as a terminal would.
            #expect(DisplayWidth.of(line) == 120, "\(line)")
        }
    }

    @Test("The list shows a person's last activity from the vendors' lead records before any timeline loads")
    func lastActivityBeforeLoad() {
        var state = AppState(sources: ["nlpearl"], width: 120, height: 40, now: Sample.now, timeZone: Sample.utc)
        _ = state.start()
        let lead = Lead(source: "nlpearl", id: "o/1", name: "Dana Scully", phone: "+12025550199",
                        createdAt: ISO8601.parse("2025-12-01T00:00:00Z"), lastActivity: ISO8601.parse("2026-01-20T09:00:00Z"))
        _ = state.handle(.leadsLoaded(source: "nlpearl", page: LeadPage(leads: [lead], next: nil)))
        #expect(Screen.render(state).lines[1].hasPrefix("│▶Dana Scully    nlpearl   3h│"))
    }

    @Test("Below 80×24 the screen says it is too small, at any size down to 1×1")
    func tooSmall() {
        for (width, height) in [(79, 24), (80, 23), (20, 6), (1, 1), (0, 0)] {
            var state = Sample.loaded(width: width, height: height)
            _ = state.press(.character("j"), .tab, .character("G"))
            let lines = Screen.render(state).lines
            #expect(lines.count == height)
            if width >= 20 { #expect(lines.joined().contains("Terminal too small")) }
        }
    }

    @Test("Mouse: a click selects the row under it and focuses its pane; the wheel scrolls")
    func mouse() {
        var state = Sample.loaded(width: 120, height: 40)
        _ = state.handle(.mouse(MouseEvent(.press, row: 3, column: 5)))
        #expect(state.leads.selectedPerson?.name == "Carlos Lopez")
        var timeline = Sample.loaded(width: 120, height: 40)
        _ = timeline.handle(.mouse(MouseEvent(.press, row: 6, column: 40)))
        #expect(timeline.focus == .timeline)
        #expect(timeline.timeline?.selectedEvent?.id == "c0")
        _ = timeline.handle(.mouse(MouseEvent(.wheelDown, row: 6, column: 40)))
        #expect(timeline.timeline?.selectedEvent?.id == "e1")
    }

    @Test("? shows every binding of the key map")
    func help() {
        var state = Sample.loaded()
        _ = state.press(.character("?"))
        let text = Screen.render(state).lines.joined(separator: "\n")
        let visible = Screen.helpLines(KeyMap.standard).count - 2
        #expect(visible > 30)
        for binding in KeyMap.standard.bindings.prefix(12) {
            #expect(text.contains(binding.help), "\(binding.help)")
        }
        _ = state.press(.escape)
        #expect(state.overlay == nil)
    }

    @Test("A failing source shows in the status line and keeps what loaded")
    func failure() {
        var state = Sample.state()
        let generation = state.timeline!.generation
        _ = state.handle(.eventsArrived(generation: generation, events: Array(Sample.anaEvents.prefix(3))))
        _ = state.handle(.leadFinished(generation: generation, ref: "leadping:lp1", warnings: [], failure: "leadping: 401 Unauthorized — check LEADPING_TOKEN"))
        #expect(state.timeline?.eventLines.count == 3)
        #expect(Screen.render(state).lines.last!.contains("leadping: 401 Unauthorized — check LEADPING_TOKEN"))
        let effects = state.press(.character("R"))
        #expect(effects.contains { if case .loadTimeline(_, _, true) = $0 { return true } else { return false } })
        #expect(state.timeline?.eventLines.count == 3, "a refresh keeps what is on screen until answers arrive")
    }

    @Test("A source whose lead list fails is named in the status line; the others' leads stay, and R asks it again")
    func leadListFailure() {
        var state = AppState(sources: ["nexor", "leadping"], width: 120, height: 40, now: Sample.now, timeZone: Sample.utc)
        let start = state.start()
        #expect(start.filter { if case .loadLeads = $0 { return true } else { return false } }.count == 2)
        _ = state.handle(.leadsLoaded(source: "nexor", page: LeadPage(leads: [Sample.ana, Sample.yuki], next: nil)))
        _ = state.handle(.leadsFailed(source: "leadping", message: "leadping: timed out after 30 s"))
        let failed = Screen.render(state).lines
        #expect(failed.last!.contains("leadping: timed out after 30 s"), "\(failed.last!)")
        #expect(state.leads.personCount == 2)
        // Keys still work while it has failed.
        _ = state.press(.character("j"))
        #expect(state.leads.selected == 1)

        let effects = state.press(.character("R"))
        #expect(effects.contains { if case .loadLeads(source: "leadping", cursor: nil) = $0 { return true } else { return false } })
        #expect(!effects.contains { if case .loadLeads(source: "nexor", _) = $0 { return true } else { return false } })
        #expect(state.leads.personCount == 2, "a retry keeps the leads already listed")
        _ = state.handle(.leadsLoaded(source: "leadping", page: LeadPage(leads: [Sample.anaSMS], next: nil)))
        #expect(state.leads.personCount == 2, "Ana's LeadPing lead joins her person")
        #expect(!Screen.render(state).lines.last!.contains("timed out"))
    }

    @Test("Hundreds of random keys and resizes never crash and keep the state consistent")
    func randomKeys() {
        var generator = SystemRandomNumberGenerator()
        var state = Sample.loaded()
        let keys: [Key] = [.up, .down, .tab, .backTab, .enter, .escape, .pageUp, .pageDown, .home, .end, .backspace,
                           .character("/"), .character("j"), .character("k"), .character("c"), .character("w"), .character("a"),
                           .character("r"), .character("J"), .character("?"), .character("o"), .character("y"), .character("R"),
                           .character("x"), .character("G"), .character("g"), .character("h"), .character("l")]
        for _ in 0..<2000 {
            if Int.random(in: 0..<20, using: &generator) == 0 {
                _ = state.handle(.resize(width: Int.random(in: 0...200, using: &generator), height: Int.random(in: 0...60, using: &generator)))
            } else {
                _ = state.handle(.key(keys.randomElement(using: &generator)!))
            }
            let buffer = Screen.render(state)
            #expect(buffer.lines.count == state.height)
        }
    }
}
