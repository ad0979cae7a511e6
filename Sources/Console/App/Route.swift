/// A place in the console: one of the six views, or the detail of one interface, alert or job.
enum Route: Sendable, Hashable {
    case overview, topology, interfaces, alerts, jobs, logs
    case interface(String)
    case alert(String)
    /// The runs of one job.
    case jobRuns(String)

    /// The views `1`–`6` switch to, in that order.
    static let views: [Route] = [.overview, .topology, .interfaces, .alerts, .jobs, .logs]

    /// `1`…`6` for the views; nil for a detail.
    var number: Int? { Self.views.firstIndex(of: self).map { $0 + 1 } }

    /// What the presence board says this console shows: `alerts`, `alert:<id>`, `interface:<id>`…
    var presenceName: String {
        switch self {
        case .overview: "overview"
        case .topology: "topology"
        case .interfaces: "interfaces"
        case .alerts: "alerts"
        case .jobs: "jobs"
        case .logs: "logs"
        case .interface(let id): "interface:\(id)"
        case .alert(let id): "alert:\(id)"
        case .jobRuns(let id): "job:\(id)"
        }
    }

    var title: String {
        switch self {
        case .overview: "Overview"
        case .topology: "Topology"
        case .interfaces: "Interfaces"
        case .alerts: "Alerts"
        case .jobs: "Jobs"
        case .logs: "Logs"
        case .interface(let id): id
        case .alert(let id): id
        case .jobRuns(let id): id
        }
    }
}

/// Where the user is and how they got there: `Esc` walks back along the breadcrumbs.
struct Navigation: Sendable, Equatable {
    private(set) var stack: [Route]

    init(start: Route = .overview) {
        stack = [start]
    }

    var current: Route { stack[stack.count - 1] }

    /// Switches to a view, starting a new trail.
    mutating func show(_ view: Route) {
        stack = [view]
    }

    /// Drills down from the current place, keeping the way back.
    mutating func open(_ route: Route) {
        if route != current { stack.append(route) }
    }

    /// One step back; false when already at the start of the trail.
    @discardableResult
    mutating func back() -> Bool {
        guard stack.count > 1 else { return false }
        stack.removeLast()
        return true
    }
}
