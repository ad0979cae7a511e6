import PromQL
import Testing

@Suite struct EvaluatorTests {
    static let minute: Int64 = 60_000

    func source(_ series: [(String, Labels, [SamplePoint])]) -> MemorySeriesSource {
        MemorySeriesSource(series.map { SeriesData(name: $0.0, labels: $0.1, samples: $0.2) })
    }

    func vector(_ query: String, at time: Int64, in source: MemorySeriesSource) throws -> [VectorSample] {
        guard
            case .vector(let samples) = try Evaluator(source: source).evaluateInstant(try PromQL.parse(query), at: time)
        else {
            Issue.record("\(query) is not a vector")
            return []
        }
        return samples
    }

    @Test func lookbackIsOpenOnTheLeft() throws {
        let data = source([("up", ["job": "a"], [SamplePoint(0, 1)])])
        #expect(try vector("up", at: 5 * Self.minute - 1, in: data).map(\.value) == [1])
        #expect(try vector("up", at: 5 * Self.minute, in: data).isEmpty)
    }

    @Test func staleMarkerEndsTheSeriesAtOnce() throws {
        let data = source([("up", ["job": "a"], [SamplePoint(0, 1), SamplePoint(Self.minute, .staleMarker)])])
        #expect(try vector("up", at: 30_000, in: data).count == 1)
        #expect(try vector("up", at: Self.minute, in: data).isEmpty)
        #expect(try vector("count_over_time(up[5m])", at: 2 * Self.minute, in: data).map(\.value) == [1])
    }

    @Test func rateHandlesACounterReset() throws {
        let points = [0, 10, 20, 5, 15].enumerated().map {
            SamplePoint(Int64($0.offset) * Self.minute, Double($0.element))
        }
        let data = source([("requests_total", [:], points)])
        let samples = try vector("increase(requests_total[5m])", at: 4 * Self.minute, in: data)
        // 10 + 10 + 5 (after the reset from 20 to 5) + 10, no extrapolation at the start: the counter starts at 0.
        #expect(samples.map(\.value) == [35])
        #expect(samples[0].labels == Labels())
        // The window is open on the left: [4m] leaves out the sample at 0 and extrapolates 25 over 3m to 4m.
        let shorter = try vector("increase(requests_total[4m])", at: 4 * Self.minute, in: data)
        #expect(abs(shorter[0].value - 25 * 4 / 3) < 1e-9)
    }

    @Test func groupLeftCopiesLabelsFromTheOneSide() throws {
        let data = source([
            ("errors", ["job": "api", "instance": "1"], [SamplePoint(0, 4)]),
            ("errors", ["job": "api", "instance": "2"], [SamplePoint(0, 6)]),
            ("owner", ["job": "api", "team": "core"], [SamplePoint(0, 1)]),
        ])
        let samples = try vector("errors * on(job) group_left(team) owner", at: 0, in: data)
        #expect(
            samples.map(\.labels) == [
                ["instance": "1", "job": "api", "team": "core"], ["instance": "2", "job": "api", "team": "core"],
            ])
        #expect(samples.map(\.value) == [4, 6])
    }

    @Test func manyToManyMatchingIsAnErrorNotACrash() throws {
        let data = source([
            ("a", ["x": "1", "y": "1"], [SamplePoint(0, 1)]),
            ("a", ["x": "1", "y": "2"], [SamplePoint(0, 1)]),
        ])
        #expect(throws: PromQLError.self) { try vector("a + on(x) a", at: 0, in: data) }
    }

    @Test func rangeQueryGivesOnePointPerStep() throws {
        let data = source([("up", ["job": "a"], (0..<10).map { SamplePoint(Int64($0) * Self.minute, Double($0)) })])
        let result = try Evaluator(source: data).evaluateRange(
            try PromQL.parse("up * 2"), start: 0, end: 3 * Self.minute, step: Self.minute)
        #expect(result.count == 1)
        #expect(result[0].labels == ["job": "a"])
        #expect(result[0].points.map(\.value) == [0, 2, 4, 6])
    }

    @Test func histogramQuantileInterpolatesWithinTheBucket() throws {
        let data = source([
            ("latency_bucket", ["le": "0.1"], [SamplePoint(0, 50)]),
            ("latency_bucket", ["le": "1"], [SamplePoint(0, 90)]),
            ("latency_bucket", ["le": "+Inf"], [SamplePoint(0, 100)]),
        ])
        let samples = try vector("histogram_quantile(0.7, latency_bucket)", at: 0, in: data)
        #expect(samples.count == 1)
        #expect(abs(samples[0].value - 0.55) < 1e-9)
    }
}
