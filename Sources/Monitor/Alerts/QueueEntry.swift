import Foundation
import PromQL

/// One alert in the queue as computed at an evaluation: the rule's state and the operator's state on top.
public struct QueueEntry: Sendable, Hashable, Identifiable {
    public var id: AlertID
    public var ruleName: String
    /// Identity labels, `alertname` included.
    public var labels: Labels
    public var annotations: [String: String]
    public var state: RuleAlert.State
    public var severity: AlertSeverity
    public var activeAt: Date
    public var firedAt: Date?
    public var resolvedAt: Date?
    public var value: Double
    public var acknowledgement: Acknowledgement?
    /// Ids of the active silences that match.
    public var silencedBy: [String]
    /// Ids of the open maintenance windows that match.
    public var maintenanceBy: [String]
    /// Ids of firing alerts that inhibit this one (one per inhibition rule that applies).
    public var inhibitedBy: [AlertID]
    public var suppression: TopologySuppression?
    public var notes: [AlertNote]

    /// Silenced, in maintenance, inhibited or suppressed: not to be notified.
    public var isMuted: Bool {
        !silencedBy.isEmpty || !maintenanceBy.isEmpty || !inhibitedBy.isEmpty || suppression != nil
    }

    public var isResolved: Bool { state == .inactive }
}
