import Foundation
import SwitchboardCore

/// Operator actions. Each validates, changes the queue, recomputes it and returns what to persist.
extension AlertQueue {
    /// The alert an id names: the full id or a unique prefix (`IDPrefix`).
    public func resolveAlertID(_ text: String) throws(AlertQueueError) -> AlertID {
        if alerts[AlertID(rawValue: text)] != nil { return AlertID(rawValue: text) }
        switch IDPrefix.match(text, in: alerts.keys.lazy.map(\.rawValue)) {
        case .found(let id): return AlertID(rawValue: id)
        case .unknown: throw .unknownAlert(text)
        case .ambiguous(let ids): throw .ambiguousAlert(text, candidates: ids.map(AlertID.init(rawValue:)))
        }
    }

    /// The silence an id names: the full id or a unique prefix (`IDPrefix`).
    public func resolveSilenceID(_ text: String) throws(AlertQueueError) -> String {
        if silences[text] != nil { return text }
        switch IDPrefix.match(text, in: silences.keys) {
        case .found(let id): return id
        case .unknown: throw .unknownSilence(text)
        case .ambiguous(let ids): throw .ambiguousSilence(text, candidates: ids)
        }
    }

    /// The maintenance window an id names: the full id or a unique prefix (`IDPrefix`).
    public func resolveMaintenanceWindowID(_ text: String) throws(AlertQueueError) -> String {
        if maintenanceWindows[text] != nil { return text }
        switch IDPrefix.match(text, in: maintenanceWindows.keys) {
        case .found(let id): return id
        case .unknown: throw .unknownMaintenanceWindow(text)
        case .ambiguous(let ids): throw .ambiguousMaintenanceWindow(text, candidates: ids)
        }
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
    public mutating func expireSilence(_ idText: String, by actor: String, now: Date) throws(AlertQueueError)
        -> (Silence, AuditEntry)
    {
        let id = try resolveSilenceID(idText)
        guard let silence = silences[id] else { throw .unknownSilence(idText) }
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
    public mutating func removeMaintenanceWindow(_ idText: String, by actor: String, now: Date)
        throws(AlertQueueError) -> AuditEntry
    {
        guard !idText.hasPrefix(MaintenanceWindow.configPrefix) else { throw .maintenanceWindowInConfig(idText) }
        let id = try resolveMaintenanceWindowID(idText)
        guard !id.hasPrefix(MaintenanceWindow.configPrefix) else { throw .maintenanceWindowInConfig(id) }
        guard let window = maintenanceWindows.removeValue(forKey: id) else {
            throw .unknownMaintenanceWindow(idText)
        }
        recompute(now: now)
        return AuditEntry(at: now, actor: actor, action: .endMaintenance, target: id, detail: window.name)
    }
}
