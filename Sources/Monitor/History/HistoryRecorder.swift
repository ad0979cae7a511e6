import Foundation
import GRDB
import Logging
import SwitchboardCore
import Synchronization

/// Keeps every check's 5-minute buckets (runs, failures, latency p50/p95/max) and every owner's
/// time held DOWN or DEGRADED by its `health.conditions` (`ConditionBucket`) in the state database.
///
/// ```swift
/// let history = HistoryRecorder(database: stateDatabase.pool, retention: landscape.history.retention)
/// history.record(result)              // for every probe result: memory only
/// history.record(conditions: ["interface:orders": .down], at: Date())   // every evaluation: memory only
/// history.write(now: Date())          // every `writeInterval`: the closed buckets, one transaction
/// history.write(now: Date(), includingOpen: true)   // on shutdown
/// ```
///
/// Buckets fill in memory and are written once closed, all of them in one transaction, never one
/// write per result. On shutdown the open buckets are written too; a bucket written twice (a restart
/// within five minutes) is merged by `CheckBucket.merge(into:)` (`ConditionBucket.merge(into:)`):
/// runs, failures and seconds add up, so nothing is counted twice or lost. A failed write (read-only
/// or full disk) is logged, the buckets stay in memory and the next write tries again. Buckets older
/// than `retention` are deleted on the first write and then hourly.
public final class HistoryRecorder: Sendable {
    /// How often the engine writes the buckets that closed.
    public static let writeInterval: Duration = .seconds(10)
    /// How often buckets past the retention are deleted.
    static let retentionInterval: TimeInterval = 3600
    /// Buckets written per transaction, so that a long backlog does not hold the write lock long.
    static let batchLimit = 20000
    /// Closed buckets kept while writes fail (about 100 bytes each); past it the oldest are dropped.
    static let backlogLimit = 1_000_000
    static let logger = Logger(label: "switchboard.history")

    let database: any DatabaseWriter
    public let retention: Duration
    let buffer = Mutex(Buffer())
    /// Held while buckets move from memory to the database and while both are read together, so
    /// that a reader counts every bucket exactly once.
    let io = Mutex(IOState())
    /// What the database held for each interface when last read, reused for `summaryMaxAge`.
    let persisted = Mutex([String: PersistedHistory]())

    struct Buffer {
        var open: [String: OpenBucket] = [:]
        /// Closed buckets not yet written, by check id.
        var pending: [String: [CheckBucket]] = [:]
        var pendingCount = 0
        /// Each owner's last condition outcome and when it was evaluated: it holds until the next.
        var conditionOutcomes: [String: (state: HealthState, at: Date)] = [:]
        /// Seconds held by conditions not yet written, by owner and bucket start.
        var conditions: [String: [Int64: ConditionBucket]] = [:]
    }

    struct IOState {
        var retainedAt = Date.distantPast
        var failing = false
        /// Write transactions so far (for the tests: never one per result).
        var transactions = 0
        /// Counts the calls of `write`, so that a reader knows which buckets were written after it read.
        var writes = 0
        /// The buckets written in the last few minutes, by check, with the `writes` count that wrote them:
        /// a summary built from an older read of the database adds them, so no run is left out.
        var recentlyWritten: [String: [(write: Int, at: Date, bucket: CheckBucket)]] = [:]
        /// The same for condition buckets, by owner.
        var recentlyWrittenConditions: [String: [(write: Int, at: Date, bucket: ConditionBucket)]] = [:]
    }

    /// The database's part of an interface's history as of one read (write `write` of `IOState`).
    struct PersistedHistory {
        var at: Date
        var write: Int
        /// Buckets of the last day, one by one (the strip needs them).
        var recent: [CheckBucket]
        /// The owner's condition buckets of the last day.
        var conditions: [ConditionBucket]
        var week: RunCount
        var month: RunCount
    }

    public init(database: any DatabaseWriter, retention: Duration = HistoryConfig.defaultRetention) {
        self.database = database
        self.retention = retention
    }

    /// Counts one probe result in its check's bucket.
    public func record(_ result: CheckResult) {
        record(checkID: result.checkID, startedAt: result.startedAt, up: result.up, seconds: result.durationSeconds)
    }

    public func record(checkID: String, startedAt: Date, up: Bool, seconds: Double) {
        let start = CheckBucket.start(of: Int64(startedAt.timeIntervalSince1970.rounded(.down)))
        buffer.withLock { buffer in
            switch buffer.open[checkID]?.start {
            case start:
                buffer.open[checkID]?.add(up: up, seconds: seconds)
            case let open? where open > start:
                // A late result of an earlier bucket (a run started before the current one): stored on its own and merged.
                var late = OpenBucket(start: start)
                late.add(up: up, seconds: seconds)
                Self.enqueue(late.closed(checkID: checkID), in: &buffer)
            default:
                if let closing = buffer.open[checkID], !closing.isEmpty {
                    Self.enqueue(closing.closed(checkID: checkID), in: &buffer)
                }
                var bucket = OpenBucket(start: start)
                bucket.add(up: up, seconds: seconds)
                buffer.open[checkID] = bucket
            }
        }
    }

