import Foundation
import SwitchboardCore

/// View 1: the landscape at a glance — a tile per system, the interfaces that need attention
/// (selectable, Enter for details), and where alerts and jobs stand.
enum OverviewView {
    /// The interfaces that are not OK, most attention first: the selectable rows of this view.
    static func attention(_ snapshot: Snapshot) -> [InterfaceStatus] {
        InterfaceRow.ordered(snapshot.interfaces).filter { $0.state != .ok }
    }

    /// What this view derives from all the interfaces of a snapshot, kept by the UI loop between frames.
    struct Rows: Sendable {
        /// `attention(snapshot)`.
        var attention: [InterfaceStatus]
        /// Per system id, its interfaces (either end): how many, how many OK, the worst state.
        var links: [String: Links]

        init(_ snapshot: Snapshot, attention: [InterfaceStatus]? = nil) {
            self.attention = attention ?? OverviewView.attention(snapshot)
            var links: [String: Links] = [:]
            for interface in snapshot.interfaces {
                links[interface.from, default: Links()].add(interface.state)
                links[interface.to, default: Links()].add(interface.state)
            }
            self.links = links
        }
    }

    /// The interfaces of one system, counted.
    struct Links: Sendable {
        var total = 0
        var healthy = 0
        var worst = HealthState.ok

        mutating func add(_ state: HealthState) {
            total += 1
            if state == .ok { healthy += 1 }
            worst = max(worst, state)
        }
    }

    /// `rows` is `Rows(snapshot)`, passed in so the UI loop can keep it between frames.
    static func render(
        into canvas: inout Canvas, y: Int, height: Int, snapshot: Snapshot, rows derived: Rows,
        selection: ViewState, now: Date, glyphs: Glyphs
    ) {
        guard height > 2 else { return }
        if snapshot.version == 0 {
            canvas.put(
                "waiting for the first data from \(TerminalText.clean(snapshot.source))", x: 1, y: y + 1, role: .muted)
            return
        }
        let split = Split(snapshot: snapshot, width: canvas.width, height: height)
        renderSystems(into: &canvas, y: y, split: split, snapshot: snapshot, links: derived.links, glyphs: glyphs)
        renderAttention(
            into: &canvas, y: y + split.systemsHeight + 1, height: split.attentionHeight, snapshot: snapshot,
            rows: derived.attention, selection: selection, now: now, glyphs: glyphs)
        let row = y + height - 2
        canvas.put(" ALERTS ", x: 0, y: row, role: .title)
        renderAlertsLine(into: &canvas, y: row, snapshot: snapshot, now: now, glyphs: glyphs)
        canvas.put(" JOBS ", x: 0, y: row + 1, role: .title)
        renderJobsLine(into: &canvas, y: row + 1, snapshot: snapshot, glyphs: glyphs)
    }

    /// Jobs that failed or run late, by name; or that all is well.
    private static func renderJobsLine(into canvas: inout Canvas, y: Int, snapshot: Snapshot, glyphs: Glyphs) {
        guard !snapshot.jobs.isEmpty else {
            canvas.put("no jobs in this landscape", x: 10, y: y, role: .muted)
            return
        }
        let failed = snapshot.jobs.filter { $0.state == .failed }
        let late = snapshot.jobs.filter(\.isLate)
        let running = snapshot.jobs.filter { $0.state == .running }.count
        guard !failed.isEmpty || !late.isEmpty else {
            canvas.put(
                "\(glyphs.ok) \(Plural.count(snapshot.jobs.count, "job")), none failed or late, \(running) running",
                x: 10, y: y,
                role: .ok)
            return
        }
        var line = StyledLine()
        if !failed.isEmpty {
            let names = failed.map { TerminalText.clean($0.name) }.joined(separator: ", ")
            line.append("\(glyphs.down) failed: \(names)", role: .down)
        }
        if !late.isEmpty {
            let names = late.map { TerminalText.clean($0.name) }.joined(separator: ", ")
            if !failed.isEmpty { line.append("  ", role: .normal) }
            line.append("\(glyphs.degraded) late: \(names)", role: .degraded)
        }
        let width = canvas.width - 10 - 1
        line.truncated(to: width, ellipsis: glyphs.ellipsis).draw(into: &canvas, x: 10, y: y, maxWidth: width)
    }

