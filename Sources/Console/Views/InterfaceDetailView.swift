import Foundation
import SwitchboardCore

/// Enter on an interface: its state and reason, the alerts on it and the jobs of its systems, its
/// health over the last hour, day, week and month with the day's 5-minute strip, every check with its newest result, and the state changes
/// that led here.
enum InterfaceDetailView {
    typealias Part = (text: String, role: StyleRole)

    static func lines(
        _ interface: InterfaceStatus, systemNames: [String: String], alerts: [AlertEntrySnapshot] = [],
        jobs: [JobStatus] = [], now: Date, timeZone: TimeZone, glyphs: Glyphs, width: Int = 100,
        latencyChart: Bool = true
    ) -> [[Part]] {
        let state = StyleRole(interface.state)
        let from = TerminalText.clean(systemNames[interface.from] ?? interface.from)
        let to = TerminalText.clean(systemNames[interface.to] ?? interface.to)
        var lines: [[Part]] = [
            [
                ("\(glyphs.glyph(for: interface.state)) \(TerminalText.clean(interface.name))  ", state),
                (interface.state.rawValue, state),
                ("   \(from) \(glyphs.arrow) \(to)  \(interface.kind.rawValue)", .muted),
                (interface.owner.map { "  owner \(TerminalText.clean($0))" } ?? "", .muted),
            ],
            [("reason  ", .muted), (TerminalText.clean(interface.reason ?? "no result yet"), state)],
        ]
        lines += related(interface, alerts: alerts, jobs: jobs, now: now, glyphs: glyphs)
        lines.append([])
        lines += stats(interface.stats, now: now, timeZone: timeZone, glyphs: glyphs, width: width)
        lines.append([])
        let charts = latencyChart ? charts(interface.stats.recentRuns, width: width, glyphs: glyphs) : []
        if !charts.isEmpty { lines += charts + [[]] }
        lines.append([(Self.checksTitle, .title)])
        for check in interface.checks {
            lines.append(checkLine(check, now: now, glyphs: glyphs))
            lines += FlowStepLines.lines(check.last?.flow, timeZone: timeZone, glyphs: glyphs)
        }
        lines.append([])
        lines.append([(" STATE CHANGES", .title), ("  newest first", .muted)])
        if interface.history.isEmpty { lines.append([("  none since the console started", .muted)]) }
        for change in interface.history.reversed() {
            lines.append([
                ("  " + Formatting.clock(change.at, timeZone: timeZone) + "  ", .muted),
                (change.from.rawValue, StyleRole(change.from)), (" \(glyphs.arrow) ", .muted),
                (change.to.rawValue, StyleRole(change.to)),
                ("  " + TerminalText.clean(change.reason ?? ""), .muted),
            ])
        }
        return lines
    }

    /// One line of the alerts labelled with this interface, one of the jobs of its two systems.
    static func related(
        _ interface: InterfaceStatus, alerts: [AlertEntrySnapshot], jobs: [JobStatus], now: Date, glyphs: Glyphs
    ) -> [[Part]] {
        let mine = alerts.filter { entry in
            entry.state != .resolved && entry.labels.contains { $0.name == "interface" && $0.value == interface.id }
        }
        var alertLine: [Part] = [("alerts  ", .muted)]
        if mine.isEmpty { alertLine.append(("none", .muted)) }
        for (index, entry) in mine.enumerated() {
            let shown = AlertRow.shown(entry)
            if index > 0 { alertLine.append(("  ", .muted)) }
            alertLine.append(("\(shown.glyph(glyphs)) \(TerminalText.clean(entry.name))", shown.role))
            alertLine.append((" \(entry.severity) \(Formatting.age(now.timeIntervalSince(entry.since)))", .muted))
        }
        let systems = [interface.from, interface.to]
        let theirs = jobs.filter { job in job.system.map(systems.contains) ?? false }
        var jobLine: [Part] = [("jobs    ", .muted)]
        if theirs.isEmpty { jobLine.append(("none on \(systems.joined(separator: " or "))", .muted)) }
        for (index, job) in theirs.enumerated() {
            let (mark, role) = JobsView.glyph(job.state, glyphs)
            if index > 0 { jobLine.append(("  ", .muted)) }
            jobLine.append(("\(mark) \(TerminalText.clean(job.name))", role))
            jobLine.append((" \(job.state.rawValue)", .muted))
        }
        return [alertLine, jobLine]
    }

