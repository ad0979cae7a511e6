import Foundation
import SwitchboardCore
import Testing

@testable import Monitor

@Suite struct CheckHistoryTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// One run every 10 s for `count` runs; `up(i)` decides each outcome, latency grows with i.
    static func history(_ count: Int, up: (Int) -> Bool) -> (CheckHistory, Date) {
        var history = CheckHistory()
        for i in 0..<count {
            history.record(
                CheckResult(
                    checkID: "c", up: up(i), startedAt: start.addingTimeInterval(Double(i * 10)),
                    durationSeconds: Double(i % 100 + 1) / 1000, errorClass: up(i) ? nil : .timeout,
                    reason: up(i) ? "HTTP 200" : "no answer"))
        }
        return (history, start.addingTimeInterval(Double(count * 10)))
    }

    /// The runs `history(count:up:)` records, as the store gives them back.
    static func runs(_ count: Int, up: (Int) -> Bool = { _ in true }) -> [RecentRun] {
        (0..<count).map { i in
            RecentRun(at: start.addingTimeInterval(Double(i * 10)), seconds: Double(i % 100 + 1) / 1000, up: up(i))
        }
    }

    @Test func availabilityCountsRunsInTheWindow() {
        // 2 hours of runs; one in ten fails in the first hour, all pass in the second.
        let up = { (i: Int) in i >= 360 || i % 10 != 0 }
        let (history, now) = Self.history(720, up: up)
        let stats = HealthStats(histories: [history], runs: Self.runs(720, up: up), now: now)
        #expect(stats.availability1h.map { $0 > 0.99 } == true, "the last hour had no failure")
        let day = try! #require(stats.availability24h)
        #expect(abs(day - 0.95) < 0.01, "36 of 720 runs failed: \(day)")
        #expect(stats.errorRate == 0)
        #expect(stats.consecutiveFailures == 0)
    }

    @Test func latencyPercentilesComeFromTheLastHour() throws {
        let (history, now) = Self.history(300) { _ in true }
        let stats = HealthStats(histories: [history], runs: Self.runs(300), now: now)
        #expect(abs(try #require(stats.latencyP50) - 0.05) < 1e-6)
        #expect(abs(try #require(stats.latencyP95) - 0.095) < 1e-6)
        #expect(abs(try #require(stats.latencyP99) - 0.099) < 1e-6)
        #expect(stats.recentRuns.count == HealthStats.recentRunLimit)
        #expect(stats.recentRuns.last?.at == now.addingTimeInterval(-10), "the newest runs, oldest first")
    }

    @Test func streaksAndTheLastFailureAreRemembered() {
        let (history, now) = Self.history(20) { i in i < 17 }
        let stats = HealthStats(histories: [history], runs: Self.runs(20) { i in i < 17 }, now: now)
        #expect(stats.consecutiveFailures == 3)
        #expect(stats.lastFailure?.reason == "no answer")
        #expect(stats.lastFailure?.errorClass == .timeout)
        #expect(stats.lastSuccess == Self.start.addingTimeInterval(160))
        #expect(stats.errorRate.map { abs($0 - 3.0 / 20) < 0.001 } == true)
    }

    @Test func bucketsOfADayAgoAreNotCountedAfterAGap() {
        var history = CheckHistory()
        let run = { (at: Date, up: Bool) in
            CheckResult(
                checkID: "c", up: up, startedAt: at, durationSeconds: 0.01, errorClass: up ? nil : .timeout,
                reason: up ? "HTTP 200" : "no answer")
        }
        for i in 0..<30 { history.record(run(Self.start.addingTimeInterval(Double(i * 10)), false)) }
        // Silence for 25 hours, then one good run: the failures of yesterday are out of every window.
        let back = Self.start.addingTimeInterval(25 * 3600)
        history.record(run(back, true))
        let day = history.counts(within: 86400, now: back)
        #expect(day.runs == 1 && day.successes == 1)
        let hour = history.counts(within: 3600, now: back.addingTimeInterval(60))
        #expect(hour.runs == 1 && hour.successes == 1)
        #expect(history.lastSuccess == back)
        #expect(history.consecutiveFailures == 0)
    }

    @Test func countsStayWithinADay() {
        let (history, now) = Self.history(8640 * 2) { _ in true }
        #expect(history.counts(within: 86400, now: now).runs <= 8640 + 30)
    }
}

@Suite struct HealthThresholdTests {
    static let now = Date(timeIntervalSince1970: 1_000_000)

    static func check(up: Bool, duration: Double = 0.1) -> CheckStatus {
        CheckStatus(
            id: "a", kind: "http", target: "x", intervalSeconds: 10,
            last: CheckResult(
                checkID: "a", up: up, startedAt: now, durationSeconds: duration, errorClass: up ? nil : .timeout,
                reason: ""))
    }

    @Test func downOnlyAfterTheConfiguredStreak() {
        let thresholds = HealthThresholds(downAfter: 3)
        let failing = [Self.check(up: false)]
        #expect(
            HealthEvaluator.state(of: failing, thresholds: thresholds, consecutiveFailures: ["a": 2], now: Self.now)
                == .degraded)
        #expect(
            HealthEvaluator.state(of: failing, thresholds: thresholds, consecutiveFailures: ["a": 3], now: Self.now)
                == .down)
    }

    @Test func slowerThanTheDegradedLatencyIsDegraded() {
        let thresholds = HealthThresholds(degradedLatency: .milliseconds(500))
        #expect(
            HealthEvaluator.state(of: [Self.check(up: true, duration: 0.7)], thresholds: thresholds, now: Self.now)
                == .degraded)
        #expect(
            HealthEvaluator.state(of: [Self.check(up: true, duration: 0.3)], thresholds: thresholds, now: Self.now)
                == .ok)
    }
}
