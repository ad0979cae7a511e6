import Foundation

/// One operator action, for the audit trail: who did what to which alert or silence, and when.
public struct AuditEntry: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        case acknowledge = "ack"
        case unacknowledge = "unack"
        case silence
        case expire
        case note
        case maintenance
        case endMaintenance = "end-maintenance"
    }

    public var at: Date
    public var actor: String
    public var action: Action
    /// The alert id, silence id or maintenance window id acted on.
    public var target: String
    public var detail: String

    public init(at: Date, actor: String, action: Action, target: String, detail: String) {
        self.at = at
        self.actor = actor
        self.action = action
        self.target = target
        self.detail = detail
    }
}
