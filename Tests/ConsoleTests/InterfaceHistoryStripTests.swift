import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// The detail's availability over 1h/24h/7d/30d and its 24-hour strip, rendered as a person reads
/// them at 80x24 and 120x40, in UTF-8 and in ASCII.
@Suite struct InterfaceHistoryStripTests {
    /// A day that was fine but for an outage three hours ago and failures an hour ago; the first
    /// six hours have no data.
    static var strip: HistoryStrip {
        var cells = [HistoryCell](repeating: .ok, count: 288)
        for index in 0..<72 { cells[index] = .noData }
        for index in 250..<254 { cells[index] = .down }
        cells[276] = .degraded
        return HistoryStrip(cells: cells)
    }

    static func frame(columns: Int, rows: Int, glyphs: Glyphs) -> [String] {
        var snapshot = Fixtures.snapshot()
        snapshot.interfaces[0].stats.availability7d = 0.9931
        snapshot.interfaces[0].stats.availability30d = 0.99874
        snapshot.interfaces[0].stats.strip = strip
        let context = Fixtures.context(snapshot, route: .interface("orders"), glyphs: glyphs)
        return ConsoleScreen.render(context, size: TerminalSize(columns: columns, rows: rows)).text
            .components(separatedBy: "\n")
    }

    static func line(_ frame: [String], startingWith prefix: String) throws -> String {
        try #require(frame.first { $0.hasPrefix(" " + prefix) }, "no line starts with \(prefix)")
    }

    @Test func availabilityShowsTheFourWindows() throws {
        let frame = Self.frame(columns: 80, rows: 24, glyphs: .unicode)
        #expect(
            try Self.line(frame, startingWith: "availability")
                == " availability  1h 100%   24h 100%   7d 99.3%   30d 99.8%")
    }

    @Test(arguments: [(80, 24, 58, 25), (120, 40, 96, 15)])
    func theStripFoldsToTheWidthWithATimeAxis(columns: Int, rows: Int, cells: Int, minutes: Int) throws {
        let frame = Self.frame(columns: columns, rows: rows, glyphs: .unicode)
        let strip = try Self.line(frame, startingWith: "history 24h")
        let marks = strip.dropFirst(15)
        #expect(marks.count == cells)
        #expect(Set(marks) == ["·", "▁", "▄", "█"])
        #expect(marks.last == "▁")
        let axisIndex = try #require(frame.firstIndex(of: strip)) + 1
        let axis = frame[axisIndex]
        #expect(axis.hasPrefix(" \(minutes) min/cell"))
        #expect(axis.dropFirst(15).hasPrefix("-24h"))
        #expect(axis.hasSuffix("now"))
        #expect(axis.count == 15 + cells, "now sits under the newest cell")
        #expect(frame.allSatisfy { $0.count <= columns })
    }

    @Test func theStripReadsInASCII() throws {
        let frame = Self.frame(columns: 80, rows: 24, glyphs: .ascii)
        let strip = try Self.line(frame, startingWith: "history 24h")
        let marks = String(strip.dropFirst(15))
        #expect(marks.allSatisfy { ".-!x".contains($0) })
        #expect(marks.hasPrefix(".............."))
        #expect(marks.contains("x") && marks.contains("!"))
    }

    @Test func theStripCellsTakeTheStateRoles() {
        let lines = HistoryStripLines.lines(Self.strip, width: 120, glyphs: .unicode)
        let roles = Set(lines[0].dropFirst().map(\.role))
        #expect(roles == [.muted, .ok, .down, .degraded])
    }

    @Test func withoutHistoryThereIsNoStrip() {
        #expect(HistoryStripLines.lines(HistoryStrip(), width: 120, glyphs: .unicode).isEmpty)
    }
}
