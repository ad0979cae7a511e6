import Foundation
import Monitor
import SwitchboardCore

/// `switchboard report` as a table, JSON or CSV.
struct ReportRendering {
    let report: HistoryReport
    /// The window as the user wrote it (`7d`).
    let window: String

    /// An interface's line, the time its conditions held it DOWN or DEGRADED when they did, then
    /// one indented line per check.
    func table() -> String {
        let header = ["INTERFACE / CHECK", "AVAIL", "RUNS", "FAILED", "P50", "P95", "MAX"]
        var rows: [[String]] = []
        // Lines printed as they are after the row of the same index, outside the columns.
        var notes: [Int: String] = [:]
        for entry in report.entries {
            rows.append([(entry.kind == "system" ? "system " : "") + entry.id] + columns(entry.totals))
            if entry.conditionDownSeconds > 0 || entry.conditionDegradedSeconds > 0 {
                let down = duration(entry.conditionDownSeconds)
                let degraded = duration(entry.conditionDegradedSeconds)
                notes[rows.count - 1] = "  by conditions: DOWN \(down), DEGRADED \(degraded)\n"
            }
            for check in entry.checks { rows.append(["  " + check.id] + columns(check.totals)) }
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, text in
                let pad = String(repeating: " ", count: widths[column] - text.count)
                return column == 0 ? text + pad : pad + text
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        let title =
            "History over \(window): \(report.since.formatted(.iso8601)) to \(report.until.formatted(.iso8601))\n"
        return title + line(header) + rows.indices.map { line(rows[$0]) + (notes[$0] ?? "") }.joined()
    }

    /// Whole seconds as `1h5m`, `20m`, `45s`.
    private func duration(_ seconds: Double) -> String {
        DurationParser.format(.seconds(Int64(seconds.rounded())))
    }

    private func columns(_ totals: HistoryReport.Totals) -> [String] {
        [
            totals.availability.map { String(format: "%.2f%%", $0 * 100) } ?? "-", "\(totals.runs)",
            "\(totals.failures)", latency(totals.latencyP50), latency(totals.latencyP95), latency(totals.latencyMax),
        ]
    }

    private func latency(_ seconds: Double?) -> String {
        guard let seconds else { return "-" }
        return seconds < 1 ? String(format: "%.0fms", seconds * 1000) : String(format: "%.2fs", seconds)
    }

    func json() throws -> String {
        try JSONOutput.encode(report, snakeCaseKeys: true)
    }

    /// One row per interface (check empty) and per check; availability as a fraction, latency in
    /// seconds; an interface's seconds DOWN and DEGRADED by its conditions last (empty on a check's row).
    func csv() -> String {
        func number(_ value: Double?) -> String { value.map { String(format: "%.6f", $0) } ?? "" }
        func row(
            _ kind: String, _ owner: String, _ check: String, _ totals: HistoryReport.Totals,
            conditions: (down: Double, degraded: Double)? = nil
        ) -> [String] {
            [
                kind, owner, check, number(totals.availability), "\(totals.runs)", "\(totals.failures)",
                number(totals.latencyP50), number(totals.latencyP95), number(totals.latencyMax),
                number(conditions?.down), number(conditions?.degraded),
            ]
        }
        var rows = [
            [
                "kind", "interface", "check", "availability", "runs", "failures", "latency_p50", "latency_p95",
                "latency_max", "condition_down_seconds", "condition_degraded_seconds",
            ]
        ]
        for entry in report.entries {
            rows.append(
                row(
                    entry.kind, entry.id, "", entry.totals,
                    conditions: (entry.conditionDownSeconds, entry.conditionDegradedSeconds)))
            for check in entry.checks { rows.append(row("check", entry.id, check.id, check.totals)) }
        }
        return CSVOutput.render(rows)
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
