import Foundation
import SwitchboardCore

/// The Jobs drill-down and the Logs view: which run to show, and the keys that read a log.
extension ConsoleSession {
    /// The job and run the Logs view shows: the chosen run, else the newest run of the chosen job,
    /// else of the job selected on the jobs view, else of the first job.
    func logSubject() -> (job: JobStatus, run: JobRunSummary?, runID: Int64?)? {
        let target =
            state.log.target ?? (state.jobs.selectedID ?? shown.jobs.first?.id).map { LogTarget(jobID: $0) }
        guard let target, let job = shown.jobs.first(where: { $0.id == target.jobID }) else { return nil }
        if let runID = target.runID {
            let run = runs?.list?.first { $0.id == runID } ?? (job.lastRun?.id == runID ? job.lastRun : nil)
            return (job, run, runID)
        }
        return (job, job.lastRun, job.lastRun?.id)
    }

    /// What the Logs view draws.
    func logContent() -> LogsView.Content {
        guard let subject = logSubject() else {
            let notice =
                shown.jobs.isEmpty
                ? "no jobs in this landscape (jobs: in the config; see README, Jobs)" : "choose a job on view 5"
            return LogsView.Content(jobName: "", buffer: nil, notice: notice)
        }
        guard subject.runID != nil else {
            return LogsView.Content(
                jobName: subject.job.name, buffer: nil,
                notice: "\(subject.job.name) has not run yet (R on view 5 runs it now)")
        }
        return LogsView.Content(jobName: subject.job.name, buffer: logBuffer, notice: nil)
    }

    /// Enter on the jobs view and on a job's runs.
    func openJob() {
        switch state.route {
        case .jobs:
            guard let id = state.jobs.selectedID else { return }
            state.runs = ViewState()
            state.navigation.open(.jobRuns(id))
        case .jobRuns(let jobID):
            guard let list = runs?.list, runs?.jobID == jobID, let index = state.runs.selected,
                list.indices.contains(index)
            else { return }
            openLog(LogTarget(jobID: jobID, runID: list[index].id))
        default:
            break
        }
    }

    private func openLog(_ target: LogTarget) {
        state.log = LogViewState(target: target)
        state.navigation.open(.logs)
    }

    /// The keys of the Logs view.
    func performLogAction(_ action: Action, size: TerminalSize) {
        guard let buffer = logBuffer else { return }
        let visible = buffer.visible(minimumLevel: state.log.minimumLevel)
        switch action {
        case .toggleFollow:
            state.log.follow.toggle()
            if state.log.follow { reloadTailIfNeeded(buffer) } else { pinTop(visible, size: size) }
        case .toggleWrap:
            state.log.wrap.toggle()
            state.log.column = 0
        case .toggleTimestamps: state.log.timestamps.toggle()
        case .cycleLevel:
            state.log.cycleLevel()
            show(
                "showing \(state.log.minimumLevel.map { "\($0.name) and above" } ?? "every level")", role: .flash,
                seconds: 3)
        case .nextMatch, .previousMatch: findMatch(forward: action == .nextMatch, visible: visible, size: size)
        case .firstError: jumpToFirstError(buffer, visible: visible, size: size)
        case .saveLog:
            guard let run = buffer.run else { return }
            state.input = InputLine(kind: .savePath, text: "\(run.jobID)-run\(run.number).log")
        default:
            break
        }
    }

    /// Movement keys on the Logs view: lines, pages, ends, sideways.
    func moveInLog(_ action: Action, size: TerminalSize) {
        guard let buffer = logBuffer else { return }
        let visible = buffer.visible(minimumLevel: state.log.minimumLevel)
        guard !visible.isEmpty else { return }
        let rows = logRows(size)
        switch action {
        case .moveLeft: state.log.column = max(0, state.log.column - 8)
        case .moveRight where !state.log.wrap: state.log.column += 8
        case .moveToBottom:
            state.log.follow = true
            reloadTailIfNeeded(buffer)
        case .moveToTop:
            state.log.follow = false
            state.log.topLine = 1
            if buffer.startsAfter > 0 { logBuffer = LogBuffer(runID: buffer.runID, startsAfter: 0) }
        case .moveUp, .moveDown, .pageUp, .pageDown:
            let window = currentWindow(visible, size: size)
            let step =
                switch action {
                case .moveUp: -1
                case .moveDown: 1
                case .pageUp: -max(1, rows - 1)
                default: max(1, rows - 1)
                }
            if state.log.follow && step > 0 { return }
            let top = min(max(0, window.lowerBound + step), visible.count - 1)
            state.log.follow = false
            state.log.topLine = visible[top].number
        default:
            break
        }
    }

