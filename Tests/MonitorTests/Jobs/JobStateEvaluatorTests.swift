import Foundation
import Testing

@testable import Monitor
@testable import SwitchboardCore

@Suite struct JobStateEvaluatorTests {
    static let since = Date.iso("2026-03-02T00:00:00Z")

    static func job(_ cron: String, grace: Duration = .seconds(300), sla: Duration? = nil) -> Job {
        Job(
            id: "load", name: "Load", schedule: .cron(try! CronExpression(parsing: cron)), source: .push, grace: grace,
            sla: sla)
    }

    static func run(_ start: String, _ end: String?, _ result: JobRunResult) -> JobRunSummary {
        JobRunSummary(
            id: 1, jobID: "load", number: 1, startedAt: .iso(start), endedAt: end.map { .iso($0) }, result: result)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var cron = "15 2 * * *"
        var lastRun: JobRunSummary?
        var now: String
        var state: JobState
        var missed = 0
        var expectedAt: String?
        var overSLA = false
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "before the first slot it waits", now: "2026-03-02T01:00:00Z", state: .waiting),
        Case(name: "inside the grace period it still waits", now: "2026-03-02T02:19:00Z", state: .waiting),
        Case(
            name: "past slot plus grace with no run it is late", now: "2026-03-02T02:21:00Z", state: .late,
            expectedAt: "2026-03-02T02:15:00Z"),
        Case(
            name: "when the next slot begins the first is missed", now: "2026-03-03T02:16:00Z", state: .missed,
            missed: 1, expectedAt: "2026-03-02T02:15:00Z"),
        Case(
            name: "three days without a run miss three", now: "2026-03-05T03:00:00Z", state: .missed, missed: 3,
            expectedAt: "2026-03-02T02:15:00Z"),
        Case(
            name: "a run on time succeeded",
            lastRun: run("2026-03-02T02:15:03Z", "2026-03-02T02:40:00Z", .succeeded), now: "2026-03-02T12:00:00Z",
            state: .succeeded),
        Case(
            name: "a failed run shows until the next slot is overdue",
            lastRun: run("2026-03-02T02:15:03Z", "2026-03-02T02:16:00Z", .timedOut), now: "2026-03-03T02:19:00Z",
            state: .failed),
        Case(
            name: "after a failed run the next slot can be late",
            lastRun: run("2026-03-02T02:15:03Z", "2026-03-02T02:16:00Z", .failed), now: "2026-03-03T02:25:00Z",
            state: .late, expectedAt: "2026-03-03T02:15:00Z"),
        Case(
            name: "a running run within its SLA is running",
            lastRun: run("2026-03-02T02:15:03Z", nil, .running), now: "2026-03-02T02:30:00Z", state: .running),
        Case(
            name: "a running run past its SLA is late",
            lastRun: run("2026-03-02T02:15:03Z", nil, .running), now: "2026-03-02T03:30:00Z", state: .late,
            overSLA: true),
        Case(
            name: "a finished run that took too long is over its SLA",
            lastRun: run("2026-03-02T02:15:00Z", "2026-03-02T03:45:00Z", .succeeded), now: "2026-03-02T04:00:00Z",
            state: .succeeded, overSLA: true),
    ])
    func stateFollowsScheduleGraceAndSLA(_ test: Case) {
        let evaluation = JobStateEvaluator.evaluate(
            job: Self.job(test.cron, sla: .seconds(3600)), lastRun: test.lastRun, monitoringSince: Self.since,
            now: .iso(test.now))
        #expect(evaluation.state == test.state)
        #expect(evaluation.missedRuns == test.missed)
        #expect(evaluation.expectedAt == test.expectedAt.map { .iso($0) })
        #expect(evaluation.overSLA == test.overSLA)
    }

    @Test func nextRunIsTheNextSlotAfterNow() {
        let evaluation = JobStateEvaluator.evaluate(
            job: Self.job("*/10 * * * *"), lastRun: nil, monitoringSince: Self.since, now: .iso("2026-03-02T00:43:00Z"))
        #expect(evaluation.nextRun == .iso("2026-03-02T00:50:00Z"))
        #expect(evaluation.state == .missed && evaluation.missedRuns == 3)
    }

    @Test func intervalJobsExpectARunOneIntervalAfterTheLast() {
        let job = Job(
            id: "sync", name: "Sync", schedule: .interval(.seconds(600)), source: .push, grace: .seconds(60))
        let last = Self.run("2026-03-02T10:00:00Z", "2026-03-02T10:01:00Z", .succeeded)
        let onTime = JobStateEvaluator.evaluate(
            job: job, lastRun: last, monitoringSince: Self.since, now: .iso("2026-03-02T10:10:30Z"))
        #expect(onTime.state == .succeeded && onTime.nextRun == .iso("2026-03-02T10:10:00Z"))
        let late = JobStateEvaluator.evaluate(
            job: job, lastRun: last, monitoringSince: Self.since, now: .iso("2026-03-02T10:11:30Z"))
        #expect(late.state == .late && late.expectedAt == .iso("2026-03-02T10:10:00Z"))
        let missed = JobStateEvaluator.evaluate(
            job: job, lastRun: last, monitoringSince: Self.since, now: .iso("2026-03-02T10:35:00Z"))
        #expect(missed.state == .missed && missed.missedRuns == 2)
    }

    @Test func aJobWithoutScheduleIsNeverLate() {
        let job = Job(id: "p", name: "p", source: .push)
        let evaluation = JobStateEvaluator.evaluate(
            job: job, lastRun: nil, monitoringSince: Self.since, now: .iso("2027-01-01T00:00:00Z"))
        #expect(evaluation.state == .waiting && evaluation.nextRun == nil)
    }
}
