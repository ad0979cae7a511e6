/// Where an interface's throughput comes from: a scraped counter, summed over the series that
/// carry `labels`, as a per-second rate over the last five minutes.
public struct ThroughputSource: Sendable, Equatable {
    /// A counter's metric name, such as `kafka_topic_partition_current_offset`.
    public var metric: String
    /// Labels every counted series must carry, such as `topic: erp.orders.v1`.
    public var labels: [String: String]
    /// The minimum volume expected, if any (`expect:`).
    public var expect: VolumeExpectation?

    public init(metric: String, labels: [String: String] = [:], expect: VolumeExpectation? = nil) {
        self.metric = metric
        self.labels = labels
        self.expect = expect
    }

    /// Whether `name` is a valid Prometheus metric name.
    public static func isValidMetricName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first == ":" || first.isASCIILetter else {
            return false
        }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0 == ":" || $0.isASCIILetter || ("0"..."9").contains($0) }
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
