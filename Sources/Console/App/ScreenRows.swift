import SwitchboardCore

/// What the views derive from all the interfaces of a snapshot — the table in the user's sort and
/// filter, the overview's attention rows and tiles, the topology — kept between frames and derived
/// again only for a new snapshot version, sort or filter. A frame then costs
/// what its visible rows cost, not what the whole landscape costs. Each is derived when a view
/// first asks for it, or beforehand, off the UI thread, by `derive(_:needs:from:)` for a new
/// snapshot, whose result the UI loop swaps in with `adopt`.
///
/// Belongs to the UI loop (one thread); `ConsoleScreen.render` makes a fresh one when given none.
final class ScreenRows {
    /// What has been derived from one snapshot version: a value, so a background task can hand it over.
    struct Derived: Sendable {
        fileprivate(set) var version: UInt64?
        fileprivate(set) var source = ""
        /// The interfaces most attention first (the default table order).
        fileprivate(set) var ordered: [InterfaceStatus]?
        fileprivate(set) var table: (sort: InterfaceSort, filter: InterfaceFilter?, rows: [InterfaceStatus])?
        fileprivate(set) var overview: OverviewView.Rows?
        fileprivate(set) var topology: (graph: TopologyGraph, layout: TopologyLayout)?
        /// The last layout, kept across versions: it depends only on which systems and edges there are.
        fileprivate(set) var layout: (shape: [String], layout: TopologyLayout)?
        fileprivate(set) var scene: TopologyView.Scene?
        fileprivate(set) var tally: HeaderView.Tally?
        /// The alert queue's rows grouped by a label (nil: not grouped).
        fileprivate(set) var alerts: (groupBy: String?, rows: [AlertsView.Row])?

        init() {}
    }

    /// What a view needs derived before the first frame of a new snapshot (the header's tally always).
    struct Needs: Sendable {
        /// The interfaces table in this sort and filter.
        var table: (sort: InterfaceSort, filter: InterfaceFilter?)?
        /// The overview's attention rows and tiles.
        var overview = false
        /// The topology laid out for this place on screen.
        var topology: (y: Int, width: Int, height: Int, glyphs: Glyphs)?
        /// The alert queue's rows grouped by this label (`.some(nil)`: not grouped).
        var alerts: String??

        init(
            table: (sort: InterfaceSort, filter: InterfaceFilter?)? = nil, overview: Bool = false,
            topology: (y: Int, width: Int, height: Int, glyphs: Glyphs)? = nil, alerts: String?? = nil
        ) {
            self.table = table
            self.overview = overview
            self.topology = topology
            self.alerts = alerts
        }
    }

    private(set) var derived: Derived

    init(_ derived: Derived = Derived()) {
        self.derived = derived
    }

    /// Everything `needs` asks for, derived from `snapshot`, starting from `base` (whose topology
    /// layout is kept when the systems and edges are the same). A pure function: it runs on any thread.
    static func derive(_ snapshot: Snapshot, needs: Needs, from base: Derived = Derived()) -> Derived {
        let rows = ScreenRows(base)
        _ = rows.tally(snapshot)
        if let table = needs.table { _ = rows.interfaces(snapshot, sort: table.sort, filter: table.filter) }
        if needs.overview { _ = rows.overview(snapshot) }
        if let place = needs.topology {
            _ = rows.topologyScene(
                snapshot, y: place.y, width: place.width, height: place.height, glyphs: place.glyphs)
        }
        if let grouping = needs.alerts { _ = rows.alerts(snapshot, groupBy: grouping) }
        return rows.derived
    }

    /// Whether everything `needs` asks for is derived from `snapshot` already, so a frame only draws.
    func covers(_ needs: Needs, of snapshot: Snapshot) -> Bool {
        guard derived.version == snapshot.version, derived.source == snapshot.source, derived.tally != nil else {
            return false
        }
        if let table = needs.table, derived.table.map({ $0.sort != table.sort || $0.filter != table.filter }) ?? true {
            return false
        }
        if needs.overview, derived.overview == nil { return false }
        if let place = needs.topology,
            !(derived.scene?.fits(y: place.y, width: place.width, height: place.height, glyphs: place.glyphs) ?? false)
        {
            return false
        }
        if let grouping = needs.alerts, derived.alerts.map({ $0.groupBy != grouping }) ?? true { return false }
        return true
    }

