import Foundation
import GRDB
import SwitchboardCore

/// Runs of jobs and their lines in the state database, with retention per job.
///
/// Runs and tail positions are read as records (`JobRunRecord`, `TailPositionRecord`); lines are
/// written with one cached statement and read with a cursor, their text left in SQLite's buffer
/// until the filter has passed it. A line's row id is `run id << 32 | line number`: the lines of a run are one range of rows,
/// read in order without a second index, and deleted in one statement.
public final class JobLogStore: Sendable {
    public let pool: DatabasePool

    public init(database: StateDatabase) {
        pool = database.pool
    }

    static func lineRowID(run: Int64, line: Int) -> Int64 { run << 32 | Int64(line) }

    /// Records the start of a run and gives it the job's next number.
    public func startRun(jobID: String, at time: Date, externalID: String? = nil) throws -> JobRunSummary {
        try pool.write { db in
            let number =
                try Int.fetchOne(
                    db, sql: "SELECT COALESCE(MAX(number), 0) + 1 FROM job_runs WHERE job_id = ?", arguments: [jobID])
                ?? 1
            try db.execute(
                sql: """
                    INSERT INTO job_runs (job_id, number, external_id, started_at, result)
                    VALUES (?, ?, ?, ?, 'running')
                    """, arguments: [jobID, number, externalID, time.timeIntervalSince1970])
            return JobRunSummary(
                id: db.lastInsertedRowID, jobID: jobID, number: number, externalID: externalID, startedAt: time,
                result: .running)
        }
    }

    /// Stores numbered lines of a run and adds them (and `dropped`) to the run's counts.
    public func append(runID: Int64, lines: [JobLogLine], dropped: Int = 0) throws {
        guard !lines.isEmpty || dropped > 0 else { return }
        try pool.write { db in
            let insert = try db.cachedStatement(
                sql: "INSERT INTO job_lines (id, at, stream, level, text) VALUES (?, ?, ?, ?, ?)")
            var bytes = 0
            var firstError: Int?
            for line in lines {
                bytes += line.bytes.count
                if firstError == nil, line.level == .error { firstError = line.number }
                try insert.execute(arguments: [
                    Self.lineRowID(run: runID, line: line.number), line.time.timeIntervalSince1970,
                    line.stream.rawValue, line.level?.rawValue, Data(line.bytes),
                ])
            }
            try db.execute(
                sql: """
                    UPDATE job_runs SET line_count = line_count + ?, byte_count = byte_count + ?,
                        dropped_lines = dropped_lines + ?, first_error_line = COALESCE(first_error_line, ?)
                    WHERE id = ?
                    """, arguments: [lines.count, bytes, dropped, firstError, runID])
        }
    }

    /// Records how a run ended.
    @discardableResult
    public func finishRun(
        runID: Int64, at time: Date, result: JobRunResult, exitCode: Int? = nil, message: String? = nil,
        records: Int? = nil
    ) throws -> JobRunSummary? {
        try pool.write { db in
            try db.execute(
                sql: """
                    UPDATE job_runs SET ended_at = ?, result = ?, exit_code = ?, message = COALESCE(?, message),
                        records = COALESCE(?, records)
                    WHERE id = ?
                    """,
                arguments: [time.timeIntervalSince1970, result.rawValue, exitCode, message, records, runID])
            return try JobRunRecord.fetchOne(db, key: runID)?.summary
        }
    }

    /// Sets the run id and record count a log file or push gave while the run goes on.
    public func annotate(runID: Int64, externalID: String?, records: Int?) throws {
        try pool.write { db in
            try db.execute(
                sql:
                    "UPDATE job_runs SET external_id = COALESCE(?, external_id), records = COALESCE(?, records) WHERE id = ?",
                arguments: [externalID, records, runID])
        }
    }

    /// Marks runs left `running` by a previous process as abandoned; returns how many.
    @discardableResult
    public func abandonRunning(at time: Date, message: String = "switchboard stopped while it ran") throws -> Int {
        try pool.write { db in
            try db.execute(
                sql: "UPDATE job_runs SET result = 'abandoned', ended_at = ?, message = ? WHERE result = 'running'",
                arguments: [time.timeIntervalSince1970, message])
            return db.changesCount
        }
    }

    /// The newest runs of a job, newest first.
    public func runs(jobID: String, limit: Int = 50) throws -> [JobRunSummary] {
        try pool.read { db in
            try JobRunRecord.filter(Column("job_id") == jobID).order(Column("number").desc).limit(limit).fetchAll(db)
                .map(\.summary)
        }
    }

    /// One run by its number within the job, or the newest without one.
    public func run(jobID: String, number: Int? = nil) throws -> JobRunSummary? {
        try pool.read { db in
            let runs = JobRunRecord.filter(Column("job_id") == jobID)
            let request =
                if let number { runs.filter(Column("number") == number) } else { runs.order(Column("number").desc) }
            return try request.fetchOne(db)?.summary
        }
    }

    public func run(id: Int64) throws -> JobRunSummary? {
        try pool.read { db in
            try JobRunRecord.fetchOne(db, key: id)?.summary
        }
    }

    /// The newest run of a job that has ended, whichever way.
    public func lastFinishedRun(jobID: String) throws -> JobRunSummary? {
        try pool.read { db in
            try JobRunRecord.filter(Column("job_id") == jobID && Column("result") != "running")
                .order(Column("number").desc).fetchOne(db)?.summary
        }
    }

