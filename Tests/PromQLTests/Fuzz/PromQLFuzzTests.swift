import FuzzSupport
import PromQL
import Testing

/// Mutated queries end in an expression or a `PromQLError` with a message, never a crash or a hang;
/// what parses is evaluated over a small store, instant and range, and ends the same way.
@Suite struct PromQLFuzzTests {
    static let minute: Int64 = 60_000

    /// A few series of the kinds the corpus queries name: counters, gauges, histogram buckets, a stale marker.
    static let source: MemorySeriesSource = {
        func points(_ values: [Double]) -> [SamplePoint] {
            values.enumerated().map { SamplePoint(Int64($0.offset) * 5 * minute, $0.element) }
        }
        var series: [SeriesData] = []
        for (job, instance) in [("api-server", "0"), ("api-server", "1"), ("app-server", "0")] {
            let labels: Labels = ["job": job, "instance": instance, "group": instance == "0" ? "production" : "canary"]
            series.append(SeriesData(name: "http_requests", labels: labels, samples: points([0, 10, 20, 5, 15, 40])))
            series.append(SeriesData(name: "http_requests_total", labels: labels, samples: points([1, 2, 4, 8, 16])))
        }
        for le in ["0.1", "0.5", "1", "+Inf"] {
            series.append(
                SeriesData(
                    name: "request_duration_seconds_bucket", labels: ["le": le, "job": "api-server"],
                    samples: points([0, 1, 3, 7, 9].map { $0 * (Double(le) ?? 4) })))
        }
        series.append(SeriesData(name: "up", labels: ["job": "a"], samples: points([1, 0, .nan, .infinity, 1])))
        series.append(
            SeriesData(name: "metric", labels: [:], samples: points([1, -1, 1e300, .staleMarker, 2])))
        return MemorySeriesSource(series)
    }()

    static let dictionary = [
        "(", ")", "{", "}", "[5m]", "[1m:10s]", "[", "]", ",", "by (", "without (", "on(", "ignoring(", "group_left",
        "group_right", " offset ", " offset -", "@", "@ start()", "@ end()", "=~", "!~", "!=", "=", "==", " bool ",
        "\"", "'", "`", "\\", "\\x", "\\u", "\\U0010ffff", "1e309", "NaN", "Inf", "-Inf", "0x", "0x1p3", "1h30m",
        "9999999999y", "100000d", "1ms", " and ", " or ", " unless ", " atan2 ", "^", "%", "/", "*", "+", "-",
        "sum(", "topk(", "quantile(", "count_values(", "histogram_quantile(", "label_replace(", "label_join(",
        "rate(", "predict_linear(", "holt_winters(", "absent(", "vector(", "scalar(", "time()", "timestamp(",
        "sort_desc(", "limitk(", "limit_ratio(", "__name__", "http_requests", "metric", "up", "#",
        String(repeating: "(", count: 300), String(repeating: ")", count: 300), String(repeating: "-", count: 300),
    ]

    @Test func mutatedQueriesEndInAnExpressionOrAnError() async {
        let corpus = FuzzRepository.text("Tests/PromQLTests/Fixtures/fuzz-corpus/promql.txt", from: #filePath)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        let campaign = FuzzCampaign(
            name: "promql", corpus: corpus, dictionary: Self.dictionary, iterations: 1_200,
            fixtures: FuzzRepository.beside(#filePath, "../Fixtures/fuzz/promql"))
        let report = await campaign.run { bytes in
            Self.parseAndEvaluate(String(decoding: bytes, as: UTF8.self))
        }
        print(report.summary)
        #expect(corpus.count > 100, "the corpus file was not found")
        #expect(report.failures.isEmpty, "\(report.failureDescription)")
    }

    static func parseAndEvaluate(_ query: String) -> FuzzVerdict {
        let expression: PromQL.Expression
        do throws(PromQLError) {
            expression = try PromQL.parse(query)
        } catch {
            return .error(error.message)
        }
        let evaluator = Evaluator(source: source)
        do throws(PromQLError) {
            _ = try evaluator.evaluateInstant(expression, at: 20 * minute)
            _ = try evaluator.evaluateRange(expression, start: 0, end: 30 * minute, step: minute)
        } catch {
            return .error(error.message)
        }
        return .value
    }
}
