import PromQL

/// A PromQL instant-vector selector such as `erp_orders_posted_total{channel="web"}`: the text as
/// written and its matchers (the metric name as `__name__`).
public struct SeriesSelector: Sendable, Equatable, CustomStringConvertible {
    public let text: String
    public let matchers: [LabelMatcher]

    /// Parses `text` with the PromQL parser; anything but a plain selector (no offset, range or
    /// operator) is refused with the position of the fault.
    public init(parsing text: String) throws(PromQLError) {
        let expression = try PromQL.parse(text)
        guard case .vectorSelector(let selector) = expression.kind, selector.offset == 0 else {
            throw PromQLError(
                .type, at: expression.position,
                "expected a series selector such as name{label=\"value\"}, without a function, operator, range or offset"
            )
        }
        self.text = text
        self.matchers = selector.matchers
    }

    public var description: String { text }
}
