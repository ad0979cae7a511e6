import Foundation
import PromQL

/// One alert as the rule engine reports it after an evaluation: the queue's input.
public struct RuleAlert: Sendable, Hashable {
    /// Where the alert stands in Prometheus' state machine.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        case pending
        case firing
        /// Resolved: the condition no longer holds.
        case inactive
    }

    public var ruleName: String
    /// The alert's labels, without `alertname` (the queue adds it from `ruleName`).
    public var labels: Labels
    public var annotations: [String: String]
    public var state: State
    /// When the condition first held.
    public var activeAt: Date
    public var firedAt: Date?
    public var resolvedAt: Date?
    /// The value of the expression when last evaluated.
    public var value: Double

    public init(
        ruleName: String, labels: Labels, annotations: [String: String] = [:], state: State, activeAt: Date,
        firedAt: Date? = nil, resolvedAt: Date? = nil, value: Double = 0
    ) {
        self.ruleName = ruleName
        self.labels = labels
        self.annotations = annotations
        self.state = state
        self.activeAt = activeAt
        self.firedAt = firedAt
        self.resolvedAt = resolvedAt
        self.value = value
    }

    /// The labels that identify the alert: its labels with `alertname` set to the rule's name.
    public var identityLabels: Labels {
        var labels = labels
        labels[AlertID.alertNameLabel] = ruleName
        return labels
    }

    /// The alert's id, a fingerprint of its identity labels without `severity`, so that an alert whose
    /// severity rises stays the same alert in the queue (and its acknowledgement can notice the rise).
    public var id: AlertID {
        var labels = identityLabels
        labels[AlertSeverity.label] = nil
        return AlertID(labels: labels)
    }

    /// The severity its `severity` label names.
    public var severity: AlertSeverity { AlertSeverity(label: labels[AlertSeverity.label]) }
}
