/// PromQL: the series model (`Labels`, `LabelMatcher`, `SeriesData`), the `SeriesSource` protocol a
/// store implements, the parser (`PromQL.parse`) and the `Evaluator`. Pure: no I/O, Foundation only.
public enum PromQL {}
