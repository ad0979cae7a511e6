import Foundation
import SwitchboardCore

/// The keys of the Logs view: scrolling, reading modes, search, the first error, saving.
extension LogsController {
    /// The keys that read a log: follow, wrap, timestamps, level, search, first error, save.
    func performReading(_ action: Action, _ session: ConsoleSession, size: TerminalSize) {
        guard let buffer = logBuffer else { return }
        let visible = buffer.visible(minimumLevel: session.state.log.minimumLevel)
        switch action {
        case .toggleFollow:
            session.state.log.follow.toggle()
            if session.state.log.follow { reloadTailIfNeeded(buffer) } else { pinTop(visible, session, size: size) }
        case .toggleWrap:
            session.state.log.wrap.toggle()
            session.state.log.column = 0
        case .toggleTimestamps: session.state.log.timestamps.toggle()
        case .cycleLevel:
            session.state.log.cycleLevel()
            session.show(
                "showing \(session.state.log.minimumLevel.map { "\($0.name) and above" } ?? "every level")",
                role: .flash,
                seconds: 3)
        case .nextMatch, .previousMatch: findMatch(forward: action == .nextMatch, visible: visible, session, size: size)
        case .firstError: jumpToFirstError(buffer, visible: visible, session, size: size)
        case .saveLog:
            guard let run = buffer.run else { return }
            session.state.input = InputLine(kind: .savePath, text: "\(run.jobID)-run\(run.number).log")
        default:
            break
        }
    }

    /// Movement keys on the Logs view: lines, pages, ends, sideways.
    func move(_ action: Action, _ session: ConsoleSession, size: TerminalSize) {
        guard let buffer = logBuffer else { return }
        let visible = buffer.visible(minimumLevel: session.state.log.minimumLevel)
        guard !visible.isEmpty else { return }
        let rows = logRows(size)
        switch action {
        case .moveLeft: session.state.log.column = max(0, session.state.log.column - 8)
        case .moveRight where !session.state.log.wrap: session.state.log.column += 8
        case .moveToBottom:
            session.state.log.follow = true
            reloadTailIfNeeded(buffer)
        case .moveToTop:
            session.state.log.follow = false
            session.state.log.topLine = 1
            if buffer.startsAfter > 0 { logBuffer = LogBuffer(runID: buffer.runID, startsAfter: 0) }
        case .moveUp, .moveDown, .pageUp, .pageDown:
            let window = currentWindow(visible, session, size: size)
            let step =
                switch action {
                case .moveUp: -1
                case .moveDown: 1
                case .pageUp: -max(1, rows - 1)
                default: max(1, rows - 1)
                }
            if session.state.log.follow && step > 0 { return }
            let top = min(max(0, window.lowerBound + step), visible.count - 1)
            session.state.log.follow = false
            session.state.log.topLine = visible[top].number
        default:
            break
        }
    }

    /// `s` answered: the whole run, every line as the job wrote it, to a new file.
    func saveLog(to path: String, _ session: ConsoleSession) {
        guard let runID = logBuffer?.runID, !path.isEmpty else { return }
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            session.show("\(path) exists; choose another name", role: .error, seconds: 5)
            return
        }
        session.show("saving to \(path)\(session.glyphs.ellipsis)", role: .flash, seconds: 30)
        let dataSource = session.dataSource
        let mailbox = session.mailbox
        Task.detached {
            mailbox.post(await LogExport.write(runID: runID, from: dataSource, to: url))
        }
    }

    /// `/` answered on the Logs view: search, and go to the first match from the top of the screen.
    func search(_ pattern: String, _ session: ConsoleSession, size: TerminalSize) {
        guard !pattern.isEmpty else {
            session.state.log.search = nil
            session.state.log.matchLine = nil
            return
        }
        guard LogSearch(pattern) != nil else {
            session.show("not a regular expression: \(pattern)", role: .error, seconds: 5)
            return
        }
        session.state.log.search = pattern
        session.state.log.matchLine = nil
        guard let buffer = logBuffer else { return }
        let visible = buffer.visible(minimumLevel: session.state.log.minimumLevel)
        let window = currentWindow(visible, session, size: size)
        if !visible.isEmpty, window.lowerBound > 0 {
            session.state.log.matchLine = visible[window.lowerBound - 1].number
        }
        findMatch(forward: true, visible: visible, session, size: size)
    }

    private func findMatch(forward: Bool, visible: [JobLogLine], _ session: ConsoleSession, size: TerminalSize) {
        guard let pattern = session.state.log.search, let search = LogSearch(pattern) else {
            session.show("no search yet: / searches", role: .flash, seconds: 3)
            return
        }
        let lines = visible.map { (number: $0.number, text: LogsView.text($0)) }
        guard let found = search.next(in: lines, after: session.state.log.matchLine, forward: forward) else {
            session.show("no line matches /\(pattern)", role: .flash, seconds: 3)
            return
        }
        session.state.log.matchLine = found
        show(to: found, visible: visible, session, size: size)
    }

    private func jumpToFirstError(
        _ buffer: LogBuffer, visible: [JobLogLine], _ session: ConsoleSession, size: TerminalSize
    ) {
        guard let first = buffer.run?.firstErrorLine else {
            session.show("this run has no ERROR line", role: .flash, seconds: 3)
            return
        }
        session.state.log.minimumLevel = nil
        if first <= buffer.startsAfter || first > buffer.lastNumber {
            // Outside the window held: load a window that starts a little before it.
            logBuffer = LogBuffer(runID: buffer.runID, startsAfter: max(0, first - 1 - logRows(size) / 3))
            session.state.log.follow = false
            session.state.log.topLine = max(1, first - logRows(size) / 3)
            return
        }
        show(to: first, visible: buffer.lines, session, size: size)
    }

    /// Scrolls so that `line` sits a third of the way down the screen.
    private func show(to line: Int, visible: [JobLogLine], _ session: ConsoleSession, size: TerminalSize) {
        guard let index = visible.firstIndex(where: { $0.number >= line }) else { return }
        session.state.log.follow = false
        session.state.log.topLine = visible[max(0, index - logRows(size) / 3)].number
    }

    private func reloadTailIfNeeded(_ buffer: LogBuffer) {
        guard let run = buffer.run, buffer.isFull, !buffer.reachesEnd else { return }
        logBuffer = LogBuffer(runID: buffer.runID, startsAfter: LogBuffer.tailStart(lineCount: run.lineCount))
    }

    private func pinTop(_ visible: [JobLogLine], _ session: ConsoleSession, size: TerminalSize) {
        let window = currentWindow(visible, session, size: size)
        if visible.indices.contains(window.lowerBound) { session.state.log.topLine = visible[window.lowerBound].number }
    }

    private func currentWindow(_ visible: [JobLogLine], _ session: ConsoleSession, size: TerminalSize) -> Range<Int> {
        guard let buffer = logBuffer else { return 0..<0 }
        let columns = LogsView.columns(buffer, state: session.state.log, width: size.columns)
        return LogsView.window(visible, state: session.state.log, textWidth: columns.text, rows: logRows(size))
    }

    private func logRows(_ size: TerminalSize) -> Int {
        max(1, ConsoleScreen.layout(size: size).viewHeight - LogsView.headerRows)
    }
}
