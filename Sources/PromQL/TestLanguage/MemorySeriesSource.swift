/// A `SeriesSource` held in memory: series added whole, looked up by metric name then by matchers.
public struct MemorySeriesSource: SeriesSource {
    private var series: [SeriesData] = []
    private var indexByName: [String: [Int]] = [:]

    public init(_ series: [SeriesData] = []) {
        for one in series { add(one) }
    }

    public var count: Int { series.count }

    /// Adds a series; samples must be sorted by time. A series with the same name and labels gains the samples.
    public mutating func add(_ data: SeriesData) {
        if let index = indexByName[data.name]?.first(where: { series[$0].labels == data.labels }) {
            series[index].samples = (series[index].samples + data.samples).sorted {
                $0.timestampMilliseconds < $1.timestampMilliseconds
            }
            return
        }
        indexByName[data.name, default: []].append(series.count)
        series.append(data)
    }

    public mutating func removeAll() {
        series.removeAll()
        indexByName.removeAll()
    }

    public func select(matchers: [LabelMatcher], from start: Int64, through end: Int64) -> [SeriesData] {
        let compiled = matchers.map(CompiledMatcher.init)
        let candidates: [Int]
        if let name = matchers.first(where: { $0.name == LabelMatcher.metricNameLabel && $0.kind == .equal }) {
            candidates = indexByName[name.value] ?? []
        } else {
            candidates = Array(series.indices)
        }
        var result: [SeriesData] = []
        for index in candidates {
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
}
