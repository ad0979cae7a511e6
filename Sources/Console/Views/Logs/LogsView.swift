import Foundation
import SwitchboardCore

/// View 6: one run's log. A header with the run (result, start, duration, lines, first error) and
/// the reading modes; then the lines with their numbers, coloured by level, search matches marked,
/// escape sequences shown as `^[` and never sent to the terminal.
enum LogsView {
    /// What the view shows besides the console state: the run's lines and the job's name.
    struct Content: Sendable {
        var jobName: String
        var buffer: LogBuffer?
        /// Why there is nothing to show, when there is nothing.
        var notice: String?
    }

    static let timestampWidth = 13

    /// The columns of a line: its number (and time), then its text.
    struct Columns: Equatable {
        var gutter: Int
        var time: Int
        var text: Int
    }

    static func columns(_ buffer: LogBuffer, state: LogViewState, width: Int) -> Columns {
        let digits = String(max(buffer.lastNumber, buffer.run?.lineCount ?? 0, 999)).count
        let time = state.timestamps ? timestampWidth : 0
        return Columns(gutter: digits + 1, time: time, text: max(1, width - digits - 1 - time))
    }

    /// A line's text, made safe for the terminal.
    static func text(_ line: JobLogLine) -> String { TerminalText.clean(line.text) }

    static func role(_ line: JobLogLine) -> StyleRole {
        if line.stream == .note { return .accent }
        return switch line.level {
        case .error: .down
        case .warn: .degraded
        case .debug: .muted
        case .info, nil: .normal
        }
    }

    /// The indices of `visible` on screen: from the end when following, else from the top line.
    static func window(_ visible: [JobLogLine], state: LogViewState, textWidth: Int, rows: Int) -> Range<Int> {
        guard rows > 0, !visible.isEmpty else { return 0..<0 }
        func height(_ index: Int) -> Int {
            state.wrap ? StyledLine(text(visible[index]), role: .normal).wrapped(width: textWidth).count : 1
        }
        if state.follow {
            var start = visible.count
            var used = 0
            while start > 0, used + height(start - 1) <= rows {
                used += height(start - 1)
                start -= 1
            }
            return min(start, visible.count - 1)..<visible.count
        }
        let start = visible.firstIndex { $0.number >= state.topLine } ?? (visible.count - 1)
        var end = start
        var used = 0
        while end < visible.count, used < rows {
            used += height(end)
            end += 1
        }
        return start..<end
    }

    static func render(
        into canvas: inout Canvas, y: Int, height: Int, content: Content, state: LogViewState, timeZone: TimeZone,
        now: Date, glyphs: Glyphs
    ) {
        guard height > 0 else { return }
        guard let buffer = content.buffer else {
            let notice = content.notice ?? "loading\(glyphs.ellipsis)"
            canvas.put(notice, x: 1, y: y + 1, role: .muted, maxWidth: canvas.width - 2)
            return
        }
        let visible = buffer.visible(minimumLevel: state.minimumLevel)
        let columns = columns(buffer, state: state, width: canvas.width)
        let rows = height - headerRows
        let window = window(visible, state: state, textWidth: columns.text, rows: rows)
        renderHeader(
            into: &canvas, y: y, content: content, buffer: buffer, state: state,
            shown: window.isEmpty ? nil : (visible[window.lowerBound].number, visible[window.upperBound - 1].number),
            now: now)
        guard !visible.isEmpty else {
            let message =
                buffer.problem
                ?? (buffer.lines.isEmpty
                    ? (buffer.run.map {
                        $0.lineCount == 0 ? "this run wrote no lines" : "loading lines\(glyphs.ellipsis)"
                    }
                        ?? "loading\(glyphs.ellipsis)")
                    : "no line at \(state.minimumLevel?.name ?? "")+ (L shows more levels)")
            canvas.put(
                message, x: 1, y: y + headerRows + 1, role: buffer.problem == nil ? .muted : .error,
                maxWidth: canvas.width - 2)
            return
        }
        let search = state.search.flatMap(LogSearch.init)
        var row = y + headerRows
        for index in window {
            guard row < y + height else { break }
            let line = visible[index]
            let isMatch = state.search != nil && line.number == state.matchLine
            canvas.put(
                String(line.number).leftPadded(to: columns.gutter - 1) + (isMatch ? ">" : " "), x: 0, y: row,
                role: isMatch ? .accent : .muted)
            if columns.time > 0 {
                canvas.put(timestamp(line.time, timeZone: timeZone), x: columns.gutter, y: row, role: .muted)
            }
            let lineText = text(line)
            var styled = StyledLine(lineText, role: role(line))
            for range in search?.ranges(in: lineText) ?? [] { styled.mark(range, role: .selection) }
            let x = columns.gutter + columns.time
            if state.wrap {
                for part in styled.wrapped(width: columns.text) where row < y + height {
                    part.draw(into: &canvas, x: x, y: row, maxWidth: columns.text)
                    row += 1
                }
            } else {
                let shown = styled.dropping(columns: state.column)
                shown.draw(into: &canvas, x: x, y: row, maxWidth: columns.text)
                if shown.width > columns.text {
                    canvas.put(glyphs.ellipsis, x: canvas.width - 1, y: row, role: .muted)
                }
                row += 1
            }
        }
    }

