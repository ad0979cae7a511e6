import Foundation
import SwitchboardCore

/// The terminal console: shows the snapshots of a data source and sends it commands.
///
/// ```swift
/// try ConsoleApp.preflight()          // before starting anything else
/// // ... start the engine ...
/// let app = ConsoleApp(dataSource: engine, options: ConsoleOptions(themePath: "mono"))
/// Thread { do { try app.run() } catch { ... } }.start()
/// ```
public struct ConsoleApp: Sendable {
    public let dataSource: any DataSource
    public let options: ConsoleOptions

    public init(dataSource: any DataSource, options: ConsoleOptions = ConsoleOptions()) {
        self.dataSource = dataSource
        self.options = options
    }

    /// Throws a `ConsoleError` with one clear line when the console cannot run here: standard
    /// input or output is not a terminal, `TERM` is unset or unknown, or it cannot address the
    /// cursor (`dumb`). Touches neither the screen nor the terminal's modes.
    public static func preflight() throws {
        try TerminalCheck.verify(TerminalCheck.currentFacts())
    }

    /// `preflight()`, and also checks that a theme the user named explicitly can be loaded, so a
    /// mistake in it is reported (with file:line:column) before the screen is taken over.
    public static func preflight(options: ConsoleOptions) throws {
        try preflight()
        guard let themePath = options.themePath else { return }
        do {
            _ = try ThemeSelection.load(themePath)
        } catch {
            throw ConsoleError("switchboard: theme \(error)")
        }
    }

    /// Runs the console until the user quits; blocks the calling thread.
    ///
    /// The terminal is restored on quit, on a thrown error, and on SIGINT, SIGTERM or SIGHUP,
    /// after which the process exits with 128 + the signal's number.
    public func run() throws {
        try Self.preflight()
        let (theme, problem) = ThemeSelection.resolve(options.themePath)
        let signals = SignalWatcher()  // before ncurses starts, so it installs no handlers of its own
        defer { signals.cancel() }
        let terminal = try NcursesTerminal()
        defer { terminal.shutdown() }
        let session = ConsoleSession(
            terminal: terminal, dataSource: dataSource, options: options, theme: theme, themeProblem: problem,
            signals: signals)
        if case .signal(let number) = session.run() {
            terminal.shutdown()
            exit(128 + number)
        }
    }
}