    private static func stats(
        _ stats: HealthStats, now: Date, timeZone: TimeZone, glyphs: Glyphs, width: Int
    ) -> [[Part]] {
        // Rounded as in the table: availability down, errors up.
        func percent(_ value: Double?) -> String { InterfaceRow.percent(value) }
        func when(_ date: Date?) -> String {
            date.map {
                Formatting.clock($0, timeZone: timeZone) + " (" + Formatting.age(now.timeIntervalSince($0)) + " ago)"
            }
                ?? "never"
        }
        var lines: [[Part]] = [
            [
                ("availability  ", .muted), ("1h ", .muted), (percent(stats.availability1h), .normal),
                ("   24h ", .muted), (percent(stats.availability24h), .normal),
                ("   7d ", .muted), (percent(stats.availability7d), .normal),
                ("   30d ", .muted), (percent(stats.availability30d), .normal),
            ],
            [
                ("latency       ", .muted), ("p50 ", .muted), (Formatting.latency(stats.latencyP50), .normal),
                ("   p95 ", .muted), (Formatting.latency(stats.latencyP95), .normal),
                ("   p99 ", .muted), (Formatting.latency(stats.latencyP99), .normal),
                ("   errors 5m ", .muted), (InterfaceRow.percent(stats.errorRate, rounding: .up), .normal),
            ],
            [("last success  ", .muted), (when(stats.lastSuccess), .normal)],
        ]
        lines.insert(contentsOf: HistoryStripLines.lines(stats.strip, width: width, glyphs: glyphs), at: 1)
        if let rate = stats.throughputPerSecond {
            lines.insert(
                [("throughput    ", .muted), (Formatting.rate(rate), .normal), ("  (5m)", .muted)], at: lines.count - 1)
        }
        if let slo = stats.slo {
            lines.insert(contentsOf: budgetLines(slo, width: width, glyphs: glyphs), at: lines.count - 1)
        }
        if let failure = stats.lastFailure {
            lines.append([
                ("last failure  ", .muted), (when(failure.at), .normal),
                ("  " + (failure.errorClass?.rawValue ?? ""), .down),
                ("  " + TerminalText.clean(failure.reason), .muted),
            ])
        } else {
            lines.append([("last failure  ", .muted), ("none recorded", .normal)])
        }
        if stats.consecutiveFailures > 0 {
            lines.append([
                ("failing       ", .muted), (Plural.count(stats.consecutiveFailures, "run") + " in a row", .down),
            ])
        }
        return lines
    }

    /// The latency of the newest runs as an area chart, and under it each run as up or down.
    static func charts(_ runs: [RecentRun], width: Int, glyphs: Glyphs) -> [[Part]] {
        guard !runs.isEmpty, width > 20 else { return [] }
        let plot = width - 16
        let perCell = glyphs.isUnicode ? 2 : 1
        let latencies = runs.suffix(plot * perCell).map(\.seconds)
        let strip = runs.suffix(plot)
        var lines: [[Part]] = [
            [
                (" LATENCY", .title), ("  last \(Plural.count(latencies.count, "run")), newest right, top ", .muted),
                (Formatting.latency(latencies.max()), .normal),
            ]
        ]
        for line in AreaChart.lines(latencies, width: plot, rows: 3, glyphs: glyphs) {
            lines.append([(String(repeating: " ", count: 14), .muted), (line, .accent)])
        }
        var runLine: [Part] = [("  runs        ", .muted)]
        for run in strip {
            runLine.append(run.up ? (glyphs.levels[2], .ok) : (glyphs.down, .down))
        }
        let failed = strip.filter { !$0.up }.count
        runLine.append(("  \(failed) of \(strip.count) failed", failed > 0 ? .down : .muted))
        lines.append(runLine)
        return lines
    }

    private static func checkLine(_ check: CheckStatus, now: Date, glyphs: Glyphs) -> [Part] {
        let interval = Formatting.age(check.intervalSeconds)
        guard let last = check.last else {
            return [
                ("  \(glyphs.unknown) ", .unknown), (check.id, .normal),
                ("  \(check.kind) every \(interval)  \(TerminalText.clean(check.target))  not run yet", .muted),
            ]
        }
        let role: StyleRole = last.up ? .ok : .down
        return [
            ("  \(last.up ? glyphs.ok : glyphs.down) ", role), (check.id, .normal),
            ("  \(check.kind) every \(interval)  ", .muted),
            (Formatting.latency(last.durationSeconds), .normal),
            ("  \(Formatting.age(now.timeIntervalSince(last.startedAt))) ago  ", .muted),
            (TerminalText.clean(last.reason), last.up ? .muted : .down),
            ("  \(TerminalText.clean(check.target))", .muted),
        ]
    }

    static let checksTitle = " CHECKS"

    static func render(
        into canvas: inout Canvas, y: Int, height: Int, snapshot: Snapshot, interfaceID: String, now: Date,
        timeZone: TimeZone, glyphs: Glyphs
    ) {
        guard let interface = snapshot.interfaces.first(where: { $0.id == interfaceID }) else {
            canvas.put(
                "interface \(TerminalText.clean(interfaceID)) is not in this landscape", x: 1, y: y + 1, role: .error)
            return
        }
        let names = Dictionary(snapshot.systems.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func detail(latencyChart: Bool) -> [[Part]] {
            lines(
                interface, systemNames: names, alerts: snapshot.alerts.entries, jobs: snapshot.jobs, now: now,
                timeZone: timeZone, glyphs: glyphs, width: canvas.width, latencyChart: latencyChart)
        }
        // On a short screen the checks matter more than the latency chart: it goes when it would hide
        // the first check.
        var all = detail(latencyChart: true)
        if let checks = all.firstIndex(where: { $0.first?.text == Self.checksTitle }), checks + 1 >= height {
            all = detail(latencyChart: false)
        }
        for (row, parts) in all.prefix(height).enumerated() {
            var x = 1
            for part in parts where x < canvas.width - 1 {
                x += canvas.put(part.text, x: x, y: y + row, role: part.role, maxWidth: canvas.width - 1 - x)
            }
        }
    }
}
