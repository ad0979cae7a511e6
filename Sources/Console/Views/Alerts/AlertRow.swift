import Foundation
import SwitchboardCore

/// One alert as one table row, and the word and glyph of its state: what the operator did with it
/// (acked, silenced, inhibited, suppressed) wins over what the rule says (firing, pending, resolved).
enum AlertRow {
    /// The state a row shows: distinct by glyph and word, not only by colour.
    enum Shown: String, Sendable, CaseIterable {
        case firing = "FIRING"
        case pending = "PENDING"
        case acked = "ACKED"
        case silenced = "SILENCED"
        case inhibited = "INHIBITED"
        case suppressed = "SUPPRESSED"
        case resolved = "RESOLVED"

        func glyph(_ glyphs: Glyphs) -> String {
            let unicode = glyphs.isUnicode
            return switch self {
            case .firing: glyphs.down
            case .pending: unicode ? "◔" : "~"
            case .acked: unicode ? "☑" : "a"
            case .silenced: unicode ? "∅" : "s"
            case .inhibited: unicode ? "⊘" : "i"
            case .suppressed: unicode ? "↳" : "^"
            case .resolved: glyphs.ok
            }
        }

        var role: StyleRole {
            switch self {
            case .firing: .down
            case .pending: .degraded
            case .acked, .silenced, .inhibited, .suppressed: .muted
            case .resolved: .ok
            }
        }
    }

    static func shown(_ entry: AlertEntrySnapshot) -> Shown {
        if entry.state == .resolved { return .resolved }
        for muting in entry.muting {
            switch muting {
            case .silenced, .maintenance: return .silenced
            case .inhibited: return .inhibited
            case .suppressed: return .suppressed
            }
        }
        if entry.acknowledgement != nil { return .acked }
        return entry.state == .firing ? .firing : .pending
    }

    static let columns: [Table.Column] = [
        Table.Column(title: "STATE", minWidth: 12, maxWidth: 12, priority: 9),
        Table.Column(title: "SEVERITY", minWidth: 8, maxWidth: 8, priority: 6),
        Table.Column(title: "ALERT", minWidth: 14, maxWidth: 36, flex: 2, priority: 8),
        Table.Column(title: "TARGET", minWidth: 10, maxWidth: 30, flex: 1, priority: 5),
        Table.Column(title: "SINCE", minWidth: 5, maxWidth: 6, alignment: .right, priority: 7),
        Table.Column(title: "SUMMARY", minWidth: 16, maxWidth: 200, flex: 4, priority: 4),
    ]

    /// `watchers`: the other engineers who have this alert open, shown first in its summary.
    static func cells(for entry: AlertEntrySnapshot, now: Date, glyphs: Glyphs, watchers: [String] = []) -> [Table.Cell]
    {
        let state = shown(entry)
        let target = target(of: entry)
        var summary = entry.annotations["summary"] ?? entry.annotations["description"] ?? ""
        if let ack = entry.acknowledgement, state == .acked {
            summary = "\(ack.by): \(ack.note)" + (summary.isEmpty ? "" : " — \(summary)")
        }
        if let root = entry.rootCause, state == .suppressed { summary = "under \(root)" }
        if !watchers.isEmpty {
            summary = "\(glyphs.isUnicode ? "◉" : "@") \(watchers.joined(separator: ", ")) · " + summary
        }
        return [
            Table.Cell("\(state.glyph(glyphs)) \(state.rawValue)", role: state.role),
            Table.Cell(entry.severity, role: severityRole(entry.severity)),
            Table.Cell(TerminalText.clean(entry.name)),
            Table.Cell(TerminalText.clean(target), role: .muted),
            Table.Cell(Formatting.age(now.timeIntervalSince(entry.since)), role: .muted),
            Table.Cell(TerminalText.clean(summary), role: state == .firing ? .normal : .muted),
        ]
    }

    /// What an alert is about: its interface, system, job or instance label, the first there is.
    static func target(of entry: AlertEntrySnapshot) -> String {
        let labels = Dictionary(entry.labels.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        return labels["interface"] ?? labels["system"] ?? labels["job"] ?? labels["instance"] ?? ""
    }

    static func severityRole(_ severity: String) -> StyleRole {
        switch severity {
        case "critical", "error": .down
        case "warning": .degraded
        default: .muted
        }
    }

    /// Firing alerts by severity; how many of them nobody has taken yet.
    static func counts(_ alerts: AlertQueueSnapshot) -> (critical: Int, warning: Int, other: Int, unacked: Int) {
        var result = (critical: 0, warning: 0, other: 0, unacked: 0)
        for entry in alerts.entries where entry.state == .firing && entry.muting.isEmpty {
            switch entry.severity {
            case "critical", "error": result.critical += 1
            case "warning": result.warning += 1
            default: result.other += 1
            }
            if entry.acknowledgement == nil { result.unacked += 1 }
        }
        return result
    }
}
