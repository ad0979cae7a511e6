import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// The topology: graph, layers, line joints, the drawn graph and its fallback tree.
@Suite struct TopologyTests {
    static let graph = TopologyGraph(Fixtures.snapshot())

    @Test func blastRadiusFollowsEdgesDownstreamOnly() {
        // crm → erp ⇄ shop; wms → shop.
        #expect(Self.graph.downstream(of: "crm") == ["erp", "shop"])
        #expect(Self.graph.downstream(of: "wms") == ["shop", "erp"])
        #expect(Self.graph.downstream(of: "shop") == ["erp"], "a cycle ends where it started")
        let radius = Self.graph.blastRadius(of: "erp")
        #expect(radius.systems == ["erp", "shop"])
        #expect(radius.interfaces == ["invoices"])
    }

    @Test func dependsOnCountsAsAnEdgeFromTheNeededSystem() {
        var snapshot = Fixtures.snapshot()
        snapshot.systems[3].dependsOn = ["crm"]  // wms needs crm
        let graph = TopologyGraph(snapshot)
        #expect(graph.downstream(of: "crm").contains("wms"))
        #expect(graph.edgesIn(to: "wms").map(\.from) == ["crm"])
    }

    @Test func layersPutUpstreamLeftAndBreakLongEdgesIntoPassages() {
        let layout = TopologyLayout(Self.graph)
        let layerOf = layout.positions().compactMapValues { $0.0 }
        #expect(layerOf[.system("crm")] == 0)
        #expect(layerOf[.system("wms")] == 0)
        #expect(layerOf[.system("erp")] == 1)
        #expect(layerOf[.system("shop")] == 2)
        // wms → shop skips a layer: it passes through layer 1 as a passage, in two hops.
        #expect(layout.layers[1].contains { if case .passage = $0 { true } else { false } })
        // erp → shop → erp closes a cycle: the way back is laid out left to right, marked reversed.
        #expect(layout.hops.count == 5)
        #expect(layout.hops.filter(\.reversed).count == 1)
    }

    @Test func aCycleStillGetsLayersAndDrawsItsForwardEdges() {
        var snapshot = Fixtures.snapshot()
        snapshot.interfaces.append(
            Fixtures.interface("loop", "Loop back", from: "shop", to: "crm", kind: .rest, state: .ok, result: nil))
        let layout = TopologyLayout(TopologyGraph(snapshot))
        #expect(layout.layers.flatMap { $0 }.filter { if case .system = $0 { true } else { false } }.count == 4)
    }

    static let joints: [(LineCanvas.Directions, String)] = [
        ([.left, .right], "─"), ([.up, .down], "│"), ([.right, .down], "┌"), ([.left, .right, .down], "┬"),
        ([.up, .down, .right], "├"), ([.left, .right, .up, .down], "┼"),
    ]

    @Test(arguments: joints)
    func linesThatMeetJoin(_ directions: LineCanvas.Directions, _ expected: String) {
        #expect(LineCanvas.character(directions, glyphs: .unicode) == expected)
        #expect(LineCanvas.character([.left, .right], heavy: true, glyphs: .unicode) == "━")
        #expect(["-", "|", "+"].contains(LineCanvas.character(directions, glyphs: .ascii)))
    }

    static func render(width: Int, selected: String?, glyphs: Glyphs = .unicode) -> Canvas {
        var canvas = Canvas(width: width, height: 20)
        TopologyView.render(
            into: &canvas, y: 0, height: 20, graph: graph, layout: TopologyLayout(graph), selected: selected,
            glyphs: glyphs)
        return canvas
    }

    @Test func drawsBoxesWithArrowsAndMarksAFailingEdge() {
        let text = Self.render(width: 80, selected: nil).text
        #expect(text.contains("│✖ CRM"))
        #expect(text.contains("▶│✔ 财务系统 (ERP)"))
        #expect(text.contains("✖─▶"), "the down interface's edge carries the down glyph:\n\(text)")
        #expect(text.contains("│◀"), "shop → erp closes the cycle and points back into the ERP box:\n\(text)")
    }

