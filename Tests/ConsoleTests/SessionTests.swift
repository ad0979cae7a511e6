import Foundation
import SwitchboardCore
import Testing

@testable import Console

@Suite struct SessionTests {
    static func session(_ terminal: MemoryTerminal, _ source: FakeDataSource, now: Date = Fixtures.now)
        -> ConsoleSession
    {
        var options = ConsoleOptions(tickMilliseconds: 1)
        options.startView = .interfaces
        return ConsoleSession(
            terminal: terminal, dataSource: source, options: options, theme: .builtInMonochrome,
            timeZone: Fixtures.utc, clock: { now })
    }

    @Test func quitsOnQAfterDrawingTheScreen() {
        let terminal = MemoryTerminal()
        terminal.pendingKeys = [nil, .character("q")]
        let ending = Self.session(terminal, FakeDataSource(Fixtures.snapshot())).run()
        #expect(ending == .quit)
        #expect(terminal.text.contains("Customer sync"))
        #expect(terminal.theme == .builtInMonochrome)
    }

    @Test func drawsOnlyWhenSomethingChanged() {
        let terminal = MemoryTerminal()
        terminal.pendingKeys = [nil, nil, nil, .character("x"), .character("q")]
        _ = Self.session(terminal, FakeDataSource(Fixtures.snapshot())).run()
        #expect(terminal.drawCount == 1)
    }

    @Test func newSnapshotVersionIsDrawn() {
        let terminal = MemoryTerminal()
        let source = FakeDataSource(Fixtures.snapshot())
        terminal.pendingKeys = [nil, nil, .character("q")]
        var reads = 0
        terminal.onReadKey = { _ in
            reads += 1
            if reads == 1 {
                source.snapshot = Fixtures.snapshot(interfaces: Array(Fixtures.interfaces.prefix(1)), version: 8)
            }
        }
        _ = Self.session(terminal, source).run()
        #expect(terminal.drawCount == 2)
        #expect(!terminal.text.contains("Customer sync"))
    }

    @Test func movingDownSelectsTheNextRow() {
        let terminal = MemoryTerminal()
        terminal.pendingKeys = [.character("j"), .down, .character("k"), .character("q")]
        _ = Self.session(terminal, FakeDataSource(Fixtures.snapshot())).run()
        #expect(terminal.role(x: 0, y: 6) == .selection)
        #expect(terminal.role(x: 0, y: 5) != .selection)
    }

    @Test func bottomAndTopKeysJumpToTheEnds() {
        let terminal = MemoryTerminal()
        terminal.pendingKeys = [.character("G"), .character("q")]
        _ = Self.session(terminal, FakeDataSource(Fixtures.snapshot())).run()
        #expect(terminal.role(x: 0, y: 8) == .selection)
    }

    @Test func redrawKeyInvalidatesTheTerminal() {
        let terminal = MemoryTerminal()
        terminal.pendingKeys = [.control("l"), .character("q")]
        _ = Self.session(terminal, FakeDataSource(Fixtures.snapshot())).run()
        #expect(terminal.invalidateCount == 1)
        #expect(terminal.drawCount == 2)
    }

    @Test func resizeRedrawsAtTheNewSizeAndTheNoticeGoesAway() {
        let terminal = MemoryTerminal(columns: 40, rows: 10)
        var reads = 0
        var sawNotice = false
        terminal.pendingKeys = [nil, nil, .character("q")]
        terminal.onReadKey = { terminal in
            reads += 1
            if reads == 1 {
                sawNotice = terminal.text.contains("terminal too small")
                terminal.resize(columns: 80, rows: 24)
            }
        }
        _ = Self.session(terminal, FakeDataSource(Fixtures.snapshot())).run()
        #expect(sawNotice)
        #expect(terminal.screen.width == 80)
        #expect(!terminal.text.contains("too small"))
        #expect(terminal.text.contains("Customer sync"))
    }

    @Test func checkNowSendsTheCommandForTheSelectedInterfaceAndFlashesTheOutcome() async throws {
        let terminal = MemoryTerminal()
        let source = FakeDataSource(
            Fixtures.snapshot(), outcome: CommandOutcome(succeeded: false, message: "still 503"))
        nonisolated(unsafe) var flashes: [String] = []
        let deadline = Date().addingTimeInterval(300)
        terminal.pendingKeys = [.character("c"), nil]
        terminal.onReadKey = { terminal in
            flashes.append(terminal.screen.line(22).trimmingTrailingSpaces())
            let done = !source.commands.isEmpty && flashes.contains(where: { $0.contains("still 503") })
            guard terminal.pendingKeys.isEmpty else { return }
            if done || Date() > deadline {
                terminal.pendingKeys = [.character("q")]
            } else {
                Thread.sleep(forTimeInterval: 0.005)
                terminal.pendingKeys = [nil]
            }
        }
        // The UI loop blocks its thread, as in the app: run it on its own so the command's task can run.
        nonisolated(unsafe) let session = Self.session(terminal, source)
        await withCheckedContinuation { continuation in
            Thread {
                _ = session.run()
                continuation.resume()
            }.start()
        }
        #expect(source.commands == [.checkNow(target: "customers")])
        #expect(flashes.contains(" checking Customer sync…"))
        #expect(flashes.contains(" ✖ still 503"))
    }

    @Test func signalEndsTheLoop() {
        let terminal = MemoryTerminal()
        let watcher = SignalWatcher(signals: [])
        terminal.pendingKeys = [nil, nil, nil]
        terminal.onReadKey = { _ in watcher.record(SIGTERM) }
        let session = ConsoleSession(
            terminal: terminal, dataSource: FakeDataSource(Fixtures.snapshot()), options: ConsoleOptions(),
            theme: .builtInMonochrome, signals: watcher, clock: { Fixtures.now })
        #expect(session.run() == .signal(SIGTERM))
    }

    @Test func themeProblemIsFlashed() {
        let terminal = MemoryTerminal()
        terminal.pendingKeys = [nil, .character("q")]
        let session = ConsoleSession(
            terminal: terminal, dataSource: FakeDataSource(Fixtures.snapshot()), options: ConsoleOptions(),
            theme: .builtInMonochrome, themeProblem: "theme neon: no theme named `neon`", clock: { Fixtures.now })
        _ = session.run()
        #expect(terminal.screen.line(22).contains("theme neon: no theme named `neon`"))
        #expect(terminal.role(x: 1, y: 22) == .error)
    }

    @Test func asciiTerminalGetsAsciiGlyphs() {
        let terminal = MemoryTerminal(supportsUnicode: false)
        terminal.pendingKeys = [nil, .character("q")]
        _ = Self.session(terminal, FakeDataSource(Fixtures.snapshot())).run()
        #expect(terminal.text.contains("x DOWN"))
        #expect(!terminal.text.contains("✖"))
    }

    @Test func theOverviewHighlightsItsOwnSelectionNotTheInterfaceTables() {
        let terminal = MemoryTerminal()
        terminal.pendingKeys = [.character("3"), .character("G"), .character("1"), .character("j"), .character("q")]
        _ = Self.session(terminal, FakeDataSource(Fixtures.snapshot())).run()
        let attention = OverviewView.attention(Fixtures.snapshot())
        #expect(attention.count >= 2)
        let rows = terminal.text.split(separator: "\n", omittingEmptySubsequences: false)
        let highlighted = rows.indices.filter { terminal.role(x: 1, y: $0) == .selection }
        #expect(highlighted.count == 1)
        if let row = highlighted.first { #expect(rows[row].contains(attention[1].name)) }
    }
}
