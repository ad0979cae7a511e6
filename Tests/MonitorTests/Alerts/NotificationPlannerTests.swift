import Foundation
import Monitor
import PromQL
import Testing

@Suite struct NotificationPlannerTests {
    typealias F = AlertFixtures

    let policy = NotificationPolicy(
        receiver: "ops", grouping: AlertGrouping(groupBy: ["alertname"]), groupWait: 30, groupInterval: 300,
        repeatInterval: 3600)

    func queue(_ alerts: [RuleAlert], at seconds: TimeInterval, _ queue: inout AlertQueue) -> [QueueEntry] {
        _ = queue.update(alerts: alerts, topology: .init(), now: F.at(seconds))
        return queue.entries
    }

    @Test func aNewGroupWaitsGroupWaitThenIsNotifiedOnce() {
        var planner = NotificationPlanner(policy: policy)
        var alertQueue = AlertQueue()
        let erp = F.alert("Down", ["system": "erp"])
        var entries = queue([erp], at: 0, &alertQueue)
        #expect(planner.due(entries, now: F.at(0)).isEmpty)
        #expect(planner.due(entries, now: F.at(29)).isEmpty)
        let first = planner.due(entries, now: F.at(30))
        #expect(first.map(\.groupKey) == [#"{}:{alertname="Down"}"#])
        #expect(first.first?.firing.map(\.id) == [erp.id])
        planner.markSent(first[0], at: F.at(30))
        // A second alert joins: notified at the next group interval, not before.
        let crm = F.alert("Down", ["system": "crm"], activeAt: 40)
        entries = queue([erp, crm], at: 40, &alertQueue)
        #expect(planner.due(entries, now: F.at(40)).isEmpty)
        let second = planner.due(entries, now: F.at(330))
        #expect(Set(second.first?.firing.map(\.id) ?? []) == [erp.id, crm.id])
        planner.markSent(second[0], at: F.at(330))
        // Nothing changes: nothing until the repeat interval.
        #expect(planner.due(entries, now: F.at(630)).isEmpty)
        #expect(planner.due(entries, now: F.at(3930)).count == 1)
    }

    @Test func aResolutionIsNotifiedOnlyForAlertsNotifiedAsFiring() {
        var planner = NotificationPlanner(policy: policy)
        var alertQueue = AlertQueue()
        let erp = F.alert("Down", ["system": "erp"])
        let first =
            planner.due(queue([erp], at: 0, &alertQueue), now: F.at(0)) + planner.due(alertQueue.entries, now: F.at(30))
        planner.markSent(first[0], at: F.at(30))
        let entries = queue([], at: 100, &alertQueue)
        let resolved = planner.due(entries, now: F.at(330))
        #expect(resolved.first?.firing == [])
        #expect(resolved.first?.resolved.map(\.id) == [erp.id])
        planner.markSent(resolved[0], at: F.at(330))
        #expect(planner.due(entries, now: F.at(630)).isEmpty)
        // An alert that fired and resolved between two flushes is never notified at all.
        var quiet = NotificationPlanner(policy: policy)
        var other = AlertQueue()
        _ = quiet.due(queue([erp], at: 0, &other), now: F.at(0))
        #expect(quiet.due(queue([], at: 10, &other), now: F.at(30)).isEmpty)
    }

    @Test func mutedAlertsAreNotNotifiedAndAcknowledgedOnesAreNotRepeated() throws {
        var planner = NotificationPlanner(policy: policy)
        var alertQueue = AlertQueue()
        let erp = F.alert("Down", ["system": "erp"])
        let crm = F.alert("Down", ["system": "crm"])
        _ = queue([erp, crm], at: 0, &alertQueue)
        alertQueue.addSilence(try F.silence(["system=crm"]), now: F.at(0))
        _ = planner.due(alertQueue.entries, now: F.at(0))
        let first = planner.due(alertQueue.entries, now: F.at(30))
        #expect(first.first?.firing.map(\.id) == [erp.id])
        planner.markSent(first[0], at: F.at(30))
        try alertQueue.acknowledge(erp.id.rawValue, by: "ana", note: "", now: F.at(40))
        #expect(planner.due(alertQueue.entries, now: F.at(3630)).isEmpty, "acknowledged: no repeat")
    }

    @Test func aGroupSilencedAfterItsNotificationIsNotNotifiedAgainWhenTheSilenceEnds() throws {
        var planner = NotificationPlanner(policy: policy)
        var alertQueue = AlertQueue()
        let erp = F.alert("Down", ["system": "erp"])
        _ = queue([erp], at: 0, &alertQueue)
        _ = planner.due(alertQueue.entries, now: F.at(0))
        let first = planner.due(alertQueue.entries, now: F.at(30))
        planner.markSent(first[0], at: F.at(30))
        alertQueue.addSilence(try F.silence(["system=erp"], from: 40, to: 600), now: F.at(40))
        #expect(planner.due(alertQueue.entries, now: F.at(330)).isEmpty, "nothing fires unmuted, nothing resolved")
        alertQueue.recompute(now: F.at(700))
        #expect(planner.due(alertQueue.entries, now: F.at(700)).isEmpty, "the same alert as notified")
        #expect(planner.due(alertQueue.entries, now: F.at(3630)).count == 1, "until the repeat interval")
    }

    @Test func aRestoredPlannerDoesNotNotifyAgainWhatWasNotified() {
        var alertQueue = AlertQueue()
        let erp = F.alert("Down", ["system": "erp"])
        let entries = queue([erp], at: 0, &alertQueue)
        var before = NotificationPlanner(policy: policy)
        _ = before.due(entries, now: F.at(0))
        let sent = before.due(entries, now: F.at(30))
        before.markSent(sent[0], at: F.at(30))
        var restarted = NotificationPlanner(policy: policy, notified: before.notified)
        #expect(restarted.due(entries, now: F.at(40)).isEmpty)
        #expect(restarted.due(entries, now: F.at(400)).isEmpty)
        #expect(restarted.due(entries, now: F.at(3630)).count == 1, "the repeat interval still applies")
    }
}

@Suite struct NotificationPersistenceTests {
    typealias F = AlertFixtures

    @Test func whatWasNotifiedIsNotNotifiedAgainAfterARestart() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-notify-\(UUID().uuidString)")
            .path
        let policy = NotificationPolicy(receiver: "ops", groupWait: 30, groupInterval: 300, repeatInterval: 3600)
        var queue = AlertQueue()
        _ = queue.update(alerts: [F.alert("Down", ["system": "erp"])], topology: .init(), now: F.at(0))
        do {
            let store = AlertStateStore(writer: try AlertDatabase.open(directory: directory))
            var planner = NotificationPlanner(policy: policy)
            _ = planner.due(queue.entries, now: F.at(0))
            for notification in planner.due(queue.entries, now: F.at(30)) {
                planner.markSent(notification, at: F.at(30))
                try store.recordNotification(notification, at: F.at(30))
            }
        }
        let store = AlertStateStore(writer: try AlertDatabase.open(directory: directory))
        let notified = try store.notifiedGroups(receiver: "ops")
        #expect(notified.count == 1)
        var restarted = NotificationPlanner(policy: policy, notified: notified)
        #expect(restarted.due(queue.entries, now: F.at(60)).isEmpty)
        #expect(restarted.due(queue.entries, now: F.at(400)).isEmpty)
        #expect(try store.notifiedGroups(receiver: "other").isEmpty)
    }
}
