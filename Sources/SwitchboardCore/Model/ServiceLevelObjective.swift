/// An interface's service level objective (`slo:`): the share of good events it promises over a rolling window.
public struct ServiceLevelObjective: Sendable, Equatable {
    /// What counts as a good event.
    public enum Indicator: Sendable, Equatable {
        /// A successful run of one of the interface's checks (`probe_success`).
        case checks
        /// Two PromQL expressions, each yielding one number; `$window` stands for the range (`[$window]`).
        case ratio(good: String, total: String)
    }

    /// The window when `slo:` names none.
    public static let defaultWindow: Duration = .seconds(28 * 86_400)
    /// What `$window` stands for in a `good`/`total` expression.
    public static let windowPlaceholder = "$window"

    /// The promised ratio of good events, between 0 and 1 (exclusive): 0.995 for 99.5%.
    public var objective: Double
    public var window: Duration
    public var indicator: Indicator

    public init(objective: Double, window: Duration = defaultWindow, indicator: Indicator = .checks) {
        self.objective = objective
        self.window = window
        self.indicator = indicator
    }

    /// The share of events that may fail over the window: 1 − objective.
    public var errorBudget: Double { 1 - objective }
}
