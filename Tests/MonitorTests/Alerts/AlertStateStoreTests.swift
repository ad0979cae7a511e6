import Foundation
import GRDB
import Monitor
import PromQL
import Testing

@Suite struct AlertStateStoreTests {
    typealias F = AlertFixtures

    func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sb-alerts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A store with the alerts of one evaluation recorded.
    func store(_ directory: String, alerts: [RuleAlert], now: Date = F.at(0)) throws -> (AlertStateStore, AlertQueue) {
        let store = AlertStateStore(writer: try AlertDatabase.open(directory: directory))
        var queue = AlertQueue()
        let changes = queue.update(alerts: alerts, topology: .init(), now: now)
        try store.recordEvaluation(changes, at: now)
        return (store, queue)
    }

    @Test func everythingTheQueueHoldsSurvivesAReopen() throws {
        let directory = try temporaryDirectory()
        let alert = F.alert("Down", ["system": "erp", "severity": "critical"], annotations: ["summary": "ERP down"])
        do {
            var (store, queue) = try store(directory, alerts: [alert])
            let (ack, audit) = try queue.acknowledge(
                alert.id.rawValue, by: "ana", note: "on it", sticky: true, now: F.at(1))
            try store.recordAcknowledgement(ack, audit: audit)
            let silence = try F.silence(["system=erp", #"env=~"prod|stage""#], id: "s-erp")
            try store.recordSilence(silence, audit: queue.addSilence(silence, now: F.at(2)))
            let (note, noteAudit) = try queue.addNote(alert.id.rawValue, by: "bo", text: "vendor called", now: F.at(3))
            try store.recordNote(note, audit: noteAudit)
            let window = try MaintenanceWindow(
                id: "w", name: "backups", matchers: [.equal("system", "erp")],
                schedule: .weekly(
                    weekdays: [1, 7], minuteOfDay: 90, duration: 3600, timeZone: TimeZone(identifier: "Europe/Berlin")!),
                createdBy: "ana")
            try store.recordMaintenanceWindow(window, audit: queue.addMaintenanceWindow(window, now: F.at(4)))
        }
        let reopened = AlertStateStore(writer: try AlertDatabase.open(directory: directory))
        var queue = try reopened.loadQueue()
        queue.recompute(now: F.at(5))
        let entry = try #require(queue.entry(alert.id))
        #expect(entry.state == .firing && entry.labels["severity"] == "critical")
        #expect(entry.annotations == ["summary": "ERP down"])
        #expect(entry.acknowledgement?.by == "ana" && entry.acknowledgement?.sticky == true)
        #expect(entry.acknowledgement?.severity == .critical)
        #expect(entry.silencedBy == [], "env is missing, so env=~prod|stage does not match")
        #expect(queue.silences["s-erp"]?.matchersDescription == #"{system="erp", env=~"prod|stage"}"#)
        #expect(entry.notes.map(\.text) == ["vendor called"])
        #expect(
            queue.maintenanceWindows["w"]?.schedule
                == .weekly(
                    weekdays: [1, 7], minuteOfDay: 90, duration: 3600, timeZone: TimeZone(identifier: "Europe/Berlin")!)
        )
        #expect(try reopened.auditTrail().map(\.action) == [.acknowledge, .silence, .note, .maintenance])
        #expect(try reopened.history(of: alert.id).map(\.change) == [.state(from: nil, to: .firing)])
    }

    @Test func historyAndClearedAcknowledgementsAreRecordedPerEvaluation() throws {
        let directory = try temporaryDirectory()
        let alert = F.alert("Down", state: .pending)
        var (store, queue) = try store(directory, alerts: [alert])
        var firing = alert
        firing.state = .firing
        try store.recordEvaluation(queue.update(alerts: [firing], topology: .init(), now: F.at(60)), at: F.at(60))
        _ = try store.acknowledge(alert.id.rawValue, by: "ana", note: "", now: F.at(61))
        queue = try store.loadQueue()
        try store.recordEvaluation(queue.update(alerts: [], topology: .init(), now: F.at(120)), at: F.at(120))
        #expect(
            try store.history(of: alert.id).map(\.change) == [
                .state(from: nil, to: .pending), .state(from: .pending, to: .firing),
                .state(from: .firing, to: .inactive), .acknowledgementCleared(.resolved),
            ])
        let reloaded = try store.loadQueue()
        #expect(reloaded.acknowledgements.isEmpty)
        #expect(reloaded.alerts[alert.id]?.state == .inactive)
        #expect(reloaded.alerts[alert.id]?.resolvedAt == F.at(120))
    }

