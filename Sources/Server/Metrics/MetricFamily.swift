/// One metric family of the Prometheus text format: a name, its help and type, and its samples.
struct MetricFamily: Sendable, Equatable {
    /// The family's `# TYPE`.
    enum Kind: String, Sendable {
        case counter, gauge, histogram, summary, untyped
    }

    /// One line: the family's name with `suffix` (`_bucket`, `_sum`, `_count` of a histogram), its
    /// labels in the order written, and its value.
    struct Sample: Sendable, Equatable {
        var suffix = ""
        var labels: [(name: String, value: String)]
        var value: Double

        init(suffix: String = "", _ labels: [(name: String, value: String)], _ value: Double) {
            self.suffix = suffix
            self.labels = labels
            self.value = value
        }

        static func == (lhs: Sample, rhs: Sample) -> Bool {
            lhs.suffix == rhs.suffix && lhs.value.bitPattern == rhs.value.bitPattern
                && lhs.labels.elementsEqual(rhs.labels) { $0.name == $1.name && $0.value == $1.value }
        }
    }

    var name: String
    var help: String
    var kind: Kind
    var samples: [Sample]

    init(_ name: String, help: String, kind: Kind, samples: [Sample]) {
        self.name = name
        self.help = help
        self.kind = kind
        self.samples = samples
    }

    /// A family of one sample without labels.
    init(_ name: String, help: String, kind: Kind, value: Double) {
        self.init(name, help: help, kind: kind, samples: [Sample([], value)])
    }
}
