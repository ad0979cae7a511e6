import Foundation
import SwitchboardCore

/// One interface as one table row: a pure function of the interface, the system names and the
/// time, tested on its own (k9s' renderers are the model).
///
/// At 80 columns: state, interface, both ends of the route, availability, p95, errors and the
/// reason; wider, the protocol, the checked age, the trend and (when an interface has an SLO) the
/// budget come back, in that order. The reason does not size its column, so the others keep their
/// width when a reason appears or goes.
enum InterfaceRow {
    static let columns: [Table.Column] = [
        Table.Column(title: "STATE", minWidth: 10, maxWidth: 10, priority: 9),
        Table.Column(title: "INTERFACE", minWidth: 12, maxWidth: 40, flex: 3, priority: 8),
        Table.Column(title: "FROM → TO", minWidth: 10, maxWidth: 44, flex: 2, priority: 5),
        Table.Column(title: "PROTO", minWidth: 7, maxWidth: 8, flex: 1, priority: 2),
        Table.Column(title: "AVAIL", minWidth: 6, maxWidth: 6, alignment: .right, priority: 4),
        Table.Column(title: "P95", minWidth: 6, maxWidth: 7, alignment: .right, priority: 6),
        Table.Column(title: "TREND", minWidth: 8, maxWidth: 8, priority: 1),
        Table.Column(title: "ERR", minWidth: 5, maxWidth: 6, alignment: .right, priority: 3),
        Table.Column(title: "CHECKED", minWidth: 7, maxWidth: 8, alignment: .right, priority: 3),
        Table.Column(
            title: "REASON", minWidth: 16, maxWidth: 200, flex: 4, priority: 7, preferredWidth: 24),
    ]

    /// The column titles, with the arrow the glyphs allow and the sorted column marked (`▼` in the
    /// key's own order, `▲` reversed), each column wide enough for its title and mark.
    static func columns(glyphs: Glyphs, sort: InterfaceSort = InterfaceSort(), showsBudget: Bool = false)
        -> [Table.Column]
    {
        var result = columns
        if showsBudget { result.insert(budgetColumn, at: result.count - 1) }
        result[2].title = "FROM \(glyphs.arrow) TO"
        let mark = sort.reversed ? (glyphs.isUnicode ? "▲" : "^") : (glyphs.isUnicode ? "▼" : "v")
        result[sort.key.column].title += mark
        for index in result.indices {
            let width = DisplayWidth.of(result[index].title)
            result[index].minWidth = max(result[index].minWidth, width)
            result[index].maxWidth = max(result[index].maxWidth, width)
        }
        return result
    }

    /// `showsBudget` adds the BUDGET cell before the reason (`InterfaceRow+Budget`).
    static func cells(
        for interface: InterfaceStatus, systemNames: [String: String], now: Date, glyphs: Glyphs,
        showsBudget: Bool = false
    ) -> [Table.Cell] {
        let stateRole = StyleRole(interface.state)
        let from = TerminalText.clean(systemNames[interface.from] ?? interface.from)
        let to = TerminalText.clean(systemNames[interface.to] ?? interface.to)
        let checked = interface.lastCheck.map { Formatting.age(now.timeIntervalSince($0)) + " ago" } ?? "never"
        let reasonRole: StyleRole =
            switch interface.state {
            case .down: .down
            case .degraded: .degraded
            case .ok, .unknown: .muted
            }
        var cells = [
            Table.Cell("\(glyphs.glyph(for: interface.state)) \(interface.state.rawValue)", role: stateRole),
            Table.Cell(TerminalText.clean(interface.name)),
            Table.Cell.ends(
                [(from, to), (TerminalText.clean(interface.from), TerminalText.clean(interface.to))],
                separator: " \(glyphs.arrow) "),
            Table.Cell(interface.kind.rawValue, role: .muted),
            Table.Cell(percent(interface.stats.availability1h), role: availabilityRole(interface.stats.availability1h)),
            Table.Cell(Formatting.latency(interface.stats.latencyP95)),
            Table.Cell(
                Sparkline.text(interface.stats.recentRuns.map(\.seconds), width: 8, glyphs: glyphs), role: .accent),
            Table.Cell(
                percent(interface.stats.errorRate, rounding: .up),
                role: (interface.stats.errorRate ?? 0) > 0 ? .degraded : .muted),
            Table.Cell(checked, role: .muted),
            Table.Cell(TerminalText.clean(interface.reason ?? ""), role: reasonRole),
        ]
        if showsBudget { cells.insert(budgetCell(interface.stats.slo), at: cells.count - 1) }
        return cells
    }

    /// `99.5%`, `100%`, or `-` before the first run. Availability rounds down and the error rate
    /// up, so that neither hides a failure (99.96% up is not `100%`, 0.04% errors not `0%`) and
    /// the two add up to 100% (`99.9%` and `0.1%`).
    static func percent(_ share: Double?, rounding: FloatingPointRoundingRule = .down) -> String {
        guard let share else { return "-" }
        if share <= 0 { return "0%" }
        if share >= 1 { return "100%" }
        // Slack for binary fractions: 0.001 * 1000 is 1.0000000000000002, which must stay 0.1%.
        let tenths = (share * 1000 + (rounding == .up ? -1e-6 : 1e-6)).rounded(rounding)
        return tenths >= 1000 ? "100%" : String(format: "%.1f%%", tenths / 10)
    }

    private static func availabilityRole(_ share: Double?) -> StyleRole {
        guard let share else { return .muted }
        return share >= 0.999 ? .normal : share >= 0.95 ? .degraded : .down
    }

    /// The order rows are shown in: most attention first (down, degraded, unknown, ok), then by name.
    static func ordered(_ interfaces: [InterfaceStatus]) -> [InterfaceStatus] {
        InterfaceSort().apply(interfaces, systemNames: [:])
    }
}
