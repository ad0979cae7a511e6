import Foundation

/// The alert queue as the console shows it: every alert with the operator's state, and the groups.
public struct AlertQueueSnapshot: Sendable, Equatable, Codable {
    /// Most urgent first.
    public var entries: [AlertEntrySnapshot]
    public var groups: [AlertGroupSnapshot]
    public var silences: [SilenceSnapshot]
    /// Every maintenance window, the config's and those added at run time, by name.
    public var maintenance: [MaintenanceWindowSnapshot]

    public init(
        entries: [AlertEntrySnapshot], groups: [AlertGroupSnapshot], silences: [SilenceSnapshot],
        maintenance: [MaintenanceWindowSnapshot] = []
    ) {
        self.entries = entries
        self.groups = groups
        self.silences = silences
        self.maintenance = maintenance
    }

    public static let empty = AlertQueueSnapshot(entries: [], groups: [], silences: [])
}

/// One alert in the queue.
public struct AlertEntrySnapshot: Sendable, Equatable, Codable, Identifiable {
    public enum State: String, Sendable, Equatable, Codable {
        case pending
        case firing
        case resolved
    }

    public var id: String
    public var name: String
    /// `none`, `info`, `warning`, `error` or `critical`.
    public var severity: String
    public var state: State
    public var labels: [LabelPair]
    public var annotations: [String: String]
    /// When the condition began (pending and firing) or ended (resolved).
    public var since: Date
    /// When the condition first held: the alert became active (pending, or firing at once without `for`).
    public var activeAt: Date?
    /// When it went from pending to firing; nil while pending.
    public var firedAt: Date?
    public var acknowledgement: AcknowledgementSnapshot?
    /// Why the alert is not notified, if it is not.
    public var muting: [Muting]
    /// The system or interface (`system:erp`) whose failure this alert is folded under.
    public var rootCause: String?
    public var notes: [NoteSnapshot]

    public init(
        id: String, name: String, severity: String, state: State, labels: [LabelPair], annotations: [String: String],
        since: Date, acknowledgement: AcknowledgementSnapshot?, muting: [Muting], rootCause: String?,
        notes: [NoteSnapshot], activeAt: Date? = nil, firedAt: Date? = nil
    ) {
        self.activeAt = activeAt
        self.firedAt = firedAt
        self.id = id
        self.name = name
        self.severity = severity
        self.state = state
        self.labels = labels
        self.annotations = annotations
        self.since = since
        self.acknowledgement = acknowledgement
        self.muting = muting
        self.rootCause = rootCause
        self.notes = notes
    }

    /// One reason an alert is muted, with what mutes it.
    public enum Muting: Sendable, Equatable, Codable {
        case silenced(silenceID: String)
        case maintenance(windowID: String)
        case inhibited(byAlertID: String)
        /// Folded under a dependency that is down by its own firing alert; `reason` is `dependency-down`.
        case suppressed(rootCause: String, reason: String)
    }
}

/// A label name and value.
public struct LabelPair: Sendable, Equatable, Codable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// Who took an alert, when, and why.
public struct AcknowledgementSnapshot: Sendable, Equatable, Codable {
    public var by: String
    public var at: Date
    public var note: String
    public var expiresAt: Date?
    /// Whether it holds when the alert's severity rises.
    public var sticky: Bool

    public init(by: String, at: Date, note: String, expiresAt: Date?, sticky: Bool = false) {
        self.by = by
        self.at = at
        self.note = note
        self.expiresAt = expiresAt
        self.sticky = sticky
    }
}

/// A note on an alert.
public struct NoteSnapshot: Sendable, Equatable, Codable {
    public var by: String
    public var at: Date
    public var text: String

    public init(by: String, at: Date, text: String) {
        self.by = by
        self.at = at
        self.text = text
    }
}

/// Alerts that share the grouping labels.
public struct AlertGroupSnapshot: Sendable, Equatable, Codable {
    public var labels: [LabelPair]
    /// Entry ids, most urgent first.
    public var entryIDs: [String]
    public var firing: Int
    public var pending: Int

    public init(labels: [LabelPair], entryIDs: [String], firing: Int, pending: Int) {
        self.labels = labels
        self.entryIDs = entryIDs
        self.firing = firing
        self.pending = pending
    }
}

/// A silence: what it matches, its time span and its author.
public struct SilenceSnapshot: Sendable, Equatable, Codable, Identifiable {
    public var id: String
    /// `{alertname="X", env=~"prod.*"}`
    public var matchers: String
    public var startsAt: Date
    public var endsAt: Date
    public var createdBy: String
    public var comment: String
    /// `pending`, `active` or `expired`.
    public var state: String

    public init(
        id: String, matchers: String, startsAt: Date, endsAt: Date, createdBy: String, comment: String, state: String
    ) {
        self.id = id
        self.matchers = matchers
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.createdBy = createdBy
        self.comment = comment
        self.state = state
    }
}