    /// When the job last succeeded (the end of that run).
    public func lastSuccess(jobID: String) throws -> Date? {
        try pool.read { db in
            try Double.fetchOne(
                db, sql: "SELECT MAX(ended_at) FROM job_runs WHERE job_id = ? AND result = 'succeeded'",
                arguments: [jobID]
            ).map { Date(timeIntervalSince1970: $0) }
        }
    }

    /// How many runs of a job ended each way (for `switchboard_job_runs_total`).
    public func resultCounts(jobID: String) throws -> [JobRunResult: Int] {
        try pool.read { db in
            var counts: [JobRunResult: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT result, COUNT(*) AS n FROM job_runs WHERE job_id = ? GROUP BY result",
                arguments: [jobID])
            {
                if let result = JobRunResult(rawValue: row["result"]) { counts[result] = row["n"] }
            }
            return counts
        }
    }

    /// The lines of a run that pass the filter, in order.
    public func lines(runID: Int64, filter: JobLineFilter = JobLineFilter()) throws -> [JobLogLine] {
        var lines: [JobLogLine] = []
        try scan(runID: runID, filter: filter) { line in
            lines.append(line)
            return filter.limit.map { lines.count < $0 } ?? true
        }
        return lines
    }

    /// How many lines of a run the filter passes, without building them.
    public func count(runID: Int64, filter: JobLineFilter) throws -> Int {
        try pool.read { db in
            var count = 0
            let cursor = try Row.fetchCursor(
                db, sql: Self.scanSQL(filter), arguments: Self.scanArguments(runID, filter))
            while let row = try cursor.next() {
                let matched = try row.withUnsafeData(atIndex: 4) { data in
                    guard let regex = filter.regex else { return true }
                    return (data ?? Data()).withUnsafeBytes { regex.matches($0) }
                }
                if matched { count += 1 }
            }
            return count
        }
    }

    /// Calls `body` with each passing line until it returns false.
    public func scan(runID: Int64, filter: JobLineFilter, _ body: (JobLogLine) throws -> Bool) throws {
        try pool.read { db in
            let cursor = try Row.fetchCursor(
                db, sql: Self.scanSQL(filter), arguments: Self.scanArguments(runID, filter))
            while let row = try cursor.next() {
                let bytes: [UInt8]? = try row.withUnsafeData(atIndex: 4) { data in
                    let data = data ?? Data()
                    guard let regex = filter.regex else { return [UInt8](data) }
                    return data.withUnsafeBytes { regex.matches($0) ? [UInt8]($0) : nil }
                }
                guard let bytes else { continue }
                let line = JobLogLine(
                    number: Int((row[0] as Int64) & 0xFFFF_FFFF), time: Date(timeIntervalSince1970: row[1]),
                    stream: JobLogLine.Stream(rawValue: row[2]) ?? .log, level: (row[3] as Int?).flatMap(LogLevel.init),
                    bytes: bytes)
                if try !body(line) { return }
            }
        }
    }

    private static func scanSQL(_ filter: JobLineFilter) -> String {
        "SELECT id, at, stream, level, text FROM job_lines WHERE id > ? AND id <= ?"
            + (filter.minimumLevel == nil ? "" : " AND level >= ?") + " ORDER BY id"
    }

    private static func scanArguments(_ runID: Int64, _ filter: JobLineFilter) -> StatementArguments {
        var arguments: StatementArguments = [
            lineRowID(run: runID, line: filter.afterLine), lineRowID(run: runID, line: 0xFFFF_FFFF),
        ]
        if let level = filter.minimumLevel { arguments += [level.rawValue] }
        return arguments
    }

    /// Deletes the oldest finished runs of a job beyond its retention (count, then bytes).
    /// Returns the numbers of the runs deleted.
    @discardableResult
    public func applyRetention(jobID: String, retention: JobRetention) throws -> [Int] {
        try pool.write { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, number, byte_count, result FROM job_runs WHERE job_id = ? ORDER BY number DESC",
                arguments: [jobID])
            var kept = 0
            var bytes = 0
            var deleted: [Int] = []
            var full = false
            for row in rows {
                let size: Int = row["byte_count"]
                let running = (row["result"] as String) == JobRunResult.running.rawValue
                full = full || kept >= retention.runs || (kept > 0 && bytes + size > retention.bytes)
                if running || !full {
                    kept += 1
                    bytes += size
                    continue
                }
                let id: Int64 = row["id"]
                try db.execute(
                    sql: "DELETE FROM job_lines WHERE id > ? AND id <= ?",
                    arguments: [Self.lineRowID(run: id, line: 0), Self.lineRowID(run: id, line: 0xFFFF_FFFF)])
                try db.execute(sql: "DELETE FROM job_runs WHERE id = ?", arguments: [id])
                deleted.append(row["number"])
            }
            return deleted
        }
    }

    /// The saved read position of a tailed log file.
    public func tailPosition(jobID: String) throws -> TailPosition? {
        try pool.read { db in
            try TailPositionRecord.fetchOne(db, key: jobID)?.position
        }
    }

    public func saveTailPosition(_ position: TailPosition, jobID: String) throws {
        try pool.write { db in
            try TailPositionRecord(position, jobID: jobID).insert(db, onConflict: .replace)
        }
    }
}

/// Where a tailed file was read up to: which file (device and inode) and the byte offset.
public struct TailPosition: Sendable, Equatable {
    public var device: Int64
    public var inode: Int64
    public var offset: Int64

    public init(device: Int64, inode: Int64, offset: Int64) {
        self.device = device
        self.inode = inode
        self.offset = offset
    }
}
