import Foundation
import Monitor
import SwitchboardCore
import Testing

@Suite struct HealthEvaluatorTests {
    static let now = Date(timeIntervalSince1970: 1_000_000)

    static func check(_ id: String, _ last: (up: Bool, error: ProbeErrorClass?, age: Double)?) -> CheckStatus {
        CheckStatus(
            id: id, kind: "http", target: "http://x", intervalSeconds: 10,
            last: last.map {
                CheckResult(
                    checkID: id, up: $0.up, startedAt: now.addingTimeInterval(-$0.age), durationSeconds: 0.1,
                    errorClass: $0.error, reason: "")
            })
    }

    @Test func noResultIsUnknown() {
        #expect(HealthEvaluator.state(of: [Self.check("a", nil)], now: Self.now) == .unknown)
    }

    @Test func staleResultIsUnknownNeverOK() {
        #expect(HealthEvaluator.state(of: [Self.check("a", (true, nil, 25))], now: Self.now) == .unknown)
    }

    @Test func allFreshPassingIsOK() {
        let checks = [Self.check("a", (true, nil, 5)), Self.check("b", (true, nil, 15))]
        #expect(HealthEvaluator.state(of: checks, now: Self.now) == .ok)
    }

    @Test func allFailingIsDown() {
        let checks = [Self.check("a", (false, .timeout, 5)), Self.check("b", (false, .httpStatus, 1))]
        #expect(HealthEvaluator.state(of: checks, now: Self.now) == .down)
    }

    @Test func someFailingIsDegraded() {
        let checks = [Self.check("a", (false, .timeout, 5)), Self.check("b", (true, nil, 1))]
        #expect(HealthEvaluator.state(of: checks, now: Self.now) == .degraded)
    }

    @Test func slowButAnsweringIsDegradedNotDown() {
        #expect(HealthEvaluator.state(of: [Self.check("a", (false, .latency, 1))], now: Self.now) == .degraded)
    }

    @Test func aStaleFailureDoesNotOutweighAFreshPass() {
        let checks = [Self.check("a", (false, .timeout, 60)), Self.check("b", (true, nil, 1))]
        #expect(HealthEvaluator.state(of: checks, now: Self.now) == .ok)
    }
}
