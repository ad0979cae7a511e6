/// The one table of key actions per view, and the global ones; the dispatcher, the `?` overlay
/// and the footer are read from it.
enum KeyMap {
    /// The view's own actions, then the global ones: the order of the help and of the footer.
    static func table(for route: Route) -> [KeyAction] {
        local(route) + global(route)
    }

    /// The entry a key belongs to on a view; a view's own entry wins over a global one (`6` on
    /// the jobs view opens the log of the selected job).
    static func entry(for key: Key, on route: Route) -> KeyAction? {
        local(route).first { $0.bindings[key] != nil } ?? global(route).first { $0.bindings[key] != nil }
    }

    static func action(for key: Key, on route: Route = .interfaces) -> Action? {
        if key == .resize { return .resized }
        return entry(for: key, on: route)?.bindings[key]
    }

    /// The keys shown in the footer, in order: the few that matter in this view, each by its
    /// first spelling (`j/k` for `j/k ↑/↓`).
    static func footer(for route: Route) -> [(keys: String, meaning: String)] {
        table(for: route).compactMap { entry in
            entry.footer.map { (String(entry.keys.prefix { $0 != " " }), $0) }
        }
    }

    /// What the console says when it refuses a write under `--read-only` (it refuses in one place,
    /// where a key is dispatched: every entry flagged `writes`).
    static func readOnlyRefusal(_ action: Action) -> String {
        action == .runJob
            ? "read-only: this console does not start jobs"
            : "read-only: this console does not acknowledge, silence or annotate"
    }

    private static func local(_ route: Route) -> [KeyAction] {
        switch route {
        case .overview: overview
        case .topology: topology
        case .interfaces: interfaces
        case .interface: interface
        case .alerts: alerts
        case .alert: alert
        case .jobs: jobs
        case .jobRuns: jobRuns
        case .logs: logs
        }
    }

    /// Switching, help and quitting: the same on every view; `Esc` is in the footer of a detail.
    private static func global(_ route: Route) -> [KeyAction] {
        let isDetail =
            switch route {
            case .interface, .alert, .jobRuns: true
            default: false
            }
        var views: [Key: Action] = [:]
        for (index, view) in Route.views.enumerated() { views[.character(Character(String(index + 1)))] = .show(view) }
        return [
            KeyAction("Esc", "back", footer: isDetail ? "back" : nil, [.escape: .back]),
            KeyAction("?", "this help", footer: "help", [.character("?"): .help]),
            KeyAction("1-6", "overview, topology, interfaces, alerts, jobs, logs", footer: "views", views),
            KeyAction(":", "command (:if erp, :topo, :q)", footer: "command", [.character(":"): .beginCommand]),
            KeyAction("p", "pause updates", [.character("p"): .togglePause]),
            KeyAction("r Ctrl-L", "redraw", [.character("r"): .redraw, .control("l"): .redraw]),
            KeyAction("q Q", "quit", footer: "quit", [.character("q"): .quit, .character("Q"): .quit]),
        ]
    }
}
