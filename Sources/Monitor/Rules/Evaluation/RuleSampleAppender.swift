import PromQL

/// Where rules write what they produce: recorded series, `ALERTS`, `ALERTS_FOR_STATE` and stale markers.
public protocol RuleSampleAppender: Sendable {
    /// Appends samples that all carry a timestamp.
    func append(_ samples: [Sample])
}

extension SeriesStore: RuleSampleAppender {
    public func append(_ samples: [Sample]) {
        append(samples, at: 0)
    }
}
