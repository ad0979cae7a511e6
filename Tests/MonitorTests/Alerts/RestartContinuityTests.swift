import Foundation
import SwitchboardCore
import TestSupport
import Testing

@testable import Monitor

/// A restart (clean or `kill -9`) never resolves an alert because its data has not arrived yet: an alert
/// firing before it and still failing after it is the same alert, with its acknowledgement, `SINCE` and
/// notifications; one whose condition has cleared resolves once the checks say so.
@Suite struct RestartContinuityTests {
    typealias P = PipelineFixture

    static let rulesWithFor = """
        groups:
          - name: probes
            interval: 1s
            rules:
              - alert: InterfaceDown
                expr: probe_success == 0
                for: 2m
                labels: {severity: critical}
        """

    /// A pipeline whose alert fired at 0 s (or after its `for`) and was acknowledged, then a second pipeline
    /// on the same state directory with an empty series store: the restart.
    static func firingAndAcknowledged(rules: String = P.rules, firesAt: Int = 0) async throws -> (P, RuleAlert) {
        let before = try P(alerting: AlertingConfig(), rules: rules)
        for second in stride(from: 0, through: firesAt, by: 30) { await before.tick(TimeInterval(second), ["feed": 0]) }
        let entry = try #require(await before.tick(TimeInterval(firesAt + 1), ["feed": 0]).entries.first)
        #expect(entry.state == .firing)
        let outcome = before.pipeline.perform(
            .acknowledge(alertID: entry.id, note: "on it", by: "ana"), now: P.t0.addingTimeInterval(Double(firesAt + 2))
        )
        #expect(outcome.succeeded, "\(outcome.message)")
        let stored = try #require(try before.store.loadQueue().alerts.values.first)
        return (try P(alerting: AlertingConfig(), directory: before.directory, rules: rules), stored)
    }

    @Test func anAcknowledgedAlertOutlivesARestartBeforeItsDataArrives() async throws {
        let (after, stored) = try await Self.firingAndAcknowledged()
        // The checks have not reported yet and the store is empty: nothing is resolved, nothing cleared.
        for second in stride(from: 120, through: 180, by: 15) {
            let entry = try #require(await after.tick(TimeInterval(second), checksReported: false).entries.first)
            #expect(entry.state == .firing)
            #expect(entry.acknowledgement?.by == "ana")
            #expect(entry.since == stored.activeAt)
        }
        // The data arrives and the condition still holds: the same alert, acknowledged, since the same time.
        let entry = try #require(await after.tick(200, ["feed": 0]).entries.first)
        #expect(entry.state == .firing)
        #expect(entry.acknowledgement?.note == "on it")
        let alert = try #require(try after.store.loadQueue().alerts[stored.id])
        #expect(alert.activeAt == stored.activeAt)
        #expect(alert.firedAt == stored.firedAt)
        let history = try after.store.history(of: stored.id).map(\.change)
        #expect(history == [.state(from: nil, to: .firing)], "no resolution, no second firing")
    }

    @Test func theRestoreWaitsForAnEvaluationThatSeesTheDataThatArrived() async throws {
        let (after, stored) = try await Self.firingAndAcknowledged()
        // The check reports at 200.3 s and the engine learns it at 200.5 s. That tick's slot (200 s) precedes
        // the sample: evaluated there the rule sees nothing, so the alert stays held until an evaluation at
        // 200.5 s or later sees the data that arrived.
        let reported = after.origin.addingTimeInterval(200.3)
        _ = after.series.append(
            [Sample("probe_success", ["interface": "feed"], 0)], at: Int64(reported.timeIntervalSince1970 * 1000))
        let result = CheckResult(
            checkID: "feed-api", up: false, startedAt: reported, durationSeconds: 0.001, errorClass: .connectionRefused,
            reason: "connection refused")
        var snapshot = Snapshot.empty()
        snapshot.interfaces = [
            InterfaceStatus(
                id: "feed", name: "Feed", from: "a", to: "b", kind: .rest, owner: nil, state: .down,
                checks: [
                    CheckStatus(id: "feed-api", kind: "tcp", target: "127.0.0.1:1", intervalSeconds: 2, last: result)
                ])
        ]
        snapshot.progress = CheckProgress(completed: 1, total: 1)
        for seconds in [200.5, 201.2] {
            let queue = await after.pipeline.tick(now: after.origin.addingTimeInterval(seconds), snapshot: snapshot).0
            let entry = try #require(queue.entries.first, "at \(seconds) s")
            #expect(entry.state == .firing, "at \(seconds) s")
            #expect(entry.since == stored.activeAt, "at \(seconds) s")
        }
        let history = try after.store.history(of: stored.id).map(\.change)
        #expect(history == [.state(from: nil, to: .firing)], "no resolution, no second firing")
    }

