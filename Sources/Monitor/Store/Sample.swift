import PromQL

/// One value of one series at one time, named as Prometheus names it (`probe_success{check="…"} 1`).
public struct Sample: Sendable, Equatable {
    public var name: String
    public var labels: Labels
    public var value: Double
    /// Milliseconds since 1970; nil means "when the probe ran" (the runner fills it in).
    public var timestampMilliseconds: Int64?

    public init(_ name: String, _ labels: Labels = [:], _ value: Double, timestampMilliseconds: Int64? = nil) {
        self.name = name
        self.labels = labels
        self.value = value
        self.timestampMilliseconds = timestampMilliseconds
    }

    public static func == (lhs: Sample, rhs: Sample) -> Bool {
        lhs.name == rhs.name && lhs.labels == rhs.labels && lhs.timestampMilliseconds == rhs.timestampMilliseconds
            && (lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN))
    }
}

extension Sample {
    /// Whether this sample marks the end of its series.
    public var isStale: Bool { value.isStaleMarker }
}
