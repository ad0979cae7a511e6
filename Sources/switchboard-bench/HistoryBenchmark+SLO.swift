import Foundation
import Monitor
import SwitchboardCore

/// `history --slo-interfaces N`: the budget trails of N interfaces with a 28-day SLO, each from the
/// history's buckets and 3 days of one-a-minute runs in a store, as the engine recomputes them every
/// 5 minutes, and what a statistics refresh costs in between, taking them from the cache.
extension HistoryBenchmark {
    /// Seconds for every trail computed once, the store filled beforehand, and for every trail taken
    /// from the cache (the last point replaced by the budget now); medians of `rounds`.
    static func budgetTrails(of interfaces: [Interface], history: HistoryRecorder, now: Date, rounds: Int = 5) -> (
        computed: Double, cached: Double
    ) {
        let store = SeriesStore(retention: SLORuleFile.longestWindow + .seconds(600))
        let end = Int64(now.timeIntervalSince1970) * 1000
        for minute in stride(from: 3 * 1440, to: 0, by: -1) {
            let samples = interfaces.enumerated().map { index, interface in
                Sample(
                    "probe_success", ["interface": interface.id, "check": interface.checks[0].id],
                    (index + minute) % 89 == 0 ? 0 : 1)
            }
            _ = store.append(samples, at: end - Int64(minute) * 60_000)
        }
        let trail = SLOBudgetTrail(store: store, history: history)
        let slo = ServiceLevelObjective(objective: 0.995)
        func median(_ body: () -> Void) -> Double {
            let times = (0..<rounds).map { _ in
                let start = ContinuousClock.now
                body()
                let elapsed = ContinuousClock.now - start
                return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            }
            return times.sorted()[rounds / 2]
        }
        let computed = median {
            for interface in interfaces { precondition(trail.points(of: interface, slo, now: now)?.count == 112) }
        }
        let cache = SLOBudgetTrailCache()
        for interface in interfaces {
            _ = cache.points(of: interface.id, now: now, left: 0.5) { trail.points(of: interface, slo, now: now) }
        }
        let cached = median {
            for interface in interfaces {
                let points = cache.points(of: interface.id, now: now.addingTimeInterval(30), left: 0.4) { nil }
                precondition(points?.last == 0.4)
            }
        }
        return (computed, cached)
    }
}
