import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// `f` on the topology highlights a flow's path: its systems and edges heavy, in the flow's style,
/// the other lines muted, and a caption naming the flow, its path and its state.
@Suite struct TopologyFlowTests {
    /// The fixture landscape with two flows: `order-to-erp` (shop → erp, down) on the orders
    /// interface, and `customer-to-shop` (crm → erp → shop, up) on the customer sync.
    static func snapshot(paths: Bool = true) -> Snapshot {
        var interfaces = Fixtures.interfaces
        let started = Fixtures.now.addingTimeInterval(-20)
        interfaces[0].checks.append(
            CheckStatus(
                id: "order-to-erp", kind: "flow", target: "http://erp/{{ id }}", intervalSeconds: 5,
                last: CheckResult(
                    checkID: "order-to-erp", up: false, startedAt: started, durationSeconds: 10,
                    errorClass: .flowTimeout, reason: "order 4711 not in ERP after 10s"),
                path: paths ? ["shop", "erp"] : nil))
        interfaces[1].checks.append(
            CheckStatus(
                id: "customer-to-shop", kind: "flow", target: "http://shop/{{ id }}", intervalSeconds: 5,
                last: CheckResult(
                    checkID: "customer-to-shop", up: true, startedAt: started, durationSeconds: 1,
                    errorClass: nil, reason: "customer 17 in the shop after 1.0s"),
                path: paths ? ["crm", "erp", "shop"] : nil))
        return Fixtures.snapshot(interfaces: interfaces)
    }

    static func render(width: Int, flow: String, glyphs: Glyphs = .unicode) -> Canvas {
        let snapshot = snapshot()
        let graph = TopologyGraph(snapshot)
        var canvas = Canvas(width: width, height: 20)
        TopologyView.render(
            into: &canvas, y: 0, height: 20, graph: graph, layout: TopologyLayout(graph), selected: "crm",
            flow: TopologyFlow.all(in: snapshot).first { $0.id == flow }, glyphs: glyphs)
        return canvas
    }

    /// The cells of `canvas` whose text is one of `characters`, with their roles.
    static func cells(_ canvas: Canvas, _ characters: Set<String>) -> [StyleRole] {
        (0..<canvas.height).flatMap { y in
            (0..<canvas.width).compactMap { x in characters.contains(canvas[x, y].text) ? canvas[x, y].role : nil }
        }
    }

    @Test func theFlowsAreListedInConfigOrderWithTheirPaths() {
        let flows = TopologyFlow.all(in: Self.snapshot())
        #expect(flows.map(\.id) == ["order-to-erp", "customer-to-shop"])
        #expect(flows.map(\.systems) == [["shop", "erp"], ["crm", "erp", "shop"]])
        #expect(flows.map(\.state) == [.down, .ok])
        let old = TopologyFlow.all(in: Self.snapshot(paths: false))
        #expect(old.map(\.systems) == [["shop", "erp"], ["crm", "erp"]], "without a path: the interface's two ends")
    }

    @Test func fCyclesThroughTheFlowsThenBackToNone() {
        let flows = TopologyFlow.all(in: Self.snapshot())
        #expect(TopologyFlow.next(after: nil, in: flows) == "order-to-erp")
        #expect(TopologyFlow.next(after: "order-to-erp", in: flows) == "customer-to-shop")
        #expect(TopologyFlow.next(after: "customer-to-shop", in: flows) == nil)
        #expect(TopologyFlow.next(after: "gone", in: flows) == "order-to-erp")
    }

    @Test func thePathsEdgesRunItsWayAndTheOtherWayRoundOnlyWhereNoneDoes() {
        let snapshot = Self.snapshot()
        let graph = TopologyGraph(snapshot)
        let flow = TopologyFlow.all(in: snapshot)[1]
        let edges = flow.edges(in: graph).map { "\(graph.edges[$0].from)>\(graph.edges[$0].to)" }
        // As the config's `FlowPath` finds the hops: erp → shop runs the flow's way, so shop → erp is left dark.
        #expect(Set(edges) == ["crm>erp", "erp>shop"])
    }

    @Test func aFailingFlowsPathIsHeavyInTheDownStyleUnderItsCaption() {
        let canvas = Self.render(width: 80, flow: "order-to-erp")
        #expect(canvas.line(0).hasPrefix(" ✖ flow order-to-erp  shop → erp  DOWN flow_timeout: order 4711 not in ERP"))
        let text = canvas.text
        #expect(text.contains("┃✔ 财务系统 (ERP)"), "the path's systems are heavy:\n\(text)")
        #expect(text.contains("┃▲ Webshop"))
        #expect(text.contains("│✖ CRM"), "the selected system's blast radius gives way to the flow")
        let heavy = Self.cells(canvas, ["━", "┃", "┏", "┓", "┗", "┛", "┳", "┻", "┣", "┫", "╋"])
            .filter { $0 != .ok && $0 != .degraded }  // the boxes' borders keep their system's state
        #expect(!heavy.isEmpty && heavy.allSatisfy { $0 == .down }, "the path's lines are down: \(heavy)")
        let light = Self.cells(canvas, ["─", "│", "┌", "┐", "└", "┘"]).filter { $0 != .down && $0 != .unknown }
        #expect(light.contains(.muted), "the other lines are muted")
        #expect(!light.contains(.degraded), "even a degraded line off the path")
    }

