import SwitchboardCore
import Testing

@testable import Console

/// `--bell`: rings once when a critical alert starts firing unattended, never for what was already there.
@Suite struct CriticalAlertBellTests {
    typealias Entry = AlertEntrySnapshot

    static func queue(_ entries: Entry...) -> AlertQueueSnapshot {
        AlertQueueSnapshot(entries: entries, groups: [], silences: [])
    }

    static let critical = AlertConsoleTests.entry("a1", "InterfaceDown", severity: "critical", state: .firing)

    /// What the bell says to each queue in turn.
    static func rings(_ queues: [AlertQueueSnapshot]) -> [Bool] {
        var bell = CriticalAlertBell()
        return queues.map { bell.update($0) }
    }

    @Test func ringsForANewCriticalAlertOnly() {
        let second = AlertConsoleTests.entry("a9", "ScrapeDown", severity: "critical", state: .firing)
        let rings = Self.rings([
            Self.queue(Self.critical),  // already firing at start: no ring
            Self.queue(Self.critical, second),  // a new one
            Self.queue(Self.critical, second),  // rings once
            Self.queue(Self.critical),
            Self.queue(Self.critical, second),  // fired again
        ])
        #expect(rings == [false, true, false, false, true])
    }

    @Test func warningsPendingAcknowledgedAndMutedAlertsDoNotRing() {
        let acked = AlertConsoleTests.entry(
            "k", "Down", severity: "critical", state: .firing,
            ack: AcknowledgementSnapshot(by: "kim", at: Fixtures.now, note: "", expiresAt: nil))
        let silenced = AlertConsoleTests.entry(
            "s", "Down", severity: "critical", state: .firing, muting: [.silenced(silenceID: "s1")])
        let rings = Self.rings([
            Self.queue(),
            Self.queue(AlertConsoleTests.entry("w", "Slow", severity: "warning", state: .firing)),
            Self.queue(AlertConsoleTests.entry("p", "Down", severity: "critical", state: .pending)),
            Self.queue(acked), Self.queue(silenced),
            Self.queue(AlertConsoleTests.entry("c", "Down", severity: "critical", state: .firing)),
        ])
        #expect(rings == [false, false, false, false, false, true])
    }

    @Test func theSessionRingsOnlyWithTheOption() {
        for enabled in [false, true] {
            let source = FakeDataSource(AlertConsoleTests.snapshot())
            let terminal = MemoryTerminal()
            var options = ConsoleOptions(tickMilliseconds: 1, bell: enabled)
            options.startView = .alerts
            terminal.pendingKeys = [nil, nil, nil]
            var reads = 0
            terminal.onReadKey = { _ in
                reads += 1
                guard reads == 1 else { return }
                var snapshot = source.snapshot
                snapshot.alerts.entries.append(
                    AlertConsoleTests.entry("a9", "ScrapeDown", severity: "critical", state: .firing))
                snapshot.version += 1
                source.snapshot = snapshot
            }
            _ = ConsoleSession(
                terminal: terminal, dataSource: source, options: options, theme: .builtInMonochrome,
                timeZone: Fixtures.utc, clock: { Fixtures.now }
            ).run()
            #expect(terminal.bellCount == (enabled ? 1 : 0))
        }
    }
}
