import Foundation
import SwitchboardCore

/// View 5: the jobs, their schedules and last runs.
final class JobsController: ViewController {
    func shows(_ route: Route) -> Bool { route == .jobs }

    func render(_ context: ScreenContext, rows: ScreenRows, into canvas: inout Canvas, y: Int, height: Int) {
        JobsView.render(
            into: &canvas, y: y, height: height, snapshot: context.snapshot, state: context.console.jobs,
            now: context.now, glyphs: context.glyphs)
    }

    func reconcile(_ session: ConsoleSession, size: TerminalSize) {
        Self.reconcileJobs(session, size: size)
    }

    func perform(_ action: Action, _ session: ConsoleSession, size: TerminalSize) -> Bool {
        switch action {
        case .open:
            guard let id = session.state.jobs.selectedID else { return true }
            session.state.runs = ViewState()
            session.state.navigation.open(.jobRuns(id))
        case .show(.logs):
            // `6` here: the log of the job under the cursor, following its newest run.
            session.state.log.target = nil
            session.state.log.follow = true
            session.state.navigation.show(.logs)
        case .runJob:
            guard let id = session.state.jobs.selectedID else { return true }
            session.ask(.confirm(.runJob(id: id), "run \(id) now?"))
        case _ where action.isMovement:
            session.state.jobs.apply(
                action, ids: session.shown.jobs.map(\.id), visibleRows: ConsoleScreen.layout(size: size).viewHeight - 1)
        default: return false
        }
        return true
    }

    /// Keeps the jobs' selection on an existing job: the runs and the Logs view start from it.
    static func reconcileJobs(_ session: ConsoleSession, size: TerminalSize) {
        session.state.jobs.reconcile(
            ids: session.shown.jobs.map(\.id), visibleRows: ConsoleScreen.layout(size: size).viewHeight - 1)
    }
}
