import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// The jobs table and the overview's jobs line, from fixed job states.
@Suite struct JobsViewTests {
    static func run(_ number: Int, _ result: JobRunResult, secondsAgo: Double, took: Double) -> JobRunSummary {
        JobRunSummary(
            id: Int64(number), jobID: "j", number: number, externalID: nil,
            startedAt: Fixtures.now.addingTimeInterval(-secondsAgo),
            endedAt: Fixtures.now.addingTimeInterval(-secondsAgo + took), result: result, exitCode: nil, message: nil,
            lineCount: 10, byteCount: 100, droppedLines: 0, records: nil, firstErrorLine: nil)
    }

    static let jobs = [
        JobStatus(
            id: "payroll", name: "Payroll export", system: "hrm", source: "command", schedule: "0 6 * * 1-5",
            state: .failed, lastRun: run(5, .failed, secondsAgo: 60, took: 3),
            nextRun: Fixtures.now.addingTimeInterval(120)),
        JobStatus(
            id: "sync", name: "CRM sync", system: "crm", source: "log_file", state: .late,
            expectedAt: Fixtures.now.addingTimeInterval(-600)),
    ]

    static func snapshot() -> Snapshot {
        var snapshot = Fixtures.snapshot()
        snapshot.jobs = jobs
        return snapshot
    }

    @Test func eachJobShowsItsStateLastRunAndWhenItIsDue() {
        let terminal = MemoryTerminal()
        terminal.pendingKeys = [.character("5"), .character("q")]
        _ = SessionTests.session(terminal, FakeDataSource(Self.snapshot())).run()
        let text = terminal.text
        #expect(text.contains("✖ FAILED"))
        #expect(text.contains("#5 failed 1m ago"))
        #expect(text.contains("▲ LATE"))
        #expect(text.contains("10m late"), "a late job says how overdue it is:\n\(text)")
    }

    @Test func theOverviewNamesFailedAndLateJobs() {
        let terminal = MemoryTerminal()
        terminal.pendingKeys = [.character("1"), .character("q")]
        _ = SessionTests.session(terminal, FakeDataSource(Self.snapshot())).run()
        #expect(terminal.text.contains("failed: Payroll export"))
        #expect(terminal.text.contains("late: CRM sync"))
    }

    @Test func runNowSendsTheCommandAfterAYes() async throws {
        let source = FakeDataSource(Self.snapshot())
        let terminal = MemoryTerminal()
        terminal.pendingKeys = [.character("5"), .character("R"), .character("y"), .character("q")]
        _ = SessionTests.session(terminal, source).run()
        let deadline = Date().addingTimeInterval(300)
        while source.commands.isEmpty, Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(source.commands == [.runJob(id: "payroll")])
    }
}
