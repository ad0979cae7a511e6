/// A synthetic alerting workload for measuring the evaluator: blackbox-style probe series, request
/// counters and latency histograms over many jobs, and alert expressions over them.
///
/// Each job has `seriesPerJob` series of each of five metrics; samples every 15 s for 10 minutes
/// before `evaluationTime`. The expressions cycle through five alert templates, one job each.
package struct AlertWorkload: Sendable {
    package let source: MemorySeriesSource
    package let expressions: [PromQL.Expression]
    /// When to evaluate: the newest sample time.
    package let evaluationTime: Int64

    /// The alert expressions for one job.
    package static func templates(job: String) -> [String] {
        [
            #"probe_success{job="\#(job)"} == 0"#,
            #"rate(http_requests_total{job="\#(job)", code=~"5.."}[5m]) > 0.1"#,
            #"histogram_quantile(0.95, sum by (le, interface) (rate(request_duration_seconds_bucket{job="\#(job)"}[5m]))) > 1"#,
            #"avg_over_time(probe_duration_seconds{job="\#(job)"}[5m]) > 2 and on(interface) probe_success{job="\#(job)"} == 1"#,
            #"sum by (job) (increase(http_requests_total{job="\#(job)"}[5m])) / sum by (job) (rate(http_requests_total{job="\#(job)"}[5m]) > 0) < 5"#,
        ]
    }

    /// `series` series in all (a multiple of 50), `expressionCount` expressions.
    package init(series: Int = 10_000, expressionCount: Int = 1_000) throws(PromQLError) {
        let seriesPerJob = 10
        let jobs = max(1, series / (5 * seriesPerJob))
        let step: Int64 = 15_000
        let sampleCount = 40
        evaluationTime = step * Int64(sampleCount - 1)
        var source = MemorySeriesSource()
        var random = SplitMix(seed: 42)
        func samples(_ value: (Int) -> Double) -> [SamplePoint] {
            (0..<sampleCount).map { SamplePoint(Int64($0) * step, value($0)) }
        }
        let buckets = ["0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"]
        for job in 0..<jobs {
            for instance in 0..<seriesPerJob {
                let labels: Labels = [
                    "job": "job-\(job)", "interface": "if-\(job)-\(instance % 5)", "instance": "i-\(instance)",
                ]
                let up = random.next() % 10 != 0
                source.add(SeriesData(name: "probe_success", labels: labels, samples: samples { _ in up ? 1 : 0 }))
                let duration = Double(random.next() % 300) / 100
                source.add(
                    SeriesData(name: "probe_duration_seconds", labels: labels, samples: samples { _ in duration }))
                var counterLabels = labels
                counterLabels["code"] = instance % 2 == 0 ? "200" : "503"
                let perStep = Double(random.next() % 20)
                source.add(
                    SeriesData(
                        name: "http_requests_total", labels: counterLabels, samples: samples { Double($0) * perStep }))
                var bucketLabels = labels
                bucketLabels["le"] = buckets[instance % buckets.count]
                let growth = Double(instance % buckets.count + 1)
                source.add(
                    SeriesData(
                        name: "request_duration_seconds_bucket", labels: bucketLabels,
                        samples: samples { Double($0) * growth }))
                source.add(
                    SeriesData(
                        name: "queue_depth", labels: labels, samples: samples { Double(($0 * 7 + instance) % 50) }))
            }
        }
        self.source = source
        var expressions: [PromQL.Expression] = []
        var job = 0
        while expressions.count < expressionCount {
            for text in Self.templates(job: "job-\(job % jobs)") where expressions.count < expressionCount {
                expressions.append(try PromQL.parse(text))
            }
            job += 1
        }
        self.expressions = expressions
    }

    /// Evaluates every expression once; returns how many result series they gave together.
    package func evaluateAll() throws(PromQLError) -> Int {
        let evaluator = Evaluator(source: source)
        var total = 0
        for expression in expressions {
            if case .vector(let samples) = try evaluator.evaluateInstant(expression, at: evaluationTime) {
                total += samples.count
            }
        }
        return total
    }
}

/// A small deterministic random number generator, so a workload is the same on every run.
package struct SplitMix: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
