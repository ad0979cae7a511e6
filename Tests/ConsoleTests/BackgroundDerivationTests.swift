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

    @Test func aLargeNewSnapshotIsShownOnceItsRowsWereDerivedInTheBackground() async {
        let terminal = MemoryTerminal()
        let source = FakeDataSource(Fixtures.snapshot())
        var options = ConsoleOptions(tickMilliseconds: 1)
        options.startView = .interfaces
        options.deriveInBackgroundFrom = 0
        let session = ConsoleSession(
            terminal: terminal, dataSource: source, options: options, theme: .builtInMonochrome,
            timeZone: Fixtures.utc, clock: { Fixtures.now })
        terminal.pendingKeys = [nil, .character("q")]
        var reads = 0
        var secondFrame = ""
        // Only a failing test waits this long; a loaded machine can keep the task pool busy for minutes.
        let deadline = Date().addingTimeInterval(300)
        terminal.onReadKey = { terminal in
            reads += 1
            if reads == 1 {
                source.snapshot = Fixtures.snapshot(interfaces: Array(Fixtures.interfaces.prefix(1)), version: 8)
                return
            }
            // The tick after the new snapshot arrived drew the older one: its rows were being derived.
            if reads == 2 { secondFrame = terminal.text }
            // Then the loop ticks until the newer one is on screen.
            if terminal.text.contains("Customer sync"), Date() < deadline {
                usleep(1000)
                terminal.pendingKeys.insert(nil, at: 0)
            }
        }
        let running = UncheckedSendable(session)
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread {
                _ = running.value.run()
                done.resume()
            }.start()
        }
        #expect(secondFrame.contains("Customer sync"))
        #expect(!terminal.text.contains("Customer sync"))
        #expect(terminal.text.contains("Orders API"))
    }
}
