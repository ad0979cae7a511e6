import Foundation
import Testing

@testable import SwitchboardCore

/// A `flow:` check: `${NAME}` is filled in at load, `{{ name }}` per run; a `{{ name }}` that no
/// earlier step extracts is refused where it stands.
@Suite struct FlowConfigTests {
    func load(_ yaml: String) throws -> Landscape {
        try ConfigLoader(environment: ["SHOP": "http://shop:8080", "ERP": "http://erp:9090"]).load(
            yaml: yaml, file: "f.yaml")
    }

    func errors(_ yaml: String) -> [ConfigError] {
        let errors = #expect(throws: ConfigErrors.self) { try load(yaml) }
        return errors?.errors ?? []
    }

    @Test func theIssuesExampleLoads() throws {
        let yaml = """
            systems: [{id: shop}, {id: erp}]
            interfaces:
              - id: shop-erp
                from: shop
                to: erp
                checks:
                  - id: order-to-erp
                    flow:
                      start:  {http: {url: "${SHOP}/api/test-orders", method: POST, body: '{"sku": "PROBE-1"}'},
                               extract: {order_id: '$.id', receipt: '//Receipt/@no', line: 'line (\\d+)'}}
                      arrive: {http: {url: "${ERP}/api/orders/{{ order_id }}", headers: {X-Receipt: "{{receipt}}"}},
                               expect: {json: ['$.status == "POSTED"']}}
                      within: 2m
                      poll: 5s
                    interval: 5m
            """
        let check = try #require(try load(yaml).interfaces.first?.checks.first)
        guard case .flow(let flow) = check.probe else {
            Issue.record("expected a flow")
            return
        }
        #expect(check.probe.kind == "flow" && check.interval == .seconds(300))
        #expect(flow.start.request.url == "http://shop:8080/api/test-orders" && flow.start.request.method == "POST")
        #expect(flow.start.extract.map(\.name) == ["order_id", "receipt", "line"])
        guard case .jsonPath = flow.start.extract[0].source, case .xpath = flow.start.extract[1].source,
            case .regex = flow.start.extract[2].source
        else {
            Issue.record("expected a JSON path, an XPath and a regex")
            return
        }
        #expect(flow.arrive.request.url == "http://erp:9090/api/orders/{{ order_id }}")
        #expect(flow.arrive.request.headers.first?.1 == "{{receipt}}")
        #expect(flow.arrive.expect.json.map(\.description) == [#"$.status == "POSTED""#])
        #expect(flow.within == .seconds(120) && flow.poll == .seconds(5))
        #expect(flow.maxRunsInFlight(interval: check.interval) == 3)
    }

