import Foundation
import SwitchboardCore

/// A job's runs, newest first (Enter on the jobs view): result, start, duration, lines, first
/// error; Enter opens a run's log.
enum JobRunsView {
    static let columns: [Table.Column] = [
        Table.Column(title: "RUN", minWidth: 5, maxWidth: 7, alignment: .right, priority: 9),
        Table.Column(title: "RESULT", minWidth: 12, maxWidth: 14, priority: 8),
        Table.Column(title: "STARTED", minWidth: 8, maxWidth: 19, priority: 7),
        Table.Column(title: "TOOK", minWidth: 6, maxWidth: 7, alignment: .right, priority: 6),
        Table.Column(title: "LINES", minWidth: 6, maxWidth: 9, alignment: .right, priority: 5),
        Table.Column(title: "1ST ERROR", minWidth: 9, maxWidth: 9, alignment: .right, priority: 3),
        Table.Column(title: "EXIT / MESSAGE", minWidth: 10, maxWidth: 60, flex: 1, priority: 4),
    ]

    static func cells(_ run: JobRunSummary, now: Date, timeZone: TimeZone, glyphs: Glyphs) -> [Table.Cell] {
        let (mark, role): (String, StyleRole) =
            switch run.result {
            case .running: (glyphs.isUnicode ? "▶" : ">", .accent)
            case .succeeded: (glyphs.ok, .ok)
            default: (glyphs.down, .down)
            }
        var started = Formatting.clock(run.startedAt, timeZone: timeZone)
        if now.timeIntervalSince(run.startedAt) > 86_400 {
            started = "\(Formatting.age(now.timeIntervalSince(run.startedAt))) ago"
        }
        var detail = run.exitCode.map { "exit \($0)" } ?? ""
        if let message = run.message { detail += (detail.isEmpty ? "" : "  ") + TerminalText.clean(message) }
        return [
            Table.Cell("#\(run.number)"),
            Table.Cell("\(mark) \(run.result.rawValue.replacingOccurrences(of: "_", with: " "))", role: role),
            Table.Cell(started, role: .muted),
            Table.Cell(Formatting.age(run.duration(now: now)), role: .muted),
            Table.Cell(String(run.lineCount) + (run.droppedLines > 0 ? "+" : ""), role: .muted),
            Table.Cell(
                run.firstErrorLine.map { "line \($0)" } ?? "-", role: run.firstErrorLine == nil ? .muted : .down),
            Table.Cell(detail, role: .muted),
        ]
    }

    static func render(
        into canvas: inout Canvas, y: Int, height: Int, jobName: String, runs: [JobRunSummary]?, problem: String?,
        state: ViewState, now: Date, timeZone: TimeZone, glyphs: Glyphs
    ) {
        guard height > 1 else { return }
        canvas.put("runs of \(TerminalText.clean(jobName)), newest first", x: 1, y: y, role: .title)
        if let problem {
            canvas.put(problem, x: 1, y: y + 2, role: .error, maxWidth: canvas.width - 2)
            return
        }
        guard let runs else {
            canvas.put("loading\(glyphs.ellipsis)", x: 1, y: y + 2, role: .muted)
            return
        }
        guard !runs.isEmpty else {
            canvas.put("no runs yet (R on the jobs view runs it now)", x: 1, y: y + 2, role: .muted)
            return
        }
        Table(columns: columns, ellipsis: glyphs.ellipsis).render(
            into: &canvas, x: 0, y: y + 1, width: canvas.width, height: height - 1,
            rows: runs.map { cells($0, now: now, timeZone: timeZone, glyphs: glyphs) }, selected: state.selected,
            offset: state.offset)
    }
}
