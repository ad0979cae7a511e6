import Logging
import Synchronization

/// The console's log, `<state-dir>/switchboard.log`: what an operator needs later — the start with its config,
/// config and rule errors, an unusable terminal or state database, the stop — beside what the engine logs
/// (rule evaluation errors, notification failures, state-database problems). Only the console and the demo
/// `start` it; the one-shot commands report on stderr alone.
enum OperatorLog {
    private static let logger = Mutex<Logger?>(nil)

    /// Routes all logging to the state directory's log file and writes the first line.
    static func start(stateDirectory: String, command: String) {
        guard let path = FileLogHandler.bootstrap(stateDirectory: stateDirectory) else { return }
        let logger = Logger(label: "switchboard")
        logger.info("switchboard \(Switchboard.version) \(command) starting; state in \(stateDirectory), log \(path)")
        self.logger.withLock { $0 = logger }
    }

    static func info(_ message: String) {
        logger.withLock { $0?.info("\(message)") }
    }

    /// A line also written to stderr: `warning: …` at warning level, anything else at error level.
    static func mirror(_ line: String) {
        let level: Logger.Level = line.hasPrefix("warning") || line.contains(": warning: ") ? .warning : .error
        logger.withLock { $0?.log(level: level, "\(line)") }
    }
}
