/// An end-to-end flow: `start` creates (or, in the passive form, reads) a record in the source and
/// extracts its key; `arrive` asks the target for it every `poll` until its `expect:` holds, for
/// at most `within`.
public struct FlowProbeSettings: Sendable, Equatable {
    public var start: FlowStep
    public var arrive: FlowStep
    public var within: Duration
    public var poll: Duration
    /// The systems the record passes between its interface's `from` and `to` (`via:`), in order.
    public var via: [String] = []

    public static let defaultPoll: Duration = .seconds(5)

    public init(start: FlowStep, arrive: FlowStep, within: Duration, poll: Duration = FlowProbeSettings.defaultPoll) {
        self.start = start
        self.arrive = arrive
        self.within = within
        self.poll = poll
    }

    /// The most runs of one flow in flight at once when a run starts every `interval`:
    /// `ceil(within / interval) + 2`, since a run lasts at most `within` plus two request timeouts
    /// (the start request's and the last poll's), and a timeout is never longer than the interval.
    public func maxRunsInFlight(interval: Duration) -> Int {
        Int((within.seconds / interval.seconds).rounded(.up)) + 2
    }
}

/// One HTTP request of a flow: its URL, headers and body may hold `{{ name }}` values extracted
/// by an earlier step; `extract:` names values of its answer; `expect:` is what the answer must satisfy.
public struct FlowStep: Sendable, Equatable {
    public var request: HTTPProbeSettings
    public var extract: [FlowExtraction]
    public var expect: Expectations

    public init(request: HTTPProbeSettings, extract: [FlowExtraction] = [], expect: Expectations = Expectations()) {
        self.request = request
        self.extract = extract
        self.expect = expect
    }
}

/// A named value read from a step's answer by a JSON path (`$.id`), an XPath (`//OrderId`) or a
/// regular expression with one capture group (`order (\d+)`).
public struct FlowExtraction: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        case jsonPath(JSONAssertion)
        case xpath(XPathAssertion)
        case regex(TextPattern)
    }

    public var name: String
    public var source: Source

    public init(name: String, source: Source) {
        self.name = name
        self.source = source
    }
}

extension Check {
    /// How long one run may take: the timeout, or for a flow `within` plus the timeouts of its start
    /// request and of its last poll. A result is fresh for two intervals plus this.
    public var longestRun: Duration {
        guard case .flow(let flow) = probe else { return timeout }
        return flow.within + timeout * 2
    }
}
