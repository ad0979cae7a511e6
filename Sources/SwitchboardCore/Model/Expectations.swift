/// What a probe's answer must satisfy to count as up (the `expect:` block of a check).
public struct Expectations: Sendable, Equatable {
    /// Accepted HTTP status codes; empty means any 2xx.
    public var status: [Int]
    public var latencyBelow: Duration?
    /// JSON path assertions such as `$.status == "UP"`.
    public var json: [JSONAssertion]
    /// XPath-style assertions on XML bodies.
    public var xpath: [String]
    /// Patterns the body must match, compiled when the config was read.
    public var bodyRegex: [TextPattern]
    /// `Header-Name: regex` assertions.
    public var headerRegex: [HeaderPattern]
    public var certMinDays: Int?

    public init(
        status: [Int] = [], latencyBelow: Duration? = nil, json: [JSONAssertion] = [],
        xpath: [String] = [], bodyRegex: [TextPattern] = [], headerRegex: [HeaderPattern] = [],
        certMinDays: Int? = nil
    ) {
        self.status = status
        self.latencyBelow = latencyBelow
        self.json = json
        self.xpath = xpath
        self.bodyRegex = bodyRegex
        self.headerRegex = headerRegex
        self.certMinDays = certMinDays
    }
}
