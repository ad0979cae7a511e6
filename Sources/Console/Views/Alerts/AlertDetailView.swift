import Foundation
import SwitchboardCore

/// Enter on an alert: its state and who has it, why it is muted, its labels, its annotations
/// (summary, description, runbook link), and its history: state changes, acknowledgements and
/// notes, newest first (the notes alone while the history is not there).
enum AlertDetailView {
    typealias Part = (text: String, role: StyleRole)

    static func lines(
        _ entry: AlertEntrySnapshot, activity: AlertActivityData? = nil, now: Date, timeZone: TimeZone, glyphs: Glyphs
    ) -> [[Part]] {
        let shown = AlertRow.shown(entry)
        // A firing alert counts from pending → firing; the activation has a line of its own below.
        let since = entry.state == .firing ? entry.firedAt ?? entry.since : entry.since
        func when(_ date: Date) -> String {
            Formatting.clock(date, timeZone: timeZone) + " (" + Formatting.age(now.timeIntervalSince(date)) + " ago)"
        }
        var lines: [[Part]] = [
            [
                ("\(shown.glyph(glyphs)) \(shown.rawValue)  ", shown.role), (TerminalText.clean(entry.name), .title),
                ("  \(entry.severity)", AlertRow.severityRole(entry.severity)),
                ("  \(entry.state.rawValue) since \(when(since))", .muted),
            ],
            [("id      ", .muted), (entry.id, .normal)],
        ]
        // Both times, named (issue 19: the header showed the activation as "firing since").
        if let activeAt = entry.activeAt {
            lines.append([("active  ", .muted), (when(activeAt), .normal), ("  condition first true", .muted)])
        }
        if let firedAt = entry.firedAt {
            lines.append([
                ("firing  ", .muted), (when(firedAt), .normal),
                ("  pending \(glyphs.arrow) firing", .muted),
            ])
        }
        if let ack = entry.acknowledgement {
            var parts: [Part] = [
                ("acked   ", .muted), ("by \(TerminalText.clean(ack.by)) at \(when(ack.at))", .normal),
                ("  \(TerminalText.clean(ack.note))", .normal),
            ]
            if let expiry = ack.expiresAt {
                parts.append(("  until \(Formatting.clock(expiry, timeZone: timeZone))", .muted))
            }
            lines.append(parts)
        }
        for muting in entry.muting {
            let text: String
            switch muting {
            case .silenced(let id): text = "silenced by \(id)  (x expires it)"
            case .maintenance(let id): text = "in maintenance window \(id)"
            case .inhibited(let by): text = "inhibited by alert \(by)"
            case .suppressed(let root, let reason): text = "held back under \(root): \(reason)"
            }
            lines.append([("muted   ", .muted), (TerminalText.clean(text), .muted)])
        }
        lines.append([])
        lines.append([(" LABELS", .title)])
        for label in entry.labels {
            lines.append([
                ("  \(TerminalText.clean(label.name))", .muted), ("=", .muted),
                (TerminalText.clean(label.value), .normal),
            ])
        }
        lines.append([])
        lines.append([(" ANNOTATIONS", .title)])
        if entry.annotations.isEmpty { lines.append([("  none", .muted)]) }
        for key in entry.annotations.keys.sorted() {
            let role: StyleRole = key == "runbook_url" ? .accent : .normal
            lines.append([
                ("  \(TerminalText.clean(key))  ", .muted), (TerminalText.clean(entry.annotations[key] ?? ""), role),
            ])
        }
        lines.append([])
        if let history = activity?.list {
            lines.append([(" HISTORY", .title), ("  newest first; n adds a note", .muted)])
            if history.isEmpty { lines.append([("  nothing recorded yet", .muted)]) }
            for event in history {
                lines.append([
                    ("  \(Formatting.clock(event.at, timeZone: timeZone))  ", .muted),
                    (event.by.map { TerminalText.clean($0) + "  " } ?? "", .accent),
                    (TerminalText.clean(event.text), .normal),
                ])
            }
            return lines
        }
        if let problem = activity?.problem {
            lines.append([(" HISTORY", .title), ("  unavailable: \(TerminalText.clean(problem))", .error)])
        }
        lines.append([(" NOTES", .title), ("  n adds one", .muted)])
        if entry.notes.isEmpty { lines.append([("  none", .muted)]) }
        for note in entry.notes {
            lines.append([
                ("  \(Formatting.clock(note.at, timeZone: timeZone))  \(TerminalText.clean(note.by))  ", .muted),
                (TerminalText.clean(note.text), .normal),
            ])
        }
        return lines
    }

    static func render(
        into canvas: inout Canvas, y: Int, height: Int, snapshot: Snapshot, alertID: String,
        activity: AlertActivityData? = nil, now: Date, timeZone: TimeZone, glyphs: Glyphs
    ) {
        guard let entry = snapshot.alerts.entries.first(where: { $0.id == alertID }) else {
            canvas.put("alert \(TerminalText.clean(alertID)) is no longer in the queue", x: 1, y: y + 1, role: .muted)
            return
        }
        let lines = lines(entry, activity: activity, now: now, timeZone: timeZone, glyphs: glyphs)
        for (row, parts) in lines.prefix(height).enumerated() {
            var x = 1
            for part in parts where x < canvas.width - 1 {
                x += canvas.put(part.text, x: x, y: y + row, role: part.role, maxWidth: canvas.width - 1 - x)
            }
        }
    }
}
