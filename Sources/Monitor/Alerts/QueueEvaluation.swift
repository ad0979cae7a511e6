import Foundation
import PromQL

/// One computation of the queue's entries: silences, maintenance, inhibition and topology applied to every
/// alert, with the matchers compiled and indexed once.
struct QueueEvaluation {
    private let queue: AlertQueue
    private let now: Date
    private let silences: MatcherIndex<String>
    private let windows: MatcherIndex<String>
    private let inhibitions: [CompiledInhibition]
    /// The inhibition rules indexed by their target matchers.
    private let inhibitionTargets: MatcherIndex<Int>
    private let labeled: [(id: AlertID, alert: RuleAlert, labels: Labels)]
    private var suppressor: TopologySuppressor

    init(queue: AlertQueue, now: Date) {
        self.queue = queue
        self.now = now
        silences = MatcherIndex(
            queue.silences.values.filter { $0.state(at: now) == .active }.sorted { $0.id < $1.id }
                .map { ($0.matchers, $0.id) })
        windows = MatcherIndex(
            queue.maintenanceWindows.values.filter { $0.isOpen(at: now) }.sorted { $0.id < $1.id }
                .map { ($0.matchers, $0.id) })
        let labeled = queue.alerts.map { id, alert in (id: id, alert: alert, labels: alert.identityLabels) }
        self.labeled = labeled
        let firing = labeled.filter { $0.alert.state == .firing }.map { ($0.id, $0.labels) }
        suppressor = TopologySuppressor(
            topology: queue.topology, firingNodes: Set(firing.compactMap { queue.topology.node(for: $0.1) }))
        let inhibitions = queue.inhibitionRules.map { CompiledInhibition($0, firing: firing) }
        self.inhibitions = inhibitions
        inhibitionTargets = MatcherIndex(
            queue.inhibitionRules.enumerated().compactMap { index, rule in
                inhibitions[index].hasSources ? (rule.targetMatchers, index) : nil
            })
    }

    func entries() -> [QueueEntry] {
        var suppressor = suppressor
        var entries: [QueueEntry] = []
        entries.reserveCapacity(queue.alerts.count)
        for (id, alert, labels) in labeled {
            var entry = QueueEntry(
                id: id, ruleName: alert.ruleName, labels: labels, annotations: alert.annotations, state: alert.state,
                severity: AlertSeverity(label: labels["severity"]), activeAt: alert.activeAt, firedAt: alert.firedAt,
                resolvedAt: alert.resolvedAt, value: alert.value, acknowledgement: queue.acknowledgements[id],
                silencedBy: [], maintenanceBy: [], inhibitedBy: [], suppression: nil, notes: queue.notes[id] ?? [])
            // A resolution is never muted: it is always shown and notified as such.
            if alert.state != .inactive {
                entry.silencedBy = silences.matching(labels)
                entry.maintenanceBy = windows.matching(labels)
                entry.inhibitedBy = inhibitionTargets.matching(labels).compactMap {
                    inhibitions[$0].inhibitor(of: id, labels: labels)
                }
                if let node = queue.topology.node(for: labels) {
                    entry.suppression = suppressor.suppression(for: node)
                }
            }
            entries.append(entry)
        }
        entries.sort(by: Self.urgency)
        return entries
    }

    /// Firing before pending before resolved; then the more severe, then the older, then by id.
    static func urgency(_ lhs: QueueEntry, _ rhs: QueueEntry) -> Bool {
        func rank(_ state: RuleAlert.State) -> Int {
            switch state {
            case .firing: 0
            case .pending: 1
            case .inactive: 2
            }
        }
        if rank(lhs.state) != rank(rhs.state) { return rank(lhs.state) < rank(rhs.state) }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if lhs.activeAt != rhs.activeAt { return lhs.activeAt < rhs.activeAt }
        return lhs.id < rhs.id
    }
}

/// An inhibition rule with its firing sources gathered by the values of the `equal` labels.
struct CompiledInhibition {
    private let equal: [String]
    private var sources: [[String]: [AlertID]] = [:]

    init(_ rule: InhibitionRule, firing: [(AlertID, Labels)]) {
        equal = rule.equal
        let sourceMatchers = CompiledMatchers(rule.sourceMatchers)
        for (id, labels) in firing where sourceMatchers.matches(labels) {
            sources[rule.equal.map { labels[$0] ?? "" }, default: []].append(id)
        }
        for key in sources.keys { sources[key]?.sort() }
    }

    /// Whether any firing alert matches the source matchers.
    var hasSources: Bool { !sources.isEmpty }

    /// A firing source that inhibits an alert the target matchers hold for; an alert never inhibits itself.
    func inhibitor(of id: AlertID, labels: Labels) -> AlertID? {
        sources[equal.map { labels[$0] ?? "" }]?.first { $0 != id }
    }
}
