import Foundation

/// Operator actions. Each validates, changes the queue, recomputes it and returns what to persist.
extension AlertQueue {
    /// The alert an id names: the full id, or a prefix of at least four hex digits that names one alert.
    public func resolveAlertID(_ text: String) throws(AlertQueueError) -> AlertID {
        let wanted = text.lowercased()
        if alerts[AlertID(rawValue: wanted)] != nil { return AlertID(rawValue: wanted) }
        guard wanted.count >= 4 else { throw .unknownAlert(text) }
        let candidates = alerts.keys.filter { $0.rawValue.hasPrefix(wanted) }.sorted()
        guard let first = candidates.first else { throw .unknownAlert(text) }
        guard candidates.count == 1 else { throw .ambiguousAlert(text, candidates: candidates) }
        return first
    }

    /// Acknowledges a pending or firing alert, replacing an earlier acknowledgement of it.
    @discardableResult
    public mutating func acknowledge(
        _ idText: String, by actor: String, note: String, expiresAt: Date? = nil, sticky: Bool = false,
        now: Date
    ) throws(AlertQueueError) -> (Acknowledgement, AuditEntry) {
        let id = try resolveAlertID(idText)
        guard let alert = alerts[id], alert.state != .inactive else { throw .alertResolved(id) }
        if let expiresAt, expiresAt <= now { throw .acknowledgementExpiresInThePast(expiresAt) }
        let ack = Acknowledgement(
            alertID: id, by: actor, at: now, note: note, expiresAt: expiresAt, sticky: sticky,
            severity: alert.severity)
        acknowledgements[id] = ack
        recompute(now: now)
        let audit = AuditEntry(at: now, actor: actor, action: .acknowledge, target: id.rawValue, detail: note)
        return (ack, audit)
    }

    /// Removes an alert's acknowledgement.
    @discardableResult
    public mutating func unacknowledge(_ idText: String, by actor: String, now: Date) throws(AlertQueueError)
        -> (AlertID, AuditEntry)
    {
        let id = try resolveAlertID(idText)
        guard let ack = acknowledgements.removeValue(forKey: id) else { throw .notAcknowledged(id) }
        recompute(now: now)
        let detail = "was acknowledged by \(ack.by)"
        return (id, AuditEntry(at: now, actor: actor, action: .unacknowledge, target: id.rawValue, detail: detail))
    }

    /// Adds a silence (validated when it was made).
    @discardableResult
    public mutating func addSilence(_ silence: Silence, now: Date) -> AuditEntry {
        silences[silence.id] = silence
        recompute(now: now)
        let detail = "\(silence.matchersDescription) until \(silence.endsAt.formatted(.iso8601)): \(silence.comment)"
        return AuditEntry(at: now, actor: silence.createdBy, action: .silence, target: silence.id, detail: detail)
    }

    /// Ends a pending or active silence now.
    @discardableResult
    public mutating func expireSilence(_ id: String, by actor: String, now: Date) throws(AlertQueueError)
        -> (Silence, AuditEntry)
    {
        guard let silence = silences[id] else { throw .unknownSilence(id) }
        guard silence.state(at: now) != .expired else { throw .silenceAlreadyExpired(id) }
        let expired = silence.expired(at: now)
        silences[id] = expired
        recompute(now: now)
        let audit = AuditEntry(at: now, actor: actor, action: .expire, target: id, detail: silence.matchersDescription)
        return (expired, audit)
    }

    /// Adds a note to an alert (resolved ones included: a note may explain what happened).
    @discardableResult
    public mutating func addNote(_ idText: String, by actor: String, text: String, now: Date)
        throws(AlertQueueError) -> (AlertNote, AuditEntry)
    {
        let id = try resolveAlertID(idText)
        let note = AlertNote(alertID: id, by: actor, at: now, text: text)
        notes[id, default: []].append(note)
        recompute(now: now)
        return (note, AuditEntry(at: now, actor: actor, action: .note, target: id.rawValue, detail: text))
    }

    /// Adds or replaces a maintenance window.
    @discardableResult
    public mutating func addMaintenanceWindow(_ window: MaintenanceWindow, now: Date) -> AuditEntry {
        maintenanceWindows[window.id] = window
        recompute(now: now)
        return AuditEntry(
            at: now, actor: window.createdBy, action: .maintenance, target: window.id, detail: window.name)
    }

    /// Removes a maintenance window.
    @discardableResult
    public mutating func removeMaintenanceWindow(_ id: String, by actor: String, now: Date)
        throws(AlertQueueError) -> AuditEntry
    {
        guard let window = maintenanceWindows.removeValue(forKey: id) else {
            throw .unknownMaintenanceWindow(id)
        }
        recompute(now: now)
        return AuditEntry(at: now, actor: actor, action: .endMaintenance, target: id, detail: window.name)
    }
}
