import Foundation
import SwitchboardCore

extension AlertQueue {
    /// The queue as the console shows it, grouped by `grouping`.
    public func snapshot(grouping: AlertGrouping = AlertGrouping(), now: Date) -> AlertQueueSnapshot {
        let groups = grouping.groups(entries).map { key, members in
            AlertGroupSnapshot(
                labels: key.pairs.map { LabelPair($0.name, $0.value) }, entryIDs: members.map(\.id.rawValue),
                firing: members.count { $0.state == .firing }, pending: members.count { $0.state == .pending })
        }
        let silences = silences.values.sorted { ($0.endsAt, $0.id) > ($1.endsAt, $1.id) }.map { silence in
            SilenceSnapshot(
                id: silence.id, matchers: silence.matchersDescription, startsAt: silence.startsAt,
                endsAt: silence.endsAt, createdBy: silence.createdBy, comment: silence.comment,
                state: silence.state(at: now).rawValue)
        }
        let maintenance = maintenanceWindows.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
            .map { $0.snapshot(now: now) }
        return AlertQueueSnapshot(
            entries: entries.map(\.snapshot), groups: groups, silences: silences, maintenance: maintenance)
    }
}

extension QueueEntry {
    /// The entry as the console shows it.
    public var snapshot: AlertEntrySnapshot {
        var muting: [AlertEntrySnapshot.Muting] = silencedBy.map { .silenced(silenceID: $0) }
        muting += maintenanceBy.map { .maintenance(windowID: $0) }
        muting += inhibitedBy.map { .inhibited(byAlertID: $0.rawValue) }
        if let suppression {
            muting.append(
                .suppressed(rootCause: suppression.rootCause.description, reason: suppression.reason.rawValue))
        }
        let state: AlertEntrySnapshot.State =
            switch self.state {
            case .pending: .pending
            case .firing: .firing
            case .inactive: .resolved
            }
        return AlertEntrySnapshot(
            id: id.rawValue, name: ruleName, severity: severity.description, state: state,
            labels: labels.pairs.map { LabelPair($0.name, $0.value) }, annotations: annotations,
            since: self.state == .inactive ? (resolvedAt ?? activeAt) : activeAt,
            acknowledgement: acknowledgement.map {
                AcknowledgementSnapshot(
                    by: $0.by, at: $0.at, note: $0.note, expiresAt: $0.expiresAt, sticky: $0.sticky)
            }, muting: muting, rootCause: suppression?.rootCause.description,
            notes: notes.map { NoteSnapshot(by: $0.by, at: $0.at, text: $0.text) }, activeAt: activeAt,
            firedAt: firedAt)
    }
}