    @Test func aRestoredAlertResolvesOnceTheChecksSaySo() async throws {
        let (after, stored) = try await Self.firingAndAcknowledged()
        #expect(await after.tick(120, checksReported: false).entries.first?.state == .firing)
        let entry = try #require(await after.tick(130, ["feed": 1]).entries.first)
        #expect(entry.state == .resolved)
        #expect(entry.acknowledgement == nil)
        let history = try after.store.history(of: stored.id).map(\.change)
        #expect(history.contains(.state(from: .firing, to: .inactive)))
        #expect(history.contains(.acknowledgementCleared(.resolved)))
    }

    @Test func aCheckThatNeverReportsHoldsAlertsForTenMinutesAtMost() async throws {
        let (after, _) = try await Self.firingAndAcknowledged()
        let limit = Int(RestartContinuity.dataLimit)
        #expect(await after.tick(100, checksReported: false).entries.first?.state == .firing)
        #expect(await after.tick(TimeInterval(100 + limit - 1), checksReported: false).entries.first?.state == .firing)
        // Past the limit the data there is counts: none, so the alert resolves.
        #expect(await after.tick(TimeInterval(100 + limit), checksReported: false).entries.first?.state == .resolved)
    }

    /// A rule whose `for` is under Prometheus' 10-minute grace period is not restored by Prometheus: it would
    /// go back to pending. Here a firing alert stays firing with its times, whatever its `for`.
    @Test func aFiringAlertWithAShortForStaysFiringAcrossARestart() async throws {
        let (after, stored) = try await Self.firingAndAcknowledged(rules: Self.rulesWithFor, firesAt: 120)
        #expect(await after.tick(300, ["feed": 0], checksReported: false).entries.first?.state == .firing)
        for second in stride(from: 310, through: 600, by: 10) {
            let entry = try #require(await after.tick(TimeInterval(second), ["feed": 0]).entries.first)
            #expect(entry.state == .firing, "at \(second) s")
            #expect(entry.acknowledgement?.by == "ana")
        }
        let alert = try #require(try after.store.loadQueue().alerts[stored.id])
        #expect(alert.activeAt == stored.activeAt)
        #expect(alert.firedAt == stored.firedAt)
        let history = try after.store.history(of: stored.id).map(\.change)
        #expect(history == [.state(from: nil, to: .pending), .state(from: .pending, to: .firing)])
    }

    @Test func aChangedConfigKeepsTheAlertsOfRulesThatStillExist() async throws {
        let (restarted, stored) = try await Self.firingAndAcknowledged()
        let changed = """
            groups:
              - name: probes
                interval: 1s
                rules:
                  - alert: InterfaceDown
                    expr: probe_success == 0
                    labels: {severity: critical}
                    annotations: {summary: "the feed is down"}
                  - alert: FeedFlapping
                    expr: probe_success < 1
            """
        let after = try P(alerting: AlertingConfig(), directory: restarted.directory, rules: changed)
        let queue = await after.tick(200, ["feed": 0])
        let entry = try #require(queue.entries.first { $0.id == stored.id.rawValue })
        #expect(entry.state == .firing)
        #expect(entry.since == stored.activeAt)
        #expect(entry.acknowledgement?.by == "ana")
        #expect(entry.annotations["summary"] == "the feed is down")
        #expect(queue.entries.contains { $0.name == "FeedFlapping" && $0.state == .firing })
    }

    @Test func aRestartSendsNoResolvedAndRefiredPair() async throws {
        let hook = try await RecordingHook.start()
        defer { Task { await hook.server.stop() } }
        let before = try P(alerting: P.route(hook.url, groupWait: 1), rules: P.rules)
        let delivery = Task { await before.pipeline.notifications.run() }
        #expect(await before.tick(0, ["feed": 0]).entries.first?.state == .firing)
        await before.tick(2, ["feed": 0])
        #expect(try await hook.payloads(count: 1).map(\.status) == ["firing"])
        try await waitUntilRecorded(before)
        delivery.cancel()

        let after = try P(alerting: P.route(hook.url, groupWait: 1), directory: before.directory, rules: P.rules)
        let restarted = Task { await after.pipeline.notifications.run() }
        defer { restarted.cancel() }
        #expect(await after.tick(60, checksReported: false).entries.first?.state == .firing)
        #expect(await after.tick(70, ["feed": 0]).entries.first?.state == .firing)
        #expect(await after.tick(80, ["feed": 0]).entries.first?.state == .firing)
        #expect(after.pipeline.notifications.plannedNotifications == 0, "it was notified before the restart")
        #expect(await hook.received.bodies.count == 1)
    }

    /// Polls until the store records the group as notified (the lane records after delivery).
    private func waitUntilRecorded(_ fixture: P) async throws {
        let deadline = ContinuousClock.now + failureDeadline
        while ContinuousClock.now < deadline {
            if !(try fixture.store.notifiedGroups(receiver: "ops").isEmpty) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the notification was never recorded as sent")
    }
}
