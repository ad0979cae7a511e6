import PromQL
import SwitchboardCore

/// One rule of a group as written in the file: an alerting rule or a recording rule.
public enum RuleDefinition: Sendable {
    case alerting(AlertingRuleDefinition)
    case recording(RecordingRuleDefinition)

    /// The alert name or the recorded metric name.
    public var name: String {
        switch self {
        case .alerting(let rule): rule.name
        case .recording(let rule): rule.name
        }
    }

    public var expression: String {
        switch self {
        case .alerting(let rule): rule.expression
        case .recording(let rule): rule.expression
        }
    }
}

/// `alert:` — a condition that makes alerts, one per series of its expression.
public struct AlertingRuleDefinition: Sendable {
    public var name: String
    public var expression: String
    /// How long the condition must hold before the alert fires (`for`).
    public var holdDuration: Duration
    /// How long a firing alert keeps firing after the condition stops (`keep_firing_for`).
    public var keepFiringFor: Duration
    /// Label templates, by name, sorted by name.
    public var labels: [(name: String, template: Template)]
    /// Annotation templates, by name, sorted by name.
    public var annotations: [(name: String, template: Template)]

    public init(
        name: String, expression: String, holdDuration: Duration = .zero, keepFiringFor: Duration = .zero,
        labels: [(name: String, template: Template)] = [], annotations: [(name: String, template: Template)] = []
    ) {
        self.name = name
        self.expression = expression
        self.holdDuration = holdDuration
        self.keepFiringFor = keepFiringFor
        self.labels = labels.sorted { $0.name < $1.name }
        self.annotations = annotations.sorted { $0.name < $1.name }
    }
}

/// `record:` — an expression whose result is stored under a new metric name.
public struct RecordingRuleDefinition: Sendable {
    public var name: String
    public var expression: String
    public var labels: Labels

    public init(name: String, expression: String, labels: Labels = [:]) {
        self.name = name
        self.expression = expression
        self.labels = labels
    }
}
