/// What the evaluator reads: the series a set of matchers selects, with their samples in a window.
public protocol SeriesSource: Sendable {
    /// The series every matcher holds for (`__name__` matches the metric name), with their samples
    /// from `start` through `end` in milliseconds, both inclusive, oldest first; series without a
    /// sample in the window are left out.
    func select(matchers: [LabelMatcher], from start: Int64, through end: Int64) -> [SeriesData]
}
