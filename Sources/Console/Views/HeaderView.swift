import Foundation
import SwitchboardCore

/// The top bar: landscape, data source, data age (loudly STALE when old), how many interfaces
/// are up (or how far the first round of checks is), and the clock.
enum HeaderView {
    struct Segment: Sendable, Equatable {
        var text: String
        var role: StyleRole
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
        var segments = [Segment(text: " Switchboard", role: .title)]
        if paused { segments.append(Segment(text: "PAUSED", role: .degraded)) }
        if !snapshot.landscape.isEmpty {
            segments.append(Segment(text: TerminalText.clean(snapshot.landscape), role: .title))
        }
        // A lost engine is said first; another process's engine and who else is attached come last,
        // so that a narrow header cuts them before the data's age and the interfaces up.
        switch snapshot.link {
        case .inProcess:
            if !snapshot.source.isEmpty {
                segments.append(Segment(text: TerminalText.clean(snapshot.source), role: .title))
            }
        case .attached: break
        case .disconnected(_, let since, _):
            segments.append(Segment(text: "DISCONNECTED \(Formatting.age(now.timeIntervalSince(since)))", role: .down))
        }
        segments.append(dataAge(snapshot: snapshot, now: now, staleAfter: staleAfter))
        if !snapshot.progress.isComplete {
            segments.append(
                Segment(text: "checks \(snapshot.progress.completed)/\(snapshot.progress.total)", role: .title))
        } else {
            let tally = tally ?? Tally(snapshot.interfaces)
            let role: StyleRole = tally.worst == .ok ? .title : StyleRole(tally.worst)
            segments.append(Segment(text: "up \(tally.up)/\(snapshot.interfaces.count)", role: role))
        }
        if case .attached(let pid, _) = snapshot.link {
            segments.append(Segment(text: "attached to pid \(pid)", role: .title))
        }
        let engineers = Set(snapshot.viewers.map(\.user)).count
        if engineers > 1 { segments.append(Segment(text: "\(engineers) connected", role: .title)) }
        return segments
    }

    /// `data 2s`, or `STALE 37s` in the down role once the data is older than `staleAfter`.
    static func dataAge(snapshot: Snapshot, now: Date, staleAfter: TimeInterval) -> Segment {
        if snapshot.version == 0 { return Segment(text: "NO DATA YET", role: .unknown) }
        let age = now.timeIntervalSince(snapshot.generatedAt)
        if age > staleAfter { return Segment(text: "STALE \(Formatting.age(age))", role: .down) }
        return Segment(text: "data \(Formatting.age(age))", role: .title)
    }

    static func render(
        into canvas: inout Canvas, y: Int, snapshot: Snapshot, now: Date, staleAfter: TimeInterval,
        timeZone: TimeZone, paused: Bool = false, tally: Tally? = nil, glyphs: Glyphs
    ) {
        canvas.fill(x: 0, y: y, count: canvas.width, role: .title)
        let clock = Formatting.clock(now, timeZone: timeZone) + " "
        let clockX = canvas.width - DisplayWidth.of(clock)
        var x = 0
        let segments = segments(snapshot: snapshot, now: now, staleAfter: staleAfter, paused: paused, tally: tally)
        for (index, segment) in segments.enumerated() {
            if index > 0 { x += canvas.put(" \(glyphs.separator) ", x: x, y: y, role: .title, maxWidth: clockX - x) }
            let text = segment.role == .title ? segment.text : " \(segment.text) "
            x += canvas.put(
                DisplayWidth.truncate(text, to: max(0, clockX - 1 - x), ellipsis: glyphs.ellipsis),
                x: x, y: y, role: segment.role, maxWidth: clockX - 1 - x)
        }
        canvas.put(clock, x: clockX, y: y, role: .title)
    }
}
