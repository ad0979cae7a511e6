import Foundation
import Monitor
import PromQL
import TestSupport
import Testing

/// `switchboard maintenance …` on a state directory seeded with one alert.
@Suite struct MaintenanceCommandTests {
    let directory: String
    let down = RuleAlert(
        ruleName: "InterfaceDown", labels: ["system": "erp", "severity": "critical"], state: .firing,
        activeAt: Date(timeIntervalSinceNow: -600), firedAt: Date(timeIntervalSinceNow: -300))

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-mw-\(UUID().uuidString)").path
        let store = AlertStateStore(writer: try AlertDatabase.open(directory: directory))
        var queue = AlertQueue()
        try store.recordEvaluation(queue.update(alerts: [down], topology: .init(), now: Date()), at: Date())
    }

    func run(_ arguments: [String]) async throws -> ChildProcess.Output {
        let environment = ProcessInfo.processInfo.environment.merging(["LOGNAME": "ana"]) { $1 }
        return try await OwnThread.run {
            try ChildProcess.run(BuiltBinary.path, arguments + ["--state-dir", directory], environment: environment)
        }
    }

    func store() throws -> AlertStateStore {
        AlertStateStore(writer: try AlertDatabase.open(directory: directory))
    }

    @Test func aOneOffWindowMutesItsAlertsAndIsRemovedWithAudit() async throws {
        let start = Date(timeIntervalSinceNow: -60).formatted(.iso8601)
        let end = Date(timeIntervalSinceNow: 3600).formatted(.iso8601)
        let add = try await run([
            "maintenance", "add", "system=erp", "--start", start, "--end", end, "--comment", "ERP upgrade",
        ])
        #expect(add.status == 0, "\(add.stderr)")
        let id = add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let muted = try await run(["alerts", "list", "--state", "maintenance"])
        #expect(muted.stdout.contains("maintenance \(id)"))
        let list = try await run(["maintenance", "list", "--format", "json"])
        let windows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(windows.map { $0["id"] as? String } == [id])
        #expect(windows.first?["state"] as? String == "open")
        #expect(windows.first?["created_by"] as? String == "ana")
        #expect((windows.first?["schedule"] as? [String: Any])?["kind"] as? String == "once")
        let remove = try await run(["maintenance", "remove", String(id.prefix(8)), "--by", "bo"])
        #expect(remove.status == 0 && remove.stdout == "removed \(id)\n", "\(remove.stderr)")
        #expect(try await run(["maintenance", "list"]).stdout == "no maintenance windows\n")
        let audit = try store().auditTrail()
        #expect(audit.map(\.action) == [.maintenance, .endMaintenance])
        #expect(audit.map(\.actor) == ["ana", "bo"])
    }

    @Test func aWeeklyWindowIsStoredInItsTimeZone() async throws {
        let add = try await run([
            "maintenance", "add", "system=erp", "alertname=~Interface.*", "--weekly", "sat,sun", "--at", "22:00",
            "--duration", "4h", "--time-zone", "Europe/Berlin", "--comment", "patch night", "--name", "patch",
        ])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stderr.contains("weekly sat,sun 22:00 for 4h (Europe/Berlin)"))
        let window = try #require(try store().loadQueue().maintenanceWindows.values.first)
        #expect(window.name == "patch")
        #expect(
            window.schedule
                == .weekly(
                    weekdays: [7, 1], minuteOfDay: 22 * 60, duration: 4 * 3600,
                    timeZone: TimeZone(identifier: "Europe/Berlin")!))
        let text = try await run(["maintenance", "list"])
        #expect(text.stdout.contains("patch") && text.stdout.contains("weekly sat,sun 22:00 for 4h (Europe/Berlin)"))
    }

    @Test func badInputIsAClearErrorExitsTwoAndWritesNothing() async throws {
        let cases: [([String], String)] = [
            (
                ["sys tem=erp", "--end", "2030-01-01T00:00:00Z"],
                "error: matcher 1 `sys tem=erp`, column 5: expected one of"
            ),
            (
                ["system=erp", "--start", "2030-01-02T00:00:00Z", "--end", "2030-01-01T00:00:00Z"],
                "error: the window ends (2030-01-01T00:00:00Z) before it starts (2030-01-02T00:00:00Z)"
            ),
            (
                ["system=erp", "--weekly", "mon,funday", "--at", "22:00", "--duration", "2h"],
                "error: unknown weekday `funday`; expected mon, tue, wed, thu, fri, sat or sun"
            ),
            (
                [
                    "system=erp", "--weekly", "mon", "--at", "22:00", "--duration", "2h", "--time-zone",
                    "Europe/Hamburg",
                ],
                "error: unknown time zone `Europe/Hamburg`; expected an IANA name"
            ),
            (["system=erp", "--weekly", "mon", "--at", "22h", "--duration", "2h"], "error: invalid time of day `22h`"),
            (
                ["system=erp", "--end", "2030-01-01T00:00:00Z", "--weekly", "mon"],
                "error: --end and --weekly do not mix"
            ),
            (["system=erp", "--end", "tomorrow"], "error: invalid time `tomorrow`; expected ISO 8601"),
        ]
        for (arguments, message) in cases {
            let result = try await run(["maintenance", "add"] + arguments + ["--comment", "c"])
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix(message), "\(arguments)")
        }
        let unknown = try await run(["maintenance", "remove", "abcdef"])
        #expect(unknown.status == 2)
        #expect(
            unknown.stderr == "error: no maintenance window with id `abcdef` (see `switchboard maintenance list`)\n")
        #expect(try store().auditTrail().isEmpty)
        #expect(try store().loadQueue().maintenanceWindows.isEmpty)
    }

    @Test func listShowsTheConfigsWindowsBesideThoseOfTheStateDirectory() async throws {
        let config = directory + "/switchboard.yaml"
        try """
        systems:
          - id: erp
        alerting:
          maintenance_windows:
            - name: erp-patch-night
              matchers: ['system="erp"']
              weekly: {days: [sat, sun], at: "22:00", duration: 4h, time_zone: Europe/Berlin}
              comment: SAP patch window
        """.write(toFile: config, atomically: true, encoding: .utf8)
        let add = try await run([
            "maintenance", "add", "system=crm", "--end", "2099-01-01T00:00:00Z", "--comment", "m", "--name", "crm",
        ])
        #expect(add.status == 0, "\(add.stderr)")
        let list = try await run(["maintenance", "list", "--config", config, "--format", "json"])
        let windows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(windows.compactMap { $0["name"] as? String } == ["crm", "erp-patch-night"])
        #expect(windows.last?["id"] as? String == "config:erp-patch-night")
    }
}
