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
    /// day from its buckets, the week and month as sums in SQL, plus the buckets in memory. The strip
    /// also shows the time `conditionOwner`'s conditions held it DOWN or DEGRADED.
    public func summary(of checks: [String], conditionOwner: String? = nil, now: Date) throws -> HistorySummary {
        try io.withLock { io in
            summary(
                of: checks, conditionOwner: conditionOwner,
                persisted: try readPersisted(checks, conditionOwner: conditionOwner, now: now, io: io), io: io,
                now: now)
        }
    }

    /// The same, reading the database at most every `summaryMaxAge` per `key` (an interface): between
    /// reads the buckets written since and those in memory are added to the last read, so the figures
    /// move with every result and every run counts once. Nil when the database was never read.
    public func cachedSummary(
        of key: String, checks: [String], conditionOwner: String? = nil, now: Date
    ) -> HistorySummary? {
        io.withLock { io in
            var persisted = self.persisted.withLock { $0[key] }
            if persisted == nil || now.timeIntervalSince(persisted!.at) >= Self.summaryMaxAge || now < persisted!.at {
                do {
                    let read = try readPersisted(checks, conditionOwner: conditionOwner, now: now, io: io)
                    self.persisted.withLock { $0[key] = read }
                    persisted = read
                } catch {
                    Self.logger.error("history: cannot read the history of \(key) (\(error))")
                }
            }
            return persisted.map {
                summary(of: checks, conditionOwner: conditionOwner, persisted: $0, io: io, now: now)
            }
        }
    }

    /// Reads the database's part; called with `io` held, so no write moves buckets meanwhile.
    private func readPersisted(_ checks: [String], conditionOwner: String?, now: Date, io: IOState) throws
        -> PersistedHistory
    {
        let day = HistoryWindow.day.firstBucket(now: now)
        return try database.read { db in
            PersistedHistory(
                at: now, write: io.writes, recent: try CheckBucket.fetchAll(of: checks, since: day, in: db),
                conditions: try conditionOwner.map { try ConditionBucket.fetchAll(of: $0, since: day, in: db) } ?? [],
                week: try CheckBucket.count(
                    of: checks, from: HistoryWindow.week.firstBucket(now: now), before: day, in: db),
                month: try CheckBucket.count(
                    of: checks, from: HistoryWindow.month.firstBucket(now: now), before: day, in: db))
        }
    }

    /// A read of the database, the buckets written after it, and those in memory, at `now`.
    private func summary(
        of checks: [String], conditionOwner: String?, persisted: PersistedHistory, io: IOState, now: Date
    ) -> HistorySummary {
        var summary = HistorySummary(now: now)
        for bucket in persisted.recent { summary.add(bucket) }
        for bucket in persisted.conditions { summary.add(bucket) }
        if let conditionOwner {
            for written in io.recentlyWrittenConditions[conditionOwner] ?? [] where written.write > persisted.write {
                summary.add(written.bucket)
            }
        }
        summary.add(persisted.week, to: .week)
        summary.add(persisted.month, to: .month)
        for check in checks {
            for written in io.recentlyWritten[check] ?? [] where written.write > persisted.write {
                summary.add(written.bucket)
            }
        }
        buffer.withLock { buffer in
            for check in checks {
                for bucket in buffer.pending[check] ?? [] { summary.add(bucket) }
                if let open = buffer.open[check], !open.isEmpty { summary.add(open.closed(checkID: check)) }
            }
            if let conditionOwner {
                for bucket in (buffer.conditions[conditionOwner] ?? [:]).values { summary.add(bucket) }
            }
        }
        return summary
    }

    /// Deletes the buckets older than the retention.
    func deleteExpired(now: Date) throws {
        let cutoff = CheckBucket.start(
            of: Int64(now.timeIntervalSince1970.rounded(.down)) - retention.milliseconds / 1000)
        _ = try database.write { db in
            try BucketTable.checks.deleteAll(before: cutoff, in: db)
            try BucketTable.conditions.deleteAll(before: cutoff, in: db)
        }
    }

    /// Write transactions so far.
    var transactions: Int { io.withLock { $0.transactions } }
}
