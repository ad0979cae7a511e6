import Foundation
import Testing

@testable import SwitchboardCore

/// A `graphql:` check is a POST of its query and variables as JSON; bad variables name their place.
@Suite struct GraphQLConfigTests {
    @Test func theQueryAndVariablesBecomeTheJSONBody() throws {
        let yaml = """
            systems:
              - id: shop
                checks:
                  - id: orders-api
                    graphql:
                      url: http://127.0.0.1:9/graphql
                      query: 'query($sku: String!) { product(sku: $sku) { stock } }'
                      variables: {sku: "PROBE-1", limit: 2}
                      headers: {Authorization: "Bearer ${TOKEN}"}
                    expect:
                      json: ['$.product.stock > 0']
            """
        let landscape = try ConfigLoader(environment: ["TOKEN": "t0k"]).load(yaml: yaml, file: "g.yaml")
        let check = try #require(landscape.systems.first?.checks.first)
        #expect(check.probe.kind == "graphql" && check.probe.target == "http://127.0.0.1:9/graphql")
        guard case .graphql(let settings) = check.probe else {
            Issue.record("expected a graphql probe")
            return
        }
        #expect(settings.http.method == "POST")
        #expect(settings.http.headers.map(\.0) == ["Authorization", "Content-Type", "Accept"])
        #expect(settings.http.headers.first?.1 == "Bearer t0k")
        let body = try #require(settings.http.body)
        let sent = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        #expect(sent["query"] as? String == "query($sku: String!) { product(sku: $sku) { stock } }")
        #expect((sent["variables"] as? [String: Any])?["sku"] as? String == "PROBE-1")
        #expect((sent["variables"] as? [String: Any])?["limit"] as? Int == 2)
    }

    @Test func variablesMayBeAJSONString() throws {
        let yaml = """
            systems: [{id: s, checks: [{id: c, graphql: {url: "http://h/g", query: "{ a }", variables: '{"n": [1, 2]}'}}]}]
            """
        let check = try #require(
            try ConfigLoader(environment: [:]).load(yaml: yaml, file: "g.yaml").systems[0].checks.first)
        guard case .graphql(let settings) = check.probe else {
            Issue.record("expected a graphql probe")
            return
        }
        #expect(settings.variables == #"{"n":[1,2]}"#)
    }

    @Test func aListOfVariablesIsRefusedWhereItStands() {
        let yaml = """
            systems: [{id: s, checks: [{id: c, graphql: {url: "http://h/g", query: "{ a }", variables: [1, 2]}}]}]
            """
        let errors = #expect(throws: ConfigErrors.self) {
            try ConfigLoader(environment: [:]).load(yaml: yaml, file: "g.yaml")
        }
        let error = errors?.errors.first
        #expect(error?.description.hasPrefix("g.yaml:1:") == true)
        #expect(error?.message.hasSuffix("expected variables as a mapping or a JSON object") == true)
    }

    @Test func aQueryIsRequired() {
        let yaml = "systems: [{id: s, checks: [{id: c, graphql: {url: \"http://h/g\"}}]}]\n"
        let errors = #expect(throws: ConfigErrors.self) {
            try ConfigLoader(environment: [:]).load(yaml: yaml, file: "g.yaml")
        }
        #expect(errors?.errors.first?.message.contains("query") == true)
    }

    @Test func certMinDaysNeedsAnHTTPSURLAsForHTTPChecks() {
        let yaml = """
            systems: [{id: s, checks: [{id: c, graphql: {url: "http://h/g", query: "{ a }"}, expect: {cert_min_days: 14}}]}]
            """
        let errors = #expect(throws: ConfigErrors.self) {
            try ConfigLoader(environment: [:]).load(yaml: yaml, file: "g.yaml")
        }
        #expect(errors?.errors.first?.message.contains("since cert_min_days reads its certificate") == true)
    }
}
