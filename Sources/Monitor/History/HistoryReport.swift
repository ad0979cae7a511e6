import Foundation
import GRDB
import SwitchboardCore

/// Availability and latency per interface and check over a window, from the persisted buckets:
/// what `switchboard report` prints for a weekly integration review.
///
/// An interface's runs are the sum over its checks; the time its `health.conditions` held it DOWN
/// or DEGRADED is reported beside them and does not change its availability. Latency p50/p95 are
/// run-weighted means of the 5-minute percentiles (an approximation: the runs behind them are not
/// kept); the maximum is exact.
public struct HistoryReport: Sendable, Equatable, Encodable {
    public var since: Date
    public var until: Date
    public var entries: [Entry]

    /// An interface (or a system with checks of its own) and its checks.
    public struct Entry: Sendable, Equatable, Encodable {
        public var id: String
        public var name: String
        /// `interface` or `system`.
        public var kind: String
        public var totals: Totals
        public var checks: [Check]
        /// Seconds the owner's `health.conditions` held it DOWN, and DEGRADED, in the window.
        public var conditionDownSeconds: Double
        public var conditionDegradedSeconds: Double
    }

    public struct Check: Sendable, Equatable, Encodable {
        public var id: String
        public var totals: Totals
    }

    /// Runs, failures, availability and latency (seconds) over the window; nil values without runs.
    public struct Totals: Sendable, Equatable, Encodable {
        public var runs = 0
        public var failures = 0
        public var availability: Double?
        public var latencyP50: Double?
        public var latencyP95: Double?
        public var latencyMax: Double?

        init(_ buckets: [CheckBucket]) {
            let withRuns = buckets.filter { $0.runs > 0 }
            runs = withRuns.reduce(0) { $0 + $1.runs }
            failures = withRuns.reduce(0) { $0 + $1.failures }
            guard runs > 0 else { return }
            availability = Double(runs - failures) / Double(runs)
            latencyP50 = withRuns.reduce(0) { $0 + $1.latencyP50 * Double($1.runs) } / Double(runs)
            latencyP95 = withRuns.reduce(0) { $0 + $1.latencyP95 * Double($1.runs) } / Double(runs)
            latencyMax = withRuns.map(\.latencyMax).max()
        }
    }

    /// The report of every interface of `landscape` (then every system with checks of its own)
    /// over the buckets that started in the `window` before `now`: one range read per check.
    public static func read(
        from database: any DatabaseReader, landscape: Landscape, window: Duration, now: Date
    ) throws -> HistoryReport {
        let nowSecond = Int64(now.timeIntervalSince1970.rounded(.down))
        let first = CheckBucket.start(of: nowSecond - window.milliseconds / 1000) + CheckBucket.seconds
        struct Owner {
            var id: String
            var name: String
            var kind: String
            var checks: [String]
        }
        let owners =
            landscape.interfaces.map { Owner(id: $0.id, name: $0.name, kind: "interface", checks: $0.checks.map(\.id)) }
            + landscape.systems.filter { !$0.checks.isEmpty }.map {
                Owner(id: $0.id, name: $0.name, kind: "system", checks: $0.checks.map(\.id))
            }
        let entries = try database.read { db in
            try owners.map { owner in
                let totals = try owner.checks.map { id in (id, try CheckBucket.total(of: id, since: first, in: db)) }
                let conditions = try ConditionBucket.total(
                    of: ConditionBucket.owner(kind: owner.kind, id: owner.id), since: first, in: db)
                return Entry(
                    id: owner.id, name: owner.name, kind: owner.kind, totals: Totals(totals.compactMap { $0.1 }),
                    checks: totals.map { Check(id: $0.0, totals: Totals($0.1.map { [$0] } ?? [])) },
                    conditionDownSeconds: conditions?.downSeconds ?? 0,
                    conditionDegradedSeconds: conditions?.degradedSeconds ?? 0)
            }
        }
        return HistoryReport(
            since: Date(timeIntervalSince1970: TimeInterval(first)), until: now, entries: entries)
    }
}
