/// One series' value in an instant vector; `labels` include the metric name as `__name__` when it is kept.
public struct VectorSample: Sendable, Equatable, CustomStringConvertible {
    public var labels: Labels
    public var value: Double

    public init(labels: Labels, value: Double) {
        self.labels = labels
        self.value = value
    }

    public var description: String { "\(labels) \(value)" }
}

/// One series of a range vector or of a range query's result, points oldest first.
public struct MatrixSeries: Sendable, Equatable, CustomStringConvertible {
    public var labels: Labels
    public var points: [SamplePoint]

    public init(labels: Labels, points: [SamplePoint]) {
        self.labels = labels
        self.points = points
    }

    public var description: String { "\(labels) \(points.map(\.description).joined(separator: " "))" }
}

/// What a query evaluates to.
public enum QueryValue: Sendable, Equatable {
    case vector([VectorSample])
    case scalar(Double)
    case matrix([MatrixSeries])
    case string(String)

    var typeName: String {
        switch self {
        case .vector: "instant vector"
        case .scalar: "scalar"
        case .matrix: "range vector"
        case .string: "string"
        }
    }
}

extension Labels {
    /// These labels without `__name__`.
    func droppingMetricName() -> Labels {
        guard pairs.first?.name == LabelMatcher.metricNameLabel || pairs.contains(where: { $0.name == "__name__" })
        else {
            return self
        }
        return Labels(sortedPairs: pairs.filter { $0.name != LabelMatcher.metricNameLabel })
    }

    /// Only the labels whose names are in `names`.
    func keeping(_ names: Set<String>) -> Labels {
        Labels(sortedPairs: pairs.filter { names.contains($0.name) })
    }

    /// The labels whose names are not in `names`.
    func removing(_ names: Set<String>) -> Labels {
        Labels(sortedPairs: pairs.filter { !names.contains($0.name) })
    }
}
