import Foundation
import SwitchboardCore
import Testing

@testable import Console

@Suite struct BackgroundDerivationTests {
    /// Polls `condition` until it holds or 60 s passed (a loaded machine can keep the task pool busy).
    static func eventually(_ condition: () -> Bool) async -> Bool {
        // Only a failing test waits this long; a loaded machine can keep the task pool busy for minutes.
        let deadline = Date().addingTimeInterval(300)
        while !condition() {
            if Date() > deadline { return false }
            try? await Task.sleep(for: .milliseconds(2))
        }
        return true
    }

    @Test func anOlderResultFinishingAfterANewerOneIsDropped() async {
        let derivations = BackgroundDerivation<String>()
        let (gate, open) = AsyncStream<Void>.makeStream()
        derivations.start {
            for await _ in gate { break }
            return "older"
        }
        derivations.start { "newer" }
        var taken: String?
        #expect(
            await Self.eventually {
                taken = derivations.take(); return taken != nil
            })
        #expect(taken == "newer")
        open.yield()
        #expect(await Self.eventually { !derivations.isBusy })
        #expect(derivations.take() == nil)
    }

    @Test func onlyTheNewestOfTheFinishedResultsIsTaken() async {
        let derivations = BackgroundDerivation<Int>()
        let (gate, open) = AsyncStream<Void>.makeStream()
        derivations.start { 1 }
        #expect(await Self.eventually { !derivations.isBusy })
        derivations.start {
            for await _ in gate { break }
            return 2
        }
        derivations.start { 3 }
        open.yield()
        #expect(await Self.eventually { !derivations.isBusy })
        #expect(derivations.take() == 3)
        #expect(derivations.take() == nil)
    }

    @Test func discardedResultsAreNeverTaken() async {
        let derivations = BackgroundDerivation<Int>()
        derivations.start { 1 }
        derivations.discard()
        #expect(await Self.eventually { !derivations.isBusy })
        #expect(derivations.take() == nil)
    }

    /// Runs a session on a large landscape (every snapshot derived in the background) on a thread of its
    /// own; `tick` sees each frame and says whether to go on, or which key to press next.
    static func run(start: Route, source: FakeDataSource, tick: @escaping (MemoryTerminal) -> Key??) async
        -> MemoryTerminal
    {
        let terminal = MemoryTerminal()
        var options = ConsoleOptions(tickMilliseconds: 1)
        options.startView = start
        options.deriveInBackgroundFrom = 0
        let session = ConsoleSession(
            terminal: terminal, dataSource: source, options: options, theme: .builtInMonochrome,
            timeZone: Fixtures.utc, clock: { Fixtures.now })
        terminal.pendingKeys = [.character("q")]
        // Only a failing test waits this long; a loaded machine can keep the task pool busy for minutes.
        let deadline = Date().addingTimeInterval(300)
        terminal.onReadKey = { terminal in
            guard Date() < deadline, let next = tick(terminal) else { return }
            if next == nil { usleep(1000) }
            terminal.pendingKeys.insert(next, at: 0)
        }
        let running = UncheckedSendable(session)
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread {
                _ = running.value.run()
                done.resume()
            }.start()
        }
        return terminal
    }

    @Test func aLargeNewSnapshotIsShownOnceItsRowsWereDerivedInTheBackground() async {
        let source = FakeDataSource(Fixtures.snapshot())
        var frames: [String] = []
        var newerSent = false
        let terminal = await Self.run(start: .interfaces, source: source) { terminal in
            frames.append(terminal.text)
            if !newerSent {
                // The first snapshot's rows were derived in the background too, the view saying so meanwhile.
                guard terminal.text.contains("Customer sync") else { return .some(nil) }
                source.snapshot = Fixtures.snapshot(interfaces: Array(Fixtures.interfaces.prefix(1)), version: 8)
                newerSent = true
                frames = []
                return .some(nil)
            }
            // Then the loop ticks until the newer one is on screen.
            return terminal.text.contains("Customer sync") ? .some(nil) : nil
        }
        // The tick after the new snapshot arrived drew the older one: its rows were being derived.
        #expect(frames.first?.contains("Customer sync") == true)
        #expect(!terminal.text.contains("Customer sync"))
        #expect(terminal.text.contains("Orders API"))
    }

    @Test func aViewSwitchedToOnALargeSnapshotIsDerivedInTheBackgroundWhileItSaysSo() async {
        let source = FakeDataSource(Fixtures.snapshot())
        var first: String?
        var switched = false
        var afterSwitch: [String] = []
        let terminal = await Self.run(start: .interfaces, source: source) { terminal in
            if first == nil { first = terminal.text }
            if !switched {
                guard terminal.text.contains("Customer sync") else { return .some(nil) }
                switched = true
                return .character("2")
            }
            afterSwitch.append(terminal.text)
            return terminal.text.contains("preparing the view") ? .some(nil) : nil
        }
        #expect(first?.contains("preparing the view of 4 interfaces") == true, "\(first ?? "")")
        // The frame after the key: the topology's layout was being derived, not drawn on the UI thread.
        #expect(afterSwitch.first?.contains("preparing the view of 4 interfaces") == true)
        #expect(terminal.text.contains("Webshop") && !terminal.text.contains("preparing"), "\(terminal.text)")
    }
}
