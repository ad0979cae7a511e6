import Foundation
import SwitchboardCore

/// The silences under the alert queue (`Tab` moves there): what each matches, until when, by whom
/// and why; `x` expires the selected one.
enum SilencesPane {
    static let columns: [Table.Column] = [
        Table.Column(title: "SILENCE", minWidth: 9, maxWidth: 9, priority: 9),
        Table.Column(title: "MATCHERS", minWidth: 16, maxWidth: 60, flex: 2, priority: 8),
        Table.Column(title: "ENDS", minWidth: 8, maxWidth: 10, alignment: .right, priority: 7),
        Table.Column(title: "BY", minWidth: 4, maxWidth: 12, priority: 5),
        Table.Column(title: "COMMENT", minWidth: 10, maxWidth: 80, flex: 2, priority: 6),
    ]

    /// The silences shown: active and pending ones (expired ones end here).
    static func rows(_ snapshot: Snapshot) -> [SilenceSnapshot] {
        snapshot.alerts.silences.filter { $0.state != "expired" }
    }

    /// Rows the pane takes at the bottom of a view of `height` rows: none without silences.
    static func height(_ snapshot: Snapshot, viewHeight: Int) -> Int {
        let count = rows(snapshot).count
        guard count > 0, viewHeight >= 12 else { return 0 }
        return min(count + 2, viewHeight / 3)
    }

    static func render(
        into canvas: inout Canvas, y: Int, height: Int, snapshot: Snapshot, state: ViewState, focused: Bool, now: Date,
        glyphs: Glyphs
    ) {
        guard height > 1 else { return }
        let silences = rows(snapshot)
        let active = silences.filter { $0.state == "active" }.count
        canvas.fill(x: 0, y: y, count: canvas.width, role: .border, with: glyphs.rule)
        canvas.put(
            " SILENCES \(active) active, \(silences.count - active) pending  "
                + (focused ? "x expires it " : "Tab moves here "),
            x: 1, y: y, role: focused ? .accent : .title)
        let cells = silences.map { silence -> [Table.Cell] in
            let ends = silence.endsAt.timeIntervalSince(now)
            return [
                Table.Cell(
                    silence.state == "active"
                        ? AlertRow.Shown.silenced.glyph(glyphs) + " ACTIVE"
                        : AlertRow.Shown.pending.glyph(glyphs) + " PENDING",
                    role: .muted),
                Table.Cell(TerminalText.clean(silence.matchers)),
                Table.Cell("in " + Formatting.age(max(0, ends)), role: .muted),
                Table.Cell(TerminalText.clean(silence.createdBy), role: .muted),
                Table.Cell(TerminalText.clean(silence.comment), role: .muted),
            ]
        }
        Table(columns: columns, ellipsis: glyphs.ellipsis).render(
            into: &canvas, x: 0, y: y + 1, width: canvas.width, height: height - 1, rows: cells,
            selected: focused ? state.selected : nil, offset: state.offset)
    }
}
