import Foundation
import GRDB
import PromQL
import SwitchboardCore

/// Where an interface stands against its SLO at a time. The burn rates are the expressions of
/// `SLORuleFile` over the store, which keeps the longest window (3d) when a landscape has SLOs.
/// The budget's window (28d) is longer than the store: for an SLO over the checks it adds the
/// history database's 5-minute buckets older than the store's reach to the store's recent samples;
/// a `good`/`total` SLO reads the store only (its series are not in the history), so its budget
/// covers at most the store's retention.
struct SLOEvaluator {
    let store: SeriesStore
    let history: HistoryRecorder?
    /// How far back the store's samples reach for certain.
    let storeReach: Duration

    func status(of interface: Interface, _ slo: ServiceLevelObjective, now: Date) -> SLOStatus {
        let engine = PromQLRuleQueryEngine(source: store)
        let at = Int64(now.timeIntervalSince1970 * 1000)
        func value(_ expression: String) -> Double? {
            guard let sample = try? engine.query(expression, at: at).first, sample.value.isFinite else { return nil }
            return sample.value
        }
        let pairs = SLOBurnPair.workbook.map { pair in
            var pair = pair
            pair.longRate = value(SLORuleFile.burnRate(of: slo, interface: interface.id, range: pair.longWindow))
            pair.shortRate = value(SLORuleFile.burnRate(of: slo, interface: interface.id, range: pair.shortWindow))
            return pair
        }
        let errorRatio = self.errorRatio(of: interface, slo, now: now, query: value)
        let sli = errorRatio.map { 1 - $0 }
        return SLOStatus(
            objective: slo.objective, windowSeconds: slo.window.seconds, sli: sli,
            budgetRemaining: errorRatio.map { 1 - $0 / slo.errorBudget }, pairs: pairs)
    }

    /// The ratio of failed events over the SLO's window; nil before the first event.
    private func errorRatio(
        of interface: Interface, _ slo: ServiceLevelObjective, now: Date, query: (String) -> Double?
    ) -> Double? {
        guard case .checks = slo.indicator, let history, slo.window > storeReach else {
            return query(
                SLORuleFile.errorRatio(of: slo, interface: interface.id, range: DurationParser.format(slo.window)))
        }
        let nowSecond = Int64(now.timeIntervalSince1970)
        // The store from the first whole bucket it holds; the history before that, back to the window's start.
        let boundary = CheckBucket.start(of: nowSecond - Int64(storeReach.seconds)) + CheckBucket.seconds
        let first = CheckBucket.start(of: nowSecond - Int64(slo.window.seconds))
        let older =
            (try? history.database.read { db in
                try CheckBucket.count(of: interface.checks.map(\.id), from: first, before: boundary, in: db)
            }) ?? RunCount()
        let selector = "probe_success{interface=\"\(interface.id)\"}"
        let range = "[\(nowSecond - boundary)s]"
        let recentRuns = query("sum(count_over_time(\(selector)\(range)))") ?? 0
        let recentGood = query("sum(sum_over_time(\(selector)\(range)))") ?? 0
        let runs = Double(older.runs) + recentRuns
        guard runs > 0 else { return nil }
        let failures = Double(older.failures) + (recentRuns - recentGood)
        return failures / runs
    }
}
