import PromQL

/// One alert of an alerting rule: one series of its expression, with its labels after templating.
public struct ActiveAlert: Sendable, Equatable {
    /// The alert's identity: the series' labels without `__name__`, the rule's labels, and `alertname`.
    public var labels: Labels
    public var annotations: Labels
    public var state: AlertState
    /// When the condition started to hold (milliseconds since 1970).
    public var activeAt: Int64
    public var firedAt: Int64?
    public var resolvedAt: Int64?
    /// Since when the condition has been false while `keep_firing_for` keeps the alert firing.
    public var keepFiringSince: Int64?
    /// The expression's value at the last evaluation that returned this series.
    public var value: Double

    public init(
        labels: Labels, annotations: Labels, state: AlertState, activeAt: Int64, firedAt: Int64? = nil,
        resolvedAt: Int64? = nil, keepFiringSince: Int64? = nil, value: Double
    ) {
        self.labels = labels
        self.annotations = annotations
        self.state = state
        self.activeAt = activeAt
        self.firedAt = firedAt
        self.resolvedAt = resolvedAt
        self.keepFiringSince = keepFiringSince
        self.value = value
    }

    public static func == (lhs: ActiveAlert, rhs: ActiveAlert) -> Bool {
        lhs.labels == rhs.labels && lhs.annotations == rhs.annotations && lhs.state == rhs.state
            && lhs.activeAt == rhs.activeAt && lhs.firedAt == rhs.firedAt && lhs.resolvedAt == rhs.resolvedAt
            && lhs.keepFiringSince == rhs.keepFiringSince
            && (lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN))
    }
}
