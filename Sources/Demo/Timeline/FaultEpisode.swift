import SwitchboardCore

/// One scripted fault: what goes wrong, where, and when within the timeline's cycle.
public struct FaultEpisode: Sendable, Equatable, CustomStringConvertible {
    public var kind: FaultKind
    public var target: FaultTarget
    /// Start within the cycle (inclusive).
    public var start: Duration
    /// End within the cycle (exclusive).
    public var end: Duration
    /// Extra delay of each answer, for ``FaultKind/latency``.
    public var delay: Duration?
    /// HTTP status of the faulty answers where the kind leaves a choice: 500 or 200 for a
    /// SOAP Fault, the first code of a 5xx burst.
    public var status: Int?

    public init(
        kind: FaultKind, target: FaultTarget, start: Duration, end: Duration, delay: Duration? = nil,
        status: Int? = nil
    ) {
        self.kind = kind
        self.target = target
        self.start = start
        self.end = end
        self.delay = delay
        self.status = status
    }

    public var duration: Duration { end - start }

    /// Whether the episode is under way at `time` within the cycle.
    public func isActive(at time: Duration) -> Bool {
        start <= time && time < end
    }

    public func overlaps(_ other: FaultEpisode) -> Bool {
        start < other.end && other.start < end
    }

    /// `08s–46s  erp /soap  SOAP Fault (HTTP 500)`.
    public var description: String {
        var text = "\(Self.format(start))–\(Self.format(end))  \(target)  \(kind.summary)"
        if let delay { text += " (+\(Self.formatMilliseconds(delay)))" }
        if let status { text += " (HTTP \(status))" }
        return text
    }

    static func format(_ duration: Duration) -> String {
        let seconds = duration.milliseconds / 1000
        return seconds < 10 ? "0\(seconds)s" : "\(seconds)s"
    }

    static func formatMilliseconds(_ duration: Duration) -> String {
        "\(duration.milliseconds)ms"
    }
}
