import Foundation
import GRDB
import Logging
import SwitchboardCore

/// What the history says of a set of checks: the persisted buckets and those still in memory, each
/// counted once.
extension HistoryRecorder {
    /// How long a summary is reused before the database is read again.
    public static let summaryMaxAge: TimeInterval = 60

    /// Runs per window (1 h, 24 h, 7 d, 30 d) and the 24-hour strip of `checks` at `now`: the last
    /// day from its buckets, the week and month as sums in SQL, plus the buckets in memory.
    public func summary(of checks: [String], now: Date) throws -> HistorySummary {
        try io.withLock { _ in
            var summary = HistorySummary(now: now)
            let day = HistoryWindow.day.firstBucket(now: now)
            let (recent, week, month) = try database.read { db in
                (
                    try CheckBucket.fetchAll(of: checks, since: day, in: db),
                    try CheckBucket.count(
                        of: checks, from: HistoryWindow.week.firstBucket(now: now), before: day, in: db),
                    try CheckBucket.count(
                        of: checks, from: HistoryWindow.month.firstBucket(now: now), before: day, in: db)
                )
            }
            for bucket in recent { summary.add(bucket) }
            summary.add(week, to: .week)
            summary.add(month, to: .month)
            buffer.withLock { buffer in
                for check in checks {
                    for bucket in buffer.pending[check] ?? [] { summary.add(bucket) }
                    if let open = buffer.open[check], !open.isEmpty { summary.add(open.closed(checkID: check)) }
                }
            }
            return summary
        }
    }

    /// The summary of `key` (an interface) when it is younger than `summaryMaxAge`, else read anew;
    /// nil when the database cannot be read and nothing was read before.
    public func cachedSummary(of key: String, checks: [String], now: Date) -> HistorySummary? {
        if let cached = summaries.withLock({ $0[key] }), now.timeIntervalSince(cached.at) < Self.summaryMaxAge,
            now >= cached.at
        {
            return cached.summary
        }
        do {
            let summary = try summary(of: checks, now: now)
            summaries.withLock { $0[key] = (now, summary) }
            return summary
        } catch {
            Self.logger.error("history: cannot read the history of \(key) (\(error))")
            return summaries.withLock { $0[key]?.summary }
        }
    }

    /// Deletes the buckets older than the retention.
    func deleteExpired(now: Date) throws {
        let cutoff = CheckBucket.start(
            of: Int64(now.timeIntervalSince1970.rounded(.down)) - retention.milliseconds / 1000)
        _ = try database.write { db in try CheckBucket.deleteAll(before: cutoff, in: db) }
    }

    /// Write transactions so far.
    var transactions: Int { io.withLock { $0.transactions } }
}
