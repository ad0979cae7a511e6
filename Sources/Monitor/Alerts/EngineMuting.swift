import Foundation

/// The part of an alert's muting only the engine can compute: inhibition (the config's rules over the firing
/// alerts) and topology suppression (live health). The engine persists it, so that `alerts list` shows every
/// state the console shows.
public struct EngineMuting: Sendable, Hashable {
    public var inhibitedBy: [AlertID]
    public var suppression: TopologySuppression?

    public init(inhibitedBy: [AlertID] = [], suppression: TopologySuppression? = nil) {
        self.inhibitedBy = inhibitedBy
        self.suppression = suppression
    }

    public var isEmpty: Bool { inhibitedBy.isEmpty && suppression == nil }
}

extension QueueEntry {
    public var engineMuting: EngineMuting {
        get { EngineMuting(inhibitedBy: inhibitedBy, suppression: suppression) }
        set {
            inhibitedBy = newValue.inhibitedBy
            suppression = newValue.suppression
        }
    }
}

extension AlertQueue {
    /// Takes the engine's last saved inhibition and suppression into the unresolved entries: for a
    /// reader of the database (`alerts list`) that has neither the config's rules nor live health.
    public mutating func applyEngineMuting(_ muting: [AlertID: EngineMuting]) {
        for index in entries.indices where !entries[index].isResolved {
            if let computed = muting[entries[index].id] { entries[index].engineMuting = computed }
        }
    }
}
