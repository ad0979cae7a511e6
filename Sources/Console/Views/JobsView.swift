import Foundation
import SwitchboardCore

/// View 5: every job with its state (word and glyph), its last run, and when it runs next.
///
/// At 80 columns the schedule gives way first, then the system; the last run shortens its result
/// to a glyph (`#8 ✔ 30s ago`) rather than losing its age.
enum JobsView {
    static let columns: [Table.Column] = [
        Table.Column(title: "STATE", minWidth: 11, maxWidth: 11, priority: 9),
        Table.Column(title: "JOB", minWidth: 14, maxWidth: 40, flex: 3, priority: 8),
        Table.Column(title: "SYSTEM", minWidth: 6, maxWidth: 12, flex: 1, priority: 3),
        Table.Column(title: "LAST RUN", minWidth: 16, maxWidth: 30, flex: 2, priority: 7),
        Table.Column(title: "TOOK", minWidth: 6, maxWidth: 7, alignment: .right, priority: 5),
        Table.Column(title: "NEXT", minWidth: 8, maxWidth: 12, alignment: .right, priority: 6),
        Table.Column(title: "SCHEDULE", minWidth: 10, maxWidth: 16, flex: 1, priority: 2),
    ]

    static func glyph(_ state: JobState, _ glyphs: Glyphs) -> (String, StyleRole) {
        switch state {
        case .running: (glyphs.isUnicode ? "▶" : ">", .accent)
        case .missed, .failed: (glyphs.down, .down)
        case .late: (glyphs.degraded, .degraded)
        case .succeeded: (glyphs.ok, .ok)
        case .waiting: (glyphs.unknown, .muted)
        }
    }

    static func cells(_ job: JobStatus, now: Date, glyphs: Glyphs) -> [Table.Cell] {
        let (mark, role) = glyph(job.state, glyphs)
        var last = Table.Cell("never", role: .muted)
        var took = "-"
        if let run = job.lastRun {
            let age = Formatting.age(now.timeIntervalSince(run.startedAt)) + " ago"
            let runMark =
                run.result == .running ? glyph(.running, glyphs).0 : run.result.isFailure ? glyphs.down : glyphs.ok
            last = Table.Cell(
                "#\(run.number) \(run.result.rawValue) \(age)", role: run.result.isFailure ? .down : .muted,
                shorter: ["#\(run.number) \(runMark) \(age)"])
            if let ended = run.endedAt { took = Formatting.age(ended.timeIntervalSince(run.startedAt)) }
        }
        var next = job.nextRun.map { "in " + Formatting.age($0.timeIntervalSince(now)) } ?? "-"
        if job.isLate, let expected = job.expectedAt {
            next = Formatting.age(now.timeIntervalSince(expected)) + " late"
        }
        return [
            Table.Cell("\(mark) \(job.state.rawValue.uppercased())", role: role),
            Table.Cell(TerminalText.clean(job.name) + (job.overSLA ? " (over SLA)" : "")),
            Table.Cell(TerminalText.clean(job.system ?? ""), role: .muted),
            last,
            Table.Cell(took, role: .muted),
            Table.Cell(next, role: job.isLate ? .degraded : .muted),
            Table.Cell(TerminalText.clean(job.schedule ?? job.source), role: .muted),
        ]
    }

    static func render(
        into canvas: inout Canvas, y: Int, height: Int, snapshot: Snapshot, state: ViewState, now: Date,
        glyphs: Glyphs
    ) {
        guard height > 0 else { return }
        guard !snapshot.jobs.isEmpty else {
            canvas.put(
                "no jobs in this landscape (jobs: in the config; see README, Jobs)", x: 1, y: y + 1, role: .muted)
            return
        }
        Table(columns: columns, ellipsis: glyphs.ellipsis).render(
            into: &canvas, x: 0, y: y, width: canvas.width, height: height,
            rows: snapshot.jobs.map { cells($0, now: now, glyphs: glyphs) }, selected: state.selected,
            offset: state.offset)
    }
}
