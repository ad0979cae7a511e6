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
    /// The Logs view's reading modes: `f` follow, `w` wrap, `t` timestamps, `L` lowest level.
    case toggleFollow, toggleWrap, toggleTimestamps, cycleLevel
    /// `n` / `N` on the Logs view: the next or previous line matching the search.
    case nextMatch, previousMatch
    /// `e` on the Logs view: the run's first error.
    case firstError
    /// `s` on the Logs view: save the whole run to a file.
    case saveLog
    /// `b` on the alert queue: group by the next label (severity, system, alertname, interface, none).
    case nextGrouping
    /// `Tab`: the next pane of the view (the alert queue and its silences).
    case nextPane
}

/// The keys: the same everywhere for switching, help and quitting; per view for the rest.
enum KeyMap {
    static func action(for key: Key, on route: Route = .interfaces) -> Action? {
        if let global = global(key) { return global }
        switch key {
        case .character("j"), .down: return .moveDown
        case .character("k"), .up: return .moveUp
        case .character("h"), .left: return route == .topology || route == .logs ? .moveLeft : nil
        case .character("l"), .right: return route == .topology || route == .logs ? .moveRight : nil
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
        case .character("b") where route == .alerts: return .nextGrouping
        case .tab where route == .alerts: return .nextPane
        case .character(let character) where route == .logs: return logs(character)
        case .character("s"): return route == .interfaces ? .nextSort : nil
        case .character("S"): return route == .interfaces ? .reverseSort : nil
        case .character("/"): return route == .interfaces || route == .topology ? .beginFilter : nil
        default: return nil
        }
    }

    private static func logs(_ character: Character) -> Action? {
        switch character {
        case "f": .toggleFollow
        case "w": .toggleWrap
        case "t": .toggleTimestamps
        case "L": .cycleLevel
        case "/": .beginFilter
        case "n": .nextMatch
        case "N": .previousMatch
        case "e": .firstError
        case "s": .saveLog
        default: nil
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
                ("j/k ↑/↓", "move"), ("Enter", "details: labels, annotations, history; there, its interface"),
                ("a", "acknowledge (with a note)"),
                ("u", "undo the acknowledgement"), ("n", "add a note"),
                ("s", "silence (matchers prefilled, editable; duration; comment)"), ("x", "expire its silence"),
                ("b", "group by severity, system, alertname, interface, or not (:group LABEL)"),
                ("Tab", "to the silences and back (x there expires the selected one)"),
                ("y / other key", "confirm / cancel a write"),
            ]
        case .overview:
            keys = [("j/k", "move"), ("Enter", "details of the selected interface")]
        case .jobs:
            keys = [
                ("j/k ↑/↓", "move"), ("Enter", "the job's runs"), ("6", "the log of its newest run"),
                ("R", "run the selected job now (asks first)"),
            ]
        case .jobRuns:
            keys = [("j/k ↑/↓", "move"), ("Enter", "the run's log")]
        case .logs:
            keys = [
                ("j/k ↑/↓", "scroll a line"), ("PgUp/PgDn", "page"), ("g/G", "first line / end (follows)"),
                ("h/l ←/→", "scroll sideways (unwrapped)"), ("f", "follow new lines on/off"), ("w", "wrap on/off"),
                ("t", "timestamps on/off"), ("L", "lowest level: all, INFO, WARN, ERROR"),
                ("/", "search (regex; case-insensitive unless it has a capital)"), ("n/N", "next/previous match"),
                ("e", "first error"), ("s", "save the whole run to a file"),
            ]
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
            case .alerts: [("Enter", "details"), ("a", "ack"), ("s", "silence"), ("n", "note"), ("b", "group")]
            case .alert: [("Esc", "back"), ("Enter", "interface"), ("a", "ack"), ("s", "silence"), ("x", "expire")]
            case .overview: [("j/k", "move"), ("Enter", "details")]
            case .jobs: [("j/k", "move"), ("Enter", "runs"), ("6", "log"), ("R", "run now")]
            case .jobRuns: [("j/k", "move"), ("Enter", "log"), ("Esc", "back")]
            case .logs: [("f", "follow"), ("/", "search"), ("L", "level"), ("e", "1st error"), ("w", "wrap")]
            }
        return local + [("?", "help"), ("1-6", "views"), (":", "command"), ("q", "quit")]
    }
}
