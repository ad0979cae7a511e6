import Foundation
import SwitchboardCore

/// One interface as one table row: a pure function of the interface, the system names and the
/// time, tested on its own (k9s' renderers are the model).
enum InterfaceRow {
    static let columns: [Table.Column] = [
        Table.Column(title: "STATE", minWidth: 10, maxWidth: 10, priority: 9),
        Table.Column(title: "INTERFACE", minWidth: 12, maxWidth: 40, flex: 3, priority: 8),
        Table.Column(title: "FROM → TO", minWidth: 14, maxWidth: 44, flex: 2, priority: 5),
        Table.Column(title: "PROTO", minWidth: 7, maxWidth: 8, flex: 1, priority: 2),
        Table.Column(title: "AVAIL", minWidth: 6, maxWidth: 6, alignment: .right, priority: 4),
        Table.Column(title: "P95", minWidth: 6, maxWidth: 7, alignment: .right, priority: 6),
        Table.Column(title: "TREND", minWidth: 8, maxWidth: 8, priority: 1),
        Table.Column(title: "ERR", minWidth: 5, maxWidth: 6, alignment: .right, priority: 3),
        Table.Column(title: "CHECKED", minWidth: 7, maxWidth: 8, alignment: .right, priority: 3),
        Table.Column(title: "REASON", minWidth: 16, maxWidth: 200, flex: 4, priority: 7),
    ]

    /// The column titles, with the arrow the glyphs allow and the sorted column marked.
    static func columns(glyphs: Glyphs, sort: InterfaceSort = InterfaceSort()) -> [Table.Column] {
        var result = columns
        result[2].title = "FROM \(glyphs.arrow) TO"
        if sort != InterfaceSort() {
            let mark = sort.reversed ? (glyphs.isUnicode ? "▲" : "^") : (glyphs.isUnicode ? "▼" : "v")
            result[sort.key.column].title += mark
        }
        return result
    }

    static func cells(
        for interface: InterfaceStatus, systemNames: [String: String], now: Date, glyphs: Glyphs
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
        return [
            Table.Cell("\(glyphs.glyph(for: interface.state)) \(interface.state.rawValue)", role: stateRole),
            Table.Cell(TerminalText.clean(interface.name)),
            Table.Cell("\(from) \(glyphs.arrow) \(to)"),
            Table.Cell(interface.kind.rawValue, role: .muted),
            Table.Cell(percent(interface.stats.availability1h), role: availabilityRole(interface.stats.availability1h)),
            Table.Cell(Formatting.latency(interface.stats.latencyP95)),
            Table.Cell(
                Sparkline.text(interface.stats.recentRuns.map(\.seconds), width: 8, glyphs: glyphs), role: .accent),
            Table.Cell(
                percent(interface.stats.errorRate), role: (interface.stats.errorRate ?? 0) > 0 ? .degraded : .muted),
            Table.Cell(checked, role: .muted),
            Table.Cell(TerminalText.clean(interface.reason ?? ""), role: reasonRole),
        ]
    }

    /// `99.5%`, `100%`, or `-` before the first run.
    static func percent(_ share: Double?) -> String {
        guard let share else { return "-" }
        if share <= 0 { return "0%" }
        return share >= 1 ? "100%" : String(format: "%.1f%%", (share * 1000).rounded(.down) / 10)
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
