import Foundation
import GRDB
import PromQL
import SwitchboardCore

/// The error budget left across an SLO's window, for the detail's chart (`SLOStatus.budgetTrail`).
///
/// The window is cut into about `steps` equal steps from its start; each point is the budget left
/// after the failures from the window's start to the end of its step, counted against all of the
/// window's runs: the budget consumed cumulatively, as Grafana's SLO panels and Sloth show it (not a
/// rolling window ending at each point). So the trail starts near 100%, only falls, falls where the
/// budget was spent, and ends at the budget left now. Over the checks only, counted as
/// `SLOEvaluator` counts them: the history's buckets before the store's reach, the store's samples
/// after it (read once, not a query per step).
/// A `good`/`total` SLO has no trail.
public struct SLOBudgetTrail: Sendable {
    /// Points over a long window (112: 6 hours each over 28 days); a short window has one per bucket.
    public static let steps = 112

    let store: SeriesStore
    let history: HistoryRecorder?
    /// How far back the store's samples reach for certain.
    let storeReach: Duration

    public init(store: SeriesStore, history: HistoryRecorder?, storeReach: Duration = SLORuleFile.longestWindow) {
        self.store = store
        self.history = history
        self.storeReach = storeReach
    }

    /// The trail of `interface`'s SLO at `now`, rounded to 0.01% of the budget; nil without runs.
    public func points(of interface: Interface, _ slo: ServiceLevelObjective, now: Date) -> [Double]? {
        guard case .checks = slo.indicator else { return nil }
        let grid = Grid(window: slo.window, now: now)
        var counts = [RunCount](repeating: RunCount(), count: grid.count)
        let checks = interface.checks.map(\.id)
        // Where the store takes over: the history's buckets before, the store's samples from there on.
        var boundary = grid.first
        if slo.window > storeReach {
            boundary = CheckBucket.start(of: grid.end - Int64(storeReach.seconds)) + CheckBucket.seconds
            if let history { addHistory(of: checks, before: boundary, grid: grid, to: &counts, from: history) }
        }
        addStore(of: interface.id, from: boundary, grid: grid, to: &counts)
        let runs = counts.reduce(0) { $0 + $1.runs }
        guard runs > 0 else { return nil }
        let allowed = Double(runs) * slo.errorBudget
        var failures = 0
        return counts.map { count in
            failures += count.failures
            return Self.rounded(1 - Double(failures) / allowed)
        }
    }

    /// A point rounded to 0.01% of the budget, which keeps the snapshot's encoding short.
    static func rounded(_ left: Double) -> Double { (left * 10_000).rounded() / 10_000 }

    /// The steps of a window ending at `now`: from the bucket the window starts in, whole buckets
    /// each; the last step runs to `now` (up to one bucket longer than the others).
    struct Grid {
        let first: Int64
        let end: Int64
        let endMilliseconds: Int64
        let step: Int64
        let count: Int

        init(window: Duration, now: Date) {
            endMilliseconds = Int64(now.timeIntervalSince1970 * 1000)
            end = Int64(now.timeIntervalSince1970)
            first = CheckBucket.start(of: end - Int64(window.seconds))
            let buckets = max(1, (Int64(window.seconds) + CheckBucket.seconds - 1) / CheckBucket.seconds)
            step = (buckets + Int64(SLOBudgetTrail.steps) - 1) / Int64(SLOBudgetTrail.steps) * CheckBucket.seconds
            count = Int(max(1, (end - first) / step))
        }
    }

    /// Adds the buckets from the window's start up to `boundary`, summed per step in one query.
    private func addHistory(
        of checks: [String], before boundary: Int64, grid: Grid, to counts: inout [RunCount],
        from history: HistoryRecorder
    ) {
        let request: SQLRequest<Row> = """
            SELECT (bucket_start - \(grid.first)) / \(grid.step) AS step, SUM(runs) AS runs, SUM(failures) AS failures
            FROM check_bucket
            WHERE check_id IN \(checks) AND bucket_start >= \(grid.first) AND bucket_start < \(boundary)
            GROUP BY step
            """
        let rows = (try? history.database.read { db in try request.fetchAll(db) }) ?? []
        for row in rows {
            let index = min(row["step"] as Int, grid.count - 1)
            counts[index].runs += row["runs"] as Int
            counts[index].failures += row["failures"] as Int
        }
    }

    /// Adds the store's runs after `boundary`, read once and each put in the step that ends at or after
    /// it, as PromQL's ranges `(start, end]` count them.
    private func addStore(of interface: String, from boundary: Int64, grid: Grid, to counts: inout [RunCount]) {
        let matchers = [LabelMatcher.metricName("probe_success"), LabelMatcher.equal("interface", interface)]
        let stepMilliseconds = grid.step * 1000
        let firstMilliseconds = grid.first * 1000
        for series in store.select(matchers: matchers, from: boundary * 1000 + 1, through: grid.endMilliseconds) {
            for point in series.samples where point.value.isFinite {
                let offset = point.timestampMilliseconds - firstMilliseconds
                let index = Int(
                    min(max(0, (offset + stepMilliseconds - 1) / stepMilliseconds - 1), Int64(grid.count - 1)))
                counts[index].runs += 1
                if point.value == 0 { counts[index].failures += 1 }
            }
        }
    }
}
