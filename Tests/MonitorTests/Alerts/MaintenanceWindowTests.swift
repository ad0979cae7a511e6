import Foundation
import Monitor
import PromQL
import Testing

@Suite struct MaintenanceWindowTests {
    typealias F = AlertFixtures

    func date(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    @Test func aOneOffWindowSilencesMatchingAlertsWhileOpen() throws {
        var queue = AlertQueue()
        let erp = F.alert("Down", ["system": "erp"])
        let crm = F.alert("Down", ["system": "crm"])
        _ = queue.update(alerts: [erp, crm], topology: .init(), now: F.at(0))
        let window = try MaintenanceWindow(
            id: "upgrade", name: "ERP upgrade", matchers: [.equal("system", "erp")],
            schedule: .once(start: F.at(100), end: F.at(200)), createdBy: "ana")
        let audit = queue.addMaintenanceWindow(window, now: F.at(0))
        #expect(audit.action == .maintenance)
        #expect(queue.entry(erp.id)?.maintenanceBy == [])
        queue.recompute(now: F.at(150))
        #expect(queue.entry(erp.id)?.maintenanceBy == ["upgrade"])
        #expect(queue.entry(crm.id)?.maintenanceBy == [])
        queue.recompute(now: F.at(200))
        #expect(queue.entry(erp.id)?.maintenanceBy == [])
    }

    @Test func aWeeklyWindowOpensOnItsDaysInItsTimeZoneAcrossMidnight() throws {
        // Saturdays 23:00 for three hours, Berlin time.
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let window = try MaintenanceWindow(
            name: "backups", matchers: [.equal("system", "erp")],
            schedule: .weekly(weekdays: [7], minuteOfDay: 23 * 60, duration: 3 * 3600, timeZone: berlin),
            createdBy: "ana")
        // 2026-01-03 is a Saturday; Berlin is UTC+1 in winter.
        #expect(!window.isOpen(at: date("2026-01-03T21:59:00Z")))
        #expect(window.isOpen(at: date("2026-01-03T22:00:00Z")))
        #expect(window.isOpen(at: date("2026-01-04T00:30:00Z")), "still open after local midnight, on Sunday")
        #expect(!window.isOpen(at: date("2026-01-04T01:00:00Z")))
        #expect(!window.isOpen(at: date("2026-01-07T22:30:00Z")), "not on a Wednesday")
        // Summer time: 23:00 Berlin is 21:00 UTC.
        #expect(window.isOpen(at: date("2026-07-04T21:30:00Z")))
        #expect(!window.isOpen(at: date("2026-07-04T20:59:00Z")))
    }

    @Test func invalidWindowsAreRefused() {
        #expect(throws: AlertQueueError.invalidMaintenanceWindow("`x` ends before it starts")) {
            try MaintenanceWindow(
                name: "x", matchers: [.equal("a", "b")], schedule: .once(start: F.at(5), end: F.at(5)), createdBy: "ana"
            )
        }
        #expect(throws: AlertQueueError.invalidMaintenanceWindow("`x` starts at minute 1440; expected 0 to 1439")) {
            try MaintenanceWindow(
                name: "x", matchers: [.equal("a", "b")],
                schedule: .weekly(weekdays: [1], minuteOfDay: 1440, duration: 60, timeZone: .gmt), createdBy: "ana")
        }
        #expect(
            throws: AlertQueueError.invalidMaintenanceWindow("`x` needs weekdays between 1 (Sunday) and 7 (Saturday)")
        ) {
            try MaintenanceWindow(
                name: "x", matchers: [.equal("a", "b")],
                schedule: .weekly(weekdays: [0], minuteOfDay: 0, duration: 60, timeZone: .gmt), createdBy: "ana")
        }
    }
}
