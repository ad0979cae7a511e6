import Foundation
import SwitchboardCore

/// The UI loop: reads keys, takes the newest snapshot, renders when something changed.
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
        var state: ViewState
        var second: Int64
        var flash: Flash?
    }

    private let terminal: any Terminal
    private let dataSource: any DataSource
    private let options: ConsoleOptions
    private let signals: SignalWatcher?
    private let clock: () -> Date
    private let timeZone: TimeZone
    private let mailbox = CommandMailbox()
    private let glyphs: Glyphs
    private var state = ViewState()
    private var flash: (message: Flash, until: Date)?
    private var lastFrame: FrameKey?

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
        glyphs = terminal.supportsUnicode && !options.asciiOnly ? .unicode : .ascii
        terminal.apply(theme)
        if let themeProblem { show(themeProblem, role: .error, seconds: 10) }
    }

    /// Runs until `q` or a signal.
    func run() -> Ending {
        while true {
            if let signal = signals?.received { return .signal(signal) }
            let snapshot = dataSource.snapshot
            let now = clock()
            collectOutcomes(now: now)
            if let current = flash, current.until <= now { flash = nil }
            let size = terminal.size
            let layout = ConsoleScreen.layout(size: size, snapshot: snapshot, glyphs: glyphs)
            let rows = InterfaceRow.ordered(snapshot.interfaces)
            state.reconcile(rows: rows, visibleRows: layout.visibleRows)
            renderIfChanged(snapshot: snapshot, now: now, size: size)

            guard let key = terminal.readKey(timeoutMilliseconds: options.tickMilliseconds),
                let action = KeyMap.action(for: key)
            else { continue }
            switch action {
            case .quit:
                return .quit
            case .redraw, .resized:
                terminal.invalidate()
                lastFrame = nil
            case .checkNow:
                checkNow(rows: rows)
            case .moveUp, .moveDown, .pageUp, .pageDown, .moveToTop, .moveToBottom:
                state.apply(action, rows: rows, visibleRows: layout.visibleRows)
            }
        }
    }

    private func renderIfChanged(snapshot: Snapshot, now: Date, size: TerminalSize) {
        let key = FrameKey(
            version: snapshot.version, size: size, state: state,
            second: Int64(now.timeIntervalSince1970.rounded(.down)), flash: flash?.message)
        guard key != lastFrame else { return }
        let context = ScreenContext(
            snapshot: snapshot, state: state, flash: flash?.message, now: now, timeZone: timeZone,
            staleAfter: options.staleAfter,
            minimumSize: TerminalSize(columns: options.minimumColumns, rows: options.minimumRows), glyphs: glyphs)
        terminal.draw(ConsoleScreen.render(context, size: size))
        lastFrame = key
    }

    private func checkNow(rows: [InterfaceStatus]) {
        guard let index = state.selected, index < rows.count else {
            show("nothing selected to check", role: .flash, seconds: 3)
            return
        }
        let interface = rows[index]
        show("checking \(interface.name)\(glyphs.ellipsis)", role: .flash, seconds: 30)
        let dataSource = dataSource
        let mailbox = mailbox
        let command = Command.checkNow(target: interface.id)
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

    private func show(_ text: String, role: StyleRole, seconds: TimeInterval, now: Date? = nil) {
        flash = (Flash(text: text, role: role), (now ?? clock()).addingTimeInterval(seconds))
    }
}
