import Foundation
import Testing

@testable import SwitchboardCore

/// `slo:` on an interface: an objective as percent or ratio, a window (28d by default), and an
/// optional `good`/`total` PromQL pair checked at load; every mistake names its place.
@Suite struct SLOConfigTests {
    static func config(_ slo: String) -> String {
        """
        systems: [{id: shop}, {id: erp}]
        interfaces:
          - id: orders
            from: shop
            to: erp
            slo: \(slo)
        """
    }

    static func load(_ slo: String) throws -> ServiceLevelObjective? {
        try ConfigLoader(environment: [:]).load(yaml: config(slo), file: "s.yaml").interfaces.first?.slo
    }

    static func firstError(_ slo: String) -> String? {
        do {
            _ = try ConfigLoader(environment: [:]).load(yaml: config(slo), file: "s.yaml")
            return nil
        } catch {
            return error.errors.first?.description
        }
    }

    @Test func aPercentObjectiveOverTheDefaultWindowCountsTheChecks() throws {
        let slo = try #require(try Self.load("{objective: 99.5%}"))
        #expect(abs(slo.objective - 0.995) < 1e-12)
        #expect(slo.window == .seconds(28 * 86_400))
        #expect(slo.indicator == .checks)
        #expect(abs(slo.errorBudget - 0.005) < 1e-12)
    }

    @Test func aRatioObjectiveAndAWindow() throws {
        let slo = try #require(try Self.load("{objective: 0.999, window: 7d}"))
        #expect(slo.objective == 0.999)
        #expect(slo.window == .seconds(7 * 86_400))
    }

    @Test func aGoodTotalPairIsKept() throws {
        let slo = try #require(
            try Self.load(
                #"{objective: 99%, good: 'sum(rate(http_requests_total{code!~"5.."}[$window]))', total: 'sum(rate(http_requests_total[$window]))'}"#
            ))
        #expect(
            slo.indicator
                == .ratio(
                    good: #"sum(rate(http_requests_total{code!~"5.."}[$window]))"#,
                    total: "sum(rate(http_requests_total[$window]))"))
    }

    @Test func anInterfaceWithoutSLOHasNone() throws {
        let yaml = "systems: [{id: a}, {id: b}]\ninterfaces: [{id: i, from: a, to: b}]"
        #expect(try ConfigLoader(environment: [:]).load(yaml: yaml, file: "s.yaml").interfaces[0].slo == nil)
    }

    @Test(arguments: [
        ("{objective: 100%}", "s.yaml:6:22: error: invalid value `100%`: expected a percentage such as 99.5%"),
        ("{objective: 99.5}", "s.yaml:6:22: error: invalid value `99.5`: expected a percentage such as 99.5%"),
        ("{objective: lots}", "s.yaml:6:22: error: invalid value `lots`: expected a percentage"),
        ("{objective: 99%, window: soon}", "s.yaml:6:35: error: invalid value `soon`: expected a duration"),
        ("{window: 7d}", "s.yaml:6:10: error: missing required key `objective` in slo"),
        ("{objective: 99%, windw: 7d}", "s.yaml:6:27: error: unknown key `windw` in slo; did you mean `window`?"),
        (
            "{objective: 99%, good: 'sum(rate(ok[$window]))'}",
            "s.yaml:6:10: error: missing required key `total` in slo (with `good`)"
        ),
        (
            "{objective: 99%, good: 'sum(ok)', total: 'sum(all)'}",
            "s.yaml:6:33: error: invalid value `sum(ok)`: expected a PromQL expression with a range `[$window]`"
        ),
        (
            "{objective: 99%, good: 'sum(rate(ok[$window])', total: 'sum(rate(all[$window]))'}",
            "s.yaml:6:37: error: invalid PromQL expression `sum(rate(ok[$window])`: unclosed left parenthesis"
        ),
        (
            "{objective: 99%, good: 'ok[$window]', total: 'sum(rate(all[$window]))'}",
            "s.yaml:6:33: error: invalid PromQL expression `ok[$window]`: expected a number, found range vector"
        ),
    ])
    func mistakesNameTheirPlace(slo: String, expected: String) {
        let error = Self.firstError(slo)
        #expect(error?.hasPrefix(expected) == true, "\(error ?? "no error")")
    }
}