    /// How many alerts fire by severity, and the newest firing one.
    private static func renderAlertsLine(
        into canvas: inout Canvas, y: Int, snapshot: Snapshot, now: Date, glyphs: Glyphs
    ) {
        guard snapshot.rules != nil else {
            canvas.put("no alert rules loaded", x: 10, y: y, role: .muted)
            return
        }
        let counts = AlertRow.counts(snapshot.alerts)
        guard counts.critical + counts.warning + counts.other > 0 else {
            canvas.put("\(glyphs.ok) none firing", x: 10, y: y, role: .ok)
            return
        }
        var x = 10
        x += canvas.put("\(counts.critical) critical", x: x, y: y, role: counts.critical > 0 ? .down : .muted)
        x += canvas.put("  \(counts.warning) warning", x: x, y: y, role: counts.warning > 0 ? .degraded : .muted)
        if counts.other > 0 { x += canvas.put("  \(counts.other) other", x: x, y: y, role: .muted) }
        x += canvas.put("  \(counts.unacked) not acked", x: x, y: y, role: .muted)
        let newest = snapshot.alerts.entries.filter { $0.state == .firing && $0.muting.isEmpty }.max {
            $0.since < $1.since
        }
        if let newest, x < canvas.width - 10 {
            let text =
                "   newest: \(TerminalText.clean(newest.name)) \(Formatting.age(now.timeIntervalSince(newest.since))) ago"
            canvas.put(text, x: x, y: y, role: .normal, maxWidth: canvas.width - x - 1)
        }
    }

    /// How the height is shared: the system tiles (title row included), the attention list (its
    /// title row included), and two rows for alerts and jobs at the bottom.
    struct Split: Equatable {
        var tileWidth: Int
        var columns: Int
        var systemsHeight: Int
        var attentionHeight: Int

        init(snapshot: Snapshot, width: Int, height: Int) {
            let longest = snapshot.systems.map { DisplayWidth.of(TerminalText.clean($0.name)) }.max() ?? 0
            tileWidth = max(18, min(30, longest + 12))
            columns = max(1, (width - 1) / tileWidth)
            let tileRows = (snapshot.systems.count + columns - 1) / columns
            systemsHeight = 1 + min(tileRows, max(1, height - 3 - 4))
            attentionHeight = max(0, height - systemsHeight - 1 - 3)
        }

        /// Rows of the attention table that show at once.
        var visibleRows: Int { max(1, attentionHeight - 2) }
    }

    private static func renderSystems(
        into canvas: inout Canvas, y: Int, split: Split, snapshot: Snapshot, links: [String: Links], glyphs: Glyphs
    ) {
        let counts = Dictionary(grouping: snapshot.systems, by: \.state).mapValues(\.count)
        var x = canvas.put(" SYSTEMS ", x: 0, y: y, role: .title) + 1
        for state in [HealthState.down, .degraded, .unknown, .ok] {
            guard let count = counts[state] else { continue }
            x += canvas.put(
                "\(glyphs.glyph(for: state)) \(count) \(state.rawValue.lowercased())   ", x: x, y: y,
                role: StyleRole(state))
        }
        let names = snapshot.systems.map { TerminalText.clean($0.name) }
        let (tileWidth, columns) = (split.tileWidth, split.columns)
        var row = y + 1
        for (index, system) in snapshot.systems.enumerated() {
            let column = index % columns
            if column == 0, index > 0 { row += 1 }
            guard row < y + split.systemsHeight else {
                let more = "\(glyphs.ellipsis) \(snapshot.systems.count - index + columns - 1) more"
                canvas.fill(x: 1 + (columns - 1) * tileWidth, y: row - 1, count: tileWidth, role: .normal)
                canvas.put(more, x: 1 + (columns - 1) * tileWidth, y: row - 1, role: .muted)
                return
            }
            let tileX = 1 + column * tileWidth
            let counted = links[system.id] ?? Links()
            canvas.put(glyphs.glyph(for: system.state), x: tileX, y: row, role: StyleRole(system.state))
            let label = DisplayWidth.truncate(names[index], to: tileWidth - 10, ellipsis: glyphs.ellipsis)
            let used = canvas.put(label, x: tileX + 2, y: row, role: .normal)
            if counted.total > 0 {
                canvas.put(
                    " \(counted.healthy)/\(counted.total)", x: tileX + 2 + used, y: row,
                    role: counted.healthy == counted.total ? .muted : StyleRole(counted.worst))
            }
        }
    }

