import Foundation

/// A change in an alert's life, for its timeline: a state change, or an acknowledgement cleared by the queue.
public struct AlertHistoryEvent: Sendable, Hashable {
    public enum Change: Sendable, Hashable {
        /// From nil when the alert first appears.
        case state(from: RuleAlert.State?, to: RuleAlert.State)
        case acknowledgementCleared(Acknowledgement.Clearing)
    }

    public var alertID: AlertID
    public var at: Date
    public var change: Change

    public init(alertID: AlertID, at: Date, change: Change) {
        self.alertID = alertID
        self.at = at
        self.change = change
    }
}

/// What an evaluation changed, for the store to record.
public struct AlertQueueChanges: Sendable, Hashable {
    public var history: [AlertHistoryEvent] = []
    /// The alerts whose state changed, as they are now.
    public var changedAlerts: [RuleAlert] = []
    /// Acknowledgements the queue dropped (the alert resolved, its severity rose, or the ack expired).
    public var clearedAcknowledgements: [AlertID] = []
    /// Alerts that left the queue (resolved longer ago than the queue keeps them).
    public var removedAlerts: [AlertID] = []
    /// The inhibition and suppression of alerts new to the queue or whose muting changed, as they are now.
    public var changedEngineMuting: [AlertID: EngineMuting] = [:]

    public init() {}
}