    @Test func activityMergesStateChangesAndOperatorActionsNewestFirst() throws {
        let directory = try temporaryDirectory()
        let alert = F.alert("Down", state: .pending)
        let other = F.alert("Slow", state: .firing)
        var (store, queue) = try store(directory, alerts: [alert, other])
        var firing = alert
        firing.state = .firing
        try store.recordEvaluation(
            queue.update(alerts: [firing, other], topology: .init(), now: F.at(60)), at: F.at(60))
        _ = try store.acknowledge(alert.id.rawValue, by: "ana", note: "on it", now: F.at(61))
        _ = try store.addNote(alert.id.rawValue, by: "bo", text: "DB failover", now: F.at(70))
        _ = try store.acknowledge(other.id.rawValue, by: "cy", note: "", now: F.at(80))
        let activity = try store.activity(of: alert.id, limit: 10)
        #expect(
            activity.map(\.text) == [
                "note: DB failover", "acknowledged: on it", "pending → firing", "appeared pending",
            ])
        #expect(activity.map(\.by) == ["bo", "ana", nil, nil])
        #expect(try store.activity(of: alert.id, limit: 2).count == 2)
    }

    @Test func refusedActionsWriteNothing() throws {
        let directory = try temporaryDirectory()
        let alert = F.alert("Down")
        let (store, _) = try store(directory, alerts: [alert])
        #expect(throws: AlertQueueError.unknownAlert("0123456789abcdef")) {
            try store.acknowledge("0123456789abcdef", by: "ana", note: "", now: F.at(1))
        }
        #expect(throws: AlertQueueError.notAcknowledged(alert.id)) {
            try store.unacknowledge(alert.id.rawValue, by: "ana", now: F.at(1))
        }
        #expect(throws: AlertQueueError.unknownSilence("nope")) {
            try store.expireSilence("nope", by: "ana", now: F.at(1))
        }
        #expect(try store.auditTrail().isEmpty)
        let ack = try store.acknowledge(String(alert.id.rawValue.prefix(5)), by: "ana", note: "mine", now: F.at(2))
        #expect(ack.alertID == alert.id)
        #expect(try store.unacknowledge(alert.id.rawValue, by: "bo", now: F.at(3)) == alert.id)
        #expect(try store.auditTrail().map(\.actor) == ["ana", "bo"])
    }

    @Test func aCommittedAcknowledgementIsInTheFilesWhileTheWriterIsStillOpen() throws {
        // The files as they are while the process still runs are what a kill -9 leaves behind: copy them
        // without closing the pool (no checkpoint, no clean shutdown) and open the copy.
        let directory = try temporaryDirectory()
        let alert = F.alert("Down")
        let (store, _) = try store(directory, alerts: [alert])
        _ = try store.acknowledge(alert.id.rawValue, by: "ana", note: "confirmed", now: F.at(1))
        let crashed = try temporaryDirectory()
        for suffix in ["", "-wal"] {
            let source = directory + "/" + AlertDatabase.fileName + suffix
            if FileManager.default.fileExists(atPath: source) {
                try FileManager.default.copyItem(
                    atPath: source, toPath: crashed + "/" + AlertDatabase.fileName + suffix)
            }
        }
        let recovered = try AlertStateStore(writer: AlertDatabase.open(directory: crashed)).loadQueue()
        #expect(recovered.acknowledgements[alert.id]?.note == "confirmed")
        withExtendedLifetime(store) {}
    }

    @Test func aCorruptDatabaseIsReportedAndLeftAsItIs() throws {
        let directory = try temporaryDirectory()
        let path = directory + "/" + AlertDatabase.fileName
        let garbage = Data(repeating: 0x5a, count: 8192)
        try garbage.write(to: URL(fileURLWithPath: path))
        do {
            _ = try AlertDatabase.open(directory: directory)
            Issue.record("a corrupt database must not open")
        } catch let error as AlertStoreError {
            guard case .corrupt(let reported, _) = error else {
                Issue.record("expected corrupt, got \(error)")
                return
            }
            #expect(reported == path)
            #expect(error.description.contains("left as it is"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage, "never replaced")
    }

    @Test func aDatabaseFromANewerVersionIsRefused() throws {
        let directory = try temporaryDirectory()
        _ = try store(directory, alerts: [F.alert("Down")])
        let pool = try DatabasePool(path: directory + "/" + AlertDatabase.fileName)
        try pool.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('alerts-v99')") }
        try pool.close()
        #expect(
            throws: AlertStoreError.newerVersion(
                path: directory + "/" + AlertDatabase.fileName, migrations: ["alerts-v99"])
        ) { try AlertDatabase.open(directory: directory) }
    }

    @Test func aLockedDatabaseIsAClearErrorAndWritesNothing() throws {
        let directory = try temporaryDirectory()
        let alert = F.alert("Down")
        _ = try store(directory, alerts: [alert])
        let store = AlertStateStore(writer: try AlertDatabase.open(directory: directory, busyTimeout: 0.1))
        // Another connection holds the write lock in an exclusive transaction on its own thread.
        let other = try DatabaseQueue(path: directory + "/" + AlertDatabase.fileName)
        let locked = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let holder = Thread {
            try? other.inTransaction(.exclusive) { _ in
                locked.signal()
                release.wait()
                return .rollback
            }
            locked.signal()
        }
        holder.start()
        locked.wait()
        #expect(throws: AlertStoreError.locked(path: directory + "/" + AlertDatabase.fileName)) {
            try store.acknowledge(alert.id.rawValue, by: "ana", note: "", now: F.at(1))
        }
        release.signal()
        locked.wait()
        #expect(try store.auditTrail().isEmpty)
        #expect(try store.loadQueue().acknowledgements.isEmpty)
    }

    @Test(.enabled(if: getuid() != 0, "root ignores file permissions, so a read-only file cannot be made"))
    func aReadOnlyDatabaseIsAClearError() throws {
        let directory = try temporaryDirectory()
        _ = try store(directory, alerts: [F.alert("Down")])
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: directory)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory) }
        #expect(throws: AlertStoreError.self) { try AlertDatabase.open(directory: directory) }
    }
}
