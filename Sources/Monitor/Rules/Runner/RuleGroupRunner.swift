import Foundation
import PromQL

/// Evaluates rule groups at their intervals over a series source, writing results back through an appender.
///
/// ```swift
/// let groups = try RuleFileLoader(engine: PromQLRuleQueryEngine.validator).load(files: paths)
/// let runner = RuleGroupRunner(groups: groups, source: store, appender: store, externalLabels: ["site": "a"])
/// Task { await runner.run() }
/// let alerts = await runner.status().flatMap(\.activeAlerts)
/// ```
///
/// `evaluateDue(now:)` runs whatever is due at a given time, for tests with a controlled clock.
/// After a group's first evaluation its alerts' `for` progress is restored from `ALERTS_FOR_STATE`;
/// while `awaitingData` (after a restart, until every check has reported) the restore waits, so it
/// happens at the first evaluation that sees live data rather than an empty head: one at a time no
/// earlier than the newest result that completed the data, since an evaluation runs at its slot,
/// which can precede that result's samples.
public actor RuleGroupRunner {
    private var groups: [RuleGroupEvaluator]
    private let schedules: [EvaluationSchedule]
    private let engine: any RuleQueryEngine
    private let source: (any SeriesSource)?
    private let appender: any RuleSampleAppender
    public let externalLabels: Labels
    public let externalURL: String
    public var restore = ForStateRestore()
    /// Whether the `for` state restore waits for live data (see `dataArrived(at:)`).
    public private(set) var awaitingData: Bool
    /// The time of the newest result that completed the live data (milliseconds since 1970): restores
    /// evaluate at this time or later.
    private var dataArrivedAt: Int64 = .min

    /// Groups over `source` with the PromQL evaluator; results appended to `appender` (often the same store).
    /// `awaitingData`: the restore waits for `dataArrived(at:)` (an engine that has just started).
    public init(
        groups: [RuleGroup], source: any SeriesSource, appender: any RuleSampleAppender, externalLabels: Labels = [:],
        externalURL: String = "", defaultInterval: Duration = .seconds(60), awaitingData: Bool = false
    ) {
        self.init(
            groups: groups, engine: PromQLRuleQueryEngine(source: source), restoreSource: source, appender: appender,
            externalLabels: externalLabels, externalURL: externalURL, defaultInterval: defaultInterval,
            awaitingData: awaitingData)
    }

    /// Groups over any query engine; `restoreSource` nil skips restoring `for` state.
    public init(
        groups: [RuleGroup], engine: any RuleQueryEngine, restoreSource: (any SeriesSource)?,
        appender: any RuleSampleAppender, externalLabels: Labels = [:], externalURL: String = "",
        defaultInterval: Duration = .seconds(60), awaitingData: Bool = false
    ) {
        self.awaitingData = awaitingData
        self.groups = groups.map {
            RuleGroupEvaluator(group: $0, defaultInterval: defaultInterval, restored: restoreSource == nil)
        }
        self.schedules = self.groups.map {
            EvaluationSchedule(interval: $0.interval, file: $0.group.file, name: $0.group.name)
        }
        self.engine = engine
        self.source = restoreSource
        self.appender = appender
        self.externalLabels = externalLabels
        self.externalURL = externalURL
    }

    /// Evaluates every group whose next evaluation time has come by `now` (milliseconds since 1970),
    /// at that time; a group that missed several evaluations runs once, at the newest. Returns the
    /// names of the groups evaluated.
    @discardableResult
    public func evaluateDue(now: Int64) -> [String] {
        var evaluated: [String] = []
        for index in groups.indices {
            let slot = schedules[index].slot(atOrBefore: now)
            if let last = groups[index].lastEvaluation, last >= slot { continue }
            groups[index].evaluate(
                at: slot, engine: engine, appender: appender, externalLabels: externalLabels, externalURL: externalURL)
            if let source, !awaitingData, slot >= dataArrivedAt, groups[index].needsRestore {
                restore.restore(&groups[index], from: source, at: slot)
            }
            evaluated.append(groups[index].group.name)
        }
        return evaluated
    }

    /// Lets each group's first evaluation at `milliseconds` or later restore its alerts' `for` state.
    public func dataArrived(at milliseconds: Int64) {
        awaitingData = false
        dataArrivedAt = milliseconds
    }

    /// Whether some group's alerts still wait for their `for` state to be restored.
    public var isRestoring: Bool {
        source != nil && groups.contains(where: \.needsRestore)
    }

    /// The earliest time after `now` at which some group is due.
    public func nextDue(after now: Int64) -> Int64? {
        schedules.map { $0.slot(after: now) }.min()
    }

    /// Evaluates groups as they fall due on the wall clock until the task is cancelled.
    public func run() async {
        while !Task.isCancelled {
            let now = Self.nowMilliseconds()
            evaluateDue(now: now)
            guard let next = nextDue(after: now) else { return }
            let wait = max(1, next - Self.nowMilliseconds())
            try? await Task.sleep(for: .milliseconds(wait))
        }
    }

    /// Every group's rules, health, errors and alerts.
    public func status() -> [RuleGroupStatus] {
        groups.map(\.status)
    }

    static func nowMilliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }
}
