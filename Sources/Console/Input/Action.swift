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
    /// `f` on the topology: highlight the next flow's path (none after the last).
    case nextFlow
}
