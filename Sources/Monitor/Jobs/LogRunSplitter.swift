import Foundation
import SwitchboardCore

/// Cuts the lines of a log file into runs with the job's patterns: a start line opens a run, an
/// end line closes it; the run's id, record count and success come from the other patterns.
/// Lines outside any run are counted, not stored.
final class LogRunSplitter {
    let jobID: String
    let source: LogFileSource
    let ledger: JobRunLedger
    private var current: RunRecorder?
    private var pending: [[UInt8]] = []
    private var sawFailure = false
    private var sawSuccess = false
    private var records: Int?
    private(set) var linesOutsideRuns = 0

    init(jobID: String, source: LogFileSource, ledger: JobRunLedger) {
        self.jobID = jobID
        self.source = source
        self.ledger = ledger
    }

    func consume(_ lines: [[UInt8]], at time: Date) throws {
        for line in lines {
            if source.start.matches(line) {
                if current != nil {
                    try close(
                        at: time, result: source.end == nil ? judgement : .abandoned,
                        message: source.end == nil ? nil : "the next run started before this one's end line")
                }
                try open(line, at: time)
            }
            guard current != nil else {
                linesOutsideRuns += 1
                continue
            }
            pending.append(line)
            if source.failure?.matches(line) == true { sawFailure = true }
            if source.success?.matches(line) == true { sawSuccess = true }
            if let pattern = source.records, let value = pattern.captures(in: line)?.first,
                let number = value.flatMap({ Int($0) })
            {
                records = number
            }
            if source.end?.matches(line) == true { try close(at: time, result: judgement) }
        }
        try flushPending(at: time)
    }

    /// Adds a note by Switchboard to the open run (`log file rotated`).
    func note(_ text: String, at time: Date) throws {
        guard let current else { return }
        try flushPending(at: time)
        try current.ingest([Array("[switchboard: \(text)]".utf8)], stream: .note, at: time, level: .warn)
    }

    private var judgement: JobRunResult {
        if sawFailure { return .failed }
        if source.success != nil { return sawSuccess ? .succeeded : .failed }
        return .succeeded
    }

    private func open(_ line: [UInt8], at time: Date) throws {
        let externalID = source.runID.flatMap { $0.captures(in: line)?.first ?? nil }
        current = try ledger.start(jobID: jobID, at: time, externalID: externalID, levelPattern: source.level)
        sawFailure = false
        sawSuccess = false
        records = nil
    }

    private func close(at time: Date, result: JobRunResult, message: String? = nil) throws {
        guard let recorder = current else { return }
        try flushPending(at: time)
        try ledger.finish(recorder, at: time, result: result, message: message, records: records)
        current = nil
    }

    private func flushPending(at time: Date) throws {
        guard let current, !pending.isEmpty else { return }
        if let runIDPattern = source.runID, current.run.externalID == nil {
            for line in pending {
                if let id = runIDPattern.captures(in: line)?.first ?? nil {
                    try ledger.store.annotate(runID: current.run.id, externalID: id, records: nil)
                    break
                }
            }
        }
        try current.ingest(pending, stream: .log, at: time)
        pending.removeAll(keepingCapacity: true)
    }
}
