import Foundation
import TestSupport
import Testing

@testable import Monitor
@testable import SwitchboardCore

@Suite struct LogFileJobTests {
    let scratch = ScratchDirectory()

    func source(readFrom: LogFileSource.ReadFrom = .start) throws -> LogFileSource {
        LogFileSource(
            path: scratch.path("talend.log"), start: try PosixRegex("Job orders started"),
            end: try PosixRegex("Job orders (ended|failed)"), failure: try PosixRegex("Job orders failed|Exception"),
            runID: try PosixRegex("run=([0-9a-f]+)"), records: try PosixRegex("rows written: ([0-9]+)"),
            readFrom: readFrom)
    }

    /// An engine whose log-file job is polled by hand: one `poll()` per call.
    struct Harness {
        let engine: JobEngine
        let job: Job
        let tailer: LogFileTailer
        let splitter: LogRunSplitter

        func poll() { engine.pollOnce(job, tailer, splitter) }
    }

    func harness(_ source: LogFileSource, saved: TailPosition? = nil) throws -> Harness {
        let job = Job(id: "orders", name: "Orders", system: "erp", source: .logFile(source))
        let engine = try JobEngine(jobs: [job], store: SeriesStore(), database: StateDatabase(directory: scratch.url))
        return Harness(
            engine: engine, job: job, tailer: LogFileTailer(path: source.path, readFrom: source.readFrom, saved: saved),
            splitter: LogRunSplitter(jobID: job.id, source: source, ledger: engine.ledger))
    }

    @Test func splitsRunsByPatternsAndReadsIdRecordsAndResult() throws {
        let harness = try harness(try source())
        try scratch.append(
            """
            noise before any run
            02:15 Job orders started run=beef01
            02:16 INFO rows written: 120
            02:17 INFO rows written: 4711
            02:18 Job orders ended
            03:15 Job orders started run=beef02
            03:16 ERROR java.sql.SQLException: deadlock
            \tat com.acme.Orders.load(Orders.java:42)
            03:17 Job orders failed

            """, to: "talend.log")
        harness.poll()
        let runs = try harness.engine.runs(jobID: "orders")
        #expect(runs.map(\.result) == [.failed, .succeeded])
        #expect(runs.map(\.externalID) == ["beef02", "beef01"])
        #expect(runs[1].records == 4711 && runs[1].lineCount == 4)
        #expect(runs[0].firstErrorLine == 2)
        let lines = try harness.engine.lines(runID: runs[0].id)
        #expect(lines.map(\.level) == [nil, .error, .error, nil], "the stack frame inherits the error level")
        #expect(harness.splitter.linesOutsideRuns == 1)
        #expect(harness.engine.status("orders")?.state == .failed)
    }

    @Test func followsAppendsAcrossPollsAndAPartialLine() throws {
        let harness = try harness(try source())
        try scratch.append("Job orders started run=1\nrows wri", to: "talend.log")
        harness.poll()
        #expect(harness.engine.status("orders")?.state == .running)
        try scratch.append("tten: 9\nJob orders ended\n", to: "talend.log")
        harness.poll()
        let run = try #require(try harness.engine.runs(jobID: "orders").first)
        #expect(run.result == .succeeded && run.records == 9 && run.lineCount == 3)
    }

    @Test func survivesRotationTruncationAndDeletion() throws {
        let harness = try harness(try source())
        let path = scratch.path("talend.log")
        try scratch.append("Job orders started run=a1\nrows written: 1\n", to: "talend.log")
        harness.poll()
        try scratch.append("rows written: 2\n", to: "talend.log")
        try FileManager.default.moveItem(atPath: path, toPath: path + ".1")  // rotation
        try scratch.append("rows written: 3\nJob orders ended\n", to: "talend.log")
        harness.poll()
        var run = try #require(try harness.engine.runs(jobID: "orders").first)
        #expect(run.result == .succeeded && run.records == 3)
        var texts = try harness.engine.lines(runID: run.id).map(\.text)
        #expect(texts.contains("rows written: 2"), "lines written to the old file before rotation are read")
        #expect(texts.contains("[switchboard: log file rotated]"))

        try "Job orders started run=b2\n".write(toFile: path, atomically: false, encoding: .utf8)  // truncation
        harness.poll()
        try scratch.append("rows written: 5\n", to: "talend.log")
        harness.poll()
        try FileManager.default.removeItem(atPath: path)  // deletion while tailed
        harness.poll()
        harness.poll()
        try scratch.append("Job orders ended\n", to: "talend.log")  // comes back
        harness.poll()
        run = try #require(try harness.engine.runs(jobID: "orders").first)
        texts = try harness.engine.lines(runID: run.id).map(\.text)
        #expect(run.number == 2 && run.externalID == "b2" && run.records == 5 && run.result == .succeeded)
        #expect(texts.contains("[switchboard: log file deleted]"))
    }

    @Test func readsFromTheEndOfAnExistingFileAndResumesFromTheSavedPosition() throws {
        try scratch.append("Job orders started run=a0\nJob orders ended\n", to: "talend.log")
        let first = try harness(try source(readFrom: .end))
        first.poll()
        #expect(try first.engine.runs(jobID: "orders").isEmpty, "history before tailing began is not replayed")
        try scratch.append("Job orders started run=b1\nJob orders ended\n", to: "talend.log")
        first.poll()
        let saved = try #require(first.tailer.position)
        try scratch.append("Job orders started run=c2\nJob orders ended\n", to: "talend.log")
        let second = try harness(try source(readFrom: .end), saved: saved)
        second.poll()
        #expect(try second.engine.runs(jobID: "orders").map(\.externalID) == ["c2", "b1"])
    }

    @Test func tailerReportsEventsDirectly() throws {
        let path = scratch.path("plain.log")
        let tailer = LogFileTailer(path: path, readFrom: .start)
        #expect(tailer.poll().events.isEmpty, "a file that does not exist yet is waited for quietly")
        try scratch.append("a\nb", to: "plain.log")
        var poll = tailer.poll()
        #expect(poll.lines == [Array("a".utf8)] && poll.events == [.opened(fromOffset: 0)])
        try FileManager.default.removeItem(atPath: path)
        poll = tailer.poll()
        #expect(poll.lines == [Array("b".utf8)] && poll.events == [.deleted])
    }
}
