/// A series as a query returns it: its identity and its samples in the window asked for, oldest first.
///
/// The shape a PromQL `SeriesSource` wants: a label set and (timestamp, value) pairs.
public struct SeriesData: Sendable, Equatable {
    public var name: String
    public var labels: Labels
    public var samples: [SamplePoint]

    public init(name: String, labels: Labels, samples: [SamplePoint]) {
        self.name = name
        self.labels = labels
        self.samples = samples
    }

    /// The labels with the metric name added as `__name__`, as PromQL sees a series.
    public var labelsIncludingName: Labels {
        var all = labels
        all[LabelMatcher.metricNameLabel] = name
        return all
    }
}

/// The newest value of one series at some time.
public struct LatestSample: Sendable, Equatable {
    public var name: String
    public var labels: Labels
    public var point: SamplePoint

    public init(name: String, labels: Labels, point: SamplePoint) {
        self.name = name
        self.labels = labels
        self.point = point
    }
}
