import Foundation
import SwitchboardCore

/// A job's runs, newest first, fetched from the data source while the list is open.
final class JobRunsController: ViewController {
    /// A job's runs are asked for again this often while its list is open.
    static let pollInterval: TimeInterval = 2

    private let fetcher = Fetcher<String, [JobRunSummary]>()
    /// The runs list last fetched.
    private(set) var runs: JobRunsData?
    private var fetched: Int64 = 0

    func shows(_ route: Route) -> Bool {
        if case .jobRuns = route { true } else { false }
    }

    func render(_ context: ScreenContext, rows: ScreenRows, into canvas: inout Canvas, y: Int, height: Int) {
        guard case .jobRuns(let id) = context.console.route else { return }
        let runs = context.runs?.jobID == id ? context.runs : nil
        JobRunsView.render(
            into: &canvas, y: y, height: height,
            jobName: context.snapshot.jobs.first { $0.id == id }?.name ?? id, runs: runs?.list,
            problem: runs?.problem, state: context.console.runs, now: context.now, timeZone: context.timeZone,
            glyphs: context.glyphs)
    }

    func reconcile(_ session: ConsoleSession, size: TerminalSize) {
        JobsController.reconcileJobs(session, size: size)
        guard let list = list(session) else { return }
        session.state.runs.reconcile(ids: list.map { String($0.id) }, visibleRows: Self.visibleRows(size))
    }

    func perform(_ action: Action, _ session: ConsoleSession, size: TerminalSize) -> Bool {
        guard case .jobRuns(let jobID) = session.state.route else { return false }
        switch action {
        case .open:
            guard let list = list(session), let index = session.state.runs.selected, list.indices.contains(index)
            else { return true }
            session.state.log = LogViewState(target: LogTarget(jobID: jobID, runID: list[index].id))
            session.state.navigation.open(.logs)
        case _ where action.isMovement:
            guard let list = list(session) else { return true }
            session.state.runs.apply(action, ids: list.map { String($0.id) }, visibleRows: Self.visibleRows(size))
        default: return false
        }
        return true
    }

    func refresh(_ session: ConsoleSession, now: Date, onScreen: Bool) {
        for (jobID, answer) in fetcher.takeAll() {
            switch answer {
            case .value(let list): runs = JobRunsData(jobID: jobID, list: list, problem: nil, fetchedAt: now)
            case .failure(let message): runs = JobRunsData(jobID: jobID, list: nil, problem: message, fetchedAt: now)
            }
            fetched &+= 1
        }
        guard onScreen, case .jobRuns(let jobID) = session.state.route else { return }
        if let runs, runs.jobID == jobID, now.timeIntervalSince(runs.fetchedAt) < Self.pollInterval { return }
        let dataSource = session.dataSource
        fetcher.start(jobID) { try await dataSource.jobRuns(jobID: jobID, limit: 200) }
    }

    func prepare(_ context: inout ScreenContext) {
        context.runs = runs
    }

    var revision: [Int64] { [fetched] }
    var isFetching: Bool { fetcher.isBusy }

    /// The runs of the job on screen, when they arrived.
    private func list(_ session: ConsoleSession) -> [JobRunSummary]? {
        guard case .jobRuns(let jobID) = session.state.route, let runs, runs.jobID == jobID else { return nil }
        return runs.list
    }

    private static func visibleRows(_ size: TerminalSize) -> Int {
        ConsoleScreen.layout(size: size).viewHeight - 2
    }
}

/// A job's runs as last fetched for the runs list.
struct JobRunsData: Sendable {
    var jobID: String
    var list: [JobRunSummary]?
    var problem: String?
    var fetchedAt: Date
}
