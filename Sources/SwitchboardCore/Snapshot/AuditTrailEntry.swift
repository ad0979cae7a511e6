import Foundation

/// One operator action as the audit trail keeps it: who did what to which alert, silence or
/// maintenance window, and when.
public struct AuditTrailEntry: Sendable, Equatable, Codable {
    public var at: Date
    public var actor: String
    /// `ack`, `unack`, `silence`, `expire`, `note`, `maintenance`, `end-maintenance`.
    public var action: String
    public var target: String
    public var detail: String

    public init(at: Date, actor: String, action: String, target: String, detail: String) {
        self.at = at
        self.actor = actor
        self.action = action
        self.target = target
        self.detail = detail
    }
}
