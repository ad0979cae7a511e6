import PromQL

extension SeriesStore {
    /// The newest sample of every series (staleness markers included), sorted by name and labels,
    /// read from each series' uncompressed head: what `/metrics` exposes.
    public func newestSamples() -> [LatestSample] {
        let found = state.withLock { state in
            state.series.values.compactMap { series in
                series.newest.map { LatestSample(name: series.name, labels: series.labels, point: $0) }
            }
        }
        return found.sorted { ($0.name, $0.labels) < ($1.name, $1.labels) }
    }
}
