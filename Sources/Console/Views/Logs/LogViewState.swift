import SwitchboardCore

/// Which run the Logs view shows: a chosen run, or whatever run of the job is newest.
struct LogTarget: Sendable, Hashable {
    var jobID: String
    /// nil: the job's newest run, switching to the next one when it starts.
    var runID: Int64?
}

/// How the user reads a log: following the end or scrolled, wrapped, with timestamps, a lowest
/// level, a search.
struct LogViewState: Sendable, Equatable {
    var target: LogTarget?
    /// Pinned to the newest line, scrolling as lines arrive.
    var follow = true
    var wrap = false
    var timestamps = false
    /// Lines below this level (and lines without one) are hidden; Switchboard's own notes never are.
    var minimumLevel: LogLevel?
    /// The search pattern (a regular expression; case-insensitive unless it has a capital).
    var search: String?
    /// The line the last `n`/`N` landed on.
    var matchLine: Int?
    /// The line number at the top of the screen when not following.
    var topLine = 1
    /// Columns scrolled to the right when not wrapping.
    var column = 0

    /// The next lowest level for `L`: all → INFO → WARN → ERROR → all.
    mutating func cycleLevel() {
        minimumLevel =
            switch minimumLevel {
            case nil: .info
            case .debug, .info: .warn
            case .warn: .error
            case .error: nil
            }
    }
}