    @Test func theSelectedBlastRadiusIsDrawnHeavyAndDescribed() {
        let text = Self.render(width: 80, selected: "erp").text
        #expect(text.contains("┃✔ 财务系统 (ERP)"), "the selected system is heavy:\n\(text)")
        #expect(text.contains("┃▲ Webshop"), "so is what is downstream")
        #expect(text.contains("│✖ CRM"), "upstream stays light")
        #expect(text.contains("blast radius: 1 system, 1 interface downstream: Webshop"))
        #expect(text.contains("in:  ✖ Customer sync ← crm"))
    }

    @Test func aNarrowTerminalGetsTheDependencyTree() {
        let canvas = Self.render(width: 30, selected: "crm")
        let text = canvas.text
        #expect(text.contains("✖ CRM"))
        #expect(text.contains("└─▶ ✔ 财务系统 (ERP)"), "got:\n\(text)")
        for row in 0..<canvas.height { #expect(DisplayWidth.of(canvas.line(row)) == 30) }
    }

    @Test func asciiTopologyHasNoUnicode() {
        let text = Self.render(width: 80, selected: "erp", glyphs: .ascii).text
        let strange = text.unicodeScalars.filter { !$0.isASCII && !(0x4E00...0x9FFF).contains($0.value) }
        #expect(strange.isEmpty, "found \(String(String.UnicodeScalarView(strange)))")
        #expect(text.contains("->") || text.contains(">|"))
    }

    @Test func parallelInterfacesAreCountedAtTheArrowheadBesideTheWorstGlyph() {
        // Two interfaces each way between CRM and ERP: one down each way, one degraded.
        let parallel = [
            Fixtures.interface("a", "Orders", from: "crm", to: "erp", kind: .rest, state: .ok, result: nil),
            Fixtures.interface("b", "Customers", from: "crm", to: "erp", kind: .soap, state: .down, result: nil),
            Fixtures.interface("c", "Invoices", from: "erp", to: "crm", kind: .rest, state: .degraded, result: nil),
            Fixtures.interface("d", "Credit", from: "erp", to: "crm", kind: .rest, state: .ok, result: nil),
        ]
        let graph = TopologyGraph(Fixtures.snapshot(interfaces: parallel))
        #expect(graph.edges.count == 2, "one edge per direction")
        var canvas = Canvas(width: 80, height: 20)
        TopologyView.render(
            into: &canvas, y: 0, height: 20, graph: graph, layout: TopologyLayout(graph), selected: nil,
            glyphs: .ascii)
        // Without colour: the degraded glyph and the count into CRM, the down glyph and the count
        // pointing back into ERP.
        let rows = canvas.text.components(separatedBy: "\n")
        #expect(rows.contains { $0.contains("!2>|x CRM") }, "\(canvas.text)")
        #expect(rows.contains { $0.contains("(ERP) |<x2-") }, "\(canvas.text)")
    }

    @Test func selectionMovesInReadingOrderAndAcrossLayers() {
        let layout = TopologyLayout(Self.graph)
        let order = TopologyView.order(layout)
        #expect(TopologyNavigation.move(from: order[0], .moveDown, layout: layout) == order[1])
        #expect(TopologyNavigation.move(from: "crm", .moveRight, layout: layout) == "erp")
        #expect(TopologyNavigation.move(from: "erp", .moveRight, layout: layout) == "shop")
        #expect(TopologyNavigation.move(from: "shop", .moveRight, layout: layout) == "shop")
    }
}

/// The topology of the demo's landscape: few crossings, the same layout whatever the states, and
/// both interfaces between ERP and CRM readable without colour.
@Suite struct TopologyLayoutQualityTests {
    static let snapshot = GoldenLandscape.snapshot()

    @Test func crossingsAreCountedAsPairsOfHopsInOppositeOrder() {
        #expect(TopologyCrossings.count([(0, 0, 1), (0, 1, 0)]) == 1)
        #expect(TopologyCrossings.count([(0, 0, 0), (0, 0, 1), (0, 1, 1)]) == 0, "a shared end is no crossing")
        #expect(TopologyCrossings.count([(0, 0, 2), (0, 1, 1), (0, 2, 0), (1, 0, 1), (1, 1, 0)]) == 4)
    }

