import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// The Jobs drill-down and the Logs view, on a fake data source with one job's runs.
@Suite struct LogsViewTests {
    static let runID: Int64 = 42

    static func line(_ number: Int, _ text: String, level: LogLevel? = .info) -> JobLogLine {
        JobLogLine(
            number: number, time: Fixtures.now.addingTimeInterval(Double(number) - 100), stream: .stdout,
            level: level, bytes: Array(text.utf8))
    }

    /// 60 lines: INFO lines, a WARN at 20, an ERROR at 30 with a stack trace, an escape sequence at 31.
    static let lines: [JobLogLine] = (1...60).map { number in
        switch number {
        case 20: line(number, "WARN slow upstream: 812 ms", level: .warn)
        case 30: line(number, "ERROR java.sql.SQLException: deadlock detected", level: .error)
        case 31: line(number, "\u{1B}[31m\tat com.erp.Loader.load(Loader.java:88)", level: .error)
        default: line(number, "INFO loaded batch \(number) of 60")
        }
    }

    static let run = JobRunSummary(
        id: runID, jobID: "payroll", number: 5, startedAt: Fixtures.now.addingTimeInterval(-100),
        endedAt: Fixtures.now.addingTimeInterval(-40), result: .failed, exitCode: 1, lineCount: 60, byteCount: 2_000,
        firstErrorLine: 30)

    static func source() -> FakeDataSource {
        var snapshot = JobsViewTests.snapshot()
        snapshot.jobs[0].lastRun = run
        let source = FakeDataSource(snapshot)
        var older = run
        older.id = 41
        older.number = 4
        older.result = .succeeded
        older.exitCode = 0
        older.firstErrorLine = nil
        source.jobLogs = [runID: (run, lines), 41: (older, [line(1, "INFO all good")])]
        return source
    }

    /// The same job with run #5 still running.
    static func runningSource() -> FakeDataSource {
        let source = source()
        var running = run
        (running.result, running.endedAt, running.exitCode) = (.running, nil, nil)
        source.jobLogs[runID] = (running, lines)
        source.snapshot.jobs[0].lastRun = running
        return source
    }

    static func play(_ keys: [Key?], source: FakeDataSource = source()) async -> MemoryTerminal {
        await Fixtures.play(keys, source: source, start: .jobs)
    }

    static func play(
        _ keys: [Key?], source: FakeDataSource = source(), settled: @escaping (ConsoleSession) -> Bool
    ) async -> MemoryTerminal {
        await Fixtures.play(keys, source: source, start: .jobs, settled: settled)
    }

    @Test func enterOnAJobListsItsRunsNewestFirst() async {
        let text = await Self.play([.enter]).text
        #expect(text.contains("runs of Payroll export"))
        let newest = text.range(of: "#5")
        let older = text.range(of: "#4")
        #expect(newest != nil && older != nil && newest!.lowerBound < older!.lowerBound)
        #expect(text.contains("line 30"))
        #expect(text.contains("exit 1"))
    }

    @Test func enterOnARunShowsTheEndOfItsLog() async {
        let terminal = await Self.play([.enter, .enter])
        let text = terminal.text
        #expect(text.contains("Payroll export  run #5  failed (exit 1)"))
        #expect(text.contains("lines 43-60 of 60  first error: line 30 (e)"))
        #expect(text.contains("finished") && !text.contains("FOLLOW"), "a run that ended has nothing to follow")
        #expect(text.contains("loaded batch 60 of 60"))  // following: the end is on screen
        #expect(!text.contains("loaded batch 1 of 60"))
    }

    @Test func sixOnTheJobsViewOpensTheNewestRunOfTheSelectedJob() async {
        let text = await Self.play([.character("6")]).text
        #expect(text.contains("run #5"))
        #expect(text.contains("loaded batch 60 of 60"))
    }

