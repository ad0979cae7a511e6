import Foundation
import PromQL
import SwitchboardCore

/// Runs `promtool test rules` files: loads the rule files, feeds the input series into a real store,
/// evaluates the groups every evaluation interval, and compares alerts and expressions with what
/// the test expects.
public struct RuleTestRunner: Sendable {
    /// Skip unknown keys in rule files (`--ignore-unknown-fields`).
    public var ignoresUnknownFields: Bool

    public init(ignoresUnknownFields: Bool = false) {
        self.ignoresUnknownFields = ignoresUnknownFields
    }

    /// Runs every test group of the file at `path`.
    public func run(file path: String) -> RuleTestReport {
        let file: RuleTestFile
        do {
            file = try RuleTestFileDecoder.load(path: path)
        } catch {
            return RuleTestReport(path: path, passed: 0, failed: 1, errors: error.errors.map { "    \($0)" })
        }
        if let repeated = Self.firstRepeated(file.groupEvalOrder) {
            return RuleTestReport(
                path: path, passed: 0, failed: 1, errors: ["    group name repeated in evaluation order: \(repeated)"])
        }
        let groups: [RuleGroup]
        do {
            groups = try RuleFileLoader(
                engine: PromQLRuleQueryEngine.validator, ignoresUnknownFields: ignoresUnknownFields
            )
            .load(files: file.ruleFiles)
        } catch {
            return RuleTestReport(
                path: path, passed: 0, failed: max(1, file.tests.count), errors: error.errors.map { "    \($0)" })
        }
        var report = RuleTestReport(path: path, passed: 0, failed: 0, errors: [])
        for test in file.tests {
            let errors = RuleTestGroupRun(file: file, test: test, groups: groups).run()
            if errors.isEmpty { report.passed += 1 } else { report.failed += 1 }
            report.errors += errors
        }
        return report
    }

    private static func firstRepeated(_ names: [String]) -> String? {
        var seen = Set<String>()
        return names.first { !seen.insert($0).inserted }
    }
}

/// One test group: its own store, its own copy of the rule groups' state.
struct RuleTestGroupRun {
    let file: RuleTestFile
    let test: RuleTestGroup
    let groups: [RuleGroup]

    /// A store that keeps everything a test can reach (up to 300,000 days).
    static func makeStore() -> SeriesStore { SeriesStore(retention: .seconds(300_000 * 86_400)) }

    /// More evaluations than any test needs, and few enough that a test file cannot run for hours.
    static let maximumEvaluations: Int64 = 100_000

    func run() -> [String] {
        let store = Self.makeStore()
        if let problem = load(into: store) { return [problem] }
        let engine = PromQLRuleQueryEngine(source: store)
        let interval = test.interval ?? file.evaluationInterval
        var evaluators = ordered(groups).map {
            RuleGroupEvaluator(group: $0, defaultInterval: .milliseconds(interval), restored: true)
        }
        let evalInterval = max(1, file.evaluationInterval)
        let alertTimes = Array(Set(test.alertTests.map(\.evalTime))).sorted()
        let maxTime = (test.alertTests.map(\.evalTime) + test.expressionTests.map(\.evalTime)).max() ?? 0
        guard maxTime / evalInterval < Self.maximumEvaluations else {
            return [
                "    \(test.location): eval_time \(PromtoolFormat.modelDuration(maxTime)) takes more than "
                    + "\(Self.maximumEvaluations) evaluations every \(PromtoolFormat.modelDuration(evalInterval))"
            ]
        }
        var errors: [String] = []
        var next = 0
        var time: Int64 = 0
        while time <= maxTime {
            var evaluationErrors: [String] = []
            for index in evaluators.indices {
                evaluators[index].evaluate(
                    at: time, engine: engine, appender: store, externalLabels: test.externalLabels,
                    externalURL: test.externalURL)
                for rule in evaluators[index].status.rules {
                    if let error = rule.lastError {
                        evaluationErrors.append(
                            "    rule: \(rule.name), time: \(PromtoolFormat.goDuration(time)), err: \(error)")
                    }
                }
            }
            errors += evaluationErrors
            if !evaluationErrors.isEmpty { return errors }
            while next < alertTimes.count, time <= alertTimes[next], alertTimes[next] - time < evalInterval {
                errors += checkAlerts(at: alertTimes[next], evaluators)
                next += 1
            }
            let (later, overflow) = time.addingReportingOverflow(evalInterval)
            if overflow { break }
            time = later
        }
        for expressionTest in test.expressionTests {
            errors += check(expressionTest, engine: engine)
        }
        return errors
    }

