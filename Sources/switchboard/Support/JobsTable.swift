import Foundation
import SwitchboardCore

/// `switchboard jobs list` as a text table: one job a row.
struct JobsTable {
    let statuses: [JobStatus]
    let now: Date

    func render() -> String {
        guard !statuses.isEmpty else { return "no jobs in this config" }
        let header = ["JOB", "SOURCE", "SCHEDULE", "STATE", "LAST RUN", "DURATION", "NEXT"]
        let rows = statuses.map(row)
        let widths = header.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        return ([header] + rows).map { cells in
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    private func row(_ status: JobStatus) -> [String] {
        var state = status.state.rawValue
        if status.missedRuns > 1 { state += " (\(status.missedRuns))" }
        if status.overSLA { state += ", over SLA" }
        let last =
            status.lastRun.map { "#\($0.number) \($0.result.rawValue) \(Self.ago($0.startedAt, now: now))" } ?? "-"
        let duration = status.lastRun.map { Self.duration($0.duration(now: now)) } ?? "-"
        let next = status.nextRun.map { Self.until($0, now: now) } ?? "-"
        return [status.id, status.source, status.schedule ?? "-", state, last, duration, next]
    }

    /// `run #3 of nightly: failed (exit 2) after 1.2s, 40 lines, 3 dropped`
    static func summary(_ run: JobRunSummary) -> String {
        var text = "run #\(run.number) of \(run.jobID): \(run.result.rawValue)"
        if let code = run.exitCode, code != 0 { text += " (exit \(code))" }
        if let ended = run.endedAt { text += " after \(duration(ended.timeIntervalSince(run.startedAt)))" }
        text += ", " + Plural.count(run.lineCount, "line")
        if run.droppedLines > 0 { text += ", \(run.droppedLines) dropped" }
        if let message = run.message { text += " — \(message)" }
        return text
    }

    /// `450ms`, `4s200ms`, `2m5s`, `1h2m`: the two largest units.
    static func duration(_ seconds: TimeInterval) -> String {
        DurationParser.format(.milliseconds(Int64((seconds * 1000).rounded(.down))), units: 2)
    }

    /// `18s ago`, `2m5s ago`: whole seconds, the two largest units (Core's one duration formatter).
    static func ago(_ date: Date, now: Date) -> String { seconds(now.timeIntervalSince(date)) + " ago" }

    static func until(_ date: Date, now: Date) -> String {
        date <= now ? "due" : "in " + seconds(date.timeIntervalSince(now))
    }

    private static func seconds(_ interval: TimeInterval) -> String {
        DurationParser.format(.seconds(Int64(max(0, interval).rounded(.down))), units: 2)
    }
}
