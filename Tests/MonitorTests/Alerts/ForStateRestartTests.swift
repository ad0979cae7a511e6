import Foundation
import SwitchboardCore
import TestSupport
import Testing

@testable import Monitor

/// A restarted engine takes up its alerts' `for` progress from the state database, as Prometheus does from
/// `ALERTS_FOR_STATE`: pending time counts (moved later by the downtime, never firing within less than the
/// 10-minute grace period), a firing alert fires on, and after more than an hour down nothing is restored.
@Suite struct ForStateRestartTests {
    typealias P = PipelineFixture

    static let rules = """
        groups:
          - name: probes
            interval: 1s
            rules:
              - alert: InterfaceDown
                expr: probe_success == 0
                for: 20m
                labels: {severity: critical}
        """

    /// Ticks every minute from `start` through `end` (seconds after the origin) with the feed down.
    @discardableResult
    static func down(_ fixture: P, from start: Int, through end: Int) async -> AlertEntrySnapshot.State? {
        var state: AlertEntrySnapshot.State?
        for second in stride(from: start, through: end, by: 60) {
            state = await fixture.tick(TimeInterval(second), ["feed": 0]).entries.first?.state
        }
        return state
    }

    struct PendingCase: Sendable, CustomTestStringConvertible {
        let pending: Int
        let downtime: Int
        /// When it fires, in seconds after the restart.
        let firesAfter: Int
        var testDescription: String { "pending \(pending / 60)m, down \(downtime / 60)m" }
    }

