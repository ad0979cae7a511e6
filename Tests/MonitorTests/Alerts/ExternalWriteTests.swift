import Foundation
import GRDB
import PromQL
import SwitchboardCore
import Testing

@testable import Monitor

/// Operator state written by another process (the command line) reaches the running queue: two
/// connections on one state database, as the engine and `switchboard alerts ack` have.
@Suite struct ExternalWriteTests {
    typealias P = PipelineFixture

    func entry(_ snapshot: AlertQueueSnapshot, _ interface: String) -> AlertEntrySnapshot? {
        snapshot.entries.first { $0.labels.contains(LabelPair("interface", interface)) }
    }

    @Test func theDataVersionMovesForAnotherConnectionsCommitsOnly() throws {
        let fixture = try P(alerting: AlertingConfig())
        let own = fixture.store
        let other = AlertStateStore(writer: try AlertDatabase.open(directory: fixture.directory))
        let before = try own.dataVersion()
        try own.recordNote(
            AlertNote(alertID: AlertID(rawValue: "0123456789abcdef"), by: "ana", at: P.t0, text: "own"),
            audit: AuditEntry(at: P.t0, actor: "ana", action: .note, target: "0123456789abcdef", detail: "own"))
        #expect(try own.dataVersion() == before, "its own write")
        try other.addSilence(
            try Silence(
                matchers: [.equal("system", "erp")], startsAt: P.t0, endsAt: P.t0.addingTimeInterval(60),
                createdBy: "cli", comment: "x"), now: P.t0)
        #expect(try own.dataVersion() != before, "another connection's commit")
    }

    @Test func anAckASilenceAndAWindowFromTheCommandLineReachTheRunningQueue() async throws {
        let window = MaintenanceWindowConfig(
            name: "billing-move", matchers: [AlertMatcher(name: "interface", kind: .equal, value: "billing")],
            schedule: .once(start: P.t0, end: P.t0.addingTimeInterval(3600)))
        let fixture = try P(alerting: AlertingConfig(maintenanceWindows: [window]))
        let first = await fixture.tick(0, ["feed": 0, "billing": 0, "orders": 0])
        let feed = try #require(entry(first, "feed"))
        #expect(entry(first, "billing")?.muting == [.maintenance(windowID: "config:billing-move")])

        let cli = AlertStateStore(writer: try AlertDatabase.open(directory: fixture.directory))
        _ = try cli.acknowledge(feed.id, by: "cli", note: "on it", now: P.t0.addingTimeInterval(1))
        let silence = try Silence(
            matchers: [.equal("interface", "orders")], startsAt: P.t0, endsAt: P.t0.addingTimeInterval(600),
            createdBy: "cli", comment: "known")
        try cli.addSilence(silence, now: P.t0.addingTimeInterval(1))
        let second = await fixture.tick(2)
        #expect(entry(second, "feed")?.acknowledgement?.by == "cli")
        #expect(entry(second, "orders")?.muting == [.silenced(silenceID: silence.id)])
        #expect(
            entry(second, "billing")?.muting == [.maintenance(windowID: "config:billing-move")],
            "the config's window stays")

        _ = try cli.unacknowledge(feed.id, by: "cli", now: P.t0.addingTimeInterval(3))
        let third = await fixture.tick(4)
        #expect(entry(third, "feed")?.acknowledgement == nil)
    }

    @Test func anAckInTheConsoleIsNotLostToAReload() async throws {
        let fixture = try P(alerting: AlertingConfig())
        let first = await fixture.tick(0, ["feed": 0])
        let feed = try #require(entry(first, "feed"))
        let outcome = fixture.pipeline.perform(
            .acknowledge(alertID: feed.id, note: "mine", by: "ana"), now: P.t0.addingTimeInterval(1))
        #expect(outcome.succeeded)
        let cli = AlertStateStore(writer: try AlertDatabase.open(directory: fixture.directory))
        _ = try cli.addNote(feed.id, by: "cli", text: "seen", now: P.t0.addingTimeInterval(1))
        let second = await fixture.tick(2)
        #expect(entry(second, "feed")?.acknowledgement?.by == "ana")
        #expect(entry(second, "feed")?.notes.map(\.text) == ["seen"])
    }
}
