import SwitchboardCore

/// What the views derive from all the interfaces of a snapshot — the table in the user's sort and
/// filter, the overview's attention rows and tiles, the topology — kept between frames and derived
/// again only for a new snapshot version, sort or filter. A frame then costs
/// what its visible rows cost, not what the whole landscape costs. Each is derived when a view
/// first asks for it, so a new snapshot costs only what the view on screen needs.
///
/// Belongs to the UI loop (one thread); `ConsoleScreen.render` makes a fresh one when given none.
final class ScreenRows {
    private var version: UInt64?
    private var source = ""
    /// The interfaces most attention first (the default table order).
    private var ordered: [InterfaceStatus]?
    private var table: (sort: InterfaceSort, filter: InterfaceFilter?, rows: [InterfaceStatus])?
    private var overview: OverviewView.Rows?
    private var topology: (graph: TopologyGraph, layout: TopologyLayout)?
    /// The last layout, kept across versions: it depends only on which systems and edges there are.
    private var layout: (shape: [String], layout: TopologyLayout)?
    private var scene: TopologyView.Scene?
    private var tally: HeaderView.Tally?

    /// The rows of the interfaces table: `InterfacesScreen.rows(snapshot, filter:, sort:)`.
    func interfaces(_ snapshot: Snapshot, sort: InterfaceSort, filter: InterfaceFilter?) -> [InterfaceStatus] {
        use(snapshot)
        if let table, table.sort == sort, table.filter == filter { return table.rows }
        let rows =
            sort == InterfaceSort() && filter == nil
            ? ordered(snapshot) : InterfacesScreen.rows(snapshot, filter: filter, sort: sort)
        table = (sort, filter, rows)
        return rows
    }

    /// The overview's attention rows and system tiles: `OverviewView.Rows(snapshot)`.
    func overview(_ snapshot: Snapshot) -> OverviewView.Rows {
        use(snapshot)
        if let overview { return overview }
        let rows = OverviewView.Rows(snapshot, attention: ordered(snapshot).filter { $0.state != .ok })
        overview = rows
        return rows
    }

    /// The topology graph and its layout (laid out again only when systems or edges changed).
    func topology(_ snapshot: Snapshot) -> (graph: TopologyGraph, layout: TopologyLayout) {
        use(snapshot)
        if let topology { return topology }
        let graph = TopologyGraph(snapshot, ordered: ordered(snapshot))
        let shape = graph.systems.map(\.id) + [""] + graph.edges.map { $0.from + "\u{0}" + $0.to }
        let kept = layout.flatMap { $0.shape == shape ? $0.layout : nil }
        let result = (graph, kept ?? TopologyLayout(graph))
        layout = (shape, result.1)
        topology = result
        return result
    }

    /// The topology laid out for a place on screen: `TopologyView.Scene`, kept until the snapshot
    /// version or the place changes.
    func topologyScene(_ snapshot: Snapshot, y: Int, width: Int, height: Int, glyphs: Glyphs) -> TopologyView.Scene {
        use(snapshot)
        if let scene, scene.fits(y: y, width: width, height: height, glyphs: glyphs) { return scene }
        let (graph, layout) = topology(snapshot)
        let result = TopologyView.Scene(
            graph: graph, layout: layout, y: y, width: width, height: height, glyphs: glyphs)
        scene = result
        return result
    }

    /// The header's count of interfaces up and the worst state.
    func tally(_ snapshot: Snapshot) -> HeaderView.Tally {
        use(snapshot)
        if let tally { return tally }
        let result = HeaderView.Tally(snapshot.interfaces)
        tally = result
        return result
    }

    private func ordered(_ snapshot: Snapshot) -> [InterfaceStatus] {
        if let ordered { return ordered }
        let result = InterfaceRow.ordered(snapshot.interfaces)
        ordered = result
        return result
    }

    /// Forgets what was derived when the snapshot is another version (the version moves on
    /// whenever what a snapshot shows changes; the engine republishes the same version meanwhile).
    private func use(_ snapshot: Snapshot) {
        guard snapshot.version != version || snapshot.source != source else { return }
        version = snapshot.version
        source = snapshot.source
        ordered = nil
        table = nil
        overview = nil
        topology = nil
        scene = nil
        tally = nil
    }
}
