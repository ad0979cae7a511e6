import Foundation

/// What changed between two versions of the snapshot, for a console that holds the older one:
/// the interfaces that changed (by position), the parts that changed, the alert entries that
/// changed with the queue's new order when it moved. An ack in a 10,000-interface landscape is a few hundred
/// bytes instead of the whole picture.
public struct SnapshotDelta: Codable, Sendable, Equatable {
    /// The version this applies to, and the one it makes.
    public var base: UInt64
    public var version: UInt64
    public var generatedAt: Date
    public var landscape: String
    public var source: String
    public var progress: CheckProgress
    public var interfaceCount: Int
    /// The interfaces that differ, with their position.
    public var interfaces: [Positioned<InterfaceStatus>]
    public var systems: [SystemStatus]?
    public var alerts: AlertsDelta?
    /// Set when the rules summary changed (to nil or a value).
    public var rulesChanged: Bool
    public var rules: RulesSummary?
    public var jobs: [JobStatus]?

    /// A value at a position of an array.
    public struct Positioned<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
        public var index: Int
        public var value: Value
    }

    /// The queue's entries that changed, their new order (nil when it stayed: an ack, a note),
    /// its groups, silences and maintenance windows.
    public struct AlertsDelta: Codable, Sendable, Equatable {
        public var order: [String]?
        public var changed: [AlertEntrySnapshot]
        public var groups: [AlertGroupSnapshot]
        public var silences: [SilenceSnapshot]
        public var maintenance: [MaintenanceWindowSnapshot]
    }

    /// What turns `old` into `new`.
    public init(from old: Snapshot, to new: Snapshot) {
        base = old.version
        version = new.version
        generatedAt = new.generatedAt
        landscape = new.landscape
        source = new.source
        progress = new.progress
        interfaceCount = new.interfaces.count
        interfaces = new.interfaces.indices.compactMap { index in
            index < old.interfaces.count && old.interfaces[index] == new.interfaces[index]
                ? nil : Positioned(index: index, value: new.interfaces[index])
        }
        systems = old.systems == new.systems ? nil : new.systems
        if old.alerts == new.alerts {
            alerts = nil
        } else {
            let before = Dictionary(old.alerts.entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let order = new.alerts.entries.map(\.id)
            alerts = AlertsDelta(
                order: order.elementsEqual(old.alerts.entries.lazy.map(\.id)) ? nil : order,
                changed: new.alerts.entries.filter { before[$0.id] != $0 },
                groups: new.alerts.groups, silences: new.alerts.silences, maintenance: new.alerts.maintenance)
        }
        rulesChanged = old.rules != new.rules
        rules = rulesChanged ? new.rules : nil
        jobs = old.jobs == new.jobs ? nil : new.jobs
    }

    /// `old` brought to this delta's version; nil when `old` is not the version it applies to
    /// (then the whole snapshot must be fetched).
    public func applied(to old: Snapshot) -> Snapshot? {
        guard old.version == base, interfaceCount >= 0 else { return nil }
        var snapshot = old
        snapshot.version = version
        snapshot.generatedAt = generatedAt
        snapshot.landscape = landscape
        snapshot.source = source
        snapshot.progress = progress
        if snapshot.interfaces.count > interfaceCount {
            snapshot.interfaces.removeLast(snapshot.interfaces.count - interfaceCount)
        }
        for positioned in interfaces {
            if positioned.index < snapshot.interfaces.count {
                snapshot.interfaces[positioned.index] = positioned.value
            } else if positioned.index == snapshot.interfaces.count {
                snapshot.interfaces.append(positioned.value)
            } else {
                return nil
            }
        }
        guard snapshot.interfaces.count == interfaceCount else { return nil }
        if let systems { snapshot.systems = systems }
        if let alerts {
            guard let entries = alerts.entries(from: old.alerts.entries) else { return nil }
            snapshot.alerts = AlertQueueSnapshot(
                entries: entries, groups: alerts.groups, silences: alerts.silences, maintenance: alerts.maintenance)
        }
        if rulesChanged { snapshot.rules = rules }
        if let jobs { snapshot.jobs = jobs }
        return snapshot
    }
}

extension SnapshotDelta.AlertsDelta {
    /// The queue's entries after this delta, from the ones before; nil when an id is unknown.
    func entries(from old: [AlertEntrySnapshot]) -> [AlertEntrySnapshot]? {
        guard let order else {
            var entries = old
            let positions = Dictionary(old.indices.map { (old[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
            for entry in changed {
                guard let position = positions[entry.id] else { return nil }
                entries[position] = entry
            }
            return entries
        }
        var known = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in changed { known[entry.id] = entry }
        var entries: [AlertEntrySnapshot] = []
        entries.reserveCapacity(order.count)
        for id in order {
            guard let entry = known[id] else { return nil }
            entries.append(entry)
        }
        return entries
    }
}
