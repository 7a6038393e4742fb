import Foundation
import LeadlineKit

extension AppState {
    /// The work to start with: the first page of every source's lead list.
    public mutating func start() -> [Effect] {
        var effects: [Effect] = []
        loadMoreLeads(into: &effects, force: true)
        return effects
    }

    /// Applies one event and returns the work it asks for.
    public mutating func handle(_ event: AppEvent) -> [Effect] {
        var effects: [Effect] = []
        switch event {
        case .key(let key):
            handleKey(key, into: &effects)
        case .mouse(let mouse):
            handleMouse(mouse, into: &effects)
        case .resize(let width, let height):
            self.width = max(0, width)
            self.height = max(0, height)
        case .tick(let date):
            now = date
            if isLoading { spinnerFrame &+= 1 }
            if let status, status.expires <= date { self.status = nil }
        case .leadsLoaded(let source, let page):
            leads.loadingSources.remove(source)
            leads.cursors[source] = .some(page.next == leads.cursors[source] ?? nil ? nil : page.next)
            leads.add(page.leads)
        case .leadsFailed(let source, let message):
            leads.loadingSources.remove(source)
            leads.failures[source] = message
            report(.error, message)
        case .eventsArrived(let generation, let events):
            guard var timeline, timeline.generation == generation else { break }
            timeline.timeline.merge(events)
            timeline.rebuild(timeZone: timeZone)
            if let latest = timeline.timeline.events.last?.timestamp {
                leads.lastActivity[timeline.person.id] = max(latest, leads.lastActivity[timeline.person.id] ?? latest)
            }
            self.timeline = timeline
        case .leadFinished(let generation, let ref, let warnings, let failure):
            guard var timeline, timeline.generation == generation else { break }
            timeline.loading.remove(ref)
            if let failure {
                timeline.failures[timeline.person.leads.first { $0.ref == ref }?.source ?? ref] = failure
                report(.error, failure)
            } else if let warning = warnings.first {
                report(.warning, warning)
            }
            self.timeline = timeline
        case .linkFailed(let message):
            report(.error, message)
        }
        normalize(into: &effects)
        return effects
    }

    // MARK: - Keys

    private mutating func handleKey(_ key: Key, into effects: inout [Effect]) {
        if let overlay {
            handleOverlayKey(key, overlay: overlay, into: &effects)
            return
        }
        if handleFilterKey(key) { return }
        guard let action = keyMap.action(for: key) else { return }
        perform(action, into: &effects)
    }

    /// Keys typed into a `/` filter; returns false when no filter is being edited.
    private mutating func handleFilterKey(_ key: Key) -> Bool {
        let editingLeads = focus == .leads && leads.filter.isEditing
        let editingTimeline = focus != .leads && timeline?.filter.isEditing == true
        guard editingLeads || editingTimeline else { return false }
        var input = editingLeads ? leads.filter : timeline!.filter
        switch key {
        case .character(let character):
            input.text.append(character)
        case .backspace:
            if !input.text.isEmpty { input.text.removeLast() }
        case .control("u"):
            input.text = ""
        case .enter:
            input.isEditing = false
        case .escape:
            input = TextInput()
        case .up, .down, .pageUp, .pageDown:
            // Moving while typing keeps the filter open.
            if let action = keyMap.action(for: key) {
                var ignored: [Effect] = []
                perform(action, into: &ignored)
            }
            return true
        default:
            return true
        }
        if editingLeads {
            leads.filter = input
            leads.applyFilter()
        } else {
            timeline!.filter = input
            timeline!.rebuild(timeZone: timeZone)
        }
        return true
    }

    private mutating func handleOverlayKey(_ key: Key, overlay: Overlay, into effects: inout [Effect]) {
        switch overlay {
        case .help(let scroll):
            switch key {
            case .escape, .character("?"), .character("q"), .enter: self.overlay = nil
            case .character("j"), .down: self.overlay = .help(scroll: scroll + 1)
            case .character("k"), .up: self.overlay = .help(scroll: max(0, scroll - 1))
            default: break
            }
        case .linkPicker(let links, let selected, let copy):
            switch key {
            case .escape, .character("q"): self.overlay = nil
            case .character("j"), .down: self.overlay = .linkPicker(links: links, selected: min(links.count - 1, selected + 1), copy: copy)
            case .character("k"), .up: self.overlay = .linkPicker(links: links, selected: max(0, selected - 1), copy: copy)
            case .enter:
                self.overlay = nil
                follow(links[selected], copy: copy, into: &effects)
            case .character(let character):
                if let number = character.wholeNumberValue, (1...links.count).contains(number) {
                    self.overlay = nil
                    follow(links[number - 1], copy: copy, into: &effects)
                }
            default: break
            }
        }
    }

