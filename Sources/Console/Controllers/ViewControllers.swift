/// Every view's controller, and which one runs a route: the one place a view is registered.
final class ViewControllers {
    let all: [any ViewController]

    init() {
        let runs = JobRunsController()
        all = [
            OverviewController(), TopologyController(), InterfacesController(), InterfaceDetailController(),
            AlertsController(), AlertDetailController(), JobsController(), runs, LogsController(runs: runs),
        ]
    }

    /// The controller of `route`; every route has one (a test walks them all).
    func controller(for route: Route) -> any ViewController {
        guard let controller = all.first(where: { $0.shows(route) }) else {
            preconditionFailure("no view controller runs \(route)")
        }
        return controller
    }

    /// Whether any controller's query is running.
    var isFetching: Bool { all.contains { $0.isFetching } }
}
