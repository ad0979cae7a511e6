import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// The header at 80 columns: what gives way first, what always stays, and its colours.
@Suite struct HeaderTests {
    static func header(_ snapshot: Snapshot, columns: Int = 80, glyphs: Glyphs = .unicode) -> Canvas {
        ConsoleScreen.render(
            Fixtures.context(snapshot, glyphs: glyphs), size: TerminalSize(columns: columns, rows: 24))
    }

    static func snapshot(landscape: String) -> Snapshot {
        var snapshot = Fixtures.snapshot()
        snapshot.landscape = landscape
        return snapshot
    }

    @Test func aLongLandscapeNameLeavesTheUpCountAndTheSourceGoesFirst() {
        let line = Self.header(Self.snapshot(landscape: "Switchboard demo (seeded faults)")).line(0)
        #expect(line.contains("Switchboard demo (seeded faults)"), "\(line)")
        #expect(line.contains("data 2s"))
        #expect(line.contains("up 1/4"), "\(line)")
        #expect(!line.contains("in-process"), "the data source goes before the landscape: \(line)")
        #expect(line.hasSuffix("22:13:20 "))
    }

    @Test func aVeryLongLandscapeNameIsShortenedNotTheUpCount() {
        let name = "Landscape of the whole group's integration platform, production, Europe"
        let line = Self.header(Self.snapshot(landscape: name)).line(0)
        #expect(line.contains("up 1/4"), "\(line)")
        #expect(line.contains("data 2s"), "the age stays while the name can be shortened: \(line)")
        #expect(line.contains("Landscape of the"), "\(line)")
        #expect(line.contains("…"), "\(line)")
    }

    @Test func staleAndDisconnectedStayWhenEverythingElseGoes() {
        var snapshot = Self.snapshot(landscape: String(repeating: "very long landscape ", count: 5))
        snapshot.generatedAt = Fixtures.now.addingTimeInterval(-125)
        snapshot.link = .disconnected(endpoint: "unix", since: Fixtures.now.addingTimeInterval(-30), reason: "refused")
        let line = Self.header(snapshot, columns: 60).line(0)
        #expect(line.contains("DISCONNECTED 30s"), "\(line)")
        #expect(line.contains("STALE 2m"), "\(line)")
        #expect(line.contains("up 1/4"), "\(line)")
    }

    @Test func priorityDecidesWhatIsLeftOut() {
        let segments = [
            HeaderView.Segment(text: "Switchboard", role: .title, priority: .product),
            HeaderView.Segment(text: "acme", role: .title, priority: .landscape),
            HeaderView.Segment(text: "in-process", role: .title, priority: .source),
            HeaderView.Segment(text: "up 3/4", role: .down),
            HeaderView.Segment(text: "2 connected", role: .title, priority: .viewers),
        ]
        let texts = { (width: Int) in
            HeaderView.fitted(segments, width: width, separatorWidth: 3, ellipsis: "…").map(\.text)
        }
        #expect(texts(100) == ["Switchboard", "acme", "in-process", "up 3/4", "2 connected"])
        #expect(texts(40) == ["Switchboard", "acme", "in-process", "up 3/4"])
        #expect(texts(30) == ["Switchboard", "acme", "up 3/4"])
        #expect(texts(13) == ["acme", "up 3/4"])
        #expect(texts(12) == ["up 3/4"])
    }

    @Test func theUpBadgeKeepsTheTitleBarsBackground() throws {
        let canvas = Self.header(Fixtures.snapshot())
        let line = canvas.line(0)
        let column = DisplayWidth.of(line[..<line.range(of: "up 1/4")!.lowerBound])
        #expect(canvas[column, 0].role == .titleDown)
        // No cell of the bar falls back to the terminal's background.
        for x in 0..<canvas.width { #expect([.title, .titleDown].contains(canvas[x, 0].role), "column \(x)") }
        let theme = try ThemeLoader.load(contentsOf: ThemeTests.themesDirectory + "/default.yaml")
        #expect(theme.style(for: .titleDown).background == theme.style(for: .title).background)
        #expect(theme.style(for: .titleDown).foreground == theme.style(for: .down).foreground)
        // Without colours, a reversed state on the reversed bar comes out unreversed: still a badge.
        let mono = try ThemeLoader.load(contentsOf: ThemeTests.themesDirectory + "/mono.yaml")
        let bar = mono.resolved(for: .monochrome)
        #expect(bar[.title]?.attributes.contains(.reverse) == true)
        #expect(bar[.titleDown]?.attributes.contains(.reverse) == false)
    }

    @Test func aLandscapeOfSystemChecksOnlyCountsItsSystemsNotZeroInterfaces() {
        var snapshot = Fixtures.snapshot(interfaces: [])
        let health = CheckStatus(
            id: "crm-health", kind: "http", target: "http://crm/health", intervalSeconds: 10,
            last: Fixtures.result("crm-health", up: false, secondsAgo: 3, latency: 2, reason: "no answer within 2s"))
        snapshot.systems[0].checks = [health]
        snapshot.systems[1].checks = [health]
        let line = Self.header(snapshot).line(0)
        #expect(line.contains("systems up 1/2"), "\(line)")
        #expect(!line.contains("0/0"))
        let bare = Self.header(Fixtures.snapshot(interfaces: [])).line(0)
        #expect(!bare.contains("up "), "nothing to count, nothing shown: \(bare)")
    }
}
