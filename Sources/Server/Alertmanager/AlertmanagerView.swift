import Foundation
import Monitor
import SwitchboardCore

/// Switchboard's queue as Alertmanager's API shows it, at one moment.
///
/// Pending alerts are left out (Prometheus sends Alertmanager firing alerts only), and so are resolved
/// ones. The operator's state maps onto Alertmanager's fields:
/// - a silence is a silence, and mutes by `status.silencedBy`;
/// - an open maintenance window is shown as a silence `maintenance-<window id>` and mutes alike;
/// - an acknowledgement is shown as a silence `ack-<fingerprint>` created by whoever acked, with
///   `ACK! <note>` as its comment (karma's convention for acks), lasting as long as the alert;
///   expiring it gives the alert back to the queue;
/// - inhibition and topology suppression give `status.inhibitedBy` the fingerprint of the alert
///   that causes them (for suppression, the firing alert of the root-cause system or interface).
struct AlertmanagerView {
    static let ackPrefix = "ack-"
    static let maintenancePrefix = "maintenance-"

    let snapshot: Snapshot
    let posted: [AlertID: PostedAlerts.Received]
    let windows: [MaintenanceWindow]
    let receiver: String
    let now: Date

    /// The firing alerts, most urgent first, each with its queue entry.
    func alerts() -> [(entry: AlertEntrySnapshot, alert: GettableAlert)] {
        let firing = snapshot.alerts.entries.filter { $0.state == .firing }
        var causes: [String: String] = [:]
        for entry in firing {
            let labels = Dictionary(entry.labels.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            let node = labels["interface"].map { "interface:\($0)" } ?? labels["system"].map { "system:\($0)" }
            if let node, causes[node] == nil { causes[node] = entry.id }
        }
        return firing.map { entry in (entry, alert(entry, causes: causes)) }
    }

    private func alert(_ entry: AlertEntrySnapshot, causes: [String: String]) -> GettableAlert {
        var silencedBy: [String] = []
        var inhibitedBy: [String] = []
        for muting in entry.muting {
            switch muting {
            case .silenced(let id): silencedBy.append(id)
            case .maintenance(let id): silencedBy.append(Self.maintenancePrefix + id)
            case .inhibited(let id): inhibitedBy.append(id)
            case .suppressed(let rootCause, _): inhibitedBy.append(causes[rootCause] ?? rootCause)
            }
        }
        if entry.acknowledgement != nil { silencedBy.append(Self.ackPrefix + entry.id) }
        let received = posted[AlertID(rawValue: entry.id)]
        return GettableAlert(
            labels: Dictionary(entry.labels.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }),
            annotations: entry.annotations, receivers: [ReceiverReference(name: receiver)], fingerprint: entry.id,
            startsAt: received?.startsAt ?? entry.firedAt ?? entry.activeAt ?? entry.since,
            updatedAt: received?.updatedAt ?? snapshot.generatedAt, endsAt: endsAt(of: entry),
            generatorURL: received?.generatorURL,
            status: AlertStatus(
                state: silencedBy.isEmpty && inhibitedBy.isEmpty ? .active : .suppressed, silencedBy: silencedBy,
                inhibitedBy: inhibitedBy, mutedBy: []))
    }

    /// A posted alert ends when its sender said; a rule's is renewed at every evaluation, so it is
    /// shown ending a resolve timeout from now, as Prometheus' alerts are.
    private func endsAt(of entry: AlertEntrySnapshot) -> Date {
        posted[AlertID(rawValue: entry.id)]?.endsAt ?? now.addingTimeInterval(PostedAlerts.resolveTimeout)
    }

    /// Silences, then maintenance windows and acknowledgements as silences.
    func silences() -> [GettableSilence] {
        var silences = snapshot.alerts.silences.map { silence in
            GettableSilence(
                id: silence.id, status: SilenceStatus(state: silence.state), updatedAt: silence.startsAt,
                matchers: ((try? AlertMatcher.parseList(silence.matchers)) ?? []).map(SilenceMatcher.init),
                startsAt: silence.startsAt, endsAt: silence.endsAt, createdBy: silence.createdBy,
                comment: silence.comment, annotations: [:])
        }
        for window in windows {
            let (start, end) = Self.occurrence(of: window, around: now)
            silences.append(
                GettableSilence(
                    id: Self.maintenancePrefix + window.id, status: SilenceStatus(state: Self.state(start, end, now)),
                    updatedAt: start,
                    matchers: window.matchers.map { matcher in
                        SilenceMatcher(
                            AlertMatcher(
                                name: matcher.name, kind: AlertMatcher.Kind(rawValue: matcher.kind.rawValue) ?? .equal,
                                value: matcher.value))
                    }, startsAt: start, endsAt: end, createdBy: window.createdBy,
                    comment: "maintenance window \(window.name)"
                        + (window.comment.isEmpty ? "" : ": \(window.comment)"),
                    annotations: [:]))
        }
        for entry in snapshot.alerts.entries where entry.state != .resolved {
            guard let ack = entry.acknowledgement else { continue }
            let end = ack.expiresAt ?? endsAt(of: entry)
            silences.append(
                GettableSilence(
                    id: Self.ackPrefix + entry.id, status: SilenceStatus(state: Self.state(ack.at, end, now)),
                    updatedAt: ack.at,
                    matchers: entry.labels.filter { $0.name != "severity" }.map {
                        SilenceMatcher(AlertMatcher(name: $0.name, kind: .equal, value: $0.value))
                    }, startsAt: ack.at, endsAt: end, createdBy: ack.by,
                    comment: "ACK! " + ack.note, annotations: [:]))
        }
        return silences
    }

    private static func state(_ start: Date, _ end: Date, _ now: Date) -> String {
        now < start ? "pending" : now < end ? "active" : "expired"
    }

    /// The opening of a window that contains `now`, else its next one (a weekly window's), else its last.
    static func occurrence(of window: MaintenanceWindow, around now: Date) -> (Date, Date) {
        switch window.schedule {
        case .once(let start, let end):
            return (start, end)
        case .weekly(let weekdays, let minuteOfDay, let duration, let timeZone):
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let today = calendar.startOfDay(for: now)
            var next: (Date, Date)?
            for offset in -7...7 {
                guard let day = calendar.date(byAdding: .day, value: offset, to: today),
                    weekdays.contains(calendar.component(.weekday, from: day)),
                    let opens = calendar.date(
                        bySettingHour: minuteOfDay / 60, minute: minuteOfDay % 60, second: 0, of: day,
                        matchingPolicy: .nextTime)
                else { continue }
                let closes = opens.addingTimeInterval(duration)
                if opens <= now && now < closes { return (opens, closes) }
                if opens > now && next == nil { next = (opens, closes) }
            }
            return next ?? (now, now)
        }
    }
}
