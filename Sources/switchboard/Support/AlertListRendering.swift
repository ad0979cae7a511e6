import Foundation
import SwitchboardCore

/// Alerts and silences as a table for people and as JSON or CSV for tools.
enum AlertListRendering {
    static func table(_ entries: [AlertEntrySnapshot]) -> [[String]] {
        var rows = [["ID", "STATE", "SEVERITY", "ALERT", "SINCE", "LABELS", "OPERATOR"]]
        for entry in entries {
            let labels = entry.labels.filter { $0.name != "alertname" && $0.name != "severity" }
                .map { "\($0.name)=\($0.value)" }.joined(separator: ",")
            rows.append([
                entry.id, status(entry), entry.severity, entry.name,
                AlertCommandSupport.format(entry.state == .resolved ? entry.since : entry.activeAt ?? entry.since),
                labels, operatorState(entry),
            ])
        }
        return rows
    }

    /// The word the console's STATE column shows: what mutes the alert or who has it wins over the rule's
    /// state (firing, pending, resolved).
    static func status(_ entry: AlertEntrySnapshot) -> String {
        if entry.state == .resolved { return "resolved" }
        let muting = entry.muting
        if muting.contains(where: { if case .silenced = $0 { true } else { false } }) { return "silenced" }
        if muting.contains(where: { if case .maintenance = $0 { true } else { false } }) { return "maintenance" }
        if muting.contains(where: { if case .inhibited = $0 { true } else { false } }) { return "inhibited" }
        if muting.contains(where: { if case .suppressed = $0 { true } else { false } }) { return "suppressed" }
        if entry.acknowledgement != nil { return "acked" }
        return entry.state.rawValue
    }

    /// Every reason at once: who acknowledged it and why, what silences, which window, which alert inhibits
    /// it, the root cause it is folded under, its notes.
    static func operatorState(_ entry: AlertEntrySnapshot) -> String {
        var parts: [String] = []
        if let ack = entry.acknowledgement {
            parts.append("acked by \(ack.by)" + (ack.note.isEmpty ? "" : ": \(ack.note)"))
        }
        for muting in entry.muting {
            switch muting {
            case .silenced(let id): parts.append("silenced by \(id)")
            case .maintenance(let id): parts.append("maintenance \(id)")
            case .inhibited(let id): parts.append("inhibited by \(id)")
            case .suppressed(let rootCause, let reason): parts.append("suppressed under \(rootCause) (\(reason))")
            }
        }
        if !entry.notes.isEmpty { parts.append(Plural.count(entry.notes.count, "note")) }
        return parts.isEmpty ? "-" : parts.joined(separator: "; ")
    }

    static func silenceTable(_ silences: [SilenceSnapshot]) -> [[String]] {
        var rows = [["ID", "STATE", "MATCHERS", "STARTS", "ENDS", "BY", "COMMENT"]]
        for silence in silences {
            rows.append([
                silence.id, silence.state, silence.matchers, AlertCommandSupport.format(silence.startsAt),
                AlertCommandSupport.format(silence.endsAt), silence.createdBy, silence.comment,
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

    static func json(_ entries: [AlertEntrySnapshot]) -> String {
        encode(
            entries.map { entry in
                let muting = entry.muting
                return EntryJSON(
                    id: entry.id, name: entry.name, state: entry.state.rawValue, status: status(entry),
                    muted: !muting.isEmpty, severity: entry.severity,
                    labels: Dictionary(
                        entry.labels.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }),
                    annotations: entry.annotations, active_at: entry.activeAt ?? entry.since, fired_at: entry.firedAt,
                    resolved_at: entry.state == .resolved ? entry.since : nil,
                    acknowledgement: entry.acknowledgement.map {
                        EntryJSON.Ack(by: $0.by, at: $0.at, note: $0.note, expires_at: $0.expiresAt, sticky: $0.sticky)
                    },
                    silenced_by: muting.compactMap { if case .silenced(let id) = $0 { id } else { nil } },
                    maintenance_by: muting.compactMap { if case .maintenance(let id) = $0 { id } else { nil } },
                    inhibited_by: muting.compactMap { if case .inhibited(let id) = $0 { id } else { nil } },
                    suppressed: muting.lazy.compactMap {
                        if case .suppressed(let rootCause, let reason) = $0 {
                            EntryJSON.Suppressed(root_cause: rootCause, reason: reason)
                        } else {
                            nil
                        }
                    }.first,
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

    static func silencesJSON(_ silences: [SilenceSnapshot]) -> String {
        encode(
            silences.map { silence in
                SilenceJSON(
                    id: silence.id, state: silence.state,
                    matchers: ((try? AlertMatcher.parseList(silence.matchers)) ?? []).map(matcherJSON),
                    starts_at: silence.startsAt, ends_at: silence.endsAt, created_by: silence.createdBy,
                    comment: silence.comment)
            })
    }

    /// `{"name": "system", "type": "=~", "value": "erp|crm"}`
    static func matcherJSON(_ matcher: AlertMatcher) -> [String: String] {
        ["name": matcher.name, "type": matcher.kind.rawValue, "value": matcher.value]
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        (try? JSONOutput.encode(value)) ?? "[]"
    }
}
