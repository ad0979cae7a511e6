import Foundation
import SwitchboardCore

/// The top bar: landscape, data source, data age (loudly STALE when old), how many interfaces
/// are up (or how far the first round of checks is), and the clock.
///
/// Designed for 80 columns first: each part has a priority, and a short bar leaves out the
/// least important parts whole, so `up 14/18`, `STALE`, `DISCONNECTED` and `PAUSED` always show.
/// Left out first: who else is connected, the engine's pid, the data source, the product name,
/// then the landscape's name (shortened before it goes), then the data's age.
enum HeaderView {
    struct Segment: Sendable, Equatable {
        var text: String
        var role: StyleRole
        /// Parts of lower priority are left out first when the bar is short.
        var priority: Priority = .essential
        /// Shortened with an ellipsis, down to `minimumWidth`, before it is left out.
        var minimumWidth: Int?

        init(text: String, role: StyleRole, priority: Priority = .essential, minimumWidth: Int? = nil) {
            self.text = text
            self.role = role
            self.priority = priority
            self.minimumWidth = minimumWidth
        }
    }

    /// How much a part of the bar matters, least first.
    enum Priority: Int, Sendable, Comparable {
        case viewers, attachedEngine, source, product, landscape, dataAge, essential

        static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// How many interfaces are OK and the worst state among them: one pass over all of them, which
    /// the UI loop keeps between frames.
    struct Tally: Sendable, Equatable {
        var up = 0
        var worst = HealthState.ok

        init(_ interfaces: [InterfaceStatus]) {
            for interface in interfaces {
                if interface.state == .ok { up += 1 }
                worst = max(worst, interface.state)
            }
        }
    }

    /// The segments of the bar, left to right, without the clock.
    static func segments(
        snapshot: Snapshot, now: Date, staleAfter: TimeInterval, paused: Bool = false, tally: Tally? = nil
    ) -> [Segment] {
        var segments = [Segment(text: "Switchboard", role: .title, priority: .product)]
        if paused { segments.append(Segment(text: "PAUSED", role: .degraded)) }
        if !snapshot.landscape.isEmpty {
            segments.append(
                Segment(
                    text: TerminalText.clean(snapshot.landscape), role: .title, priority: .landscape,
                    minimumWidth: 12))
        }
        switch snapshot.link {
        case .inProcess:
            if !snapshot.source.isEmpty {
                segments.append(Segment(text: TerminalText.clean(snapshot.source), role: .title, priority: .source))
            }
        case .attached: break
        case .disconnected(_, let since, _):
            segments.append(Segment(text: "DISCONNECTED \(Formatting.age(now.timeIntervalSince(since)))", role: .down))
        }
        segments.append(dataAge(snapshot: snapshot, now: now, staleAfter: staleAfter))
        if let up = upCount(snapshot: snapshot, tally: tally) { segments.append(up) }
        if case .attached(let pid, _) = snapshot.link {
            segments.append(Segment(text: "attached to pid \(pid)", role: .title, priority: .attachedEngine))
        }
        let engineers = Set(snapshot.viewers.map(\.user)).count
        if engineers > 1 {
            segments.append(Segment(text: "\(engineers) connected", role: .title, priority: .viewers))
        }
        return segments
    }

    /// `up 14/18` over the interfaces, in the worst state's colour; `checks 12/45` before the first
    /// round is complete. A landscape without interfaces counts its systems that have checks of their
    /// own (`systems up 2/3`), and one with neither shows nothing: `up 0/0` would read as an outage.
    static func upCount(snapshot: Snapshot, tally: Tally?) -> Segment? {
        guard snapshot.progress.isComplete else {
            return Segment(text: "checks \(snapshot.progress.completed)/\(snapshot.progress.total)", role: .title)
        }
        if !snapshot.interfaces.isEmpty {
            let tally = tally ?? Tally(snapshot.interfaces)
            let role: StyleRole = tally.worst == .ok ? .title : StyleRole(tally.worst)
            return Segment(text: "up \(tally.up)/\(snapshot.interfaces.count)", role: role)
        }
        let checked = snapshot.systems.filter { !$0.checks.isEmpty }
        guard !checked.isEmpty else { return nil }
        let worst = checked.map(\.state).max() ?? .ok
        let up = checked.filter { $0.state == .ok }.count
        return Segment(
            text: "systems up \(up)/\(checked.count)", role: worst == .ok ? .title : StyleRole(worst))
    }

    /// `data 2s`, or `STALE 37s` in the down role once the data is older than `staleAfter`.
    static func dataAge(snapshot: Snapshot, now: Date, staleAfter: TimeInterval) -> Segment {
        if snapshot.version == 0 { return Segment(text: "NO DATA YET", role: .unknown) }
        let age = now.timeIntervalSince(snapshot.generatedAt)
        if age > staleAfter { return Segment(text: "STALE \(Formatting.age(age))", role: .down) }
        return Segment(text: "data \(Formatting.age(age))", role: .title, priority: .dataAge)
    }

    /// The segments that fit in `width` columns with `separatorWidth` between them: the least
    /// important left out (or shortened, where a segment allows it) until the rest fit.
    static func fitted(_ segments: [Segment], width: Int, separatorWidth: Int, ellipsis: String) -> [Segment] {
        var kept = segments
        func total() -> Int {
            kept.reduce(0) { $0 + DisplayWidth.of($1.text) } + max(0, kept.count - 1) * separatorWidth
        }
        while total() > width,
            let index = kept.indices.filter({ kept[$0].priority < .essential }).min(by: {
                (kept[$0].priority, -$0) < (kept[$1].priority, -$1)
            })
        {
            let excess = total() - width
            let segment = kept[index]
            if let minimum = segment.minimumWidth, DisplayWidth.of(segment.text) - excess >= minimum {
                kept[index].text = DisplayWidth.truncate(
                    segment.text, to: DisplayWidth.of(segment.text) - excess, ellipsis: ellipsis)
            } else {
                kept.remove(at: index)
            }
        }
        return kept
    }

    static func render(
        into canvas: inout Canvas, y: Int, snapshot: Snapshot, now: Date, staleAfter: TimeInterval,
        timeZone: TimeZone, paused: Bool = false, tally: Tally? = nil, glyphs: Glyphs
    ) {
        canvas.fill(x: 0, y: y, count: canvas.width, role: .title)
        let clock = Formatting.clock(now, timeZone: timeZone) + " "
        let clockX = canvas.width - DisplayWidth.of(clock)
        let separator = " \(glyphs.separator) "
        let all = segments(snapshot: snapshot, now: now, staleAfter: staleAfter, paused: paused, tally: tally)
        let shown = fitted(
            all, width: clockX - 2, separatorWidth: DisplayWidth.of(separator), ellipsis: glyphs.ellipsis)
        var x = 1
        for (index, segment) in shown.enumerated() {
            if index > 0 { x += canvas.put(separator, x: x, y: y, role: .title, maxWidth: clockX - x) }
            x += canvas.put(
                DisplayWidth.truncate(segment.text, to: max(0, clockX - 1 - x), ellipsis: glyphs.ellipsis),
                x: x, y: y, role: segment.role.onTitleBar, maxWidth: clockX - 1 - x)
        }
        canvas.put(clock, x: clockX, y: y, role: .title)
    }
}
