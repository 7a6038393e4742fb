import Foundation
import Testing
import LeadlineKit
@testable import LeadlineUI

@Suite("Key map")
struct KeyMapTests {
    @Test("README's key table is the one generated from the key map")
    func readmeAgrees() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md").standardized
        var text = try String(contentsOf: readme, encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- keys:begin -->\n"))
        let end = try #require(text.range(of: "<!-- keys:end -->"))
        if ProcessInfo.processInfo.environment["LEADLINE_UPDATE_README"] == "1" {
            // `LEADLINE_UPDATE_README=1 swift test --filter KeyMapTests` regenerates the table.
            text.replaceSubrange(begin.upperBound..<end.lowerBound, with: KeyMap.standard.markdownTable + "\n")
            try text.write(to: readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(text[begin.upperBound..<end.lowerBound]) == KeyMap.standard.markdownTable + "\n",
                "README.md is out of date; paste KeyMap.standard.markdownTable between the keys markers")
    }

    @Test("No key is bound twice")
    func unique() {
        let keys = KeyMap.standard.bindings.flatMap(\.keys)
        #expect(Set(keys).count == keys.count)
    }

    @Test("The help overlay lists every binding")
    func overlay() {
        let text = Screen.helpLines(KeyMap.standard).map { $0.spans.map(\.text).joined() }
        for binding in KeyMap.standard.bindings {
            #expect(text.contains { $0.hasSuffix(binding.help) && $0.hasPrefix(binding.keys.map(\.description).joined(separator: " ")) })
        }
    }
}

@Suite("Key map: rebinding from the config")
struct RebindingTests {
    private func override(_ action: String, _ keys: [String], line: Int = 3) -> KeyOverride {
        KeyOverride(action: action, keys: keys, location: "/cfg/config.toml:\(line)")
    }

    private func failure(_ overrides: [KeyOverride]) -> String? {
        do {
            _ = try KeyMap.standard.applying(overrides)
            return nil
        } catch {
            return (error as? ConfigError)?.description
        }
    }

