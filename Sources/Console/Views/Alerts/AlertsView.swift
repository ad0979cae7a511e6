import Foundation
import SwitchboardCore

/// View 4: the alert queue, most urgent first (severity, then state), grouped under a heading per
/// value of a label (severity by default; `b` picks another), or why it is empty.
enum AlertsView {
    /// The labels `b` groups by, in turn; nil is no grouping.
    static let groupings: [String?] = ["severity", "system", "alertname", "interface", nil]

    /// A line of the queue: a group's heading or an alert.
    enum Row: Sendable, Equatable {
        case heading(label: String, value: String, entries: [AlertEntrySnapshot])
        case alert(AlertEntrySnapshot)

        var id: String {
            switch self {
            case .heading(let label, let value, _): "\u{0}\(label)=\(value)"
            case .alert(let entry): entry.id
            }
        }

        var alert: AlertEntrySnapshot? {
            if case .alert(let entry) = self { entry } else { nil }
        }
    }

    /// The lines in the order the table shows them: the groups in the order of their most urgent
    /// alert, each alert under its group's heading.
    static func rows(_ snapshot: Snapshot, groupBy label: String? = "severity") -> [Row] {
        let entries = snapshot.alerts.entries
        guard let label else { return entries.map(Row.alert) }
        var order: [String] = []
        var members: [String: [AlertEntrySnapshot]] = [:]
        for entry in entries {
            let value = entry.labels.first { $0.name == label }?.value ?? ""
            if members[value] == nil { order.append(value) }
            members[value, default: []].append(entry)
        }
        return order.flatMap { value in
            let group = members[value] ?? []
            return [Row.heading(label: label, value: value, entries: group)] + group.map(Row.alert)
        }
    }

    static func heading(label: String, value: String, entries: [AlertEntrySnapshot], glyphs: Glyphs) -> [Table.Cell] {
        let firing = entries.filter { $0.state == .firing }.count
        let pending = entries.filter { $0.state == .pending }.count
        let muted = entries.filter { !$0.muting.isEmpty || $0.acknowledgement != nil }.count
        var counts = [Plural.count(entries.count, "alert")]
        if firing > 0 { counts.append("\(firing) firing") }
        if pending > 0 { counts.append("\(pending) pending") }
        if muted > 0 { counts.append("\(muted) acked or muted") }
        let name = value.isEmpty ? "(no \(label))" : TerminalText.clean(value)
        return Table.Cell.spanning(
            "\(glyphs.isUnicode ? "▾" : "-") \(label) \(name)  \(counts.joined(separator: ", "))",
            role: label == "severity" ? AlertRow.severityRole(value) : .title)
    }

    static func render(
        into canvas: inout Canvas, y: Int, height: Int, snapshot: Snapshot, state: ViewState,
        groupBy: String? = "severity", rows: [Row]? = nil, silences: ViewState = ViewState(),
        silencesFocused: Bool = false, watchers: Watchers = Watchers(), now: Date, glyphs: Glyphs
    ) {
        guard height > 0 else { return }
        let pane = SilencesPane.height(snapshot, viewHeight: height)
        if pane > 0 {
            SilencesPane.render(
                into: &canvas, y: y + height - pane, height: pane, snapshot: snapshot, state: silences,
                focused: silencesFocused, now: now, glyphs: glyphs)
        }
        render(
            into: &canvas, y: y, height: height - pane, snapshot: snapshot,
            state: silencesFocused ? ViewState(selectedID: nil, selected: nil, offset: state.offset) : state,
            rows: rows ?? Self.rows(snapshot, groupBy: groupBy), watchers: watchers, now: now, glyphs: glyphs)
    }

    /// Rows of the queue's table (below its header) in a view of `height` rows.
    static func queueRows(_ snapshot: Snapshot, viewHeight: Int) -> Int {
        viewHeight - SilencesPane.height(snapshot, viewHeight: viewHeight) - 1
    }

    /// The queue alone, in `height` rows.
    private static func render(
        into canvas: inout Canvas, y: Int, height: Int, snapshot: Snapshot, state: ViewState, rows: [Row],
        watchers: Watchers, now: Date, glyphs: Glyphs
    ) {
        guard height > 0 else { return }
        guard !rows.isEmpty else {
            renderEmpty(into: &canvas, y: y, height: height, snapshot: snapshot, glyphs: glyphs)
            return
        }
        var top = y
        if let rules = snapshot.rules, !rules.failing.isEmpty, height > 3 {
            let text = "\(glyphs.down) \(rules.failing.count) rule(s) failing: " + rules.failing.joined(separator: "; ")
            canvas.put(
                DisplayWidth.truncate(TerminalText.clean(text), to: canvas.width - 2, ellipsis: glyphs.ellipsis), x: 1,
                y: top, role: .error)
            top += 1
        }
        let table = Table(columns: AlertRow.columns, ellipsis: glyphs.ellipsis)
        table.render(
            into: &canvas, x: 0, y: top, width: canvas.width, height: height - (top - y), rowCount: rows.count,
            selected: state.selected, offset: state.offset
        ) { index in
            switch rows[index] {
            case .heading(let label, let value, let entries):
                heading(label: label, value: value, entries: entries, glyphs: glyphs)
            case .alert(let entry):
                AlertRow.cells(for: entry, now: now, glyphs: glyphs, watchers: watchers.of(alert: entry.id))
            }
        }
    }

    private static func renderEmpty(
        into canvas: inout Canvas, y: Int, height: Int, snapshot: Snapshot, glyphs: Glyphs
    ) {
        let lines: [(String, StyleRole)]
        if let rules = snapshot.rules {
            lines =
                [
                    ("\(glyphs.ok) nothing pending or firing", .ok),
                    (
                        "\(Plural.count(rules.rules, "rule")) in \(Plural.count(rules.groups, "group")) are evaluated over what the probes and jobs report.",
                        .muted
                    ),
                ] + rules.failing.map { ("\(glyphs.down) \($0)", .error) }
        } else {
            lines = [
                ("no alert rules are loaded", .normal),
                ("add rule_files to the config (Prometheus rule files; see README, Rules)", .muted),
            ]
        }
        for (index, line) in lines.prefix(max(0, height - 1)).enumerated() {
            canvas.put(
                DisplayWidth.truncate(line.0, to: canvas.width - 2, ellipsis: glyphs.ellipsis), x: 1, y: y + 1 + index,
                role: line.1)
        }
    }
}