    private static func renderAttention(
        into canvas: inout Canvas, y: Int, height: Int, snapshot: Snapshot, rows: [InterfaceStatus],
        selection: ViewState, now: Date, glyphs: Glyphs
    ) {
        guard height > 0 else { return }
        var x = canvas.put(" NEEDS ATTENTION ", x: 0, y: y, role: .title) + 1
        defer { renderSystemsFailingTheirChecks(into: &canvas, x: x, y: y, snapshot: snapshot, glyphs: glyphs) }
        guard !rows.isEmpty else {
            let text =
                snapshot.progress.isComplete
                ? "nothing: all \(Plural.count(snapshot.interfaces.count, "interface")) OK"
                : "first checks running: \(snapshot.progress.completed)/\(snapshot.progress.total)"
            x += canvas.put(text, x: x, y: y, role: snapshot.progress.isComplete ? .ok : .muted)
            return
        }
        x += canvas.put(
            "\(rows.count) of \(Plural.count(snapshot.interfaces.count, "interface"))", x: x, y: y, role: .muted)
        let names = Dictionary(snapshot.systems.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func cells(_ interface: InterfaceStatus) -> [Table.Cell] {
            let since = interface.history.last { $0.to == interface.state }.map {
                "for " + Formatting.age(now.timeIntervalSince($0.at))
            }
            let from = TerminalText.clean(names[interface.from] ?? interface.from)
            let to = TerminalText.clean(names[interface.to] ?? interface.to)
            return [
                Table.Cell(
                    "\(glyphs.glyph(for: interface.state)) \(interface.state.rawValue)",
                    role: StyleRole(interface.state)),
                Table.Cell(TerminalText.clean(interface.name)),
                Table.Cell.ends(
                    [(from, to), (TerminalText.clean(interface.from), TerminalText.clean(interface.to))],
                    separator: " \(glyphs.arrow) ", role: .muted),
                Table.Cell(since ?? "", role: .muted),
                Table.Cell(TerminalText.clean(interface.reason ?? ""), role: StyleRole(interface.state)),
            ]
        }
        var columns = columns
        columns[2].title = "FROM \(glyphs.arrow) TO"
        let table = Table(columns: columns, ellipsis: glyphs.ellipsis)
        let tableHeight = min(rows.count + 1, height - 1)
        guard tableHeight > 1 else { return }
        table.render(
            into: &canvas, x: 0, y: y + 1, width: canvas.width, height: tableHeight, rowCount: rows.count,
            selected: selection.selected, offset: selection.offset
        ) { cells(rows[$0]) }
    }

    /// After the title: the systems down or degraded by their own checks, with the first reason, as
    /// their tiles count only interfaces ("✖ HRM 2/2" would not say why).
    private static func renderSystemsFailingTheirChecks(
        into canvas: inout Canvas, x: Int, y: Int, snapshot: Snapshot, glyphs: Glyphs
    ) {
        let failing = snapshot.systems.filter(\.isFailingItsOwnChecks)
        guard !failing.isEmpty, x < canvas.width - 10 else { return }
        let text = failing.map { system in
            let reason = system.reason.map { ": " + TerminalText.clean($0) } ?? ""
            return "\(glyphs.glyph(for: system.state)) \(TerminalText.clean(system.name))\(reason)"
        }.joined(separator: "  ")
        let worst = failing.map(\.state).max() ?? .degraded
        let line = DisplayWidth.truncate(
            "  systems by their own checks: " + text, to: canvas.width - x - 1, ellipsis: glyphs.ellipsis)
        canvas.put(line, x: x, y: y, role: StyleRole(worst))
    }

    static let columns: [Table.Column] = [
        Table.Column(title: "STATE", minWidth: 10, maxWidth: 10, priority: 9),
        Table.Column(title: "INTERFACE", minWidth: 12, maxWidth: 36, flex: 3, priority: 8),
        Table.Column(title: "FROM → TO", minWidth: 10, maxWidth: 36, flex: 2, priority: 4),
        Table.Column(title: "SINCE", minWidth: 7, maxWidth: 9, priority: 5),
        Table.Column(
            title: "REASON", minWidth: 16, maxWidth: 200, flex: 4, priority: 7, preferredWidth: 24),
    ]
}
