import SwitchboardCore

/// The error budget left across the SLO's window, under the budget lines of the detail: the trail's
/// points folded to the width there is (each cell shows the budget left at its end), red where it is
/// overspent, yellow where a cell spent more than `fastBurn` times its share, and a time axis under it.
///
/// ```
/// budget 28d    ███████████████████████████████████▇▇▇▇▇▇▇▆▆▆▆▆▆▆▅▅▅▄▃▂▁▁▁
/// 12h/cell      -28d                       -14d                      now
/// ```
enum BudgetChartLines {
    typealias Part = (text: String, role: StyleRole)
    /// Columns left of the chart, as the other lines of the detail.
    static let labelWidth = 14
    /// A cell that spends more than this many times its share of the budget burns fast: the factor of
    /// the 6h/30m paging pair, whose window is about a cell's at 80 columns.
    static let fastBurn = 6.0

    /// Nothing without a trail or below 24 columns for it; `width` is the whole line's.
    static func lines(_ slo: SLOStatus, width: Int, glyphs: Glyphs) -> [[Part]] {
        let room = width - labelWidth - 2
        guard let trail = slo.budgetTrail, !trail.isEmpty, room >= 24 else { return [] }
        let perCell = (trail.count + room - 1) / room
        let window = DurationParser.format(.seconds(slo.windowSeconds), units: 1)
        var line: [Part] = [(padded("budget " + window), .muted)]
        var before = 1.0
        var cells = 0
        for start in stride(from: 0, to: trail.count, by: perCell) {
            let group = trail[start..<min(start + perCell, trail.count)]
            let left = group.last ?? before
            let share = Double(group.count) / Double(trail.count)
            let role: StyleRole = left < 0 ? .down : before - left > fastBurn * share ? .degraded : .ok
            let part = (glyphs.budgetLevel(left), role)
            if let last = line.last, last.role == part.1, line.count > 1 {
                line[line.count - 1].text += part.0
            } else {
                line.append(part)
            }
            before = left
            cells += 1
        }
        let cellSeconds = slo.windowSeconds / Double(trail.count) * Double(perCell)
        return [
            line,
            [
                (padded(DurationParser.format(.seconds(cellSeconds), units: 1) + "/cell"), .muted),
                (axis(cells, windowSeconds: slo.windowSeconds), .muted),
            ],
        ]
    }

    private static func padded(_ label: String) -> String {
        label + String(repeating: " ", count: max(1, labelWidth - label.count))
    }

    /// `-28d`, `-14d` and `now` placed under the first, middle and last cells.
    static func axis(_ count: Int, windowSeconds: Double) -> String {
        var text = [Character](repeating: " ", count: count)
        func place(_ label: String, at start: Int) {
            for (offset, character) in label.enumerated() where start + offset < count && start + offset >= 0 {
                text[start + offset] = character
            }
        }
        let half = "-" + DurationParser.format(.seconds(windowSeconds / 2), units: 1)
        place("-" + DurationParser.format(.seconds(windowSeconds), units: 1), at: 0)
        place(half, at: count / 2 - half.count / 2)
        place("now", at: count - 3)
        return String(text)
    }
}