    @Test func aPassingFlowsPathTakesTheAccent() {
        let canvas = Self.render(width: 80, flow: "customer-to-shop")
        #expect(canvas.line(0).hasPrefix(" ✔ flow customer-to-shop  crm → erp → shop  UP  customer 17 in the shop"))
        #expect(canvas.text.contains("┃✖ CRM"))
        #expect(Self.cells(canvas, ["━"]).contains(.accent))
    }

    @Test func withoutColourOrUnicodeThePathIsDrawnWithEqualsSigns() {
        let canvas = Self.render(width: 80, flow: "order-to-erp", glyphs: .ascii)
        #expect(canvas.line(0).hasPrefix(" x flow order-to-erp  shop -> erp  DOWN flow_timeout: order 4711"))
        #expect(canvas.text.contains("="), "\(canvas.text)")
        let strange = canvas.text.unicodeScalars.filter { !$0.isASCII && !(0x4E00...0x9FFF).contains($0.value) }
        #expect(strange.isEmpty)
    }

    @Test func inTheNarrowTreeTheCaptionIsCutAndTheTreeMovesDown() throws {
        let canvas = Self.render(width: 30, flow: "order-to-erp")
        #expect(canvas.line(0) == " ✖ flow order-to-erp  shop →… ")
        #expect(canvas.line(1).contains("CRM"), "the tree starts under the caption:\n\(canvas.text)")
        let erp = try #require((0..<canvas.height).first { canvas.line($0).contains("财务系统 (ERP)") })
        #expect(canvas[1, erp].role == .down, "the branch into a system of the failing path is down")
        for row in 0..<canvas.height { #expect(DisplayWidth.of(canvas.line(row)) == 30) }
    }

    /// The screen's text after `keys` on the topology of a terminal.
    static func play(_ keys: [Key?], columns: Int = 80, rows: Int = 24, unicode: Bool = true) async -> String {
        await Fixtures.play(
            keys, source: FakeDataSource(snapshot()), start: .topology, columns: columns, rows: rows, unicode: unicode
        ).text
    }

    @Test func fHighlightsTheNextFlowAndEscClearsItWithoutLeavingTheTopology() async {
        let first = await Self.play([.character("f")])
        #expect(first.contains("flow order-to-erp  shop → erp  DOWN"), "\(first)")
        let second = await Self.play([.character("f"), .character("f")])
        #expect(second.contains("flow customer-to-shop  crm → erp → shop  UP"), "\(second)")
        let none = await Self.play([.character("f"), .character("f"), .character("f")])
        #expect(!none.contains("flow "), "after the last flow, none:\n\(none)")
        let cleared = await Self.play([.character("f"), .escape])
        #expect(!cleared.contains("flow order-to-erp"), "\(cleared)")
        #expect(cleared.contains("[2 Topology]"), "Esc cleared the flow and stayed:\n\(cleared)")
    }

    @Test func theTopologyOpenedFromAnInterfaceWithAFlowHighlightsIt() async {
        let screen = await Fixtures.play(
            [.enter, .character("2")], source: FakeDataSource(Self.snapshot()), start: .interfaces
        ).text
        #expect(screen.contains("[2 Topology]") && screen.contains("flow customer-to-shop"), "\(screen)")
        let plain = await Fixtures.play(
            [.down, .enter, .character("2")], source: FakeDataSource(Self.snapshot()), start: .interfaces
        ).text
        #expect(plain.contains("[2 Topology]") && !plain.contains("flow "), "no flow on that one:\n\(plain)")
    }

    @Test func atASmallTerminalTheCaptionFitsOneLine() async {
        let screen = await Self.play([.character("f")], columns: 60, rows: 16, unicode: false)
        let lines = screen.components(separatedBy: "\n")
        let caption = lines.first { $0.contains("flow order-to-erp") }
        #expect(caption.map { DisplayWidth.of($0) <= 60 && $0.hasSuffix("~") } == true, "\(screen)")
    }

    @Test func theHelpListsTheFlowKey() {
        let rows = KeyTableTests.helpRows(on: .topology)
        #expect(rows.contains { $0.hasPrefix("f ") && $0.contains("highlight the next flow's path") }, "\(rows)")
    }
}
