import Foundation
import SwitchboardCore

/// View 6: the lines of one run of a job, fetched page by page from the data source while open.
final class LogsController: ViewController {
    /// A run's lines are asked for again this often while it runs (or while the window fills).
    static let pollInterval: TimeInterval = 0.5

    /// The runs list the Logs view looks a chosen run up in.
    private let runs: JobRunsController
    private let fetcher = Fetcher<LogFetchKey, JobLogPage?>()
    /// The lines of the run on screen.
    var logBuffer: LogBuffer?
    private var fetchedAt: Date?

    init(runs: JobRunsController) {
        self.runs = runs
    }

    func shows(_ route: Route) -> Bool { route == .logs }

    func render(_ context: ScreenContext, rows: ScreenRows, into canvas: inout Canvas, y: Int, height: Int) {
        LogsView.render(
            into: &canvas, y: y, height: height,
            content: context.log ?? LogsView.Content(jobName: "", buffer: nil, notice: nil),
            state: context.console.log, timeZone: context.timeZone, now: context.now, glyphs: context.glyphs)
    }

    func reconcile(_ session: ConsoleSession, size: TerminalSize) {
        JobsController.reconcileJobs(session, size: size)
    }

    func perform(_ action: Action, _ session: ConsoleSession, size: TerminalSize) -> Bool {
        switch action {
        case .beginFilter:
            session.state.input = InputLine(kind: .search, text: session.state.log.search ?? "", selected: true)
        case .toggleFollow, .toggleWrap, .toggleTimestamps, .cycleLevel, .nextMatch, .previousMatch, .firstError,
            .saveLog:
            performReading(action, session, size: size)
        case _ where action.isMovement:
            move(action, session, size: size)
        default: return false
        }
        return true
    }

    func submit(_ input: InputLine, _ session: ConsoleSession, size: TerminalSize) -> Bool {
        switch input.kind {
        case .search: search(input.text, session, size: size)
        case .savePath: saveLog(to: input.text.trimmingCharacters(in: .whitespaces), session)
        default: return false
        }
        return true
    }

    /// Takes the pages that arrived and asks for the next one the window needs.
    func refresh(_ session: ConsoleSession, now: Date, onScreen: Bool) {
        // A page is taken only if it continues the window held (not one replaced since it was asked).
        for (key, answer) in fetcher.takeAll()
        where logBuffer?.runID == key.runID && logBuffer?.lastNumber == key.afterLine {
            switch answer {
            case .value(let page?): logBuffer?.merge(page, following: session.state.log.follow)
            case .value(nil): logBuffer?.fail("this run is no longer stored (its job's retention removed it)")
            case .failure(let message): logBuffer?.fail(message)
            }
            fetchedAt = now
        }
        guard onScreen else { return }
        guard let subject = subject(session.state, session.shown), let runID = subject.runID else {
            logBuffer = nil
            return
        }
        if logBuffer?.runID != runID {
            let start = session.state.log.follow ? LogBuffer.tailStart(lineCount: subject.run?.lineCount ?? 0) : 0
            logBuffer = LogBuffer(runID: runID, startsAfter: start)
            fetchedAt = nil
        }
        guard let buffer = logBuffer, buffer.wantsMore(following: session.state.log.follow) else { return }
        // A page that came back full is followed at once; otherwise wait for the run to write more.
        let pageWasFull = buffer.run.map { buffer.lastNumber < $0.lineCount } ?? true
        if let fetchedAt, !pageWasFull, now.timeIntervalSince(fetchedAt) < Self.pollInterval { return }
        let dataSource = session.dataSource
        let after = buffer.lastNumber
        fetcher.start(LogFetchKey(runID: runID, afterLine: after)) {
            try await dataSource.jobLog(runID: runID, afterLine: after, limit: LogBuffer.pageSize)
        }
    }

    /// What the Logs view draws.
    func prepare(_ context: inout ScreenContext) {
        let snapshot = context.snapshot
        guard let subject = subject(context.console, snapshot) else {
            let notice =
                snapshot.jobs.isEmpty
                ? "no jobs in this landscape (jobs: in the config; see README, Jobs)" : "choose a job on view 5"
            context.log = LogsView.Content(jobName: "", buffer: nil, notice: notice)
            return
        }
        guard subject.runID != nil else {
            context.log = LogsView.Content(
                jobName: subject.job.name, buffer: nil,
                notice: "\(subject.job.name) has not run yet (R on view 5 runs it now)")
            return
        }
        context.log = LogsView.Content(jobName: subject.job.name, buffer: logBuffer, notice: nil)
    }

    var revision: [Int64] { logBuffer.map { [$0.runID, Int64($0.version), Int64($0.startsAfter)] } ?? [] }
    var isFetching: Bool { fetcher.isBusy }

    /// The job and run the Logs view shows: the chosen run, else the newest run of the chosen job,
    /// else of the job selected on the jobs view, else of the first job.
    private func subject(_ state: ConsoleState, _ shown: Snapshot)
        -> (job: JobStatus, run: JobRunSummary?, runID: Int64?)?
    {
        let target = state.log.target ?? (state.jobs.selectedID ?? shown.jobs.first?.id).map { LogTarget(jobID: $0) }
        guard let target, let job = shown.jobs.first(where: { $0.id == target.jobID }) else { return nil }
        if let runID = target.runID {
            let run = runs.runs?.list?.first { $0.id == runID } ?? (job.lastRun?.id == runID ? job.lastRun : nil)
            return (job, run, runID)
        }
        return (job, job.lastRun, job.lastRun?.id)
    }
}

/// Which page of which run a log fetch asked for.
struct LogFetchKey: Sendable, Equatable {
    var runID: Int64
    var afterLine: Int
}
