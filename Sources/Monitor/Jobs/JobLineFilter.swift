import SwitchboardCore

/// Which lines of a run to read: a regex, a lowest level, a window.
public struct JobLineFilter: Sendable {
    /// Lines matching this POSIX extended regex (as `grep -E`), tested on the stored bytes.
    public var regex: PosixRegex?
    public var minimumLevel: LogLevel?
    /// Only lines numbered above this (for following a run).
    public var afterLine: Int
    /// At most this many lines, the first ones.
    public var limit: Int?

    public init(regex: PosixRegex? = nil, minimumLevel: LogLevel? = nil, afterLine: Int = 0, limit: Int? = nil) {
        self.regex = regex
        self.minimumLevel = minimumLevel
        self.afterLine = afterLine
        self.limit = limit
    }
}
