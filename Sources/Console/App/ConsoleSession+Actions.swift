import Foundation
import SwitchboardCore

/// What each action and each `:` command does to the session.
extension ConsoleSession {
    func perform(_ action: Action, size: TerminalSize) {
        switch action {
        case .quit: quitRequested = true
        case .redraw, .resized: redraw()
        case .show(let route):
            if route == .logs, state.route == .jobs {  // the log of the job under the cursor
                state.log.target = nil
                state.log.follow = true
            }
            state.navigation.show(route)
        case .back:
            if !state.navigation.back(), state.interfaceFilter != nil { state.interfaceFilter = nil }
        case .help: state.helpTop = 0
        case .beginCommand: state.input = InputLine(kind: .command)
        case .beginFilter where state.route == .logs:
            state.input = InputLine(kind: .search, text: state.log.search ?? "", selected: true)
        case .beginFilter:
            state.input = InputLine(kind: .filter, text: state.interfaceFilter?.source ?? "", selected: true)
        case .togglePause: setPaused(!state.paused)
        case .open: open()
        case .checkNow: checkNow()
        case .nextSort:
            state.interfaceSort.next()
            show("sorted by \(state.interfaceSort.key.rawValue)", role: .flash, seconds: 3)
        case .acknowledge, .unacknowledge, .addNote, .silence, .expireSilence:
            performAlertAction(action)
        case .runJob:
            guard let id = state.jobs.selectedID, state.route == .jobs else { return }
            state.input = InputLine(kind: .prompt(.confirm(.runJob(id: id), "run \(id) now?")))
        case .toggleFollow, .toggleWrap, .toggleTimestamps, .cycleLevel, .nextMatch, .previousMatch, .firstError,
            .saveLog:
            performLogAction(action, size: size)
        case .nextPane:
            guard !SilencesPane.rows(shown).isEmpty else {
                show("no silences: the queue is the only pane", role: .flash, seconds: 3)
                return
            }
            state.silencesFocused.toggle()
        case .nextGrouping:
            let all = AlertsView.groupings
            let next = ((all.firstIndex { $0 == state.alertGrouping } ?? -1) + 1) % all.count
            group(by: all[next])
        case .reverseSort:
            state.interfaceSort.reversed.toggle()
            show("sorted by \(state.interfaceSort.key.rawValue), reversed", role: .flash, seconds: 3)
        case .moveUp, .moveDown, .pageUp, .pageDown, .moveToTop, .moveToBottom, .moveLeft, .moveRight:
            move(action, size: size)
        }
    }

    private func group(by label: String?) {
        state.alertGrouping = label
        state.alerts = ViewState()
        show(label.map { "alerts grouped by \($0)" } ?? "alerts not grouped", role: .flash, seconds: 3)
    }

    private func setPaused(_ paused: Bool) {
        state.paused = paused
        show(
            paused ? "updates paused: the screen holds this moment; p resumes" : "updates resumed", role: .flash,
            seconds: 4)
    }

    private func move(_ action: Action, size: TerminalSize) {
        switch state.route {
        case .interfaces:
            state.interfaces.apply(
                action, rows: rows.interfaces(shown, sort: state.interfaceSort, filter: state.interfaceFilter),
                visibleRows: ConsoleScreen.interfaceRows(size: size, snapshot: shown, glyphs: glyphs))
        case .overview:
            state.overview.apply(action, rows: rows.overview(shown).attention, visibleRows: overviewRows(size))
        case .jobs:
            state.jobs.apply(
                action, ids: shown.jobs.map(\.id), visibleRows: ConsoleScreen.layout(size: size).viewHeight - 1)
        case .jobRuns(let jobID):
            guard let runs, runs.jobID == jobID, let list = runs.list else { return }
            state.runs.apply(
                action, ids: list.map { String($0.id) }, visibleRows: ConsoleScreen.layout(size: size).viewHeight - 2)
        case .logs:
            moveInLog(action, size: size)
        case .alerts where state.silencesFocused:
            state.silences.apply(
                action, ids: SilencesPane.rows(shown).map(\.id),
                visibleRows: SilencesPane.height(shown, viewHeight: ConsoleScreen.layout(size: size).viewHeight) - 2)
        case .alerts:
            let rows = AlertsView.rows(shown, groupBy: state.alertGrouping)
            let visible = AlertsView.queueRows(shown, viewHeight: ConsoleScreen.layout(size: size).viewHeight)
            state.alerts.apply(action, ids: rows.map(\.id), visibleRows: visible)
            let forward = [.moveDown, .pageDown, .moveToTop].contains(action)
            state.alerts.skip(
                where: { rows[$0].alert == nil }, forward: forward, rows: rows.map(\.id), visibleRows: visible)
        case .topology:
            state.topologySelection = TopologyNavigation.move(
                from: state.topologySelection, action, layout: rows.topology(shown).layout)
        default: break
        }
    }

