import Foundation
import PromQL
import SwitchboardCore
import Testing

@testable import Monitor

/// `conditionReports`, as `switchboard check` uses it after one run: each condition on its own,
/// and a range function starved of samples said plainly instead of passing for clear.
@Suite struct ConditionReportTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// The verdict of `when` on an interface whose store holds one sample of `queue_depth` (42)
    /// and one of `processed_total` (7), as after one scrape.
    func verdict(_ when: String, state: HealthState = .degraded) async -> ConditionReport.Verdict? {
        let engine = HealthConditionTests.engine(
            interface: [HealthCondition(when: when, state: state, reason: "{{ $value }} seen")])
        defer { Task { await engine.shutdown() } }
        engine.store.append(
            [Sample("queue_depth", ["queue": "orders"], 42), Sample("processed_total", ["queue": "orders"], 7)],
            at: Int64(Self.start.timeIntervalSince1970 * 1000))
        let reports = engine.conditionReports(now: Self.start)
        #expect(reports.map(\.interface) == ["orders"] && reports.map(\.system) == ["erp"])
        return reports.first?.verdict
    }

    @Test(arguments: [
        ("queue_depth > 40", ConditionReport.Verdict.holds(.down, reason: "42 seen")),
        ("queue_depth > 50", .clear),
        ("max_over_time(queue_depth[10m]) > 40", .holds(.down, reason: "42 seen")),
        ("increase(processed_total[10m]) < 1", .notEvaluated(why: "needs 10m of samples")),
        ("sum(rate(processed_total[15m])) == 0", .notEvaluated(why: "needs 15m of samples")),
        (
            "rate(processed_total[5m]) > 0 or increase(processed_total[1h]) > 0",
            .notEvaluated(why: "needs 1h of samples")
        ),
        ("absent_over_time(queue_depth[10m])", .clear),
        ("increase(never_scraped_total[10m]) > 0", .clear),
    ])
    func eachConditionHasItsVerdict(when: String, expected: ConditionReport.Verdict) async {
        #expect(await verdict(when, state: .down) == expected, "\(when)")
    }

    @Test func onlyAHoldingDownConditionIsDown() {
        let report = { (verdict: ConditionReport.Verdict) in
            ConditionReport(interface: "i", system: "s", condition: "x", verdict: verdict, evaluatedAt: Self.start)
        }
        #expect(report(.holds(.down, reason: "r")).isDown)
        #expect(!report(.holds(.degraded, reason: "r")).isDown)
        #expect(!report(.notEvaluated(why: "w")).isDown && !report(.clear).isDown)
    }
}