    @Test func anUnknownValueIsRefusedAtItsColumn() {
        let yaml = """
            systems:
              - id: erp
                checks:
                  - id: f
                    flow:
                      start: {http: {url: "http://shop/o", method: POST}, extract: {order_id: '$.id'}}
                      arrive: {http: {url: "http://erp/orders/{{ orderid }}"}}
                      within: 1m
            """
        let found = errors(yaml)
        #expect(found.count == 1)
        #expect(found.first?.location?.line == 7)
        #expect(found.first?.location?.column == 51, "the column of {{ in the URL")
        #expect(
            found.first?.message
                == "invalid value `{{ orderid }}`: expected a value extracted by an earlier step of the flow (`order_id`)"
        )
    }

    @Test func theStartStepHasNoValuesToUse() {
        let yaml = """
            systems: [{id: erp, checks: [{id: f, flow: {within: 1m,
              start: {http: {url: "http://shop/o", body: "{{ id }}"}, extract: {id: '$.id'}},
              arrive: {http: {url: "http://erp/{{ id }}"}}}}]}]
            """
        let found = errors(yaml)
        #expect(found.count == 1 && found.first?.location?.line == 2)
        #expect(found.first?.message.contains("the first step has no earlier step") == true)
    }

    @Test func withinIsRequiredAndPollMayNotExceedIt() {
        let missing = errors(
            """
            systems: [{id: erp, checks: [{id: f, flow: {start: {http: {url: "http://s/o"}, extract: {id: '$.id'}},
              arrive: {http: {url: "http://e/{{ id }}"}}}}]}]
            """)
        #expect(missing.first?.message == "missing required key `within` in flow")
        let slow = errors(
            """
            systems: [{id: erp, checks: [{id: f, flow: {within: 10s, poll: 1m,
              start: {http: {url: "http://s/o"}, extract: {id: '$.id'}}, arrive: {http: {url: "http://e/{{ id }}"}}}}]}]
            """)
        #expect(slow.first?.message == "invalid value `1m`: expected a poll interval no longer than `within` (10s)")
        #expect(slow.first?.location?.line == 1)
    }

    @Test func anExtractionNeedsAKindItCanRead() {
        let found = errors(
            """
            systems: [{id: erp, checks: [{id: f, flow: {within: 1m,
              start: {http: {url: "http://s/o"}, extract: {id: 'order \\d+', total: '$.total > 3'}},
              arrive: {http: {url: "http://e/{{ id }}"}}}}]}]
            """)
        #expect(found.count == 2, "\(found)")
        #expect(
            found.first?.message
                == #"invalid value `order \d+`: expected a JSON path ($.id), an XPath (//OrderId) or a regex with one capture group"#
        )
        #expect(found.first?.location?.line == 2 && found.first?.location?.column == 52, "the quote before the regex")
        #expect(found.last?.message.contains("a JSON path without a comparison") == true)
    }

    @Test func anExpectBesideTheFlowIsRefused() {
        let found = errors(
            """
            systems: [{id: erp, checks: [{id: f, expect: {status: [200]}, flow: {within: 1m,
              start: {http: {url: "http://s/o"}, extract: {id: '$.id'}}, arrive: {http: {url: "http://e/{{ id }}"}}}}]}]
            """)
        #expect(found.count == 1 && found.first?.location?.line == 1 && found.first?.location?.column == 38)
        #expect(found.first?.message.contains("a flow's goes under `arrive`") == true)
    }

    @Test func theStartStepMustExtractSomething() {
        let found = errors(
            """
            systems: [{id: erp, checks: [{id: f, flow: {within: 1m, start: {http: {url: "http://s/o"}},
              arrive: {http: {url: "http://e/"}}}}]}]
            """)
        #expect(found.first?.message == "missing required key `extract` in the start step of a flow")
    }

    @Test func theReadmeExamplesLoad() throws {
        let section = try #require(
            ReadmeConfigTests.readme.components(separatedBy: "### Flow checks").dropFirst().first?
                .components(separatedBy: "\n## ").first)
        let blocks = section.components(separatedBy: "```yaml\n").dropFirst().compactMap {
            $0.components(separatedBy: "```").first
        }
        var kinds: [String] = []
        for block in blocks {
            let indented = block.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n")
            let landscape = try load(
                "systems: [{id: shop}, {id: esb}, {id: erp}]\ninterfaces:\n"
                    + "  - {id: shop-esb, from: shop, to: esb}\n  - {id: esb-erp, from: esb, to: erp}\n"
                    + "  - id: shop-erp\n    from: shop\n    to: erp\n    checks:\n" + indented + "\n")
            kinds += landscape.interfaces.flatMap(\.checks).map(\.probe.kind)
        }
        // The active and passive flows, the one with `via`, the reconcile.
        #expect(kinds == ["flow", "flow", "flow", "reconcile"])
    }
}

/// A `reconcile:` check: two counts, a tolerance as a number or a percentage, a grace period.
@Suite struct ReconcileConfigTests {
    @Test func aReconcileLoadsAndABadToleranceIsRefusedWhereItStands() throws {
        let yaml = """
            systems: [{id: erp, checks: [{id: r, reconcile: {what: orders today, tolerance: 2%, grace: 10m,
              source: {name: shop, http: {url: "http://shop/count"}, value: '$.count'},
              target: {name: ERP, http: {url: "http://erp/count"}, value: '$.total'}}}]}]
            """
        let check = try #require(
            try ConfigLoader(environment: [:]).load(yaml: yaml, file: "r.yaml").systems[0].checks.first)
        guard case .reconcile(let settings) = check.probe else {
            Issue.record("expected a reconcile")
            return
        }
        #expect(settings.tolerance == .percent(2) && settings.grace == .seconds(600) && settings.what == "orders today")
        guard case .json(_, let value) = settings.target.reading else {
            Issue.record("expected a JSON path")
            return
        }
        #expect(settings.source.name == "shop" && value.description == "$.total")

        let bad = yaml.replacingOccurrences(of: "tolerance: 2%", with: "tolerance: lots")
        let errors = #expect(throws: ConfigErrors.self) {
            try ConfigLoader(environment: [:]).load(yaml: bad, file: "r.yaml")
        }
        #expect(errors?.errors.first?.message == "invalid value `lots`: expected a tolerance such as 5 or 2%")
        #expect(errors?.errors.first?.location?.line == 1 && errors?.errors.first?.location?.column == 81)
    }
}
