/// What `ExpositionParser` made of a `/metrics` body: the samples of its valid lines, the metadata
/// of its `# HELP` and `# TYPE` lines, and a problem for each line it had to skip or doubt.
public struct ExpositionResult: Sendable, Equatable {
    public var samples: [Sample]
    public var problems: [ExpositionProblem]
    /// `# HELP` and `# TYPE` by metric family name (`http_request_duration_seconds`, not `…_bucket`).
    public var metadata: [String: MetricMetadata]

    public init(samples: [Sample] = [], problems: [ExpositionProblem] = [], metadata: [String: MetricMetadata] = [:]) {
        self.samples = samples
        self.problems = problems
        self.metadata = metadata
    }
}

/// The type a `# TYPE` line gives a metric family.
public enum MetricType: String, Sendable, Hashable, CaseIterable {
    case counter, gauge, histogram, summary, untyped
}

/// What the comments say about one metric family.
public struct MetricMetadata: Sendable, Equatable {
    public var type: MetricType?
    public var help: String?

    public init(type: MetricType? = nil, help: String? = nil) {
        self.type = type
        self.help = help
    }
}

/// A line of an exposition that was malformed or suspicious, with its 1-based number.
///
/// Printed as `line 7: expected a value after the labels`.
public struct ExpositionProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var kind: Kind

    public init(line: Int, _ kind: Kind) {
        self.line = line
        self.kind = kind
    }

    public enum Kind: Sendable, Equatable {
        /// The grammar wanted something else here: `.expected("a value after the labels")`.
        case expected(String)
        case invalidValue(String)
        case invalidTimestamp(String)
        case duplicateLabel(String)
        /// The same name and labels as an earlier line; the later line is dropped.
        case duplicateSeries(String, firstLine: Int)
        /// A second `# HELP` or `# TYPE` line for one family; the first one counts.
        case duplicateMetadata(keyword: String, family: String)
        case unknownType(String)
        case invalidUTF8
        /// A histogram bucket without `le` or a summary quantile without `quantile`.
        case missingLabel(String, series: String)
        /// An `le` or `quantile` label whose value is not a number.
        case invalidBound(label: String, value: String)
    }

    public var description: String {
        "line \(line): " + message
    }

    public var message: String {
        switch kind {
        case .expected(let what): "expected \(what)"
        case .invalidValue(let text): "expected a number, NaN, +Inf or -Inf as the value, got \"\(text)\""
        case .invalidTimestamp(let text): "expected a timestamp in integer milliseconds, got \"\(text)\""
        case .duplicateLabel(let name): "label \"\(name)\" appears twice"
        case .duplicateSeries(let series, let firstLine): "duplicate series \(series) (first on line \(firstLine))"
        case .duplicateMetadata(let keyword, let family): "second # \(keyword) line for \(family)"
        case .unknownType(let text):
            "expected counter, gauge, histogram, summary or untyped as the type, got \"\(text)\""
        case .invalidUTF8: "invalid UTF-8"
        case .missingLabel(let label, let series): "\(series) has no \"\(label)\" label"
        case .invalidBound(let label, let value): "expected a number as the value of \"\(label)\", got \"\(value)\""
        }
    }
}
