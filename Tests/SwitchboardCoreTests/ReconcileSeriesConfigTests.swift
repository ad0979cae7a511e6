import PromQL
import SwitchboardCore
import Testing

/// A reconcile side read from a scraped series: `scrape` and a PromQL `series` selector.
@Suite struct ReconcileSeriesConfigTests {
    /// A system with one reconcile check whose target side is `target` (a flow mapping).
    func yaml(target: String) -> String {
        """
        systems:
          - id: erp
            checks:
              - id: r
                reconcile:
                  source: {name: shop, http: {url: "http://shop/count"}, value: '$.count'}
                  target: \(target)
        """
    }

    func errors(_ yaml: String) -> [ConfigError] {
        do {
            _ = try ConfigLoader(environment: [:]).load(yaml: yaml, file: "r.yaml")
            return []
        } catch {
            return error.errors
        }
    }

    @Test func aScrapedSeriesSideLoadsWithItsMatchers() throws {
        let target =
            #"{name: ERP, scrape: {url: "http://erp/metrics"}, series: 'orders_total{channel=~"web|app", env!="test"}'}"#
        let check = try #require(
            try ConfigLoader(environment: [:]).load(yaml: yaml(target: target), file: "r.yaml").systems[0].checks.first)
        guard case .reconcile(let settings) = check.probe,
            case .series(let scrape, let selector) = settings.target.reading
        else {
            Issue.record("expected a reconcile with a scraped target")
            return
        }
        #expect(scrape.url == "http://erp/metrics" && check.probe.target == "http://erp/metrics")
        #expect(selector.text == #"orders_total{channel=~"web|app", env!="test"}"#)
        #expect(
            Set(selector.matchers) == [
                .metricName("orders_total"), try .matching("channel", "web|app"), .notEqual("env", "test"),
            ])
    }

    @Test func aBadSelectorIsAPromQLErrorAtItsColumn() {
        let found = errors(
            yaml(target: #"{name: ERP, scrape: {url: "http://erp/metrics"}, series: 'orders_total{channel=}'}"#))
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix(#"invalid PromQL `orders_total{channel=}`"#) == true, "\(found)")
        // The `}` where a quoted value was expected: the selector starts at column 77 of line 7.
        #expect(found.first?.location?.line == 7)
        #expect(found.first?.location?.column == 77 + 21, "\(String(describing: found.first?.location))")
    }

    @Test func anExpressionIsNotASelector() {
        let found = errors(
            yaml(target: #"{name: ERP, scrape: {url: "http://erp/metrics"}, series: 'sum(orders_total)'}"#))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("expected a series selector such as name{label=\"value\"}") == true)
    }

    @Test func aSideTakesExactlyOneForm() {
        let both = errors(
            yaml(
                target:
                    #"{http: {url: "http://erp/count"}, value: '$.count', scrape: {url: "http://erp/metrics"}, series: x}"#
            ))
        #expect(both.map(\.message) == ["the target of a reconcile takes only one of `http`, `scrape`"])

        let neither = errors(yaml(target: "{name: ERP}"))
        #expect(
            neither.map(\.message) == [
                "missing required key `http (with value) or scrape (with series)` in the target of a reconcile"
            ])

        let mixed = errors(yaml(target: #"{scrape: {url: "http://erp/metrics"}, value: '$.count'}"#))
        #expect(mixed.map(\.message) == ["invalid value `value`: expected `value` only beside `http`"])

        let noSeries = errors(yaml(target: #"{scrape: {url: "http://erp/metrics"}}"#))
        #expect(noSeries.map(\.message) == ["missing required key `series` in the target of a reconcile"])

        let labels = errors(yaml(target: #"{scrape: {url: "http://erp/metrics", labels: {a: b}}, series: x}"#))
        #expect(labels.first?.message.hasPrefix("unknown key `labels` in scrape") == true, "\(labels)")
    }
}
