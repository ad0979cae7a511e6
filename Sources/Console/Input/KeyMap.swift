/// What the user asks for, independent of the key that asked.
enum Action: Sendable, Equatable {
    case quit
    case moveUp, moveDown, pageUp, pageDown, moveToTop, moveToBottom, moveLeft, moveRight
    case redraw
    case checkNow
    case resized
    case show(Route)
    /// Enter: drill down into what is selected.
    case open
    /// Esc: one step back along the breadcrumbs.
    case back
    case help
    case beginCommand
    case beginFilter
    case togglePause
    /// `s` / `S` on a table: sort by the next column, or reverse the order.
    case nextSort, reverseSort
    /// The operator's writes on the selected alert: `a`, `u`, `n`, `s`, `x`.
    case acknowledge, unacknowledge, addNote, silence, expireSilence
    /// `R` on the jobs view: run the selected job now.
    case runJob
}

/// The keys: the same everywhere for switching, help and quitting; per view for the rest.
enum KeyMap {
    static func action(for key: Key, on route: Route = .interfaces) -> Action? {
        if let global = global(key) { return global }
        switch key {
        case .character("j"), .down: return .moveDown
        case .character("k"), .up: return .moveUp
        case .character("h"), .left: return route == .topology ? .moveLeft : nil
        case .character("l"), .right: return route == .topology ? .moveRight : nil
        case .character("g"), .home: return .moveToTop
        case .character("G"), .end: return .moveToBottom
        case .pageUp, .control("b"): return .pageUp
        case .pageDown, .control("f"), .character(" "): return .pageDown
        case .enter: return .open
        case .character("c"): return .checkNow
        case .character("a") where route.isAlert: return .acknowledge
        case .character("u") where route.isAlert: return .unacknowledge
        case .character("n") where route.isAlert: return .addNote
        case .character("s") where route.isAlert: return .silence
        case .character("x") where route.isAlert: return .expireSilence
        case .character("R") where route == .jobs: return .runJob
        case .character("s"): return route == .interfaces ? .nextSort : nil
        case .character("S"): return route == .interfaces ? .reverseSort : nil
        case .character("/"): return route == .interfaces || route == .topology ? .beginFilter : nil
        default: return nil
        }
    }

    private static func global(_ key: Key) -> Action? {
        switch key {
        case .character("q"), .character("Q"): .quit
        case .character(let digit) where ("1"..."6").contains(digit):
            .show(Route.views[Int(String(digit))! - 1])
        case .character("?"): .help
        case .character(":"): .beginCommand
        case .character("p"): .togglePause
        case .character("r"), .control("l"): .redraw
        case .escape: .back
        case .resize: .resized
        default: nil
        }
    }

    /// Every key of a view, for the help overlay.
    static func keys(for route: Route) -> [(keys: String, meaning: String)] {
        var keys: [(String, String)] = []
        switch route {
        case .interfaces:
            keys = [
                ("j/k ↑/↓", "move"), ("g/G", "first/last"), ("PgUp/PgDn", "page"), ("Enter", "details"),
                ("/", "filter (regex, ! inverts)"), ("s", "sort by the next column"), ("S", "reverse the sort"),
                ("c", "check now"),
            ]
        case .topology:
            keys = [
                ("j/k ↑/↓", "next/previous system"), ("h/l ←/→", "upstream/downstream layer"),
                ("Enter", "its interfaces"), ("c", "check its interfaces now"),
            ]
        case .interface:
            keys = [("c", "check now")]
        case .alerts, .alert:
            keys = [
                ("j/k ↑/↓", "move"), ("Enter", "details: labels, annotations, notes"),
                ("a", "acknowledge (with a note)"),
                ("u", "undo the acknowledgement"), ("n", "add a note"),
                ("s", "silence (matchers prefilled, editable; duration; comment)"), ("x", "expire its silence"),
                ("y / other key", "confirm / cancel a write"),
            ]
        case .overview:
            keys = [("j/k", "move"), ("Enter", "details of the selected interface")]
        case .jobs:
            keys = [("j/k ↑/↓", "move"), ("R", "run the selected job now (asks first)")]
        case .logs:
            keys = []
        }
        return keys + [
            ("1-6", "overview, topology, interfaces, alerts, jobs, logs"), (":", "command (:if erp, :topo, :q)"),
            ("Esc", "back"), ("p", "pause updates"), ("r Ctrl-L", "redraw"), ("?", "this help"), ("q", "quit"),
        ]
    }

    /// The keys shown in the footer, in order: the few that matter in this view.
    static func footer(for route: Route) -> [(keys: String, meaning: String)] {
        let local: [(String, String)] =
            switch route {
            case .interfaces: [("j/k", "move"), ("Enter", "details"), ("/", "filter"), ("s", "sort"), ("c", "check")]
            case .topology: [("j/k h/l", "select"), ("Enter", "interfaces")]
            case .interface: [("Esc", "back"), ("c", "check now")]
            case .alerts: [("j/k", "move"), ("Enter", "details"), ("a", "ack"), ("s", "silence"), ("n", "note")]
            case .alert: [("Esc", "back"), ("a", "ack"), ("u", "unack"), ("s", "silence"), ("x", "expire")]
            case .overview: [("j/k", "move"), ("Enter", "details")]
            case .jobs: [("j/k", "move"), ("R", "run now")]
            case .logs: []
            }
        return local + [("?", "help"), ("1-6", "views"), (":", "command"), ("q", "quit")]
    }
}
