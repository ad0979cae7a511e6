import Foundation
import SwitchboardCore

/// The UI loop: reads keys, takes the newest snapshot (unless paused), renders when something
/// changed.
///
/// Owns the terminal for its lifetime and runs on one thread; commands run in tasks that leave
/// their outcomes in a mailbox the loop empties.
final class ConsoleSession {
    enum Ending: Equatable {
        case quit
        case signal(Int32)
    }

    /// What a frame looks like; a new frame is drawn only when this changes.
    private struct FrameKey: Equatable {
        var version: UInt64
        var size: TerminalSize
        var state: ConsoleState
        var second: Int64
        var flash: Flash?
        /// What the view's controller fetched beyond the snapshot.
        var fetched: [Int64]
        /// Whether the view could draw, or its rows were still being derived.
        var viewReady: Bool
    }

    let terminal: any Terminal
    let dataSource: any DataSource
    let options: ConsoleOptions
    private let signals: SignalWatcher?
    let clock: () -> Date
    private let timeZone: TimeZone
    let mailbox = CommandMailbox()
    let glyphs: Glyphs
    var state: ConsoleState
    private var flash: (message: Flash, until: Date)?
    private var lastFrame: FrameKey?
    /// What `reconcile` last saw: it runs again only when one of these changed.
    private var lastReconciled: (version: UInt64, size: TerminalSize, state: ConsoleState, fetched: [Int64])?
    /// What the views derive from the whole snapshot, kept between frames.
    let rows = ScreenRows()
    /// Each view's controller; the one of the route on screen gets the view's keys.
    let views = ViewControllers()
    /// The snapshot on screen: the newest whose rows are derived, or the one held while paused.
    var shown: Snapshot
    /// New snapshots' rows, derived off the UI thread.
    private let derivations = BackgroundDerivation<(snapshot: Snapshot, rows: ScreenRows.Derived)>()
    /// The version and source of the last snapshot handed to `derivations`.
    private var deriving: (version: UInt64, source: String)?
    var quitRequested = false
    /// How many commands this session has handed to its data source.
    private(set) var commandsSent = 0
    private var criticalBell = CriticalAlertBell()
    /// What the engine was last told this console shows.
    private var presenceReported: String?
    private var bellVersion: UInt64?

    init(
        terminal: any Terminal, dataSource: any DataSource, options: ConsoleOptions, theme: Theme,
        themeProblem: String? = nil, signals: SignalWatcher? = nil, timeZone: TimeZone = .current,
        clock: @escaping () -> Date = Date.init
    ) {
        self.terminal = terminal
        self.dataSource = dataSource
        self.options = options
        self.signals = signals
        self.clock = clock
        self.timeZone = timeZone
        state = ConsoleState(start: options.startView)
        shown = dataSource.snapshot
        glyphs = terminal.supportsUnicode && !options.asciiOnly ? .unicode : .ascii
        terminal.apply(theme)
        if let themeProblem { show(themeProblem, role: .error, seconds: 10) }
    }

    /// Runs until `q` or a signal.
    func run() -> Ending {
        while true {
            if let signal = signals?.received { return .signal(signal) }
            let size = terminal.size
            adoptDerivedRows()
            if !state.paused { takeNewestSnapshot(size: size) }
            let viewReady = viewIsReady(size: size)
            ringForNewCriticalAlerts()
            let now = clock()
            collectOutcomes(now: now)
            for view in views.all { view.refresh(self, now: now, onScreen: view === controller) }
            if let current = flash, current.until <= now { flash = nil }
            reportPresence()
            if viewReady { reconcile(size: size) }
            renderIfChanged(now: now, size: size, viewReady: viewReady)

            guard let key = terminal.readKey(timeoutMilliseconds: options.tickMilliseconds) else { continue }
            handle(key, size: size)
            if quitRequested { return .quit }
        }
    }

    private func handle(_ key: Key, size: TerminalSize) {
        if key == .resize {
            redraw()
            return
        }
        if let top = state.helpTop {
            state.helpTop = HelpOverlay.scrolled(top, by: key, route: state.route, height: size.rows)
            return
        }
        if state.input != nil {
            edit(key)
            return
        }
        guard let entry = KeyMap.entry(for: key, on: state.route), let action = entry.bindings[key] else { return }
        // The one read-only check: every action that writes is flagged so in its key table.
        guard !(entry.writes && options.readOnly) else {
            show(KeyMap.readOnlyRefusal(action), role: .error, seconds: 5)
            return
        }
        perform(action, size: size)
    }

    func redraw() {
        terminal.invalidate()
        lastFrame = nil
    }

    /// The controller of the view on screen.
    var controller: any ViewController { views.controller(for: state.route) }

    /// Whether a view's query or a snapshot's derivation is running (tests wait for it before the next key).
    var isBusy: Bool { views.isFetching || derivations.isBusy }

