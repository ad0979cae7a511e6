/// histogram_quantile over classic buckets: series with an `le` label, grouped by their other labels.
enum HistogramQuantile {
    struct Bucket {
        var upperBound: Double
        var count: Double
    }

    static func evaluate(_ q: Double, _ input: [VectorSample]) -> [VectorSample] {
        var groups: [Labels: (labels: Labels, buckets: [Bucket])] = [:]
        var order: [Labels] = []
        for sample in input {
            guard let text = sample.labels["le"], let upperBound = parseBound(text) else { continue }
            let key = sample.labels.removing(["le"])
            if groups[key] == nil {
                order.append(key)
                groups[key] = (key.droppingMetricName(), [])
            }
            groups[key]!.buckets.append(Bucket(upperBound: upperBound, count: sample.value))
        }
        return order.map { key in
            let group = groups[key]!
            return VectorSample(labels: group.labels, value: quantile(q, group.buckets))
        }
    }

    /// An `le` value as Go's ParseFloat reads it.
    static func parseBound(_ text: String) -> Double? {
        switch text.lowercased() {
        case "+inf", "inf", "+infinity", "infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan": return .nan
        default: return Double(text)
        }
    }

    static func quantile(_ q: Double, _ unsorted: [Bucket]) -> Double {
        if q.isNaN { return .nan }
        if q < 0 { return -.infinity }
        if q > 1 { return .infinity }
        var buckets = unsorted.sorted { $0.upperBound < $1.upperBound }
        guard let last = buckets.last, last.upperBound == .infinity else { return .nan }
        buckets = coalesce(buckets)
        makeMonotonic(&buckets)
        guard buckets.count >= 2 else { return .nan }
        let observations = buckets[buckets.count - 1].count
        guard observations != 0 else { return .nan }
        var rank = q * observations
        let b = buckets.dropLast().firstIndex { $0.count >= rank } ?? buckets.count - 1
        if b == buckets.count - 1 { return buckets[buckets.count - 2].upperBound }
        if b == 0 && buckets[0].upperBound <= 0 { return buckets[0].upperBound }
        var start = 0.0
        let end = buckets[b].upperBound
        var count = buckets[b].count
        if b > 0 {
            start = buckets[b - 1].upperBound
            count -= buckets[b - 1].count
            rank -= buckets[b - 1].count
        }
        return start + (end - start) * (rank / count)
    }

    /// Buckets with the same upper bound added together.
    static func coalesce(_ buckets: [Bucket]) -> [Bucket] {
        var result: [Bucket] = []
        for bucket in buckets {
            if let last = result.last, last.upperBound == bucket.upperBound {
                result[result.count - 1].count += bucket.count
            } else {
                result.append(bucket)
            }
        }
        return result
    }

    /// Removes decreases between buckets, and differences too small to be more than rounding.
    static func makeMonotonic(_ buckets: inout [Bucket]) {
        var previous = buckets[0].count
        for index in buckets.indices.dropFirst() {
            let current = buckets[index].count
            if current == previous { continue }
            if almostEqual(previous, current, tolerance: 1e-12) || current < previous {
                buckets[index].count = previous
                continue
            }
            previous = current
        }
    }

    static func almostEqual(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
        if a.isNaN && b.isNaN { return true }
        if a == b { return true }
        let minNormal = Double.leastNormalMagnitude
        let sum = abs(a) + abs(b)
        let difference = abs(a - b)
        if a == 0 || b == 0 || sum < minNormal { return difference < tolerance * minNormal }
        return difference / min(sum, .greatestFiniteMagnitude) < tolerance
    }
}
