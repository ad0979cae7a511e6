import Foundation
import SwitchboardCore

/// One view of the console: how it draws, what its own keys do, how its selection follows the
/// data, and what it asks the data source for beyond the snapshot.
///
/// The session keeps what every view shares (the data source, the route and its breadcrumbs, the
/// input line, the flash, the read-only refusal, quitting) and hands everything else to the
/// controller of the route on screen. A new view is a folder with its view and its controller,
/// plus one line in `ViewControllers`:
///
/// ```swift
/// final class JobsController: ViewController {
///     func shows(_ route: Route) -> Bool { route == .jobs }
///     func render(_ context: ScreenContext, rows: ScreenRows, into canvas: inout Canvas, y: Int, height: Int) {
///         JobsView.render(into: &canvas, y: y, height: height, snapshot: context.snapshot, …)
///     }
/// }
/// ```
///
/// Controllers live on the UI loop's thread; what they fetch runs in background tasks and is taken
/// in by `refresh`.
protocol ViewController: AnyObject {
    /// Whether this controller runs `route` (a detail's route carries its id).
    func shows(_ route: Route) -> Bool
    /// Draws the view into its part of the screen: a pure function of the frame's context.
    func render(_ context: ScreenContext, rows: ScreenRows, into canvas: inout Canvas, y: Int, height: Int)
    /// Keeps the selection on an existing row, and visible, after the data, the size or the state changed.
    func reconcile(_ session: ConsoleSession, size: TerminalSize)
    /// Does one of the view's own actions; false leaves the action to the session (the shared ones).
    func perform(_ action: Action, _ session: ConsoleSession, size: TerminalSize) -> Bool
    /// Answers a typed line of the view's own kind (the log search); false for the session's kinds.
    func submit(_ input: InputLine, _ session: ConsoleSession, size: TerminalSize) -> Bool
    /// Takes in what its background queries brought and, while the view is on screen, starts the
    /// next one it needs.
    func refresh(_ session: ConsoleSession, now: Date, onScreen: Bool)
    /// Adds what it fetched to the frame's context.
    func prepare(_ context: inout ScreenContext)
    /// What it draws from the whole snapshot, derived off the UI thread before a new snapshot is shown.
    func needs(_ state: ConsoleState, size: TerminalSize, glyphs: Glyphs) -> ScreenRows.Needs
    /// Moves on whenever what it fetched changes, so the frame is reconciled and drawn again.
    var revision: [Int64] { get }
    /// Whether one of its queries is running.
    var isFetching: Bool { get }
}

extension ViewController {
    func reconcile(_ session: ConsoleSession, size: TerminalSize) {}
    func submit(_ input: InputLine, _ session: ConsoleSession, size: TerminalSize) -> Bool { false }
    func refresh(_ session: ConsoleSession, now: Date, onScreen: Bool) {}
    func prepare(_ context: inout ScreenContext) {}
    func needs(_ state: ConsoleState, size: TerminalSize, glyphs: Glyphs) -> ScreenRows.Needs { ScreenRows.Needs() }
    var revision: [Int64] { [] }
    var isFetching: Bool { false }
}

extension Action {
    /// A key that moves the selection or the scroll position.
    var isMovement: Bool {
        switch self {
        case .moveUp, .moveDown, .pageUp, .pageDown, .moveToTop, .moveToBottom, .moveLeft, .moveRight: true
        default: false
        }
    }
}