    /// Merges `buckets` into the database in one transaction, as `write` does (imports, tests, the
    /// benchmark).
    public func store(_ buckets: [CheckBucket], conditions: [ConditionBucket] = []) throws {
        try database.write { db in
            for bucket in buckets { try bucket.merge(into: db) }
            for bucket in conditions { try bucket.merge(into: db) }
        }
    }

    private static func enqueue(_ bucket: CheckBucket, in buffer: inout Buffer) {
        buffer.pending[bucket.checkID, default: []].append(bucket)
        buffer.pendingCount += 1
    }

    /// Writes the buckets that have closed by `now` (with `includingOpen`, the open ones too, as on
    /// shutdown) in as few transactions as possible, and deletes expired buckets when due. Returns
    /// false when a write failed; the buckets are then kept for the next call.
    @discardableResult
    public func write(now: Date, includingOpen: Bool = false) -> Bool {
        io.withLock { io in
            let (batch, conditions) = buffer.withLock {
                (
                    Self.takeWritable(&$0, now: now, includingOpen: includingOpen),
                    Self.takeConditions(&$0, now: now, includingOpen: includingOpen)
                )
            }
            var succeeded = true
            var written = 0
            var conditionsWritten = conditions.isEmpty
            do {
                // One transaction per slice: a slice commits whole or not at all, so on failure
                // exactly the slices not committed go back to memory. The condition buckets (one per
                // owner and bucket, few) go with the first.
                while written < batch.count || !conditionsWritten {
                    let slice = batch[written..<min(written + Self.batchLimit, batch.count)]
                    let conditionSlice = conditionsWritten ? [] : conditions
                    try database.write { db in
                        for bucket in slice { try bucket.merge(into: db) }
                        for bucket in conditionSlice { try bucket.merge(into: db) }
                    }
                    io.transactions += 1
                    written += slice.count
                    conditionsWritten = true
                }
                Self.remember(batch, conditions, in: &io, now: now)
                if io.failing && !(batch.isEmpty && conditions.isEmpty) {
                    Self.logger.notice("history: the state database takes writes again; the kept buckets are written")
                    io.failing = false
                }
            } catch {
                let kept = Array(batch[written...])
                let keptCount = kept.count + (conditionsWritten ? 0 : conditions.count)
                buffer.withLock { buffer in
                    Self.requeue(kept, in: &buffer)
                    if !conditionsWritten { Self.requeue(conditions, in: &buffer) }
                }
                if !io.failing {
                    Self.logger.error(
                        "history: cannot write \(keptCount) buckets to the state database (\(error)); they stay in memory and are written again in \(Self.writeInterval)"
                    )
                }
                io.failing = true
                succeeded = false
            }
            if now.timeIntervalSince(io.retainedAt) >= Self.retentionInterval {
                do {
                    try deleteExpired(now: now)
                    io.retainedAt = now
                } catch {
                    Self.logger.error("history: cannot delete buckets older than the retention (\(error))")
                    succeeded = false
                }
            }
            return succeeded
        }
    }

    /// Moves the buckets to write out of the buffer: the closed ones, and the open ones on shutdown
    /// (a later result opens the bucket afresh; the two parts are merged when written).
    private static func takeWritable(_ buffer: inout Buffer, now: Date, includingOpen: Bool) -> [CheckBucket] {
        let current = CheckBucket.start(of: Int64(now.timeIntervalSince1970.rounded(.down)))
        for (checkID, bucket) in buffer.open where includingOpen || bucket.start < current {
            if !bucket.isEmpty { enqueue(bucket.closed(checkID: checkID), in: &buffer) }
            buffer.open[checkID] = nil
        }
        let batch = buffer.pending.values.flatMap { $0 }
        buffer.pending.removeAll(keepingCapacity: true)
        buffer.pendingCount = 0
        return batch
    }

    /// Keeps what a write committed for as long as a cached read may be older than it.
    private static func remember(
        _ written: [CheckBucket], _ conditions: [ConditionBucket], in io: inout IOState, now: Date
    ) {
        io.writes += 1
        for bucket in written { io.recentlyWritten[bucket.checkID, default: []].append((io.writes, now, bucket)) }
        for bucket in conditions {
            io.recentlyWrittenConditions[bucket.owner, default: []].append((io.writes, now, bucket))
        }
        let horizon = now.addingTimeInterval(-2 * summaryMaxAge)
        for (check, entries) in io.recentlyWritten {
            let kept = entries.filter { $0.at >= horizon }
            io.recentlyWritten[check] = kept.isEmpty ? nil : kept
        }
        for (owner, entries) in io.recentlyWrittenConditions {
            let kept = entries.filter { $0.at >= horizon }
            io.recentlyWrittenConditions[owner] = kept.isEmpty ? nil : kept
        }
    }

    private static func requeue(_ batch: [CheckBucket], in buffer: inout Buffer) {
        let excess = max(0, batch.count + buffer.pendingCount - backlogLimit)
        if excess > 0 {
            logger.error("history: \(excess) buckets dropped: more than \(backlogLimit) are waiting to be written")
        }
        for bucket in batch.sorted(by: { $0.start > $1.start }).dropLast(excess) { enqueue(bucket, in: &buffer) }
    }
}