    /// Shows the data source's newest snapshot: a small one at once; a large one once the rows
    /// its view needs were derived in the background, so the UI thread only draws.
    private func takeNewestSnapshot(size: TerminalSize) {
        let newest = dataSource.snapshot
        if newest.version == shown.version, newest.source == shown.source {
            shown = newest
            return
        }
        guard newest.interfaces.count >= options.deriveInBackgroundFrom else {
            derivations.discard()
            deriving = nil
            shown = newest
            return
        }
        if let deriving, deriving.version == newest.version, deriving.source == newest.source { return }
        deriving = (newest.version, newest.source)
        let needs = controller.needs(state, size: size, glyphs: glyphs)
        let base = rows.derived
        derivations.start { (newest, ScreenRows.derive(newest, needs: needs, from: base)) }
    }

    /// Takes in rows derived in the background: a newer snapshot's with them (not while paused), or
    /// what the view on screen lacked of the snapshot shown.
    private func adoptDerivedRows() {
        guard let done = derivations.take() else { return }
        let sameSnapshot = done.snapshot.version == shown.version && done.snapshot.source == shown.source
        guard sameSnapshot || !state.paused else {
            deriving = nil
            return
        }
        shown = done.snapshot
        rows.adopt(done.rows)
    }

    /// Whether the view on screen can draw the shown snapshot at once. What it lacks of a large one
    /// (the view was just switched to, sorted anew, resized) is derived in the background meanwhile,
    /// and the view's area says so: the UI thread never derives a large landscape.
    private func viewIsReady(size: TerminalSize) -> Bool {
        guard shown.interfaces.count >= options.deriveInBackgroundFrom else { return true }
        let needs = controller.needs(state, size: size, glyphs: glyphs)
        guard !rows.covers(needs, of: shown) else { return true }
        if !derivations.isBusy {
            let snapshot = shown
            let base = rows.derived
            derivations.start { (snapshot, ScreenRows.derive(snapshot, needs: needs, from: base)) }
        }
        return false
    }

    /// Keeps the selection of the view on screen on an existing row and visible after the data,
    /// the size or the state changed; does nothing on a tick where none did. Other views are
    /// reconciled when they are shown (a change of view is a change of state), so a new snapshot
    /// derives only what the view on screen needs.
    private func reconcile(size: TerminalSize) {
        let controller = controller
        let fetched = controller.revision
        if let last = lastReconciled, last.version == shown.version, last.size == size, last.state == state,
            last.fetched == fetched
        {
            return
        }
        controller.reconcile(self, size: size)
        lastReconciled = (shown.version, size, state, fetched)
    }

    private func ringForNewCriticalAlerts() {
        guard options.bell, bellVersion != shown.version else { return }
        bellVersion = shown.version
        if criticalBell.update(shown.alerts) { terminal.bell() }
    }

    private func renderIfChanged(now: Date, size: TerminalSize, viewReady: Bool) {
        let key = FrameKey(
            version: shown.version, size: size, state: state, second: Int64(now.timeIntervalSince1970.rounded(.down)),
            flash: flash?.message, fetched: controller.revision, viewReady: viewReady)
        guard key != lastFrame else { return }
        var context = ScreenContext(
            snapshot: shown, console: state, flash: flash?.message, now: now, timeZone: timeZone,
            staleAfter: options.staleAfter,
            minimumSize: TerminalSize(columns: options.minimumColumns, rows: options.minimumRows), glyphs: glyphs)
        context.user = options.user
        context.viewPending = !viewReady
        controller.prepare(&context)
        terminal.draw(ConsoleScreen.render(context, size: size, rows: rows, views: views))
        lastFrame = key
    }

    /// Tells the data source what is open now, when that changed (presence for other consoles).
    private func reportPresence() {
        let viewing = state.route.presenceName
        guard viewing != presenceReported else { return }
        presenceReported = viewing
        dataSource.reportPresence(viewing: viewing)
    }

    /// Runs a command against the data source in the background; its outcome shows as a flash.
    func send(_ command: Command, saying message: String) {
        show(message, role: .flash, seconds: 30)
        commandsSent += 1
        let dataSource = dataSource
        let mailbox = mailbox
        Task.detached {
            let outcome = await dataSource.perform(command)
            mailbox.post(outcome)
        }
    }

    private func collectOutcomes(now: Date) {
        for outcome in mailbox.takeAll() {
            let mark = outcome.succeeded ? glyphs.ok : glyphs.down
            show("\(mark) \(outcome.message)", role: outcome.succeeded ? .flash : .error, seconds: 5, now: now)
        }
    }

    func show(_ text: String, role: StyleRole, seconds: TimeInterval, now: Date? = nil) {
        flash = (Flash(text: text, role: role), (now ?? clock()).addingTimeInterval(seconds))
    }
}