    /// Groups in `group_eval_order` first, in that order; the others after them, in file order.
    private func ordered(_ groups: [RuleGroup]) -> [RuleGroup] {
        let order = Dictionary(
            file.groupEvalOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return groups.enumerated().sorted {
            (order[$0.element.name] ?? -1, $0.offset) < (order[$1.element.name] ?? -1, $1.offset)
        }.map(\.element)
    }

    /// Appends the input series; returns the first problem.
    private func load(into store: SeriesStore) -> String? {
        let step = test.interval ?? file.evaluationInterval
        for input in test.inputSeries {
            let labels: Labels
            let values: [SeriesNotation.Value]
            do {
                labels = try SeriesNotation.labels(input.series)
                values = try SeriesNotation.values(input.values)
            } catch {
                return "    \(input.location.file):\(input.location.line): series \"\(input.series)\" "
                    + "values \"\(input.values)\": column \(error.column): \(error.message)"
            }
            guard let name = labels[LabelMatcher.metricNameLabel] else {
                return "    \(input.location): series \"\(input.series)\" has no metric name"
            }
            var seriesLabels = labels
            seriesLabels[LabelMatcher.metricNameLabel] = nil
            var samples: [Sample] = []
            for (index, value) in values.enumerated() {
                let (time, overflow) = Int64(index).multipliedReportingOverflow(by: step)
                guard !overflow else {
                    return "    \(input.location): series \"\(input.series)\" runs past the largest time "
                        + "(\(values.count) values every \(PromtoolFormat.modelDuration(step)))"
                }
                if let sample = value.sample {
                    samples.append(Sample(name, seriesLabels, sample, timestampMilliseconds: time))
                }
            }
            store.append(samples)
        }
        return nil
    }

    private func checkAlerts(at time: Int64, _ evaluators: [RuleGroupEvaluator]) -> [String] {
        var errors: [String] = []
        for alertTest in test.alertTests where alertTest.evalTime == time {
            let got = evaluators.flatMap { $0.alerts(named: alertTest.alertname) }.filter { $0.state == .firing }
                .map { (labels: $0.labels, annotations: $0.annotations) }
            let sortedGot = got.sorted(by: Self.precedes)
            let sortedExpected = alertTest.expected.sorted(by: Self.precedes)
            guard
                !sortedGot.elementsEqual(
                    sortedExpected, by: { $0.labels == $1.labels && $0.annotations == $1.annotations })
            else { continue }
            let name = test.name.map { "    name: \($0),\n" } ?? ""
            errors.append(
                "\(name)    alertname: \(alertTest.alertname), time: \(PromtoolFormat.modelDuration(time)), \n"
                    + "        exp:\(Self.indent(Self.describe(sortedExpected), "            ")), \n"
                    + "        got:\(Self.indent(Self.describe(sortedGot), "            "))")
        }
        return errors
    }

    private func check(_ expressionTest: ExpressionTestCase, engine: PromQLRuleQueryEngine) -> [String] {
        let time = PromtoolFormat.modelDuration(expressionTest.evalTime)
        let quoted = Self.goQuote(expressionTest.expression)
        let got: [RuleSample]
        do {
            got = try engine.query(expressionTest.expression, at: expressionTest.evalTime)
        } catch {
            return ["    expr: \(quoted), time: \(time), err: \(error)"]
        }
        var expected: [(labels: Labels, value: Double, histogram: String?)] = []
        for sample in expressionTest.expected {
            do {
                expected.append((try SeriesNotation.labels(sample.labels), sample.value, sample.histogram))
            } catch {
                return [
                    "    expr: \(quoted), time: \(time), err: labels \(Self.goQuote(sample.labels)): "
                        + "\(error.column): \(error.message)"
                ]
            }
        }
        let sortedExpected = expected.sorted { $0.labels < $1.labels }
        let sortedGot = got.sorted { $0.labels < $1.labels }
        let same = sortedExpected.elementsEqual(sortedGot) {
            $0.histogram == nil && $0.labels == $1.labels && $0.value == $1.value
        }
        guard !same else { return [] }
        let expText = sortedExpected.map { "\($0.labels) " + ($0.histogram ?? PromtoolFormat.exponent($0.value)) }
        let gotText = sortedGot.map { "\($0.labels) \(PromtoolFormat.exponent($0.value))" }
        return [
            "    expr: \(quoted), time: \(time),\n        exp: \(Self.list(expText))\n        got: \(Self.list(gotText))"
        ]
    }

    private static func precedes(_ a: (labels: Labels, annotations: Labels), _ b: (labels: Labels, annotations: Labels))
        -> Bool
    {
        a.labels != b.labels ? a.labels < b.labels : a.annotations < b.annotations
    }

    private static func describe(_ alerts: [(labels: Labels, annotations: Labels)]) -> String {
        guard !alerts.isEmpty else { return "[]" }
        let items = alerts.enumerated().map { index, alert in
            "\(index):" + indent("\nLabels:\(alert.labels)\nAnnotations:\(alert.annotations)", "  ")
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]"
    }

    private static func indent(_ text: String, _ prefix: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            $0.offset == 0 ? String($0.element) : prefix + $0.element
        }.joined(separator: "\n")
    }

    private static func list(_ items: [String]) -> String {
        items.isEmpty ? "nil" : items.joined(separator: ", ")
    }

    /// Go's `%q` for plain text.
    static func goQuote(_ text: String) -> String {
        "\""
            + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
