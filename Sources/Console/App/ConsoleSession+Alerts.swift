import Foundation
import SwitchboardCore

/// The operator's writes on alerts: each asks its questions on the input line, then for a yes.
extension ConsoleSession {
    /// The alert under the cursor on the queue, or the one whose detail is open.
    func selectedAlert() -> AlertEntrySnapshot? {
        switch state.route {
        case .alerts where state.silencesFocused:
            return nil
        case .alerts:
            let rows = AlertsView.rows(shown, groupBy: state.alertGrouping)
            return state.alerts.selected.flatMap { rows.indices.contains($0) ? rows[$0].alert : nil }
        case .alert(let id):
            return shown.alerts.entries.first { $0.id == id }
        default:
            return nil
        }
    }

    func performAlertAction(_ action: Action) {
        if state.route == .alerts, state.silencesFocused {
            expireSelectedSilence(action)
            return
        }
        guard let entry = selectedAlert() else {
            show("no alert selected", role: .flash, seconds: 3)
            return
        }
        let subject = Self.subject(of: entry)
        switch action {
        case .acknowledge:
            var prompt = Prompt(
                purpose: .acknowledge(alertID: entry.id), steps: [.init(label: "ack note", initial: "")])
            prompt.subject = subject
            ask(prompt)
        case .unacknowledge:
            guard entry.acknowledgement != nil else {
                show("\(entry.name) is not acknowledged", role: .flash, seconds: 3)
                return
            }
            ask(
                .confirm(
                    .unacknowledge(alertID: entry.id, by: options.user), "undo the acknowledgement of \(subject)?"))
        case .addNote:
            var prompt = Prompt(purpose: .note(alertID: entry.id), steps: [.init(label: "note", initial: "")])
            prompt.subject = subject
            ask(prompt)
        case .silence:
            ask(
                Prompt(
                    purpose: .silence,
                    steps: [
                        .init(label: "silence matchers", initial: Self.matchers(for: entry)),
                        .init(label: "for", initial: "2h", replaceable: true), .init(label: "comment", initial: ""),
                    ]))
        case .expireSilence:
            let silences = entry.muting.compactMap { if case .silenced(let id) = $0 { id } else { nil } }
            guard let id = silences.first else {
                show("\(entry.name) is not silenced", role: .flash, seconds: 3)
                return
            }
            ask(
                .confirm(
                    .expireSilence(id: id, by: options.user),
                    "expire the silence of \(subject) (\(Self.shortID(id)))?"))
        default:
            break
        }
    }

    /// An alert as the questions name it: `InterfaceDown on crm-erp`, its name alone without a target.
    static func subject(of entry: AlertEntrySnapshot) -> String {
        let target = AlertRow.target(of: entry)
        let name = TerminalText.clean(entry.name)
        return target.isEmpty ? name : "\(name) on \(TerminalText.clean(target))"
    }

    /// The first eight characters of an id, as the silences list shows it and every command takes it.
    static func shortID(_ id: String) -> String { String(id.prefix(8)) }

    /// `{alertname="X", system="erp", interface="…"}`: what a silence of this alert most likely means.
    /// Not its check: a silence of one check would let the interface's other checks page.
    static func matchers(for entry: AlertEntrySnapshot) -> String {
        let keep = ["alertname", "system", "interface", "job"]
        let pairs = entry.labels.filter { keep.contains($0.name) }.map { pair in
            let value = pair.value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
                of: "\"", with: "\\\"")
            return "\(pair.name)=\"\(value)\""
        }
        return "{" + pairs.joined(separator: ", ") + "}"
    }

    private func ask(_ prompt: Prompt) {
        let first = prompt.confirming == nil ? prompt.steps[0] : Prompt.Step(label: "", initial: "")
        state.input = InputLine(kind: .prompt(prompt), text: first.initial, selected: first.replaceable)
    }

    /// A key while a prompt is open: Enter answers, a yes sends, anything else at the question cancels.
    func editPrompt(_ key: Key, _ prompt: Prompt, _ input: InputLine) -> InputLine? {
        var prompt = prompt
        if let confirming = prompt.confirming {
            if key == .character("y") || key == .character("Y") {
                send(confirming.command, saying: "sending\(glyphs.ellipsis)")
            } else {
                show("not sent", role: .flash, seconds: 3)
            }
            return nil
        }
        guard key == .enter else { return input }
        switch prompt.answer(input.text.trimmingCharacters(in: .whitespaces), by: options.user) {
        case .failure(let error):
            // The same step is asked again with what was typed, the reason beside it (the input
            // line covers the flash line); the answers before it are kept.
            show(error.message, role: .error, seconds: 5)
            var refused = input
            refused.refusal = error.message
            return refused
        case .success:
            let next =
                prompt.confirming == nil ? prompt.steps[prompt.answers.count] : Prompt.Step(label: "", initial: "")
            return InputLine(kind: .prompt(prompt), text: next.initial, selected: next.replaceable)
        }
    }

    /// `x` with the silences focused expires the selected silence; the alert keys wait for `Tab`.
    private func expireSelectedSilence(_ action: Action) {
        guard action == .expireSilence else {
            show("Tab back to the queue to act on an alert", role: .flash, seconds: 3)
            return
        }
        let silences = SilencesPane.rows(shown)
        guard let index = state.silences.selected, silences.indices.contains(index) else { return }
        let silence = silences[index]
        ask(
            .confirm(
                .expireSilence(id: silence.id, by: options.user),
                "expire silence \(TerminalText.clean(silence.matchers)) (\(Self.shortID(silence.id)))?"))
    }
}
