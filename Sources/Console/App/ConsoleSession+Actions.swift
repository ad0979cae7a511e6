import Foundation
import SwitchboardCore

/// What the shared actions and each `:` command do to the session.
extension ConsoleSession {
    /// The view's controller does its own actions; the session does the ones every view shares.
    func perform(_ action: Action, size: TerminalSize) {
        if controller.perform(action, self, size: size) { return }
        switch action {
        case .quit: quitRequested = true
        case .redraw, .resized: redraw()
        case .show(let route): state.navigation.show(route)
        case .back:
            if !state.navigation.back(), state.interfaceFilter != nil { state.interfaceFilter = nil }
        case .help: state.helpTop = 0
        case .beginCommand: state.input = InputLine(kind: .command)
        case .beginFilter:
            state.input = InputLine(kind: .filter, text: state.interfaceFilter?.source ?? "", selected: true)
        case .togglePause: setPaused(!state.paused)
        default: break
        }
    }

    /// Enter on an interface: its detail.
    func openDetail(of interface: InterfaceStatus?) {
        guard let interface else { return }
        state.navigation.open(.interface(interface.id))
    }

    /// `c` on an interface: check it now.
    func check(_ interface: InterfaceStatus?) {
        guard let interface else {
            show("nothing selected to check", role: .flash, seconds: 3)
            return
        }
        send(.checkNow(target: interface.id), saying: "checking \(interface.name)\(glyphs.ellipsis)")
    }

    private func setPaused(_ paused: Bool) {
        state.paused = paused
        show(
            paused ? "updates paused: the screen holds this moment; p resumes" : "updates resumed", role: .flash,
            seconds: 4)
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
        if controller.submit(input, self, size: terminal.size) { return }
        switch input.kind {
        case .prompt, .search, .savePath: break
        case .filter: applyFilter(input.text)
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
            AlertsController.group(by: label, self)
        case .help: state.helpTop = 0
        case .pause: setPaused(true)
        case .resume: setPaused(false)
        case .quit: quitRequested = true
        }
    }
}
