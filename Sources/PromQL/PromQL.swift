/// PromQL: the series model the evaluator reads (`Labels`, `LabelMatcher`, `SeriesData`) and the
/// `SeriesSource` protocol a store implements. Pure: no I/O, Foundation only.
public enum PromQL {}
