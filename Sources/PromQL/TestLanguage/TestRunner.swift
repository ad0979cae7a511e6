/// Runs a `TestScript` against a `MemorySeriesSource` and reports each eval that passed or failed.
public struct TestRunner: Sendable {
    public struct Failure: Sendable, CustomStringConvertible {
        public var line: Int
        public var query: String
        public var message: String

        public var description: String { "line \(line): \(query): \(message)" }
    }

    public struct Report: Sendable {
        public var passed = 0
        public var failures: [Failure] = []
        public var failed: Int { failures.count }
    }

    /// Values compare equal within this relative error, as in Prometheus' tests.
    public static let tolerance = 1e-6

    public init() {}

    public func run(_ script: TestScript) -> Report {
        var source = MemorySeriesSource()
        var report = Report()
        for command in script.commands {
            switch command {
            case .clear: source.removeAll()
            case .load(_, let series):
                for one in series { source.add(one) }
            case .invalid(let line, let message):
                report.failures.append(Failure(line: line, query: "", message: message))
            case .evaluate(let evaluation):
                if let problem = check(evaluation, on: source) {
                    report.failures.append(Failure(line: evaluation.line, query: evaluation.query, message: problem))
                } else {
                    report.passed += 1
                }
            }
        }
        return report
    }

    /// Nil when the evaluation gives what the script expects, else what differed.
    func check(_ evaluation: TestScript.TestEvaluation, on source: MemorySeriesSource) -> String? {
        let evaluator = Evaluator(source: source)
        let result: QueryValue
        do {
            let expression = try PromQL.parse(evaluation.query)
            switch evaluation.mode {
            case .instant(let time): result = try evaluator.evaluateInstant(expression, at: time)
            case .range(let start, let end, let step):
                result = .matrix(try evaluator.evaluateRange(expression, start: start, end: end, step: step))
            }
        } catch {
            guard evaluation.expectsFailure else { return "unexpected error: \(error)" }
            if let expected = evaluation.failureMessage, expected != error.message {
                return "expected error \"\(expected)\", got \"\(error.message)\""
            }
            if let pattern = evaluation.failureRegex,
                let regex = try? Regex(pattern), (try? regex.firstMatch(in: error.message)) == nil
            {
                return "expected error matching \(pattern), got \"\(error.message)\""
            }
            return nil
        }
        if evaluation.expectsFailure { return "expected an error, got \(result)" }
        if let problem = compare(result, evaluation) { return problem }
        // As Prometheus' own runner does: an instant query must give the same in range mode, at the middle step.
        guard case .instant(let time) = evaluation.mode, !evaluation.ordered else { return nil }
        do {
            let expression = try PromQL.parse(evaluation.query)
            let series = try evaluator.evaluateRange(expression, start: time - 60_000, end: time + 60_000, step: 60_000)
            let middle = series.compactMap { one in
                one.points.first { $0.timestampMilliseconds == time }.map {
                    VectorSample(labels: one.labels, value: $0.value)
                }
            }
            let asInstant: QueryValue =
                if case .scalar = result { .scalar(middle.first?.value ?? .nan) } else { .vector(middle) }
            return compare(asInstant, evaluation).map { "in range mode: \($0)" }
        } catch {
            return "in range mode: unexpected error: \(error)"
        }
    }

    func compare(_ result: QueryValue, _ evaluation: TestScript.TestEvaluation) -> String? {
        switch result {
        case .scalar(let value):
            guard let expected = evaluation.expectedScalar else {
                return "expected a vector or matrix, got scalar \(value)"
            }
            return Self.equal(expected, value) ? nil : "expected \(expected), got \(value)"
        case .string(let text):
            return "unexpected string result \"\(text)\""
        case .vector(let samples):
            return compare(samples, evaluation)
        case .matrix(let series):
            return compare(series, evaluation)
        }
    }

    func compare(_ samples: [VectorSample], _ evaluation: TestScript.TestEvaluation) -> String? {
        if let scalar = evaluation.expectedScalar {
            return "expected scalar \(scalar), got a vector of \(samples.count)"
        }
        var expectedByLabels: [Labels: (position: Int, value: Double?)] = [:]
        for (position, series) in evaluation.expectedSeries.enumerated() {
            expectedByLabels[series.labels] = (position, series.values.first ?? nil)
        }
        var seen = Set<Labels>()
        for (position, sample) in samples.enumerated() {
            guard let expected = expectedByLabels[sample.labels] else {
                return "unexpected series \(sample.labels) with value \(sample.value)"
            }
            if evaluation.ordered && expected.position != position {
                return "expected \(sample.labels) at position \(expected.position + 1), found at \(position + 1)"
            }
            guard let value = expected.value, Self.equal(value, sample.value) else {
                return
                    "expected \(expected.value.map(String.init(describing:)) ?? "no value") for \(sample.labels), got \(sample.value)"
            }
            seen.insert(sample.labels)
        }
        if let missing = evaluation.expectedSeries.first(where: { !seen.contains($0.labels) }) {
            return "expected series \(missing.labels) not in the result"
        }
        return nil
    }

    func compare(_ result: [MatrixSeries], _ evaluation: TestScript.TestEvaluation) -> String? {
        if let scalar = evaluation.expectedScalar { return "expected scalar \(scalar), got a matrix" }
        let expectedByLabels = Dictionary(
            evaluation.expectedSeries.map { ($0.labels, $0.values) }, uniquingKeysWith: { first, _ in first })
        for series in result {
            guard let values = expectedByLabels[series.labels] else {
                return "unexpected series \(series)"
            }
            var expectedPoints: [SamplePoint] = []
            for (offset, value) in values.enumerated() {
                guard let value else { continue }
                if case .range(let start, _, let step) = evaluation.mode {
                    expectedPoints.append(SamplePoint(start + Int64(offset) * step, value))
                } else {
                    expectedPoints.append(
                        SamplePoint(series.points[min(offset, series.points.count - 1)].timestampMilliseconds, value))
                }
            }
            guard expectedPoints.count == series.points.count,
                zip(expectedPoints, series.points).allSatisfy({
                    $0.timestampMilliseconds == $1.timestampMilliseconds && Self.equal($0.value, $1.value)
                })
            else {
                return
                    "expected \(series.labels) \(expectedPoints.map(\.description).joined(separator: " ")), got \(series)"
            }
        }
        let found = Set(result.map(\.labels))
        if let missing = evaluation.expectedSeries.first(where: { !found.contains($0.labels) }) {
            return "expected series \(missing.labels) not in the result"
        }
        return nil
    }

    /// Equal within `tolerance`, relative; NaN equals NaN.
    static func equal(_ expected: Double, _ actual: Double) -> Bool {
        HistogramQuantile.almostEqual(expected, actual, tolerance: tolerance)
    }
}
