import PromQL
import SwitchboardCore

/// One `groups:` entry of a Prometheus rule file: rules evaluated together, in order, at one interval.
public struct RuleGroup: Sendable {
    public var name: String
    /// The file the group was read from, as given to the loader.
    public var file: String
    /// Nil means the engine's default evaluation interval.
    public var interval: Duration?
    /// The most alerts or series one rule may produce; 0 means no limit.
    public var limit: Int
    /// Labels added to every rule's output (a rule's own labels win).
    public var labels: Labels
    /// How far back from the evaluation time the rules query; nil means none.
    public var queryOffset: Duration?
    public var rules: [RuleDefinition]
    /// Where the group's `name` is written.
    public var location: SourceLocation

    public init(
        name: String, file: String, interval: Duration? = nil, limit: Int = 0, labels: Labels = [:],
        queryOffset: Duration? = nil, rules: [RuleDefinition],
        location: SourceLocation? = nil
    ) {
        self.name = name
        self.file = file
        self.interval = interval
        self.limit = limit
        self.labels = labels
        self.queryOffset = queryOffset
        self.rules = rules
        self.location = location ?? SourceLocation(file: file, line: 1, column: 1)
    }
}
