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
            // The list is complete: what its arrays grew beyond it can go.
            if leads.loadingSources.isEmpty, leads.sourcesWithMore.isEmpty { leads.releaseSpareCapacity() }
            if let lead = pendingRestore?.lead, leads.select(ref: lead) {
                selectionChosen = true
            } else if !selectionChosen {
                leads.selected = 0
            }
        case .leadsFailed(let source, let message):
            leads.loadingSources.remove(source)
            leads.failures[source] = message
            report(.error, message)
        case .eventsArrived(let generation, let events):
            // In place: a copy of the state would copy every event it holds.
            guard timeline?.generation == generation else { break }
            timeline!.merge(events, timeZone: timeZone)
            if let timeline, let latest = timeline.timeline.events.last?.timestamp {
                leads.noteActivity(of: timeline.person, at: latest)
            }
        case .leadFinished(let generation, let ref, let warnings, let failure):
            guard var timeline, timeline.generation == generation else { break }
            timeline.loading.remove(ref)
            if timeline.loading.isEmpty { timeline.releaseSpareCapacity() }
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
        // The user has taken over: a saved lead found later must not move the selection.
        pendingRestore = nil
        selectionChosen = true
        if let overlay {
            handleOverlayKey(key, overlay: overlay, into: &effects)
            return
        }
        if prompt != nil {
            handlePromptKey(key)
            return
        }
        if handleFilterKey(key) { return }
        guard let action = keyMap.action(for: key) else { return }
        perform(action, into: &effects)
    }

    /// The text input keys go to, if one is being edited.
    private enum InputTarget {
        case leadFilter, timelineFilter, detailSearch
    }

    private var editingTarget: InputTarget? {
        if focus == .leads && leads.filter.isEditing { return .leadFilter }
        if focus == .detail && detail.search.isEditing { return .detailSearch }
        if focus != .leads && timeline?.filter.isEditing == true { return .timelineFilter }
        return nil
    }

    /// Keys typed into a `/` filter or search; returns false when none is being edited.
    private mutating func handleFilterKey(_ key: Key) -> Bool {
        guard let target = editingTarget else { return false }
        var input: TextInput
        switch target {
        case .leadFilter: input = leads.filter
        case .timelineFilter: input = timeline!.filter
        case .detailSearch: input = detail.search
        }
        switch key {
        case .up, .down, .pageUp, .pageDown:
            // Moving while typing keeps the filter open.
            if let action = keyMap.action(for: key) {
                var ignored: [Effect] = []
                perform(action, into: &ignored)
            }
            return true
        default:
            guard Self.edit(&input, with: key) else { return true }
        }
        switch target {
        case .leadFilter:
            leads.filter = input
            leads.applyFilter()
        case .timelineFilter:
            timeline!.filter = input
            timeline!.rebuild(timeZone: timeZone)
        case .detailSearch:
            detail.search = input
        }
        return true
    }

    /// Applies a key to a line being typed; false when the key does not edit text.
    private static func edit(_ input: inout TextInput, with key: Key) -> Bool {
        switch key {
        case .character(let character): input.text.append(character)
        case .backspace: if !input.text.isEmpty { input.text.removeLast() }
        case .control("u"): input.text = ""
        case .enter: input.isEditing = false
        case .escape: input = TextInput()
        default: return false
        }
        return true
    }

    /// Keys typed into the `:` prompt: Enter jumps, Esc (or Backspace on an empty line) closes it.
    private mutating func handlePromptKey(_ key: Key) {
        guard var input = prompt else { return }
        if key == .backspace, input.text.isEmpty {
            prompt = nil
            return
        }
        guard Self.edit(&input, with: key) else { return }
        switch key {
        case .escape: prompt = nil
        case .enter:
            prompt = nil
            jump(to: input.text)
        default: prompt = input
        }
    }

    private mutating func handleOverlayKey(_ key: Key, overlay: Overlay, into effects: inout [Effect]) {
        let action = keyMap.action(for: key)
        switch overlay {
        case .help(let scroll):
            switch (key, action) {
            case (.escape, _), (.enter, _), (_, .help?), (_, .quit?): self.overlay = nil
            case (.down, _), (_, .moveDown?): self.overlay = .help(scroll: scroll + 1)
            case (.up, _), (_, .moveUp?): self.overlay = .help(scroll: max(0, scroll - 1))
            default: break
            }
        case .linkPicker(let links, let selected, let copy):
            switch (key, action) {
            case (.escape, _), (_, .quit?): self.overlay = nil
            case (.down, _), (_, .moveDown?): self.overlay = .linkPicker(links: links, selected: min(links.count - 1, selected + 1), copy: copy)
            case (.up, _), (_, .moveUp?): self.overlay = .linkPicker(links: links, selected: max(0, selected - 1), copy: copy)
            case (.enter, _):
                self.overlay = nil
                follow(links[selected], copy: copy, into: &effects)
            case (.character(let character), _):
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
            } else if focus == .detail, timeline?.selectedEvent != nil {
                // A new search, as in less and vim: the old matches go until the text is typed.
                detail.search = TextInput(text: "", isEditing: true)
            } else if timeline != nil {
                focus = .timeline
                timeline!.filter.isEditing = true
            }
        case .searchNext, .searchPrevious:
            guard !detail.search.text.isEmpty else {
                report(.info, "/ in the detail pane searches it; then n and N move between matches.")
                break
            }
            guard !detail.matches.isEmpty else {
                report(.warning, "No match for \"\(TerminalSanitizer.line(detail.search.text))\" in this event.")
                break
            }
            let count = detail.matches.count
            detail.currentMatch = (detail.currentMatch + (action == .searchNext ? 1 : count - 1)) % count
            detail.revealMatch = true
        case .jump:
            prompt = TextInput(text: "", isEditing: true)
        case .cycleSort:
            leads.sort = leads.sort.next
            leads.applyFilter()
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
            // Keep what is on screen until the new answers replace it.
            if let old = timeline {
                fresh.carryOver(from: old, timeZone: timeZone)
                fresh.members = old.members
            }
            retire(timeline)
            timeline = fresh
            effects.append(.cancelTimelines(keeping: timelineGeneration))
            effects.append(.loadTimeline(person: person, generation: timelineGeneration, refresh: true))
        }
        report(.info, "Refreshing…")
    }

    // MARK: - Mouse

    private mutating func handleMouse(_ mouse: MouseEvent, into effects: inout [Effect]) {
        pendingRestore = nil
        selectionChosen = true
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
        leads.prepareRows(width: layout.leads.inner.width, ageWidth: Screen.ageWidth(listWidth: layout.leads.inner.width), height: listHeight, theme: theme)
        if leads.selected >= leads.visible.count - listHeight || pendingRestore != nil { loadMoreLeads(into: &effects) }
        applyPendingRestore()

        if var timeline {
            // Taken out while it changes, so its prepared rows are not copied on write.
            self.timeline = nil
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
            timeline.prepareRows(width: layout.timeline.inner.width, height: bodyHeight, theme: theme)
            self.timeline = timeline
        }

        let detailWidth = max(1, layout.detail.inner.width - 1)
        if let event = timeline?.selectedEvent {
            let key = DetailLayoutKey(event: event.key, width: detailWidth, raw: detail.showRaw)
            if detail.layoutKey != key {
                if detail.layoutKey?.event != key.event { detail.scroll = 0 }
                detail.lines = DetailLayout.lines(for: event, width: detailWidth, raw: detail.showRaw, theme: theme, timeZone: timeZone, keyMap: keyMap)
                detail.layoutKey = key
            }
        } else {
            detail.lines = []
            detail.layoutKey = nil
        }
        updateDetailMatches(height: layout.detail.inner.height)
        detail.scroll = max(0, min(detail.scroll, detail.lines.count - layout.detail.inner.height))
    }

    /// Finds the detail search's matches when the text or the laid-out event changed, and
    /// scrolls the current one into view when asked to.
    private mutating func updateDetailMatches(height: Int) {
        guard let layoutKey = detail.layoutKey, !detail.search.text.isEmpty else {
            detail.matches = []
            detail.matchesKey = nil
            detail.revealMatch = false
            return
        }
        let key = DetailSearchKey(layout: layoutKey, query: detail.search.text)
        if detail.matchesKey != key {
            let previous = detail.matchesKey
            detail.matches = DetailSearch.matches(of: key.query, in: detail.lines)
            if previous?.query != key.query {
                // Typing: show the first match from where the reader is, as less does.
                let next = DetailSearch.firstMatch(atOrAfter: detail.scroll, in: detail.matches)
                detail.currentMatch = next < detail.matches.count ? next : 0
                detail.revealMatch = true
            } else if previous?.layout.event != key.layout.event {
                detail.currentMatch = 0
            } else {
                detail.currentMatch = min(detail.currentMatch, max(0, detail.matches.count - 1))
            }
            detail.matchesKey = key
        }
        if detail.revealMatch, detail.matches.indices.contains(detail.currentMatch) {
            let line = detail.matches[detail.currentMatch].line
            if line < detail.scroll || line >= detail.scroll + height {
                // A little context above the match.
                detail.scroll = max(0, line - height / 3)
            }
        }
        detail.revealMatch = false
    }

    /// Once the saved view's lead is the selected person's, gives its timeline the saved
    /// channels and order; gives up (with a note) when every page is loaded without it.
    private mutating func applyPendingRestore() {
        guard let pending = pendingRestore, let ref = pending.lead else { return }
        if var timeline, timeline.person.leads.contains(where: { $0.ref == ref }) {
            if let channels = pending.channelSet { timeline.channels = channels }
            if let order = pending.timelineOrder { timeline.order = order }
            timeline.rebuild(timeZone: timeZone)
            self.timeline = timeline
            pendingRestore = nil
        } else if leads.personCount >= Self.restoreSearchLimit || (leads.loadingSources.isEmpty && leads.sourcesWithMore.isEmpty) {
            pendingRestore = nil
            report(.warning, "The lead you last looked at (\(TerminalSanitizer.line(ref))) is not in the list any more.")
        }
    }

    /// How many people to page through looking for the saved view's lead before giving up.
    static let restoreSearchLimit = 5_000

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
        // Every key comes here: while the selection stays on the timeline's person, say so
        // without making the person.
        let slot: Int? = leads.visible.indices.contains(leads.selected) ? leads.visible[leads.selected] : nil
        let members = slot.map { leads.directory.leadNumbersSorted(inSlot: $0) }
        if let members, !members.isEmpty, members == timeline?.members { return }
        guard let person = leads.selectedPerson else { return }
        if let timeline, Set(timeline.person.leads.map(\.ref)) == Set(person.leads.map(\.ref)) {
            self.timeline?.members = members
            return
        }
        let samePerson = timeline.map { old in old.person.leads.contains { lead in person.leads.contains { $0.ref == lead.ref } } } ?? false
        timelineGeneration += 1
        var fresh = TimelineState(person: person, generation: timelineGeneration)
        fresh.members = members
        if samePerson, let old = timeline {
            // The person gained a lead from another source: keep what is loaded, add the rest.
            fresh.carryOver(from: old, timeZone: timeZone)
        }
        retire(timeline)
        timeline = fresh
        if !samePerson { detail.scroll = 0 }
        effects.append(.cancelTimelines(keeping: timelineGeneration))
        effects.append(.loadTimeline(person: person, generation: timelineGeneration, refresh: false))
    }

    /// Keeps a timeline being replaced until ``dropRetired()``: freeing 100,000 events is
    /// milliseconds of work that belongs after the next frame is on screen, not before it.
    private mutating func retire(_ old: TimelineState?) {
        if let old { retired.append(old) }
    }

    /// Frees what the last events replaced; the runner calls it once a frame is drawn.
    public mutating func dropRetired() {
        retired.removeAll()
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