    @Test func theDemoLandscapeIsLaidOutWithFewCrossings() {
        let layout = TopologyLayout(TopologyGraph(Self.snapshot))
        // 7 with barycentre sweeps alone; 3 is the least this layering allows (exhaustive search).
        #expect(layout.crossings <= 3, "crossings: \(layout.crossings)")
    }

    @Test func boxesTakeTheWidthTheirNamesNeedWhereTheScreenAllows() {
        let graph = TopologyGraph(Self.snapshot)
        func boxes(width: Int) -> String {
            var canvas = Canvas(width: width, height: 40)
            TopologyView.render(
                into: &canvas, y: 0, height: 40, graph: graph, layout: TopologyLayout(graph), selected: nil,
                glyphs: .unicode)
            // The graph only: the panel under it names the selected system in full anyway.
            return (0..<30).map { canvas.line($0) }.joined(separator: "\n")
        }
        // The names need 107 columns, the gaps 31 (channels shared by trunks in other rows): from
        // 141 columns every name is whole.
        let wide = boxes(width: 141)
        for system in Self.snapshot.systems {
            #expect(wide.contains(" \(system.name) "), "\(system.name) in full at 141 columns:\n\(wide)")
        }
        #expect(boxes(width: 140).contains("WMS Central Warehou…"), "one column short: the widest gives way")
        // At 120 every box gives way, the widest first, to 17 or 18 columns (16 or 17 before the
        // trunks shared channels).
        let scene = TopologyView.Scene(
            graph: graph, layout: TopologyLayout(graph), y: 0, width: 120, height: 40, glyphs: .unicode)
        #expect(scene.geometry?.boxWidths == [17, 17, 17, 18, 18])
    }

    @Test func theLayoutDoesNotMoveWhenStatesChange() {
        var changed = Self.snapshot
        for index in changed.interfaces.indices { changed.interfaces[index].state = [.ok, .down][index % 2] }
        let layout = TopologyLayout(TopologyGraph(Self.snapshot))
        #expect(TopologyLayout(TopologyGraph(changed)) == layout)
        #expect(TopologyLayout(TopologyGraph(Self.snapshot)) == layout)
    }

    @Test func theTreeListsWhatEachSystemFeedsByName() {
        let graph = TopologyGraph(Self.snapshot)
        let lines = DependencyTree.lines(graph: graph, layout: TopologyLayout(graph), glyphs: .unicode)
        var changed = Self.snapshot
        for index in changed.interfaces.indices { changed.interfaces[index].state = [.down, .ok][index % 2] }
        let other = TopologyGraph(changed)
        #expect(DependencyTree.lines(graph: other, layout: TopologyLayout(other), glyphs: .unicode) == lines)
        // Broker feeds CRM, ERP and MES: listed by name, 财务系统 (ERP) after the Latin names.
        let broker = lines.firstIndex { $0.system == "broker" && $0.prefix.isEmpty }!
        let subtree = lines[(broker + 1)...].prefix { !$0.prefix.isEmpty }
        #expect(subtree.filter { $0.prefix.count == 4 }.map(\.system) == ["crm", "mes", "erp"])
    }

    @Test func bothInterfacesBetweenERPAndCRMShowTheirGlyphWithoutColour() {
        var canvas = Canvas(width: 120, height: 34)
        let graph = TopologyGraph(Self.snapshot)
        TopologyView.render(
            into: &canvas, y: 0, height: 34, graph: graph, layout: TopologyLayout(graph), selected: nil,
            glyphs: .ascii)
        let text = canvas.text
        // CRM → ERP (down) is laid out against the flow: its arrowhead points back into ERP's box
        // with the down glyph beside it; ERP → CRM (degraded) ends at CRM's box with its own glyph.
        let erp = canvas.text.components(separatedBy: "\n").first { $0.contains("财务系统") }!
        #expect(erp.contains("|<x"), "\(text)")
        let crm = canvas.text.components(separatedBy: "\n").first { $0.contains("CRM") }!
        // Order events from the broker end at the same arrowhead: two interfaces, counted.
        #expect(crm.contains("!2>|x CRM"), "\(text)")
    }
}