    private func selectedInterface() -> InterfaceStatus? {
        switch state.route {
        case .interfaces:
            let rows = rows.interfaces(shown, sort: state.interfaceSort, filter: state.interfaceFilter)
            return state.interfaces.selected.flatMap { rows.indices.contains($0) ? rows[$0] : nil }
        case .overview:
            let rows = rows.overview(shown).attention
            return state.overview.selected.flatMap { rows.indices.contains($0) ? rows[$0] : nil }
        case .interface(let id):
            return shown.interfaces.first { $0.id == id }
        default:
            return nil
        }
    }

    private func open() {
        switch state.route {
        case .jobs, .jobRuns:
            openJob()
            return
        default: break
        }
        if state.route == .alerts {
            if let entry = selectedAlert() { state.navigation.open(.alert(entry.id)) }
            return
        }
        if case .alert = state.route, let entry = selectedAlert() {
            let id = entry.labels.first { $0.name == "interface" }?.value
            guard let id, shown.interfaces.contains(where: { $0.id == id }) else {
                show("\(entry.name) names no interface of this landscape", role: .flash, seconds: 3)
                return
            }
            state.navigation.open(.interface(id))
            return
        }
        if state.route == .topology, let system = state.topologySelection {
            state.interfaceFilter = try? InterfaceFilter("^\(NSRegularExpression.escapedPattern(for: system))$")
            state.navigation.open(.interfaces)
            return
        }
        guard let interface = selectedInterface() else { return }
        state.navigation.open(.interface(interface.id))
    }

    private func checkNow() {
        if state.route == .topology, let system = state.topologySelection {
            send(.checkNow(target: system), saying: "checking \(system)\(glyphs.ellipsis)")
            return
        }
        guard let interface = selectedInterface() else {
            show("nothing selected to check", role: .flash, seconds: 3)
            return
        }
        send(.checkNow(target: interface.id), saying: "checking \(interface.name)\(glyphs.ellipsis)")
    }

    /// A key while a `:` or `/` line is being typed.
    func edit(_ key: Key) {
        guard var input = state.input else { return }
        // A prompt answers Enter and its yes/no itself; Esc and typing work as on any line.
        if case .prompt(let prompt) = input.kind, key != .escape, key == .enter || prompt.confirming != nil {
            state.input = editPrompt(key, prompt, input)
            return
        }
        switch key {
        case .escape:
            state.input = nil
            return
        case .enter:
            state.input = nil
            submit(input)
            return
        case .backspace where input.text.isEmpty:
            state.input = nil
            return
        case .tab where input.kind == .command:
            let (line, candidates) = ConsoleCommand.complete(
                input.text, themes: ThemeLocator.availableNames(in: ThemeLocator.searchDirectories()),
                labels: AlertsView.groupings.compactMap { $0 } + shown.alerts.entries.flatMap { $0.labels.map(\.name) })
            input.text = line
            if candidates.count > 1 { show(candidates.joined(separator: "  "), role: .flash, seconds: 5) }
        default:
            if let edited = input.editing(key) { input = edited }
        }
        state.input = input
    }

    private func submit(_ input: InputLine) {
        switch input.kind {
        case .prompt: break
        case .filter: applyFilter(input.text)
        case .search: search(input.text, size: terminal.size)
        case .savePath: saveLog(to: input.text.trimmingCharacters(in: .whitespaces))
        case .command:
            switch ConsoleCommand.parse(input.text) {
            case .success(let command): run(command)
            case .failure(let error): show(error.message, role: .error, seconds: 5)
            }
        }
    }

    private func applyFilter(_ text: String) {
        do {
            state.interfaceFilter = try InterfaceFilter(text)
            if state.route != .interfaces { state.navigation.open(.interfaces) }
        } catch {
            show("not a regular expression: \(error.pattern)", role: .error, seconds: 5)
        }
    }

    private func run(_ command: ConsoleCommand) {
        switch command {
        case .show(let route): state.navigation.show(route)
        case .interfaces(let filter):
            state.navigation.show(.interfaces)
            applyFilter(filter)
        case .theme(let name):
            do {
                let theme = try ThemeSelection.load(name)
                terminal.apply(theme)
                redraw()
                show("theme \(theme.name)", role: .flash, seconds: 3)
            } catch let error as ThemeError where error.line == nil {
                show("theme: \(error.message)", role: .error, seconds: 8)
            } catch {
                show("theme \(name): \(error)", role: .error, seconds: 8)
            }
        case .group(let label):
            state.navigation.show(.alerts)
            group(by: label)
        case .help: state.helpTop = 0
        case .pause: setPaused(true)
        case .resume: setPaused(false)
        case .quit: quitRequested = true
        }
    }
}
