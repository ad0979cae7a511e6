import Foundation
import SwitchboardCore

/// The operator's writes on an alert, on the queue and on its detail alike: each asks its
/// questions on the input line, then for a yes.
enum AlertWrites {
    /// `a` `u` `n` `s` `x` on `entry` (nil: nothing is selected).
    static func perform(_ action: Action, on entry: AlertEntrySnapshot?, _ session: ConsoleSession) {
        guard let entry else {
            session.show("no alert selected", role: .flash, seconds: 3)
            return
        }
        let subject = Self.subject(of: entry)
        switch action {
        case .acknowledge:
            var prompt = Prompt(
                purpose: .acknowledge(alertID: entry.id), steps: [.init(label: "ack note", initial: "")])
            prompt.subject = subject
            session.ask(prompt)
        case .unacknowledge:
            guard entry.acknowledgement != nil else {
                session.show("\(entry.name) is not acknowledged", role: .flash, seconds: 3)
                return
            }
            session.ask(
                .confirm(
                    .unacknowledge(alertID: entry.id, by: session.options.user),
                    "undo the acknowledgement of \(subject)?"))
        case .addNote:
            var prompt = Prompt(purpose: .note(alertID: entry.id), steps: [.init(label: "note", initial: "")])
            prompt.subject = subject
            session.ask(prompt)
        case .silence:
            session.ask(
                Prompt(
                    purpose: .silence,
                    steps: [
                        .init(label: "silence matchers", initial: Self.matchers(for: entry)),
                        .init(label: "for", initial: "2h", replaceable: true), .init(label: "comment", initial: ""),
                    ]))
        case .expireSilence:
            let silences = entry.muting.compactMap { if case .silenced(let id) = $0 { id } else { nil } }
            guard let id = silences.first else {
                session.show("\(entry.name) is not silenced", role: .flash, seconds: 3)
                return
            }
            session.ask(
                .confirm(
                    .expireSilence(id: id, by: session.options.user),
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
}
