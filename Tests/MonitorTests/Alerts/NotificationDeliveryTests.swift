import Foundation
import GRDB
import Hummingbird
import SwitchboardCore
import TestSupport
import Testing

@testable import Monitor

/// The pipeline drives the notifications: planned after each evaluation, delivered in the background
/// to a real loopback webhook, persisted so that a restart does not notify again.
@Suite struct NotificationDeliveryTests {
    typealias P = PipelineFixture

    @Test func aFiringAlertReachesTheWebhookAfterGroupWaitAndItsResolutionFollows() async throws {
        let hook = try await RecordingHook.start()
        defer { Task { await hook.server.stop() } }
        let fixture = try P(alerting: P.route(hook.url, groupWait: 10))
        let delivery = Task { await fixture.pipeline.notifications.run() }
        defer { delivery.cancel() }

        #expect(await fixture.tick(0, ["feed": 0]).entries.first?.state == .firing)
        await fixture.tick(5, ["feed": 0])
        #expect(fixture.pipeline.notifications.plannedNotifications == 0, "group_wait (10 s) has not passed")
        await fixture.tick(11, ["feed": 0])
        #expect(fixture.pipeline.notifications.plannedNotifications == 1)
        let firing = try await hook.payloads(count: 1)
        #expect(firing.map(\.status) == ["firing"])
        #expect(firing.first?.receiver == "ops")
        #expect(firing.first?.groupLabels == ["alertname": "InterfaceDown"])
        #expect(firing.first?.alerts.map(\.labels["interface"]) == ["feed"])
        #expect(try await recorded(fixture, receiver: "ops").first?.firing.count == 1, "what was notified is kept")

        await fixture.tick(30, ["feed": 1])
        await fixture.tick(60, ["feed": 1])
        #expect(fixture.pipeline.notifications.plannedNotifications == 1, "group_interval (60 s) has not passed")
        await fixture.tick(72, ["feed": 1])
        let both = try await hook.payloads(count: 2)
        #expect(both.map(\.status) == ["firing", "resolved"])
        #expect(both.last?.alerts.map(\.status) == ["resolved"])
        #expect(try await recorded(fixture, receiver: "ops", isEmpty: true).isEmpty, "a resolved group is forgotten")
    }

    @Test func aRestartDoesNotNotifyAgain() async throws {
        let hook = try await RecordingHook.start()
        defer { Task { await hook.server.stop() } }
        let before = try P(alerting: P.route(hook.url, groupWait: 10))
        let delivery = Task { await before.pipeline.notifications.run() }
        await before.tick(0, ["feed": 0])
        await before.tick(11, ["feed": 0])
        #expect(try await hook.payloads(count: 1).count == 1)
        #expect(try await recorded(before, receiver: "ops").count == 1)
        delivery.cancel()

        let after = try P(alerting: P.route(hook.url, groupWait: 10), directory: before.directory)
        let restarted = Task { await after.pipeline.notifications.run() }
        defer { restarted.cancel() }
        #expect(await after.tick(100, ["feed": 0]).entries.first?.state == .firing)
        await after.tick(111, ["feed": 0])
        await after.tick(200, ["feed": 0])
        #expect(after.pipeline.notifications.plannedNotifications == 0, "the same firing alerts were notified")
        await after.tick(230, ["feed": 0, "billing": 0])
        await after.tick(290, ["feed": 0, "billing": 0])
        #expect(after.pipeline.notifications.plannedNotifications == 1, "a new alert in the group is notified")
        let payloads = try await hook.payloads(count: 2)
        #expect(payloads.count == 2)
        #expect(Set(payloads.last?.alerts.compactMap(\.labels["interface"]) ?? []) == ["feed", "billing"])
    }

    @Test func resolutionsAreLeftOutWhenTheWebhookDoesNotWantThem() async throws {
        let hook = try await RecordingHook.start()
        defer { Task { await hook.server.stop() } }
        let fixture = try P(alerting: P.route(hook.url, groupWait: 1, sendResolved: false))
        let delivery = Task { await fixture.pipeline.notifications.run() }
        defer { delivery.cancel() }
        await fixture.tick(0, ["feed": 0])
        await fixture.tick(2, ["feed": 0])
        #expect(try await hook.payloads(count: 1).count == 1)
        #expect(try await recorded(fixture, receiver: "ops").count == 1, "delivered and marked sent")
        await fixture.tick(10, ["feed": 1])
        await fixture.tick(70, ["feed": 1])
        #expect(fixture.pipeline.notifications.plannedNotifications == 2, "the resolution was planned")
        #expect(try await recorded(fixture, receiver: "ops", isEmpty: true).isEmpty, "and counts as delivered")
        #expect(await hook.received.bodies.count == 1, "but not posted")
    }

    @Test func aHungWebhookDoesNotHoldUpEvaluation() async throws {
        let arrived = ReceivedBodies()
        let server = try await LoopbackServer.start { router in
            router.post("hook") { _, _ in
                _ = await arrived.attempt()
                try await Task.sleep(for: .seconds(3600))
                return Response(status: .ok)
            }
        }
        defer { Task { await server.stop() } }
        let fixture = try P(alerting: P.route(server.baseURL + "/hook", groupWait: 1))
        let delivery = Task { await fixture.pipeline.notifications.run() }
        defer { delivery.cancel() }
        await fixture.tick(0, ["feed": 0])
        await fixture.tick(2, ["feed": 0])
        let deadline = ContinuousClock.now + failureDeadline
        while ContinuousClock.now < deadline {
            if await arrived.attempts > 0 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(await arrived.attempts == 1, "the webhook has the notification and does not answer")

        // Were evaluation waiting for the webhook (timeout: one hour), these would not return.
        let evaluated = try await withDeadline(seconds: 60) {
            await fixture.tick(3, ["feed": 0, "billing": 0])
            return await fixture.tick(4, ["feed": 0, "billing": 0])
        }
        #expect(evaluated?.entries.count == 2, "evaluation went on")
        #expect(await arrived.attempts == 1, "the webhook still holds the first request")
    }

    /// What the store holds for `receiver`, polled until it has something (or, with `isEmpty`, nothing).
    func recorded(_ fixture: P, receiver: String, isEmpty: Bool = false) async throws -> [NotifiedGroup] {
        let deadline = ContinuousClock.now + failureDeadline
        while ContinuousClock.now < deadline {
            let groups = Array(try fixture.store.notifiedGroups(receiver: receiver).values)
            if groups.isEmpty == isEmpty { return groups }
            try await Task.sleep(for: .milliseconds(100))
        }
        return Array(try fixture.store.notifiedGroups(receiver: receiver).values)
    }
}

/// The body's result, or nil (and a recorded issue) when it has not finished after `seconds`: a guard
/// against a hang, not a measure of speed.
func withDeadline<T: Sendable>(seconds: Int, _ body: @escaping @Sendable () async -> T) async throws -> T? {
    let outcome = Outcome<T>()
    let work = Task { await outcome.set(await body()) }
    for _ in 0..<(seconds * 10) {
        if let value = await outcome.value { return value }
        try await Task.sleep(for: .milliseconds(100))
    }
    work.cancel()
    Issue.record("did not finish within \(seconds) s")
    return nil
}

/// A value set once by another task.
actor Outcome<T: Sendable> {
    var value: T?

    func set(_ value: T) {
        self.value = value
    }
}
