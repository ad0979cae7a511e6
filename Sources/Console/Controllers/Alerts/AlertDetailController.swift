import Foundation
import SwitchboardCore

/// One alert: labels, annotations, and its timeline fetched from the data source while open.
final class AlertDetailController: ViewController {
    /// The timeline is asked for again this often while the detail is open.
    static let pollInterval: TimeInterval = 2

    private let fetcher = Fetcher<String, [AlertActivity]>()
    /// The open alert's timeline as last fetched.
    private var activity: AlertActivityData?
    private var fetched: Int64 = 0

    func shows(_ route: Route) -> Bool {
        if case .alert = route { true } else { false }
    }

    func render(_ context: ScreenContext, rows: ScreenRows, into canvas: inout Canvas, y: Int, height: Int) {
        guard case .alert(let id) = context.console.route else { return }
        AlertDetailView.render(
            into: &canvas, y: y, height: height, snapshot: context.snapshot, alertID: id, activity: context.activity,
            now: context.now, timeZone: context.timeZone, glyphs: context.glyphs)
    }

    func perform(_ action: Action, _ session: ConsoleSession, size: TerminalSize) -> Bool {
        guard case .alert(let id) = session.state.route else { return false }
        let entry = session.shown.alerts.entries.first { $0.id == id }
        switch action {
        case .open:
            guard let entry else { return true }
            let interface = entry.labels.first { $0.name == "interface" }?.value
            guard let interface, session.shown.interfaces.contains(where: { $0.id == interface }) else {
                session.show("\(entry.name) names no interface of this landscape", role: .flash, seconds: 3)
                return true
            }
            session.state.navigation.open(.interface(interface))
        case .acknowledge, .unacknowledge, .addNote, .silence, .expireSilence:
            AlertWrites.perform(action, on: entry, session)
        default: return false
        }
        return true
    }

    func refresh(_ session: ConsoleSession, now: Date, onScreen: Bool) {
        for (alertID, answer) in fetcher.takeAll() {
            switch answer {
            case .value(let list):
                activity = AlertActivityData(alertID: alertID, list: list, problem: nil, fetchedAt: now)
            case .failure(let message):
                activity = AlertActivityData(alertID: alertID, list: nil, problem: message, fetchedAt: now)
            }
            fetched &+= 1
        }
        guard onScreen, case .alert(let alertID) = session.state.route else { return }
        if let activity, activity.alertID == alertID, now.timeIntervalSince(activity.fetchedAt) < Self.pollInterval {
            return
        }
        let dataSource = session.dataSource
        fetcher.start(alertID) { try await dataSource.alertActivity(alertID: alertID, limit: 50) }
    }

    func prepare(_ context: inout ScreenContext) {
        guard case .alert(let id) = context.console.route else { return }
        context.activity = activity?.alertID == id ? activity : nil
    }

    var revision: [Int64] { [fetched] }
    var isFetching: Bool { fetcher.isBusy }
}

/// An alert's timeline as last fetched for its detail.
struct AlertActivityData: Sendable {
    var alertID: String
    var list: [AlertActivity]?
    var problem: String?
    var fetchedAt: Date
}
