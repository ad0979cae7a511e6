import PromQL

/// Groups alerts by some of their labels, as Alertmanager's `group_by` does.
///
/// `["..."]` groups by every label (each alert alone); an empty list puts every alert in one group.
public struct AlertGrouping: Sendable, Hashable {
    public var groupBy: [String]

    public init(groupBy: [String] = [AlertID.alertNameLabel]) {
        self.groupBy = groupBy
    }

    /// The labels that name the group an alert belongs to.
    public func key(for labels: Labels) -> Labels {
        if groupBy.contains("...") { return labels }
        var key = Labels()
        for name in groupBy {
            if let value = labels[name] { key[name] = value }
        }
        return key
    }

    /// The entries in groups, in the order of each group's most urgent entry.
    public func groups(_ entries: [QueueEntry]) -> [(key: Labels, entries: [QueueEntry])] {
        var order: [Labels] = []
        var members: [Labels: [QueueEntry]] = [:]
        for entry in entries {
            let key = key(for: entry.labels)
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(entry)
        }
        return order.map { ($0, members[$0] ?? []) }
    }
}