    @Test(arguments: [
        // 5 of the 20 minutes left: less than the grace period, so it fires 10 minutes after the restart.
        PendingCase(pending: 15 * 60, downtime: 2 * 60, firesAfter: 10 * 60),
        // 15 minutes left: they count from the restart (activeAt moved later by the 2 minutes down).
        PendingCase(pending: 5 * 60, downtime: 2 * 60, firesAfter: 15 * 60),
    ])
    func aPendingAlertKeepsItsProgressAcrossARestart(_ scenario: PendingCase) async throws {
        let before = try P(alerting: AlertingConfig(), rules: Self.rules)
        #expect(await Self.down(before, from: 0, through: scenario.pending) == .pending)
        let activeAt = try #require(try before.store.loadQueue().alerts.values.first?.activeAt)

        let restart = scenario.pending + scenario.downtime
        let after = try P(alerting: AlertingConfig(), directory: before.directory, rules: Self.rules)
        #expect(await Self.down(after, from: restart, through: restart + scenario.firesAfter - 60) == .pending)
        #expect(
            await after.tick(TimeInterval(restart + scenario.firesAfter - 1), ["feed": 0]).entries.first?.state
                == .pending)
        #expect(
            await after.tick(TimeInterval(restart + scenario.firesAfter), ["feed": 0]).entries.first?.state == .firing)
        let restored = try #require(try after.store.loadQueue().alerts.values.first)
        #expect(restored.activeAt > activeAt, "the row holds the restored activeAt, for the next restart")
    }

    @Test func aFiringAlertFiresOnAfterARestartWithoutANewNotification() async throws {
        let hook = try await RecordingHook.start()
        defer { Task { await hook.server.stop() } }
        let before = try P(alerting: P.route(hook.url, groupWait: 10), rules: Self.rules)
        let delivery = Task { await before.pipeline.notifications.run() }
        #expect(await Self.down(before, from: 0, through: 20 * 60) == .firing)
        await before.tick(20 * 60 + 11, ["feed": 0])
        #expect(try await hook.payloads(count: 1).map(\.status) == ["firing"])
        #expect(try await recorded(before).count == 1, "the notification is recorded as sent")
        delivery.cancel()
        let firing = try #require(try before.store.loadQueue().alerts.values.first)

        let restart = 22 * 60
        let after = try P(alerting: P.route(hook.url, groupWait: 10), directory: before.directory, rules: Self.rules)
        let restarted = Task { await after.pipeline.notifications.run() }
        defer { restarted.cancel() }
        #expect(await after.tick(TimeInterval(restart), ["feed": 0]).entries.first?.state == .firing)
        #expect(await Self.down(after, from: restart + 60, through: restart + 10 * 60) == .firing)
        #expect(after.pipeline.notifications.plannedNotifications == 0, "it was notified before the restart")
        let alert = try #require(try after.store.loadQueue().alerts.values.first)
        #expect(alert.state == .firing)
        #expect(alert.firedAt == firing.firedAt, "it keeps the time it first fired")
        let states = try after.store.history(of: alert.id).map(\.change)
        #expect(states == [.state(from: nil, to: .pending), .state(from: .pending, to: .firing)])
    }

    @Test func nothingIsRestoredAfterMoreThanTheOutageTolerance() async throws {
        let before = try P(alerting: AlertingConfig(), rules: Self.rules)
        #expect(await Self.down(before, from: 0, through: 15 * 60) == .pending)

        let restart = 15 * 60 + 61 * 60
        let after = try P(alerting: AlertingConfig(), directory: before.directory, rules: Self.rules)
        // Restored, it would fire 10 minutes after the restart (the grace period); anew, it takes the whole 20.
        #expect(await Self.down(after, from: restart, through: restart + 19 * 60) == .pending)
        #expect(await after.tick(TimeInterval(restart + 20 * 60 - 1), ["feed": 0]).entries.first?.state == .pending)
        #expect(await after.tick(TimeInterval(restart + 20 * 60), ["feed": 0]).entries.first?.state == .firing)
    }

    @Test func theSeriesWrittenBackAreTheRunnersAtEachGroupsLastEvaluation() throws {
        let yaml = """
            groups:
              - {name: a, rules: [{alert: Down, expr: up == 0, for: 20m}]}
              - {name: b, query_offset: 1m, rules: [{alert: Down, expr: up == 0, for: 20m}, {alert: Slow, expr: up > 1}]}
              - {name: c, rules: [{alert: Gone, expr: up == 0, for: 20m}]}
            """
        let groups = try RuleFileLoader(engine: PromQLRuleQueryEngine.validator).load(yaml: yaml, file: "r.yml")
        let t = Date(timeIntervalSince1970: 1_900_000_000)
        let evaluations = [
            RuleGroupKey(file: "r.yml", name: "a"): t,
            RuleGroupKey(file: "r.yml", name: "b"): t.addingTimeInterval(70.5),
        ]
        let alerts = [
            RuleAlert(
                ruleName: "Down", labels: ["severity": "critical", "system": "erp"], state: .pending,
                activeAt: t.addingTimeInterval(-299.75)),
            RuleAlert(ruleName: "Slow", labels: [:], state: .firing, activeAt: t, firedAt: t),
            RuleAlert(ruleName: "Slow", labels: ["x": "y"], state: .inactive, activeAt: t, resolvedAt: t),
            RuleAlert(ruleName: "Gone", labels: [:], state: .firing, activeAt: t, firedAt: t),
        ]
        let samples = AlertPipeline.forStateSamples(alerts: alerts, groups: groups, lastEvaluations: evaluations)
            .sorted { $0.labels < $1.labels }
        // `Down` is in two groups: the newer series (b's, 70.5 s later less its 1m offset) is the one that counts.
        #expect(samples.map(\.name) == ["ALERTS_FOR_STATE", "ALERTS_FOR_STATE"])
        #expect(
            samples.map(\.labels) == [
                ["alertname": "Down", "severity": "critical", "system": "erp"], ["alertname": "Slow"],
            ])
        #expect(samples.map(\.value) == [1_900_000_000 - 300, 1_900_000_000])
        #expect(samples.map(\.timestampMilliseconds) == [1_900_000_010_500, 1_900_000_010_500])
    }

    /// What the store holds as notified for the fixture's receiver (polled: the lane records after delivery).
    private func recorded(_ fixture: P) async throws -> [NotifiedGroup] {
        let deadline = ContinuousClock.now + failureDeadline
        while ContinuousClock.now < deadline {
            let groups = try fixture.store.notifiedGroups(receiver: "ops")
            if !groups.isEmpty { return Array(groups.values) }
            try await Task.sleep(for: .milliseconds(100))
        }
        return Array(try fixture.store.notifiedGroups(receiver: "ops").values)
    }
}
