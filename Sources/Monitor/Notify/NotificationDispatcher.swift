import Foundation
import Logging
import SwitchboardCore
import Synchronization

/// Notifies the config's receiver and pushes to its Alertmanagers, for the alert pipeline.
///
/// After each evaluation `offer` runs the planners over the queue and only hands over what is due;
/// `run` delivers it in the background, one lane per webhook and per Alertmanager. A slow or hung
/// receiver holds only its own lane: each attempt has a timeout, failures are retried with backoff a
/// bounded number of times (then the group waits for its next flush), and a lane keeps at most one
/// notification per group (the newest) and one pending post per alert.
final class NotificationDispatcher: Sendable {
    /// One webhook of the routed receiver.
    struct WebhookLane: Sendable {
        /// What its notifications are recorded under in the state database: the receiver's name for its
        /// first webhook, `name/2`… for the others.
        let key: String
        let notifier: WebhookNotifier
        let sendResolved: Bool
    }

    private struct WebhookState {
        var planner: NotificationPlanner
        /// Planned notifications not yet delivered, with the time they were planned.
        var pending: [(notification: AlertNotification, at: Date)] = []
    }

    private struct PushState {
        var push: AlertmanagerPush
        var pending: [AlertID: AlertmanagerPush.PostableAlert] = [:]
    }

    private struct State {
        var webhooks: [WebhookState]
        var pushes: [PushState]
        /// Every notification handed to a lane so far.
        var planned = 0
    }

    private let webhookLanes: [WebhookLane]
    private let pushLanes: [AlertmanagerPush]
    private let state: Mutex<State>
    private let webhookSignals: [(stream: AsyncStream<Void>, continuation: AsyncStream<Void>.Continuation)]
    private let pushSignals: [(stream: AsyncStream<Void>, continuation: AsyncStream<Void>.Continuation)]
    private let store: AlertStateStore?
    private static let logger = Logger(label: "switchboard.notify")