    /// Swaps in what was derived off the UI thread for the snapshot about to be shown.
    func adopt(_ derived: Derived) {
        self.derived = derived
    }

    /// The rows of the interfaces table: `InterfacesScreen.rows(snapshot, filter:, sort:)`.
    func interfaces(_ snapshot: Snapshot, sort: InterfaceSort, filter: InterfaceFilter?) -> [InterfaceStatus] {
        use(snapshot)
        if let table = derived.table, table.sort == sort, table.filter == filter { return table.rows }
        let rows =
            sort == InterfaceSort() && filter == nil
            ? ordered(snapshot) : InterfacesScreen.rows(snapshot, filter: filter, sort: sort)
        derived.table = (sort, filter, rows)
        return rows
    }

    /// The overview's attention rows and system tiles: `OverviewView.Rows(snapshot)`.
    func overview(_ snapshot: Snapshot) -> OverviewView.Rows {
        use(snapshot)
        if let overview = derived.overview { return overview }
        let rows = OverviewView.Rows(snapshot, attention: ordered(snapshot).filter { $0.state != .ok })
        derived.overview = rows
        return rows
    }

    /// The topology graph and its layout (laid out again only when systems or edges changed).
    func topology(_ snapshot: Snapshot) -> (graph: TopologyGraph, layout: TopologyLayout) {
        use(snapshot)
        if let topology = derived.topology { return topology }
        let graph = TopologyGraph(snapshot, ordered: ordered(snapshot))
        let shape = graph.systems.map(\.id) + [""] + graph.edges.map { $0.from + "\u{0}" + $0.to }
        let kept = derived.layout.flatMap { $0.shape == shape ? $0.layout : nil }
        let result = (graph, kept ?? TopologyLayout(graph))
        derived.layout = (shape, result.1)
        derived.topology = result
        return result
    }

    /// The topology laid out for a place on screen: `TopologyView.Scene`, kept until the snapshot
    /// version or the place changes.
    func topologyScene(_ snapshot: Snapshot, y: Int, width: Int, height: Int, glyphs: Glyphs) -> TopologyView.Scene {
        use(snapshot)
        if let scene = derived.scene, scene.fits(y: y, width: width, height: height, glyphs: glyphs) { return scene }
        let (graph, layout) = topology(snapshot)
        let result = TopologyView.Scene(
            graph: graph, layout: layout, y: y, width: width, height: height, glyphs: glyphs)
        derived.scene = result
        return result
    }

    /// The alert queue's rows: `AlertsView.rows(snapshot, groupBy:)`.
    func alerts(_ snapshot: Snapshot, groupBy label: String?) -> [AlertsView.Row] {
        use(snapshot)
        if let alerts = derived.alerts, alerts.groupBy == label { return alerts.rows }
        let rows = AlertsView.rows(snapshot, groupBy: label)
        derived.alerts = (label, rows)
        return rows
    }

    /// The header's count of interfaces up and the worst state.
    func tally(_ snapshot: Snapshot) -> HeaderView.Tally {
        use(snapshot)
        if let tally = derived.tally { return tally }
        let result = HeaderView.Tally(snapshot.interfaces)
        derived.tally = result
        return result
    }

    private func ordered(_ snapshot: Snapshot) -> [InterfaceStatus] {
        if let ordered = derived.ordered { return ordered }
        let result = InterfaceRow.ordered(snapshot.interfaces)
        derived.ordered = result
        return result
    }

    /// Forgets what was derived when the snapshot is another version (the version moves on
    /// whenever what a snapshot shows changes; the engine republishes the same version meanwhile).
    private func use(_ snapshot: Snapshot) {
        guard snapshot.version != derived.version || snapshot.source != derived.source else { return }
        var fresh = Derived()
        fresh.version = snapshot.version
        fresh.source = snapshot.source
        fresh.layout = derived.layout
        derived = fresh
    }
}
