import Testing

@testable import SwitchboardCore

/// A flow's `via:`: the systems its record passes between its interface's ends; every system must
/// exist and every consecutive pair of the path must be joined by an interface, either way round.
@Suite struct FlowPathConfigTests {
    static let flow = """
        flow: {within: 1m, start: {http: {url: "http://s/o"}, extract: {id: '$.id'}},
               arrive: {http: {url: "http://e/{{ id }}"}}, VIA}
        """

    /// shop → esb → erp over two interfaces (the second drawn erp → esb), shop → erp directly, and
    /// erp → shop back.
    func yaml(via: String) -> String {
        """
        systems: [{id: shop}, {id: esb}, {id: erp}, {id: crm}]
        interfaces:
          - {id: shop-esb, from: shop, to: esb}
          - {id: erp-esb, from: erp, to: esb}
          - id: shop-erp
            from: shop
            to: erp
            checks:
              - id: order-to-erp
        """ + "\n"
            + Self.flow.replacingOccurrences(of: "VIA", with: via).split(separator: "\n")
            .map { "        " + $0 }.joined(separator: "\n") + "\n"
            + "  - {id: erp-shop, from: erp, to: shop}\n"
    }

    func errors(_ yaml: String) -> [ConfigError] {
        let errors = #expect(throws: ConfigErrors.self) {
            try ConfigLoader(environment: [:]).load(yaml: yaml, file: "f.yaml")
        }
        return errors?.errors ?? []
    }

    @Test func viaLoadsAndThePathsHopsAreTheInterfacesEitherWayRound() throws {
        let landscape = try ConfigLoader(environment: [:]).load(yaml: yaml(via: "via: [esb]"), file: "f.yaml")
        let interface = try #require(landscape.interfaces.first { $0.id == "shop-erp" })
        let check = try #require(interface.checks.first)
        guard case .flow(let flow) = check.probe else {
            Issue.record("expected a flow")
            return
        }
        #expect(flow.via == ["esb"])
        let path = try #require(landscape.flowPath(of: check, on: interface))
        #expect(path.systems == ["shop", "esb", "erp"])
        #expect(path.hops.map(\.interfaces) == [["shop-esb"], ["erp-esb"]], "erp → esb joins esb and erp too")
    }

    @Test func withoutViaThePathIsTheInterfacesTwoEnds() throws {
        let landscape = try ConfigLoader(environment: [:]).load(
            yaml: yaml(via: "poll: 5s"), file: "f.yaml")
        let interface = try #require(landscape.interfaces.first { $0.id == "shop-erp" })
        let path = try #require(landscape.flowPath(of: interface.checks[0], on: interface))
        // erp → shop joins the two as well, but runs against the flow: shop → erp is its hop.
        #expect(path.systems == ["shop", "erp"] && path.hops.map(\.interfaces) == [["shop-erp"]])
    }

    @Test func anUnknownSystemIsRefusedWhereItStands() {
        let found = errors(yaml(via: "via: [esbb]"))
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.message == "no system with id `esbb`; did you mean `esb`?")
        #expect(found.first?.location?.line == 11 && found.first?.location?.column == 66)
    }

    @Test func aHopNoInterfaceJoinsIsRefusedAtTheViaEntry() {
        // No interface joins esb and crm, nor crm and erp: both hops are reported at `crm`.
        let found = errors(yaml(via: "via: [esb, crm]"))
        #expect(
            found.map(\.message)
                == ["esb", "erp"].map {
                    "invalid value `crm`: expected a system joined to `\($0)` by an interface "
                        + "(the flow's path is shop → esb → crm → erp)"
                })
        #expect(found.allSatisfy { $0.location?.line == 11 && $0.location?.column == 71 })
    }

    @Test func viaOnASystemsFlowIsRefused() {
        let found = errors(
            """
            systems: [{id: erp, checks: [{id: f, flow: {within: 1m, via: [erp],
              start: {http: {url: "http://s/o"}, extract: {id: '$.id'}}, arrive: {http: {url: "http://e/{{ id }}"}}}}]}]
            """)
        #expect(found.count == 1 && found.first?.location?.line == 1 && found.first?.location?.column == 57)
        #expect(found.first?.message.contains("no `via` on a system's flow") == true)
    }

    @Test func viaMustBeAList() {
        let found = errors(yaml(via: "via: esb"))
        #expect(found.first?.message == #"expected a list of system ids, found the string "esb""#)
    }
}
