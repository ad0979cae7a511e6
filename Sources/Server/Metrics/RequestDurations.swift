import Synchronization

/// The durations of the API's requests by route and status code, in a Prometheus histogram
/// (`switchboard_http_request_duration_seconds{handler,code}`), fed by `RequestDurationMiddleware`.
final class RequestDurations: Sendable {
    /// Prometheus' default buckets, in seconds.
    static let bounds: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct Key: Hashable {
        var handler: String
        var code: Int
    }

    private struct Buckets {
        /// Observations at or below each bound (not yet cumulative).
        var counts = [UInt64](repeating: 0, count: RequestDurations.bounds.count)
        var count: UInt64 = 0
        var sum: Double = 0
    }

    private let recorded = Mutex<[Key: Buckets]>([:])

    func record(handler: String, code: Int, seconds: Double) {
        recorded.withLock { recorded in
            var buckets = recorded[Key(handler: handler, code: code)] ?? Buckets()
            if let index = Self.bounds.firstIndex(where: { seconds <= $0 }) { buckets.counts[index] += 1 }
            buckets.count += 1
            buckets.sum += seconds
            recorded[Key(handler: handler, code: code)] = buckets
        }
    }

    var family: MetricFamily {
        let all = recorded.withLock { $0 }.sorted { ($0.key.handler, $0.key.code) < ($1.key.handler, $1.key.code) }
        var samples: [MetricFamily.Sample] = []
        for (key, buckets) in all {
            let labels = [("handler", key.handler), ("code", String(key.code))]
            var cumulative: UInt64 = 0
            for (bound, count) in zip(Self.bounds, buckets.counts) {
                cumulative += count
                samples.append(
                    .init(suffix: "_bucket", labels + [("le", ExpositionWriter.format(bound))], Double(cumulative)))
            }
            samples.append(.init(suffix: "_bucket", labels + [("le", "+Inf")], Double(buckets.count)))
            samples.append(.init(suffix: "_sum", labels, buckets.sum))
            samples.append(.init(suffix: "_count", labels, Double(buckets.count)))
        }
        return MetricFamily(
            "switchboard_http_request_duration_seconds",
            help: "How long the API took to answer, from the request to its response's head, by route and status code.",
            kind: .histogram, samples: samples)
    }
}