    @Test func firstErrorJumpsToItAndStopsFollowing() async {
        #expect(await Self.play([.character("6")], source: Self.runningSource()).text.contains("FOLLOW"))
        let terminal = await Self.play([.character("6"), .character("e")], source: Self.runningSource())
        let text = terminal.text
        #expect(!text.contains("FOLLOW"))
        #expect(text.contains("30 ERROR java.sql.SQLException"))
        #expect(text.contains("31 ^[[31m  at com.erp.Loader"))  // the escape shown, not obeyed
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("loaded batch 60 of 60"))
        let row = terminal.text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("SQLException") }!
        #expect(terminal.role(x: 5, y: row) == .down)
    }

    @Test func levelFilterHidesLinesBelowIt() async {
        let text = await Self.play([.character("6"), .character("L"), .character("L")]).text  // INFO+, then WARN+
        #expect(text.contains("WARN+"))
        #expect(text.contains("slow upstream"))
        #expect(text.contains("SQLException"))
        #expect(!text.contains("loaded batch"))
    }

    @Test func searchFindsTheNextMatchAndMarksIt() async {
        let keys: [Key?] =
            [.character("6"), .character("g"), .character("/")] + "deadlock".map { Key.character($0) } + [.enter]
        let terminal = await Self.play(keys)
        let rows = terminal.text.split(separator: "\n", omittingEmptySubsequences: false)
        let row = rows.firstIndex { $0.contains("deadlock detected") }!
        #expect(rows[row].hasPrefix(" 30>"))
        let column = rows[row].distance(from: rows[row].startIndex, to: rows[row].range(of: "deadlock")!.lowerBound)
        #expect(terminal.role(x: column, y: row) == .selection)
        #expect(terminal.text.contains("/deadlock"))
    }

    @Test func searchIsCaseInsensitiveUnlessThePatternHasACapital() async {
        #expect(LogSearch("sqlexception")!.matches("java.sql.SQLException"))
        #expect(!LogSearch("SQLEXCEPTION")!.matches("java.sql.SQLException"))
        #expect(LogSearch("(") == nil)
        let lines = [(number: 1, text: "a"), (number: 2, text: "b"), (number: 3, text: "a")]
        #expect(LogSearch("a")!.next(in: lines, after: 1, forward: true) == 3)
        #expect(LogSearch("a")!.next(in: lines, after: 3, forward: true) == 1)  // wraps around
        #expect(LogSearch("a")!.next(in: lines, after: 3, forward: false) == 1)
    }

    @Test func scrollingUpStopsFollowingAndFollowResumesIt() async {
        let text = await Self.play([.character("6"), .character("k")], source: Self.runningSource()).text
        #expect(!text.contains("FOLLOW"))
        #expect(!text.contains("loaded batch 60 of 60"))
        let resumed = await Self.play(
            [.character("6"), .character("k"), .character("f")], source: Self.runningSource()
        ).text
        #expect(resumed.contains("loaded batch 60 of 60"))
        #expect(resumed.contains("FOLLOW"))
    }

    @Test func wrapShowsTheRestOfALongLineOnTheNextRows() async {
        var lines = Self.lines
        lines[59] = Self.line(60, "INFO " + String(repeating: "x", count: 100) + " END")
        let source = Self.source()
        source.jobLogs[Self.runID] = (Self.run, lines)
        let unwrapped = await Self.play([.character("6")], source: source).text
        #expect(!unwrapped.contains("END"))
        let wrapped = await Self.play([.character("6"), .character("w")], source: source).text
        #expect(wrapped.contains("x END"))
    }

    @Test func timestampsShowWhenEachLineWasWritten() async {
        let stamp = LogsView.timestamp(Self.lines[59].time, timeZone: Fixtures.utc)
        let plain = await Self.play([.character("6")]).text
        let stamped = await Self.play([.character("6"), .character("t")]).text
        #expect(!plain.contains(stamp))
        #expect(stamped.contains(" 60 " + stamp + "INFO loaded batch 60"))
    }

    @Test func saveWritesTheWholeRunAsWrittenToANewFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sb-save-\(UUID().uuidString).log")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var keys: [Key?] = [.character("6"), .character("s")]
        keys += Array(repeating: Key.backspace, count: "payroll-run5.log".count - 1)  // keep one character
        keys += [.backspace] + path.map { Key.character($0) } + [.enter]
        let terminal = await Self.play(keys) { !$0.mailbox.isEmpty }
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(saved.split(separator: "\n").count == 60)
        #expect(saved.contains("\u{1B}[31m"))  // a file gets the bytes as written
        #expect(terminal.text.contains("saved 60 lines"))
    }

    @Test func aJobThatNeverRanSaysSo() async {
        let source = Self.source()
        var snapshot = source.snapshot
        snapshot.jobs[0].lastRun = nil
        source.snapshot = snapshot
        #expect(await Self.play([.character("6")], source: source).text.contains("has not run yet"))
    }

    @Test func bufferFollowingPastItsCapacityLetsTheOldestLinesGo() async {
        var buffer = LogBuffer(runID: 1)
        var run = Self.run
        run.result = .running
        let total = LogBuffer.capacity + 10
        run.lineCount = total
        let all = (1...total).map { Self.line($0, "x") }
        buffer.merge(JobLogPage(run: run, lines: all), following: true)
        #expect(buffer.lines.count == LogBuffer.capacity)
        #expect(buffer.startsAfter == 10)
        #expect(buffer.lines.first?.number == 11)
        #expect(buffer.wantsMore(following: true))  // still running

        var anchored = LogBuffer(runID: 1)
        anchored.merge(JobLogPage(run: run, lines: all), following: false)
        #expect(anchored.lines.count == LogBuffer.capacity)
        #expect(anchored.startsAfter == 0)
        #expect(!anchored.wantsMore(following: false))  // full: waits for the user to move to the end
    }

    @Test func styledLinesWrapAndScrollByDisplayColumns() async {
        let line = StyledLine("ab受注cd", role: .normal)
        #expect(line.width == 8)
        #expect(
            line.wrapped(width: 3).map { $0.pieces.map { String($0.character) }.joined() } == ["ab", "受", "注c", "d"])
        #expect(line.dropping(columns: 3).pieces.map { String($0.character) }.joined() == " 注cd")
    }
}
