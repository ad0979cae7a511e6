import PromQL

/// What every rule of a group evaluation needs besides its own definition.
struct RuleContext {
    var engine: any RuleQueryEngine
    /// The evaluation time, milliseconds since 1970.
    var time: Int64
    var queryOffset: Int64
    var limit: Int
    var externalLabels: Labels
    var externalURL: String

    /// The time the expression is queried at and the results are stamped with.
    var queryTime: Int64 { time - queryOffset }
}
