import Foundation
import SwitchboardCore

/// The landscape's SLOs in the engine: a store long enough for every burn-rate window, the
/// generated rules beside the user's, and each interface's `SLOStatus` in its statistics.
extension MonitorEngine {
    /// How long the store keeps samples: `asked`, or the longest burn-rate window and a margin when
    /// the landscape has SLOs, so that no window is cut short.
    static func storeRetention(_ asked: Duration, for landscape: Landscape) -> Duration {
        guard landscape.interfaces.contains(where: { $0.slo != nil }) else { return asked }
        return max(asked, SLORuleFile.longestWindow + .seconds(600))
    }

    /// The user's rule groups and those of the landscape's SLOs.
    static func ruleGroups(_ groups: [RuleGroup], for landscape: Landscape) throws(ConfigErrors) -> [RuleGroup] {
        groups + (try SLORuleFile(landscape: landscape).groups())
    }

    /// The SLO status of an interface with an SLO, nil otherwise, with its budget trail (the points
    /// before the last one up to 5 minutes old).
    func sloStatus(of interface: Interface, now: Date) -> SLOStatus? {
        guard let slo = interface.slo else { return nil }
        let evaluator = SLOEvaluator(store: store, history: history, storeReach: SLORuleFile.longestWindow)
        var status = evaluator.status(of: interface, slo, now: now)
        status.budgetTrail = budgetTrails.points(of: interface.id, now: now, left: status.budgetRemaining) {
            SLOBudgetTrail(store: store, history: history).points(of: interface, slo, now: now)
        }
        return status
    }
}
