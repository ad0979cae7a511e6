import Foundation
import GRDB
import SwitchboardCore

/// A row of `job_runs`: one run of a job and its counts.
struct JobRunRecord: StateRecord {
    static let databaseTableName = "job_runs"

    var id: Int64
    var jobID: String
    var number: Int
    var externalID: String?
    var startedAt: Date
    var endedAt: Date?
    var result: String
    var exitCode: Int?
    var message: String?
    var lineCount: Int
    var byteCount: Int
    var droppedLines: Int
    var records: Int?
    var firstErrorLine: Int?

    enum CodingKeys: String, CodingKey {
        case id, number, result, message, records
        case jobID = "job_id"
        case externalID = "external_id"
        case startedAt = "started_at"
        case endedAt = "ended_at"
        case exitCode = "exit_code"
        case lineCount = "line_count"
        case byteCount = "byte_count"
        case droppedLines = "dropped_lines"
        case firstErrorLine = "first_error_line"
    }

    var summary: JobRunSummary {
        JobRunSummary(
            id: id, jobID: jobID, number: number, externalID: externalID, startedAt: startedAt, endedAt: endedAt,
            result: JobRunResult(rawValue: result) ?? .abandoned, exitCode: exitCode, message: message,
            lineCount: lineCount, byteCount: byteCount, droppedLines: droppedLines, records: records,
            firstErrorLine: firstErrorLine)
    }
}