    /// The config's routed receiver and Alertmanagers; what was notified before is read from `store`.
    init(config: AlertingConfig, store: AlertStateStore?, externalURL: String = "") throws {
        var lanes: [WebhookLane] = []
        var planners: [NotificationPlanner] = []
        if let route = config.route, let receiver = config.routedReceiver {
            let policy = NotificationPolicy(
                receiver: receiver.name, grouping: AlertGrouping(groupBy: route.groupBy),
                groupWait: route.groupWait.seconds, groupInterval: route.groupInterval.seconds,
                repeatInterval: route.repeatInterval.seconds)
            for (index, webhook) in receiver.webhooks.enumerated() {
                let key = index == 0 ? receiver.name : "\(receiver.name)/\(index + 1)"
                let notifier = WebhookNotifier(
                    url: webhook.url, retry: WebhookNotifier.Retry(attempts: webhook.attempts),
                    timeout: webhook.timeout, externalURL: externalURL,
                    headers: webhook.headers.map { (name: $0.name, value: $0.value) })
                lanes.append(WebhookLane(key: key, notifier: notifier, sendResolved: webhook.sendResolved))
                planners.append(
                    NotificationPlanner(policy: policy, notified: try store?.notifiedGroups(receiver: key) ?? [:]))
            }
        }
        webhookLanes = lanes
        pushLanes = config.alertmanagers.map { target in
            AlertmanagerPush(
                baseURL: target.url, resendDelay: target.resendDelay.seconds, generatorURL: externalURL,
                timeout: target.timeout)
        }
        state = Mutex(
            State(
                webhooks: planners.map { WebhookState(planner: $0) },
                pushes: pushLanes.map { PushState(push: $0) }))
        webhookSignals = lanes.map { _ in AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1)) }
        pushSignals = pushLanes.map { _ in AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1)) }
        self.store = store
    }

    /// Whether there is anything to notify or push to.
    var isEmpty: Bool { webhookLanes.isEmpty && pushLanes.isEmpty }

    /// Plans what is due at `now` and hands it to the lanes; returns at once.
    func offer(_ entries: [QueueEntry], now: Date) {
        let (webhooksDue, pushesDue) = state.withLock { state in
            var webhooksDue: [Int] = []
            for index in state.webhooks.indices {
                let due = state.webhooks[index].planner.due(entries, now: now)
                guard !due.isEmpty else { continue }
                state.planned += due.count
                for notification in due {
                    state.webhooks[index].pending.removeAll { $0.notification.groupKey == notification.groupKey }
                    state.webhooks[index].pending.append((notification, now))
                }
                webhooksDue.append(index)
            }
            var pushesDue: [Int] = []
            for index in state.pushes.indices {
                let due = state.pushes[index].push.plan(entries, now: now)
                guard !due.isEmpty else { continue }
                for (id, alert) in due { state.pushes[index].pending[id] = alert }
                pushesDue.append(index)
            }
            return (webhooksDue, pushesDue)
        }
        for index in webhooksDue { webhookSignals[index].continuation.yield() }
        for index in pushesDue { pushSignals[index].continuation.yield() }
    }

    /// Delivers what `offer` hands over until the calling task is cancelled.
    func run() async {
        await withDiscardingTaskGroup { group in
            for index in webhookLanes.indices {
                group.addTask { await self.deliverWebhooks(lane: index) }
            }
            for index in pushLanes.indices {
                group.addTask { await self.deliverPushes(lane: index) }
            }
        }
    }

    /// How many notifications were handed to the webhook lanes since the start.
    var plannedNotifications: Int { state.withLock { $0.planned } }

    private func deliverWebhooks(lane index: Int) async {
        let lane = webhookLanes[index]
        for await _ in webhookSignals[index].stream {
            while !Task.isCancelled, let next = takeWebhook(index) {
                await deliver(next.notification, plannedAt: next.at, lane: lane, index: index)
            }
        }
    }

    private func takeWebhook(_ index: Int) -> (notification: AlertNotification, at: Date)? {
        state.withLock { state in
            state.webhooks[index].pending.isEmpty ? nil : state.webhooks[index].pending.removeFirst()
        }
    }

    private func deliver(_ notification: AlertNotification, plannedAt: Date, lane: WebhookLane, index: Int) async {
        var payload = notification
        if !lane.sendResolved { payload.resolved = [] }
        do {
            if !payload.firing.isEmpty || !payload.resolved.isEmpty { try await lane.notifier.send(payload) }
        } catch {
            // The planner still holds the group as it was: its next flush notifies it again.
            Self.logger.error("notification \(notification.groupKey) to \(lane.key) not delivered: \(error)")
            return
        }
        state.withLock { $0.webhooks[index].planner.markSent(notification, at: plannedAt) }
        var record = notification
        record.receiver = lane.key
        do {
            try store?.recordNotification(record, at: plannedAt)
        } catch {
            Self.logger.error("notification \(notification.groupKey) to \(lane.key) sent but not recorded: \(error)")
        }
    }

    private func deliverPushes(lane index: Int) async {
        let push = pushLanes[index]
        for await _ in pushSignals[index].stream {
            while !Task.isCancelled, let alerts = takePushes(index) {
                do {
                    try await push.send(alerts.map(\.value))
                } catch {
                    Self.logger.error("push to \(push.baseURL) failed: \(error)")
                    state.withLock { $0.pushes[index].push.forget(alerts.map(\.key)) }
                }
            }
        }
    }

    private func takePushes(_ index: Int) -> [(key: AlertID, value: AlertmanagerPush.PostableAlert)]? {
        state.withLock { state in
            let pending = state.pushes[index].pending
            guard !pending.isEmpty else { return nil }
            state.pushes[index].pending = [:]
            return pending.sorted { $0.key.rawValue < $1.key.rawValue }.map { ($0.key, $0.value) }
        }
    }
}
