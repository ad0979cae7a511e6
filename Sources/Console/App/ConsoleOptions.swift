import Foundation

/// How the console looks and behaves; the executable fills it from its command line.
public struct ConsoleOptions: Sendable, Equatable {
    /// A theme name from the theme directories (`default`, `mono`) or a path to a YAML file;
    /// nil for `default`.
    public var themePath: String?
    /// Data older than this is shown as STALE.
    public var staleAfter: TimeInterval
    /// How long the UI loop waits for a key before looking at the data again.
    public var tickMilliseconds: Int
    /// Below this size the console asks for a bigger terminal instead of drawing.
    public var minimumColumns: Int
    public var minimumRows: Int
    /// Draws with ASCII only, whatever the locale.
    public var asciiOnly: Bool
    /// Refuses every write (acknowledge, silence, note, run a job): for shared jump hosts.
    public var readOnly: Bool
    /// The name acknowledgements, silences and notes are made under.
    public var user: String
    /// Rings the terminal bell when a new critical alert fires (off by default).
    public var bell: Bool
    /// The view shown first.
    var startView: Route = .overview
    /// A new snapshot with at least this many interfaces is shown once what its view derives from
    /// it (sort, attention rows, topology layout) was derived off the UI thread; a smaller one is
    /// derived on it at once, where a background task would only cost a tick.
    var deriveInBackgroundFrom = 500

    public init(
        themePath: String? = nil, staleAfter: TimeInterval = 10, tickMilliseconds: Int = 150,
        minimumColumns: Int = 60, minimumRows: Int = 12, asciiOnly: Bool = false, readOnly: Bool = false,
        user: String = ProcessInfo.processInfo.environment["USER"] ?? "operator", bell: Bool = false
    ) {
        self.bell = bell
        self.themePath = themePath
        self.staleAfter = staleAfter
        self.tickMilliseconds = tickMilliseconds
        self.minimumColumns = minimumColumns
        self.minimumRows = minimumRows
        self.asciiOnly = asciiOnly
        self.readOnly = readOnly
        self.user = user
    }
}
