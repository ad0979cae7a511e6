import Foundation
import SwitchboardCore

/// View 4: the alert queue, most urgent first (severity, then state), or why it is empty.
enum AlertsView {
    /// The entries in the order the table shows them.
    static func rows(_ snapshot: Snapshot) -> [AlertEntrySnapshot] {
        snapshot.alerts.entries
    }

    static func render(
        into canvas: inout Canvas, y: Int, height: Int, snapshot: Snapshot, state: ViewState, now: Date,
        glyphs: Glyphs
    ) {
        guard height > 0 else { return }
        let rows = rows(snapshot)
        guard !rows.isEmpty else {
            renderEmpty(into: &canvas, y: y, height: height, snapshot: snapshot, glyphs: glyphs)
            return
        }
        var top = y
        if let rules = snapshot.rules, !rules.failing.isEmpty, height > 3 {
            let text = "\(glyphs.down) \(rules.failing.count) rule(s) failing: " + rules.failing.joined(separator: "; ")
            canvas.put(
                DisplayWidth.truncate(Sanitizer.clean(text), to: canvas.width - 2, ellipsis: glyphs.ellipsis), x: 1,
                y: top, role: .error)
            top += 1
        }
        let table = Table(columns: AlertRow.columns, ellipsis: glyphs.ellipsis)
        table.render(
            into: &canvas, x: 0, y: top, width: canvas.width, height: height - (top - y), rowCount: rows.count,
            selected: state.selected, offset: state.offset
        ) { AlertRow.cells(for: rows[$0], now: now, glyphs: glyphs) }
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
                        "\(rules.rules) rules in \(rules.groups) groups are evaluated over what the probes and jobs report.",
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