    private mutating func perform(_ action: Action, into effects: inout [Effect]) {
        switch action {
        case .quit: wantsQuit = true
        case .help: overlay = .help(scroll: 0)
        case .focusNext: focus = Pane(rawValue: (focus.rawValue + 1) % Pane.allCases.count)!
        case .focusPrevious: focus = Pane(rawValue: (focus.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!
        case .focusLeft: focus = Pane(rawValue: max(0, focus.rawValue - 1))!
        case .focusRight: focus = Pane(rawValue: min(Pane.allCases.count - 1, focus.rawValue + 1))!
        case .moveUp: move(by: -1)
        case .moveDown: move(by: 1)
        case .pageUp: move(by: -max(1, pageHeight - 1))
        case .pageDown: move(by: max(1, pageHeight - 1))
        case .top: move(by: Int.min / 2)
        case .bottom: move(by: Int.max / 2)
        case .select:
            if focus == .leads, leads.selectedPerson != nil { focus = .timeline } else if focus == .timeline, timeline?.selectedEvent != nil { focus = .detail }
        case .search:
            if focus == .leads {
                leads.filter.isEditing = true
            } else if timeline != nil {
                focus = .timeline
                timeline!.filter.isEditing = true
            }
        case .refresh:
            refresh(into: &effects)
        case .reverseOrder:
            guard timeline != nil else { break }
            timeline!.order = timeline!.order.reversed
            timeline!.rebuild(timeZone: timeZone)
        case .toggleRaw:
            detail.showRaw.toggle()
            detail.scroll = 0
        case .openLink, .copyLink:
            let copy = action == .copyLink
            guard let event = timeline?.selectedEvent else { break }
            switch event.urls.count {
            case 0: report(.info, "This event has no link.")
            case 1: follow(event.urls[0], copy: copy, into: &effects)
            default: overlay = .linkPicker(links: event.urls, selected: 0, copy: copy)
            }
        case .allChannels:
            guard timeline != nil else { break }
            timeline!.channels = Set(Channel.allCases)
            timeline!.rebuild(timeZone: timeZone)
        case .toggleChannel(let channel):
            guard timeline != nil else { break }
            var channels = timeline!.channels
            if channels.count == Channel.allCases.count {
                // From "all", a channel key shows just that channel: the common wish is
                // "only calls", not "everything but calls".
                channels = [channel]
            } else if channels.contains(channel) {
                channels.remove(channel)
                if channels.isEmpty { channels = Set(Channel.allCases) }
            } else {
                channels.insert(channel)
            }
            timeline!.channels = channels
            timeline!.rebuild(timeZone: timeZone)
        }
    }

    private mutating func follow(_ link: LabeledURL, copy: Bool, into effects: inout [Effect]) {
        guard let scheme = URL(string: link.url)?.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            report(.error, "Refusing to open a link that is not http(s): \(link.url)")
            return
        }
        if copy {
            effects.append(.copyLink(link.url))
            report(.info, "Copied \(link.label) link to the clipboard.")
        } else {
            effects.append(.openLink(link.url))
            report(.info, "Opening \(link.label)…")
        }
    }

    private mutating func refresh(into effects: inout [Effect]) {
        if !leads.failures.isEmpty {
            leads.failures.removeAll()
            loadMoreLeads(into: &effects, force: true)
        }
        if let person = timeline?.person ?? leads.selectedPerson {
            timelineGeneration += 1
            var fresh = TimelineState(person: person, generation: timelineGeneration)
            fresh.channels = timeline?.channels ?? fresh.channels
            fresh.order = timeline?.order ?? fresh.order
            fresh.filter = timeline?.filter ?? fresh.filter
            // Keep what is on screen until the new answers replace it.
            fresh.timeline = timeline?.timeline ?? Timeline()
            fresh.rebuild(timeZone: timeZone)
            timeline = fresh
            effects.append(.cancelTimelines(keeping: timelineGeneration))
            effects.append(.loadTimeline(person: person, generation: timelineGeneration, refresh: true))
        }
        report(.info, "Refreshing…")
    }

    // MARK: - Mouse

    private mutating func handleMouse(_ mouse: MouseEvent, into effects: inout [Effect]) {
        guard overlay == nil, let layout = Layout(width: width, height: height),
              let pane = layout.pane(atRow: mouse.row, column: mouse.column) else { return }
        switch mouse.action {
        case .wheelUp, .wheelDown:
            let previous = focus
            focus = pane
            move(by: mouse.action == .wheelUp ? -3 : 3)
            focus = previous == pane ? pane : previous
        case .press:
            focus = pane
            let inner = layout.rect(of: pane).inner
            switch pane {
            case .leads:
                let position = leads.scroll + mouse.row - inner.y
                if mouse.row >= inner.y, position < leads.visible.count { leads.selected = position }
            case .timeline:
                guard var timeline else { break }
                let line = timeline.scroll + mouse.row - (inner.y + 1)
                if mouse.row > inner.y, let position = timeline.eventLines.firstIndex(of: line) {
                    timeline.selected = position
                    self.timeline = timeline
                }
            case .detail:
                break
            }
        }
    }

    // MARK: - Movement and bookkeeping

    /// Rows a page of the focused pane holds.
    private var pageHeight: Int {
        guard let layout = Layout(width: width, height: height) else { return 1 }
        switch focus {
        case .leads: return layout.leads.inner.height
        case .timeline: return layout.timeline.inner.height - 1
        case .detail: return layout.detail.inner.height
        }
    }

    private mutating func move(by delta: Int) {
        func clamp(_ value: Int, _ count: Int) -> Int { max(0, min(count - 1, value)) }
        switch focus {
        case .leads:
            leads.selected = clamp(leads.selected.addingReportingOverflow(delta).partialValue, leads.visible.count)
        case .timeline:
            guard var timeline else { return }
            timeline.selected = clamp(timeline.selected.addingReportingOverflow(delta).partialValue, timeline.eventLines.count)
            self.timeline = timeline
        case .detail:
            detail.scroll = max(0, detail.scroll.addingReportingOverflow(delta).partialValue)
        }
    }

    /// After every event: follow the selected person, keep selections on screen, lay out the
    /// detail pane, and ask for more leads when the list runs short.
    private mutating func normalize(into effects: inout [Effect]) {
        followSelectedPerson(into: &effects)
        guard let layout = Layout(width: width, height: height) else { return }

        let listHeight = layout.leads.inner.height
        leads.scroll = Self.scroll(leads.scroll, selected: leads.selected, height: listHeight, count: leads.visible.count)
        if leads.selected >= leads.visible.count - listHeight { loadMoreLeads(into: &effects) }

        if var timeline {
            let bodyHeight = max(1, layout.timeline.inner.height - 1)
            let selectedLine: Int? = timeline.eventLines.indices.contains(timeline.selected) ? timeline.eventLines[timeline.selected] : nil
            if let line = selectedLine {
                // Show the day separator above the selected event when it is the first of the day.
                let target = line > 0 && Self.isDay(timeline.lines[line - 1]) ? line - 1 : line
                var scroll = timeline.scroll
                if target < scroll { scroll = target }
                if line >= scroll + bodyHeight { scroll = line - bodyHeight + 1 }
                timeline.scroll = max(0, min(scroll, max(0, timeline.lines.count - bodyHeight)))
            } else {
                timeline.scroll = 0
            }
            self.timeline = timeline
        }

        let detailWidth = max(1, layout.detail.inner.width - 1)
        if let event = timeline?.selectedEvent {
            let key = DetailLayoutKey(event: event.key, width: detailWidth, raw: detail.showRaw)
            if detail.layoutKey != key {
                if detail.layoutKey?.event != key.event { detail.scroll = 0 }
                detail.lines = DetailLayout.lines(for: event, width: detailWidth, raw: detail.showRaw, theme: theme, timeZone: timeZone)
                detail.layoutKey = key
            }
        } else {
            detail.lines = []
            detail.layoutKey = nil
        }
        detail.scroll = max(0, min(detail.scroll, detail.lines.count - layout.detail.inner.height))
    }

    private static func isDay(_ line: TimelineState.Line) -> Bool {
        if case .day = line { return true }
        return false
    }

    private static func scroll(_ scroll: Int, selected: Int, height: Int, count: Int) -> Int {
        guard height > 0, count > 0 else { return 0 }
        var result = scroll
        if selected < result { result = selected }
        if selected >= result + height { result = selected - height + 1 }
        return max(0, min(result, max(0, count - height)))
    }

    /// Starts loading the timeline of the selected person when it changed (or gained leads).
    private mutating func followSelectedPerson(into effects: inout [Effect]) {
        guard let person = leads.selectedPerson else { return }
        if let timeline, Set(timeline.person.leads.map(\.ref)) == Set(person.leads.map(\.ref)) { return }
        let samePerson = timeline.map { old in old.person.leads.contains { lead in person.leads.contains { $0.ref == lead.ref } } } ?? false
        timelineGeneration += 1
        var fresh = TimelineState(person: person, generation: timelineGeneration)
        if samePerson, let old = timeline {
            // The person gained a lead from another source: keep what is loaded, add the rest.
            fresh.timeline = old.timeline
            fresh.channels = old.channels
            fresh.order = old.order
            fresh.filter = old.filter
            fresh.rebuild(timeZone: timeZone)
        }
        timeline = fresh
        if !samePerson { detail.scroll = 0 }
        effects.append(.cancelTimelines(keeping: timelineGeneration))
        effects.append(.loadTimeline(person: person, generation: timelineGeneration, refresh: false))
    }

    /// Asks every source that has more for its next page.
    private mutating func loadMoreLeads(into effects: inout [Effect], force: Bool = false) {
        for source in leads.sourcesWithMore {
            let cursor = leads.cursors[source] ?? nil
            if !force, leads.cursors[source] == nil { continue }
            leads.loadingSources.insert(source)
            effects.append(.loadLeads(source: source, cursor: cursor))
        }
    }

    /// Shows a message in the status line for a few seconds (errors longer), or for `seconds`.
    public mutating func report(_ level: StatusMessage.Level, _ text: String, seconds: TimeInterval? = nil) {
        let seconds = seconds ?? (level == .error ? 12 : level == .warning ? 8 : 4)
        status = StatusMessage(level: level, text: text, expires: now.addingTimeInterval(seconds))
    }
}