    /// The run on the first row; on the second, the lines on screen, the first error and the modes.
    static let headerRows = 2

    private static func renderHeader(
        into canvas: inout Canvas, y: Int, content: Content, buffer: LogBuffer, state: LogViewState,
        shown: (first: Int, last: Int)?, now: Date
    ) {
        var title = TerminalText.clean(content.jobName)
        var role = StyleRole.title
        var position: [String] = []
        if let run = buffer.run {
            title += "  run #\(run.number)  " + result(run) + "  \(Formatting.age(run.duration(now: now)))"
            if run.droppedLines > 0 { title += "  \(Plural.count(run.droppedLines, "line")) dropped" }
            if run.result.isFailure { role = .down }
            if let shown { position.append("lines \(shown.first)-\(shown.last) of \(run.lineCount)") }
            if let first = run.firstErrorLine { position.append("first error: line \(first) (e)") }
        }
        canvas.put(title, x: 1, y: y, role: role, maxWidth: canvas.width - 2)
        var modes: [String] = []
        // Following means something only while the run writes; a run that ended says so instead.
        if let run = buffer.run, run.result != .running {
            modes.append("finished")
        } else if state.follow {
            modes.append("FOLLOW")
        }
        if state.wrap { modes.append("WRAP") }
        if let level = state.minimumLevel { modes.append("\(level.name)+") }
        if let search = state.search { modes.append("/" + TerminalText.clean(search)) }
        let right = modes.joined(separator: " ")
        let rightWidth = DisplayWidth.of(right)
        canvas.put(
            position.joined(separator: "  "), x: 1, y: y + 1, role: .muted,
            maxWidth: max(0, canvas.width - rightWidth - 3))
        canvas.put(right, x: max(1, canvas.width - rightWidth - 1), y: y + 1, role: .accent)
    }

    private static func result(_ run: JobRunSummary) -> String {
        var text = run.result.rawValue.replacingOccurrences(of: "_", with: " ")
        if let code = run.exitCode, run.result != .running { text += " (exit \(code))" }
        if let message = run.message { text += ": " + TerminalText.clean(message) }
        return text
    }

    static func timestamp(_ date: Date, timeZone: TimeZone) -> String {
        let millis = Int((date.timeIntervalSince1970 * 1000).rounded(.down)) % 1000
        let fraction = String(millis).leftPadded(to: 3, with: "0")
        return Formatting.clock(date, timeZone: timeZone) + "." + fraction + " "
    }
}

extension String {
    /// Padded on the left to at least `width` characters.
    func leftPadded(to width: Int, with pad: Character = " ") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
