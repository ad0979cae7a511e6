import AsyncHTTPClient
import Foundation
import Logging
import NIOCore

/// Pushes alerts to Prometheus Alertmanager's API v2 (`POST /api/v2/alerts`) the way Prometheus does:
/// every firing alert again every `resendDelay` with `endsAt` four resend delays ahead (so Alertmanager
/// resolves it by itself if Switchboard stops), and a resolved alert with its real end while the queue
/// keeps it. Replicas that push the same alerts are deduplicated by Alertmanager.
///
/// Muted alerts (silenced, in maintenance, inhibited, suppressed) are not pushed: the queue has decided.
public struct AlertmanagerPush: Sendable {
    /// An alert as Alertmanager's API v2 takes it.
    public struct PostableAlert: Codable, Sendable, Equatable {
        public var labels: [String: String]
        public var annotations: [String: String]
        public var startsAt: String
        public var endsAt: String
        public var generatorURL: String
    }

    public let baseURL: String
    public let resendDelay: TimeInterval
    public let generatorURL: String
    private let notifier: WebhookNotifier
    private var lastSent: [AlertID: (Date, RuleAlert.State)] = [:]

    public init(
        baseURL: String, resendDelay: TimeInterval = 60, generatorURL: String = "", client: HTTPClient = .shared,
        retry: WebhookNotifier.Retry = WebhookNotifier.Retry(attempts: 3), timeout: Duration = .seconds(10),
        logger: Logger = Logger(label: "switchboard.notify.alertmanager")
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.resendDelay = resendDelay
        self.generatorURL = generatorURL
        notifier = WebhookNotifier(
            url: self.baseURL + "/api/v2/alerts", client: client, retry: retry, timeout: timeout, logger: logger)
    }

    /// The alerts due at `now`: new or changed ones, and every one not sent for `resendDelay`.
    public mutating func due(_ entries: [QueueEntry], now: Date) -> [PostableAlert] {
        plan(entries, now: now).map(\.alert)
    }

    mutating func plan(_ entries: [QueueEntry], now: Date) -> [(id: AlertID, alert: PostableAlert)] {
        var due: [(id: AlertID, alert: PostableAlert)] = []
        var present: Set<AlertID> = []
        for entry in entries where entry.state != .pending {
            present.insert(entry.id)
            if entry.state == .firing && entry.isMuted { continue }
            if entry.isResolved && lastSent[entry.id] == nil { continue }
            if let (at, state) = lastSent[entry.id], state == entry.state, now < at.addingTimeInterval(resendDelay) {
                continue
            }
            let endsAt = entry.resolvedAt ?? now.addingTimeInterval(4 * resendDelay)
            due.append(
                (
                    entry.id,
                    PostableAlert(
                        labels: WebhookPayload.dictionary(entry.labels), annotations: entry.annotations,
                        startsAt: RFC3339.format(entry.firedAt ?? entry.activeAt), endsAt: RFC3339.format(endsAt),
                        generatorURL: generatorURL)
                ))
            lastSent[entry.id] = (now, entry.state)
        }
        for id in lastSent.keys where !present.contains(id) { lastSent[id] = nil }
        return due
    }

    /// Forgets that these alerts were sent, so that the next plan sends them again (their post failed).
    mutating func forget(_ ids: [AlertID]) {
        for id in ids { lastSent[id] = nil }
    }

    /// Posts alerts to Alertmanager, retrying with backoff.
    public func send(_ alerts: [PostableAlert]) async throws {
        guard !alerts.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try await notifier.post(try encoder.encode(alerts), what: "\(alerts.count) alerts")
    }

    /// Computes what is due and posts it; what failed to post is sent again next time.
    public mutating func push(_ entries: [QueueEntry], now: Date) async throws {
        let planned = plan(entries, now: now)
        do {
            try await send(planned.map(\.alert))
        } catch {
            forget(planned.map(\.id))
            throw error
        }
    }
}