    @Test("Every action has its own stable config name, and every key name reads back as the key")
    func names() throws {
        let names = KeyMap.standard.bindings.map(\.action.configName)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "_" } })
        for key in KeyMap.standard.bindings.flatMap(\.keys) {
            #expect(try Key(configName: key.configName) == key)
        }
    }

    @Test("Key names in the config", arguments: [
        ("q", Key.character("q")), ("G", .character("G")), (":", .character(":")), ("space", .character(" ")),
        ("ctrl-r", .control("r")), ("Ctrl-R", .control("r")), ("tab", .tab), ("Shift-Tab", .backTab),
        ("enter", .enter), ("esc", .escape), ("pgdn", .pageDown), ("PageUp", .pageUp), ("down", .down),
        ("home", .home), ("f5", .function(5)), ("backspace", .backspace), ("delete", .delete),
    ])
    func keyNames(name: String, key: Key) throws {
        #expect(try Key(configName: name) == key)
    }

    @Test("Rebinding, a second key and disabling change what keys do, the overlay and the hints")
    func rebind() throws {
        let map = try KeyMap.standard.applying([
            override("refresh", ["ctrl-r"]), override("quit", ["x", "ctrl-c"], line: 4), override("open_link", [], line: 5),
        ])
        #expect(map.action(for: .control("r")) == .refresh)
        #expect(map.action(for: .character("R")) == nil)
        #expect(map.action(for: .character("x")) == .quit)
        #expect(map.action(for: .control("c")) == .quit)
        #expect(map.action(for: .character("q")) == nil)
        #expect(map.action(for: .character("o")) == nil)
        let overlay = Screen.helpLines(map).map { $0.spans.map(\.text).joined() }
        #expect(overlay.contains { $0.hasPrefix("Ctrl-R ") && $0.hasSuffix("reload this lead from the vendors") })
        #expect(overlay.contains { $0.hasPrefix("x Ctrl-C ") && $0.hasSuffix("quit") })
        #expect(overlay.contains { $0.hasPrefix("— ") && $0.hasSuffix("open the recording or link") })
        #expect(map.hints[0].hasSuffix("· x quit "))
        #expect(!map.hints[0].contains("o open"))

        var state = Sample.loaded()
        state.keyMap = map
        #expect(state.press(.character("R")).isEmpty)
        #expect(state.press(.control("r")).contains { if case .loadTimeline(_, _, true) = $0 { true } else { false } })
        _ = state.press(.tab, .character("j"))
        #expect(state.timeline?.selectedEvent?.urls.isEmpty == false)
        let detail = Screen.render(state).lines
        #expect(detail.contains { $0.contains("│ y copy ") }, "the detail pane's hint leaves out the disabled o")
        #expect(!detail.contains { $0.contains("o open") })
        _ = state.press(.character("q"))
        #expect(!state.wantsQuit)
        _ = state.press(.control("c"))
        #expect(state.wantsQuit)
    }

    @Test("The timeline's channel bar shows the channel keys as bound")
    func channelBar() throws {
        let map = try KeyMap.standard.applying([override("channel_chat", ["x"]), override("channel_sms", [], line: 4), override("channel_call", ["C"], line: 5)])
        var state = Sample.loaded(width: 200, height: 50)
        state.keyMap = map
        let bar = Screen.render(state).lines[1]
        #expect(bar.contains("[a]ll [C]all 2 [w]hatsapp 2 [e]mail 1 sms 1 chat[x] 0 syste[m] 1"), "\(bar)")
        _ = state.press(.character("x"))
        #expect(state.timeline?.channels == [.chat])
    }

    @Test("Swapping two keys works when both are rebound")
    func swap() throws {
        let map = try KeyMap.standard.applying([override("refresh", ["r"]), override("reverse_order", ["R"], line: 4)])
        #expect(map.action(for: .character("r")) == .refresh)
        #expect(map.action(for: .character("R")) == .reverseOrder)
    }

    @Test("Conflicts, unknown actions and unreadable key names are config errors with file, line and value", arguments: [
        ([KeyOverride(action: "refresh", keys: ["r"], location: "/cfg/config.toml:3")],
         "/cfg/config.toml:3: [keys] refresh = \"r\": r is also bound to reverse_order — rebind or disable reverse_order too (reverse_order = \"\")"),
        ([KeyOverride(action: "refresh", keys: ["ctrl-r"], location: "/cfg/config.toml:3"),
          KeyOverride(action: "help", keys: ["ctrl-r"], location: "/cfg/config.toml:4")],
         "/cfg/config.toml:4: [keys] help = \"ctrl-r\": ctrl-r is also bound to refresh"),
        ([KeyOverride(action: "reload", keys: ["ctrl-r"], location: "/cfg/config.toml:7")],
         "/cfg/config.toml:7: [keys] unknown action 'reload' (known: move_down, move_up, page_down, page_up, top, bottom, focus_next, focus_previous, focus_left, focus_right, select, search, search_next, search_previous, sort, jump, all_channels, channel_call, channel_whatsapp, channel_email, channel_sms, channel_chat, channel_system, reverse_order, toggle_raw, open_link, copy_link, refresh, help, quit)"),
        ([KeyOverride(action: "quit", keys: ["q", "ctrl-shift-q"], location: "/cfg/config.toml:2")],
         "/cfg/config.toml:2: [keys] quit = \"ctrl-shift-q\": unknown key name (a single character, ctrl-x, f1…f12, tab, shift-tab, enter, esc, space, backspace, delete, up, down, left, right, home, end, pgup, pgdn)"),
        ([KeyOverride(action: "focus_next", keys: ["ctrl-i"], location: "/cfg/config.toml:2")],
         "/cfg/config.toml:2: [keys] focus_next = \"ctrl-i\": terminals send ctrl-i as tab; write \"tab\""),
    ])
    func conflicts(overrides: [KeyOverride], expected: String) {
        #expect(failure(overrides) == expected)
    }
}
