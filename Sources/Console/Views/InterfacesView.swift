import Foundation
import SwitchboardCore

/// The interfaces table, or while it would be empty, why it is empty.
enum InterfacesView {
    static func render(
        into canvas: inout Canvas, y: Int, height: Int, snapshot: Snapshot, rows: [InterfaceStatus],
        state: ViewState, sort: InterfaceSort = InterfaceSort(), now: Date, glyphs: Glyphs
    ) {
        guard height > 0 else { return }
        if rows.isEmpty {
            let message: String
            if snapshot.version == 0 {
                message = "waiting for the first data from \(TerminalText.clean(snapshot.source))"
            } else if !snapshot.progress.isComplete {
                message = "running the first checks: \(snapshot.progress.completed)/\(snapshot.progress.total)"
            } else {
                message = "no interfaces in this landscape"
            }
            canvas.put(
                DisplayWidth.truncate(message, to: canvas.width - 2, ellipsis: glyphs.ellipsis), x: 1,
                y: y + min(1, height - 1), role: .muted)
            return
        }
        let names = Dictionary(snapshot.systems.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let budget = rows.contains { $0.stats.slo != nil }
        let table = Table(
            columns: InterfaceRow.columns(glyphs: glyphs, sort: sort, showsBudget: budget), ellipsis: glyphs.ellipsis)
        table.render(
            into: &canvas, x: 0, y: y, width: canvas.width, height: height, rowCount: rows.count,
            selected: state.selected, offset: state.offset
        ) { InterfaceRow.cells(for: rows[$0], systemNames: names, now: now, glyphs: glyphs, showsBudget: budget) }
    }
}
