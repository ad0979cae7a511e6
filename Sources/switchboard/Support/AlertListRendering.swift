import Foundation
import Monitor
import SwitchboardCore

/// Alerts and silences as a table for people and as JSON or CSV for tools.
enum AlertListRendering {
    static func table(_ entries: [QueueEntry]) -> [[String]] {
        var rows = [["ID", "STATE", "SEVERITY", "ALERT", "SINCE", "LABELS", "OPERATOR"]]
        for entry in entries {
            let labels = entry.labels.pairs.filter { $0.name != AlertID.alertNameLabel && $0.name != "severity" }
                .map { "\($0.name)=\($0.value)" }.joined(separator: ",")
            rows.append([
                entry.id.rawValue, status(entry), entry.severity.description,
                entry.ruleName,
                AlertCommandSupport.format(entry.isResolved ? (entry.resolvedAt ?? entry.activeAt) : entry.activeAt),
                labels, operatorState(entry),
            ])
        }
        return rows
    }

    /// The word the console's STATE column shows: what mutes the alert or who has it wins over the rule's
    /// state (firing, pending, resolved).
    static func status(_ entry: QueueEntry) -> String {
        if entry.isResolved { return "resolved" }
        if !entry.silencedBy.isEmpty { return "silenced" }
        if !entry.maintenanceBy.isEmpty { return "maintenance" }
        if !entry.inhibitedBy.isEmpty { return "inhibited" }
        if entry.suppression != nil { return "suppressed" }
        if entry.acknowledgement != nil { return "acked" }
        return entry.state.rawValue
    }

    /// Every reason at once: who acknowledged it and why, what silences, which window, which alert inhibits
    /// it, the root cause it is folded under, its notes.
    static func operatorState(_ entry: QueueEntry) -> String {
        var parts: [String] = []
        if let ack = entry.acknowledgement {
            parts.append("acked by \(ack.by)" + (ack.note.isEmpty ? "" : ": \(ack.note)"))
        }
        parts += entry.silencedBy.map { "silenced by \($0)" }
        parts += entry.maintenanceBy.map { "maintenance \($0)" }
        parts += entry.inhibitedBy.map { "inhibited by \($0)" }
        if let suppression = entry.suppression {
            parts.append("suppressed under \(suppression.rootCause) (\(suppression.reason.rawValue))")
        }
        if !entry.notes.isEmpty { parts.append(Plural.count(entry.notes.count, "note")) }
        return parts.isEmpty ? "-" : parts.joined(separator: "; ")
    }

    static func silenceTable(_ silences: [Silence], now: Date) -> [[String]] {
        var rows = [["ID", "STATE", "MATCHERS", "STARTS", "ENDS", "BY", "COMMENT"]]
        for silence in silences {
            rows.append([
                silence.id, silence.state(at: now).rawValue, silence.matchersDescription,
                AlertCommandSupport.format(silence.startsAt), AlertCommandSupport.format(silence.endsAt),
                silence.createdBy, silence.comment,
            ])
        }
        return rows
    }

    /// A table (a header and its rows) as text or CSV, its cells made safe for a terminal; `empty` when
    /// there are no rows and the format is text.
    static func render(_ table: [[String]], as format: OutputFormat, empty: String) -> String {
        let cleaned = table.map { $0.map(TerminalText.safe) }
        switch format {
        case .csv: return CSVOutput.render(cleaned)
        case .text, .json: return cleaned.count > 1 ? layout(cleaned) : empty + "\n"
        }
    }

    /// Columns padded to their widest cell; the last column is not padded.
    private static func layout(_ cleaned: [[String]]) -> String {
        let widths = (0..<(cleaned.first?.count ?? 0)).map { column in cleaned.map { $0[column].count }.max() ?? 0 }
        return cleaned.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    struct EntryJSON: Encodable {
        struct Ack: Encodable {
            var by: String
            var at: Date
            var note: String
            var expires_at: Date?
            var sticky: Bool
        }

        struct NoteJSON: Encodable {
            var by: String
            var at: Date
            var text: String
        }

        struct Suppressed: Encodable {
            var root_cause: String
            var reason: String
        }

        var id: String
        var name: String
        /// The rule's state: pending, firing or resolved.
        var state: String
        /// The console's word (`status(_:)`): suppressed, inhibited, silenced, maintenance, acked or `state`.
        var status: String
        var muted: Bool
        var severity: String
        var labels: [String: String]
        var annotations: [String: String]
        var active_at: Date
        var fired_at: Date?
        var resolved_at: Date?
        var acknowledgement: Ack?
        var silenced_by: [String]
        var maintenance_by: [String]
        var inhibited_by: [String]
        var suppressed: Suppressed?
        var notes: [NoteJSON]
    }

    static func json(_ entries: [QueueEntry]) -> String {
        encode(
            entries.map { entry in
                EntryJSON(
                    id: entry.id.rawValue, name: entry.ruleName,
                    state: entry.isResolved ? "resolved" : entry.state.rawValue, status: status(entry),
                    muted: entry.isMuted, severity: entry.severity.description,
                    labels: Dictionary(uniqueKeysWithValues: entry.labels.pairs.map { ($0.name, $0.value) }),
                    annotations: entry.annotations, active_at: entry.activeAt, fired_at: entry.firedAt,
                    resolved_at: entry.resolvedAt,
                    acknowledgement: entry.acknowledgement.map {
                        EntryJSON.Ack(by: $0.by, at: $0.at, note: $0.note, expires_at: $0.expiresAt, sticky: $0.sticky)
                    }, silenced_by: entry.silencedBy, maintenance_by: entry.maintenanceBy,
                    inhibited_by: entry.inhibitedBy.map(\.rawValue),
                    suppressed: entry.suppression.map {
                        EntryJSON.Suppressed(root_cause: $0.rootCause.description, reason: $0.reason.rawValue)
                    },
                    notes: entry.notes.map { EntryJSON.NoteJSON(by: $0.by, at: $0.at, text: $0.text) })
            })
    }

    struct SilenceJSON: Encodable {
        var id: String
        var state: String
        var matchers: [[String: String]]
        var starts_at: Date
        var ends_at: Date
        var created_by: String
        var comment: String
    }

    static func silencesJSON(_ silences: [Silence], now: Date) -> String {
        encode(
            silences.map { silence in
                SilenceJSON(
                    id: silence.id, state: silence.state(at: now).rawValue,
                    matchers: silence.matchers.map { ["name": $0.name, "type": $0.kind.rawValue, "value": $0.value] },
                    starts_at: silence.startsAt, ends_at: silence.endsAt, created_by: silence.createdBy,
                    comment: silence.comment)
            })
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        (try? JSONOutput.encode(value)) ?? "[]"
    }
}
