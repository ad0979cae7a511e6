import ArgumentParser
import CAllocationCounter
import Foundation
import Monitor
import PromQL

/// `switchboard-bench rules`: one full evaluation of a large rule file (every group once) through the
/// rule loader and `RuleGroupRunner` over a `SeriesStore`, beside Prometheus on the same rules and samples.
struct RulesBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract:
            "Time and allocations per full evaluation of 1,000 alerting rules over 10,000 series, beside Prometheus.")

    @Option(help: "Systems: each brings one group of 10 alerting rules and 100 series.") var systems = 100
    @Option(help: "Minutes of samples (15 s apart) before the newest one.") var historyMinutes = 30
    @Option(help: "Full evaluations timed, after the warm-up.") var runs = 12
    @Option(help: "Full evaluations before timing (the first one is reported on its own).") var warmup = 3
    @Option(help: "Polls of Prometheus' /metrics, one per evaluation interval.") var referencePolls = 6
    @Flag(help: "Skip the Prometheus reference run.") var noReference = false
    @Option(help: "Where the rule file and Prometheus' data go (a temporary folder by default).") var directory: String?
    @Flag(help: "Print the figures as JSON instead of a table.") var json = false

    func validate() throws {
        guard systems > 0, historyMinutes >= 15, runs > 0, warmup >= 0, referencePolls > 0 else {
            throw ValidationError(
                "--systems, --runs and --reference-polls must be positive, --history-minutes at least 15")
        }
        // Every evaluation stays within 4 minutes of the newest sample (the lookback is 5), as Prometheus' do.
        guard 1 + warmup + runs <= 16 else {
            throw ValidationError("--warmup + --runs must be at most 15 (each evaluation is 15 s after the previous)")
        }
    }

    struct Figures: Encodable {
        var rules: Int
        var groups: Int
        var series: Int
        var samplesPerSeries: Int
        var storeLoadSeconds: Double
        var ruleLoadSeconds: Double
        var firstEvaluationMilliseconds: Double
        var evaluationMilliseconds: [Double]
        var groupDurationSumMilliseconds: [Double]
        var cpuMilliseconds: [Double]
        var allocations: [Double]
        var allocatedBytes: [Double]
        var firing: Int
        var pending: Int
        var alertsByRule: [String: Int]
    }

    struct Document: Encodable {
        var switchboard: Figures
        var prometheus: RulesReference.Figures?
        var loadAverage: [Double]
    }

    func run() async throws {
        let folder = directory ?? NSTemporaryDirectory() + "switchboard-bench-rules-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { if directory == nil { try? FileManager.default.removeItem(atPath: folder) } }
        let loadBefore = Self.loadAverage()
        let workload = RulesWorkload(
            systems: systems, historyMinutes: historyMinutes, end: Int64(Date().timeIntervalSince1970 * 1000))
        let rulePath = folder + "/rules.yml"
        try workload.ruleFile().write(toFile: rulePath, atomically: true, encoding: .utf8)

        // Prometheus first, while the newest sample is recent on its clock.
        var reference: RulesReference.Figures?
        if !noReference {
            reference = try await RulesReference.run(
                workload: workload, ruleFile: rulePath, directory: folder, polls: referencePolls)
            if reference == nil {
                FileHandle.standardError.write(
                    Data(
                        "reference skipped: \(RulesReference.prometheus) or \(RulesReference.promtool) is missing\n"
                            .utf8))
            }
        }
        let figures = try await measure(workload, rulePath: rulePath)
        let document = Document(
            switchboard: figures, prometheus: reference, loadAverage: loadBefore + Self.loadAverage())
        print(json ? Self.json(document) : table(document))
    }

    private func measure(_ workload: RulesWorkload, rulePath: String) async throws -> Figures {
        let clock = ContinuousClock()
        let store = SeriesStore(retention: .seconds(7200))
        var start = clock.now
        workload.load(into: store)
        let storeSeconds = QueueBenchmark.milliseconds(clock.now - start) / 1000
        start = clock.now
        let groups = try RuleFileLoader(engine: PromQLRuleQueryEngine.validator).load(file: rulePath)
        let ruleSeconds = QueueBenchmark.milliseconds(clock.now - start) / 1000
        let runner = RuleGroupRunner(
            groups: groups, source: store, appender: store, defaultInterval: .milliseconds(workload.step))

        var now = workload.end
        func evaluateAll() async throws -> Reading {
            now += workload.step
            let before = Reading.now
            let evaluated = await runner.evaluateDue(now: now)
            let after = Reading.now
            guard evaluated.count == groups.count else {
                throw ValidationError("only \(evaluated.count) of \(groups.count) groups were due")
            }
            return after - before
        }
        let first = try await evaluateAll()
        let alerts = await runner.status().flatMap(\.activeAlerts)
        for _ in 0..<warmup { _ = try await evaluateAll() }
        var readings: [Reading] = []
        var groupSums: [Double] = []
        for _ in 0..<runs {
            readings.append(try await evaluateAll())
            let status = await runner.status()
            groupSums.append(status.reduce(0) { $0 + QueueBenchmark.milliseconds($1.lastEvaluationDuration) })
        }
        return Figures(
            rules: groups.reduce(0) { $0 + $1.rules.count }, groups: groups.count, series: workload.series.count,
            samplesPerSeries: workload.samplesPerSeries, storeLoadSeconds: storeSeconds, ruleLoadSeconds: ruleSeconds,
            firstEvaluationMilliseconds: first.milliseconds, evaluationMilliseconds: readings.map(\.milliseconds),
            groupDurationSumMilliseconds: groupSums, cpuMilliseconds: readings.map(\.cpuMilliseconds),
            allocations: readings.map(\.allocations), allocatedBytes: readings.map(\.allocatedBytes),
            firing: alerts.count { $0.state == .firing }, pending: alerts.count { $0.state == .pending },
            alertsByRule: Dictionary(grouping: alerts, by: { $0.labels["alertname"] ?? "" }).mapValues(\.count))
    }

    /// Wall time, process CPU time and allocation counters at one instant, or their difference.
    struct Reading {
        var milliseconds: Double
        var cpuMilliseconds: Double
        var allocations: Double
        var allocatedBytes: Double

        /// Reading it allocates nothing, so it can bracket the allocations of what it measures.
        static var now: Reading {
            var wall = timespec()
            var cpu = timespec()
            clock_gettime(CLOCK_MONOTONIC, &wall)
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu)
            return Reading(
                milliseconds: Double(wall.tv_sec) * 1000 + Double(wall.tv_nsec) / 1e6,
                cpuMilliseconds: Double(cpu.tv_sec) * 1000 + Double(cpu.tv_nsec) / 1e6,
                allocations: Double(sb_allocation_count()), allocatedBytes: Double(sb_allocated_bytes()))
        }

        static func - (lhs: Reading, rhs: Reading) -> Reading {
            Reading(
                milliseconds: lhs.milliseconds - rhs.milliseconds,
                cpuMilliseconds: lhs.cpuMilliseconds - rhs.cpuMilliseconds,
                allocations: lhs.allocations - rhs.allocations, allocatedBytes: lhs.allocatedBytes - rhs.allocatedBytes)
        }
    }

    private func table(_ document: Document) -> String {
        let ours = document.switchboard
        let reference = document.prometheus
        let median = { (values: [Double]) in QueueBenchmark.percentile(values, 0.5) }
        let p90 = { (values: [Double]) in QueueBenchmark.percentile(values, 0.9) }
        var lines = [
            "rules: \(ours.rules) alerting rules in \(ours.groups) groups over \(ours.series) series "
                + "(\(ours.samplesPerSeries) samples each, 15 s apart); one evaluation = every group once",
            "",
            Self.row("", "switchboard", reference?.version ?? "prometheus (skipped)"),
            Self.row(
                "evaluation, median ms", Self.format(median(ours.evaluationMilliseconds)),
                reference.map { Self.format(median($0.evaluationMilliseconds)) }),
            Self.row(
                "evaluation, p90 ms", Self.format(p90(ours.evaluationMilliseconds)),
                reference.map { Self.format(p90($0.evaluationMilliseconds)) }),
            Self.row(
                "sum of group durations, median ms", Self.format(median(ours.groupDurationSumMilliseconds)),
                reference.map { Self.format(median($0.evaluationMilliseconds)) }),
            Self.row(
                "CPU per evaluation, ms", Self.format(median(ours.cpuMilliseconds)),
                reference.map { Self.format($0.cpuMillisecondsPerEvaluation) }),
            Self.row(
                "allocations per evaluation", Self.format(median(ours.allocations), digits: 0),
                reference.map { Self.format($0.allocationsPerEvaluation, digits: 0) }),
            Self.row(
                "MB allocated per evaluation", Self.format(median(ours.allocatedBytes) / 1_048_576),
                reference.map { Self.format($0.allocatedBytesPerEvaluation / 1_048_576) }),
            Self.row(
                "alerts firing / pending", "\(ours.firing) / \(ours.pending)",
                reference.map { "\($0.firing) / \($0.pending)" }),
            "",
        ]
        if let reference {
            let ratio = median(ours.evaluationMilliseconds) / median(reference.evaluationMilliseconds)
            let cpu = median(ours.cpuMilliseconds) / reference.cpuMillisecondsPerEvaluation
            lines.append("ratio switchboard/prometheus: evaluation time \(Self.format(ratio)), CPU \(Self.format(cpu))")
            lines.append(
                ours.alertsByRule == reference.alertsByRule
                    ? "alerts agree rule by rule after the first evaluation"
                    : "ALERTS DIFFER: switchboard \(ours.alertsByRule.sorted { $0.key < $1.key }), "
                        + "prometheus \(reference.alertsByRule.sorted { $0.key < $1.key })")
        }
        lines.append(
            "switchboard: RuleGroupRunner.evaluateDue over a SeriesStore, \(runs) evaluations timed after "
                + "\(warmup + 1) (the first, which parses the expressions and restores `for` state: "
                + "\(Self.format(ours.firstEvaluationMilliseconds)) ms); each 15 s after the previous, "
                + "the first 15 s after the newest sample. Allocations: calls to malloc, calloc, realloc and "
                + "the aligned allocators, counted in the process. Store filled in "
                + "\(Self.format(ours.storeLoadSeconds)) s, rule file loaded in \(Self.format(ours.ruleLoadSeconds)) s."
        )
        if let reference {
            lines.append(
                "prometheus: sum over the groups of prometheus_rule_group_last_duration_seconds, "
                    + "\(reference.evaluationMilliseconds.count) polls 15 s apart; CPU (process_cpu_seconds_total) and "
                    + "allocations (Go heap objects, go_memstats_mallocs_total) of the whole process over "
                    + "\(Self.format(reference.rounds, digits: 1)) rounds, less those of our polls of /metrics. "
                    + "Data backfilled with promtool in \(Self.format(reference.backfillSeconds)) s; its first "
                    + "evaluation \(Self.format(reference.firstEvaluationAfterData, digits: 0)) s after the newest sample."
            )
        }
        lines.append(
            "load average before / after: "
                + document.loadAverage.map { Self.format($0) }.joined(separator: " "))
        let cores = ProcessInfo.processInfo.activeProcessorCount
        if let busiest = document.loadAverage.max(), busiest > Double(cores) {
            lines.append(
                "note: a load average above the \(cores) cores means the wall times include waiting for a core; "
                    + "compare the CPU per evaluation")
        }
        return lines.joined(separator: "\n")
    }

    private static func row(_ label: String, _ ours: String, _ reference: String?) -> String {
        label.padding(toLength: 36, withPad: " ", startingAt: 0)
            + ours.padding(toLength: 16, withPad: " ", startingAt: 0)
            + (reference ?? "-")
    }

    private static func format(_ value: Double, digits: Int = 2) -> String {
        value.isFinite ? String(format: "%.\(digits)f", value) : "-"
    }

    static func json(_ document: Document) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self)
    }

    /// The 1, 5 and 15 minute load averages.
    static func loadAverage() -> [Double] {
        var values = [Double](repeating: 0, count: 3)
        _ = getloadavg(&values, 3)
        return values
    }
}
