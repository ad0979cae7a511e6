import PromQL

/// The per-second rate of counters, as `sum(rate(counter[window]))` reads it: each series'
/// increase (a drop counts as a reset to zero) over the time between its first and last sample.
enum CounterRate {
    /// The summed rate of `series`, or nil when none has two samples to measure between.
    static func perSecond(_ series: [SeriesData]) -> Double? {
        var total: Double?
        for data in series {
            let points = data.samples.filter { !$0.isStale }
            guard let first = points.first, let last = points.last,
                last.timestampMilliseconds > first.timestampMilliseconds
            else { continue }
            var increase = 0.0
            for (previous, next) in zip(points, points.dropFirst()) {
                increase += next.value >= previous.value ? next.value - previous.value : next.value
            }
            let seconds = Double(last.timestampMilliseconds - first.timestampMilliseconds) / 1000
            total = (total ?? 0) + increase / seconds
        }
        return total
    }
}
