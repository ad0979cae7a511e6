/// A `SeriesSource` held in memory, with an index from each `label=value` (the metric name too) to its series.
public struct MemorySeriesSource: SeriesSource {
    private var series: [SeriesData] = []
    /// Series positions by `name\u{0}value`, ascending.
    private var postings: [String: [Int]] = [:]

    public init(_ series: [SeriesData] = []) {
        for one in series { add(one) }
    }

    public var count: Int { series.count }

    private static func key(_ name: String, _ value: String) -> String { name + "\u{0}" + value }

    /// Adds a series; samples must be sorted by time. A series with the same name and labels gains the samples.
    public mutating func add(_ data: SeriesData) {
        let byName = postings[Self.key(LabelMatcher.metricNameLabel, data.name)] ?? []
        if let index = byName.first(where: { series[$0].labels == data.labels }) {
            series[index].samples = (series[index].samples + data.samples).sorted {
                $0.timestampMilliseconds < $1.timestampMilliseconds
            }
            return
        }
        let index = series.count
        series.append(data)
        postings[Self.key(LabelMatcher.metricNameLabel, data.name), default: []].append(index)
        for pair in data.labels.pairs { postings[Self.key(pair.name, pair.value), default: []].append(index) }
    }

    public mutating func removeAll() {
        series.removeAll()
        postings.removeAll()
    }

    public func select(matchers: [LabelMatcher], from start: Int64, through end: Int64) -> [SeriesData] {
        let compiled = matchers.map(CompiledMatcher.init)
        var candidates: [Int]?
        // Equality matchers on a non-empty value narrow the candidates through the index; the rest are checked.
        for matcher in matchers where matcher.kind == .equal && !matcher.value.isEmpty {
            let list = postings[Self.key(matcher.name, matcher.value)] ?? []
            candidates = candidates.map { Self.intersect($0, list) } ?? list
        }
        var result: [SeriesData] = []
        for index in candidates ?? Array(series.indices) {
            let data = series[index]
            let matches = compiled.allSatisfy { matcher in
                let value = matcher.name == LabelMatcher.metricNameLabel ? data.name : data.labels[matcher.name] ?? ""
                return matcher.matches(value)
            }
            guard matches else { continue }
            let lower = EvaluationRun.countAtOrBefore(start - 1, in: data.samples)
            let upper = EvaluationRun.countAtOrBefore(end, in: data.samples)
            guard lower < upper else { continue }
            result.append(SeriesData(name: data.name, labels: data.labels, samples: Array(data.samples[lower..<upper])))
        }
        return result
    }

    private static func intersect(_ a: [Int], _ b: [Int]) -> [Int] {
        var result: [Int] = []
        var (i, j) = (0, 0)
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                result.append(a[i])
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }
}
