/// A `SeriesSource` held in memory, with an index from each `label=value` (the metric name too) to its series.
public struct MemorySeriesSource: SeriesSource {
    private var series: [SeriesData] = []
    /// Series positions by `name\u{0}value`, ascending.
    private var postings: [String: [Int]] = [:]
    private var indexByIdentity: [SeriesIdentity: Int] = [:]

    private struct SeriesIdentity: Hashable {
        var name: String
        var labels: Labels
    }

    public init(_ series: [SeriesData] = []) {
        for one in series { add(one) }
    }

    public var count: Int { series.count }

    private static func key(_ name: String, _ value: String) -> String { name + "\u{0}" + value }

    /// Adds a series; samples must be sorted by time. A series with the same name and labels gains the samples.
    public mutating func add(_ data: SeriesData) {
        let identity = SeriesIdentity(name: data.name, labels: data.labels)
        if let index = indexByIdentity[identity] {
            series[index].samples = (series[index].samples + data.samples).sorted {
                $0.timestampMilliseconds < $1.timestampMilliseconds
            }
            return
        }
        let index = series.count
        indexByIdentity[identity] = index
        series.append(data)
        postings[Self.key(LabelMatcher.metricNameLabel, data.name), default: []].append(index)
        for pair in data.labels.pairs { postings[Self.key(pair.name, pair.value), default: []].append(index) }
    }

    public mutating func removeAll() {
        series.removeAll()
        postings.removeAll()
        indexByIdentity.removeAll()
    }

    public func select(matchers: [LabelMatcher], from start: Int64, through end: Int64) -> [SeriesData] {
        let compiled = matchers.map(CompiledMatcher.init)
        // Equality matchers on a non-empty value narrow the candidates through the index, shortest list
        // first; every matcher is checked on what is left.
        let lists = matchers.filter { $0.kind == .equal && !$0.value.isEmpty }
            .map { postings[Self.key($0.name, $0.value)] ?? [] }.sorted { $0.count < $1.count }
        var candidates = lists.first
        for list in lists.dropFirst() {
            candidates = candidates?.filter { Self.contains(list, $0) }
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

    /// Whether an ascending list holds `value`.
    private static func contains(_ list: [Int], _ value: Int) -> Bool {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < list.count && list[low] == value
    }
}