    /// `s` answered: the whole run, every line as the job wrote it, to a new file.
    func saveLog(to path: String) {
        guard let runID = logBuffer?.runID, !path.isEmpty else { return }
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            show("\(path) exists; choose another name", role: .error, seconds: 5)
            return
        }
        show("saving to \(path)\(glyphs.ellipsis)", role: .flash, seconds: 30)
        let dataSource = dataSource
        let mailbox = mailbox
        Task.detached {
            mailbox.post(await LogExport.write(runID: runID, from: dataSource, to: url))
        }
    }

    /// `/` answered on the Logs view: search, and go to the first match from the top of the screen.
    func search(_ pattern: String, size: TerminalSize) {
        guard !pattern.isEmpty else {
            state.log.search = nil
            state.log.matchLine = nil
            return
        }
        guard LogSearch(pattern) != nil else {
            show("not a regular expression: \(pattern)", role: .error, seconds: 5)
            return
        }
        state.log.search = pattern
        state.log.matchLine = nil
        guard let buffer = logBuffer else { return }
        let visible = buffer.visible(minimumLevel: state.log.minimumLevel)
        let window = currentWindow(visible, size: size)
        if !visible.isEmpty, window.lowerBound > 0 { state.log.matchLine = visible[window.lowerBound - 1].number }
        findMatch(forward: true, visible: visible, size: size)
    }

    private func findMatch(forward: Bool, visible: [JobLogLine], size: TerminalSize) {
        guard let pattern = state.log.search, let search = LogSearch(pattern) else {
            show("no search yet: / searches", role: .flash, seconds: 3)
            return
        }
        let lines = visible.map { (number: $0.number, text: LogsView.text($0)) }
        guard let found = search.next(in: lines, after: state.log.matchLine, forward: forward) else {
            show("no line matches /\(pattern)", role: .flash, seconds: 3)
            return
        }
        state.log.matchLine = found
        show(to: found, visible: visible, size: size)
    }

    private func jumpToFirstError(_ buffer: LogBuffer, visible: [JobLogLine], size: TerminalSize) {
        guard let first = buffer.run?.firstErrorLine else {
            show("this run has no ERROR line", role: .flash, seconds: 3)
            return
        }
        state.log.minimumLevel = nil
        if first <= buffer.startsAfter || first > buffer.lastNumber {
            // Outside the window held: load a window that starts a little before it.
            logBuffer = LogBuffer(runID: buffer.runID, startsAfter: max(0, first - 1 - logRows(size) / 3))
            state.log.follow = false
            state.log.topLine = max(1, first - logRows(size) / 3)
            return
        }
        show(to: first, visible: buffer.lines, size: size)
    }

    /// Scrolls so that `line` sits a third of the way down the screen.
    private func show(to line: Int, visible: [JobLogLine], size: TerminalSize) {
        guard let index = visible.firstIndex(where: { $0.number >= line }) else { return }
        state.log.follow = false
        state.log.topLine = visible[max(0, index - logRows(size) / 3)].number
    }

    private func reloadTailIfNeeded(_ buffer: LogBuffer) {
        guard let run = buffer.run, buffer.isFull, !buffer.reachesEnd else { return }
        logBuffer = LogBuffer(runID: buffer.runID, startsAfter: LogBuffer.tailStart(lineCount: run.lineCount))
    }

    private func pinTop(_ visible: [JobLogLine], size: TerminalSize) {
        let window = currentWindow(visible, size: size)
        if visible.indices.contains(window.lowerBound) { state.log.topLine = visible[window.lowerBound].number }
    }

    private func currentWindow(_ visible: [JobLogLine], size: TerminalSize) -> Range<Int> {
        guard let buffer = logBuffer else { return 0..<0 }
        let columns = LogsView.columns(buffer, state: state.log, width: size.columns)
        return LogsView.window(visible, state: state.log, textWidth: columns.text, rows: logRows(size))
    }

    private func logRows(_ size: TerminalSize) -> Int {
        max(1, ConsoleScreen.layout(size: size).viewHeight - LogsView.headerRows)
    }
}
