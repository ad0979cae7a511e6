import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// Every view of `GoldenLandscape`, played through a session into the in-memory terminal at 80x24
/// and 120x40, in UTF-8 and in ASCII (a `LANG=C` terminal), compared line by line with the frames
/// in `Fixtures/frames`. `SWITCHBOARD_RECORD_FRAMES=1 swift test --filter GoldenFrameTests`
/// rewrites them; read the diff before committing it.
@Suite struct GoldenFrameTests {
    /// One view: where the session starts and the keys that lead there.
    struct View: Sendable {
        var name: String
        var start: Route
        var keys: [Key?] = []
    }

    static let views = [
        View(name: "overview", start: .overview),
        View(name: "topology", start: .topology),
        View(name: "topology-flow", start: .topology, keys: [.character("f")]),
        View(name: "interfaces", start: .interfaces),
        View(name: "interface-detail", start: .interfaces, keys: [.enter]),
        View(name: "alerts", start: .alerts),
        View(name: "alert-detail", start: .alerts, keys: [.enter]),
        View(name: "jobs", start: .jobs),
        View(name: "runs", start: .jobs, keys: [.enter]),
        View(name: "logs", start: .jobs, keys: [.enter, .enter]),
        View(name: "help", start: .overview, keys: [.character("?")]),
    ]

    /// Every view at every size, in both glyph sets.
    struct Frame: Sendable, CustomTestStringConvertible {
        var view: View
        var columns: Int
        var rows: Int
        var unicode: Bool

        var fileName: String { "\(view.name)-\(columns)x\(rows)-\(unicode ? "utf8" : "ascii").txt" }
        var testDescription: String { fileName }
    }

    static let frames: [Frame] = views.flatMap { view in
        [(80, 24), (120, 40)].flatMap { size in
            [true, false].map { Frame(view: view, columns: size.0, rows: size.1, unicode: $0) }
        }
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/frames")

    static var recording: Bool { ProcessInfo.processInfo.environment["SWITCHBOARD_RECORD_FRAMES"] == "1" }

    @Test(arguments: frames)
    func viewMatchesItsGoldenFrame(_ frame: Frame) async throws {
        let actual = await Self.screen(frame) + "\n"
        let file = Self.directory.appendingPathComponent(frame.fileName)
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no golden frame \(frame.fileName): record it with SWITCHBOARD_RECORD_FRAMES=1")
            return
        }
        let diff = FrameDiff.lines(expected: expected, actual: actual)
        #expect(
            diff.isEmpty,
            "\(frame.fileName) differs (SWITCHBOARD_RECORD_FRAMES=1 re-records it):\n\(diff.joined(separator: "\n"))")
    }

    /// The screen once the frame's keys have been played and the fetches they started have
    /// arrived, taken before the `q` that ends the session (which would also close the help).
    static func screen(_ frame: Frame) async -> String {
        let shown = ScreenCapture()
        // A trailing timeout: the screen is taken three ticks after the last key, once its fetches arrived.
        let terminal = await Fixtures.play(
            frame.view.keys + [nil], source: GoldenLandscape.source(), start: frame.view.start, columns: frame.columns,
            rows: frame.rows, unicode: frame.unicode,
            settled: { session in
                shown.text = (session.terminal as? MemoryTerminal)?.text
                return true
            })
        return shown.text ?? terminal.text
    }

    @Test func aDiffNamesEachChangedLineWithBothVersions() {
        let diff = FrameDiff.lines(expected: "a\nb\nc\n", actual: "a\nB\nc\nd\n")
        #expect(diff == ["line 2:", "  - b", "  + B", "line 4:", "  - ", "  + d"])
        #expect(FrameDiff.lines(expected: "same\n", actual: "same\n").isEmpty)
    }

    @Test func framesAreTheSameOnEveryRun() async {
        let view = Self.views[1]  // the topology: layers, crossings and the tree's order
        var seen: Set<String> = []
        for _ in 0..<3 { seen.insert(await Self.screen(Frame(view: view, columns: 120, rows: 40, unicode: true))) }
        #expect(seen.count == 1)
    }
}

/// The text a settled session showed, handed from its thread to the test.
final class ScreenCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var captured: String?

    var text: String? {
        get { lock.withLock { captured } }
        set { lock.withLock { captured = newValue } }
    }
}

/// A readable line diff of two frames: each line that differs, by number, expected then actual.
enum FrameDiff {
    static func lines(expected: String, actual: String) -> [String] {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        return (0..<max(old.count, new.count)).flatMap { index -> [String] in
            let before = index < old.count ? old[index] : ""
            let after = index < new.count ? new[index] : ""
            return before == after ? [] : ["line \(index + 1):", "  - \(before)", "  + \(after)"]
        }
    }
}
