import Foundation
import SwitchboardCore
import Testing

/// A maintenance window as the API and the command line write it: one set of fields, one set of
/// checks, and a schedule that survives the wire unchanged.
struct MaintenanceRequestTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aWeeklyWindowRoundTripsThroughTheRequestAndTheWire() throws {
        let request = MaintenanceRequest(
            matchers: #"{system="erp", alertname=~"Interface.*"}"#, comment: "patch night", weekly: "sat,sun",
            at: "22:30", duration: "4h", timeZone: "Europe/Berlin")
        let window = try request.window(now: now)
        #expect(window.name == #"{system="erp", alertname=~"Interface.*"}"#)
        #expect(
            window.schedule
                == .weekly(
                    weekdays: [7, 1], minuteOfDay: 22 * 60 + 30, duration: 4 * 3600,
                    timeZone: TimeZone(identifier: "Europe/Berlin")!))
        #expect(try MaintenanceRequest(window).window(now: now) == window)
        let snapshot = MaintenanceWindowSnapshot(
            id: "w", name: window.name, matchers: window.matchers, schedule: window.schedule, createdBy: "alice",
            comment: window.comment, state: .closed)
        let wire = try APICoding.encode(snapshot)
        #expect(String(decoding: wire, as: UTF8.self).contains(#""weekdays":["sat","sun"]"#))
        #expect(try APICoding.decode(MaintenanceWindowSnapshot.self, from: wire) == snapshot)
    }

    @Test func aOneOffWindowStartsNowUnlessToldAndMustEndAfterItStarts() throws {
        let window = try MaintenanceRequest(matchers: "system=erp", comment: "", end: "2027-01-15T10:00:00Z")
            .window(now: now)
        #expect(window.schedule == .once(start: now, end: try Date("2027-01-15T10:00:00Z", strategy: .iso8601)))
        #expect(throws: MaintenanceScheduleError.self) {
            try MaintenanceRequest(
                matchers: "system=erp", comment: "", start: "2027-01-15T10:00:00Z", end: "2027-01-15T09:00:00Z"
            ).window(now: now)
        }
    }

    @Test func mistakesNameTheFieldAsTheCallerSpellsIt() {
        let mixed = MaintenanceRequest(matchers: "system=erp", comment: "", end: "2027-01-15T10:00:00Z", weekly: "sat")
        #expect(throws: MaintenanceScheduleError.self) { try mixed.window(now: now) }
        do {
            _ = try mixed.window(now: now) { "--" + $0 }
            Issue.record("a one-off end and a weekly day were accepted together")
        } catch {
            #expect(error.message.contains("--end and --weekly do not mix"))
        }
        do {
            _ = try MaintenanceRequest(matchers: "system=~(", comment: "", end: "2027-01-15T10:00:00Z").window(now: now)
            Issue.record("a bad regex was accepted")
        } catch {
            #expect(error.message.hasPrefix("matchers: "))
        }
        do {
            _ = try MaintenanceRequest(matchers: "system=erp", comment: "", weekly: "sat", at: "22:00").window(now: now)
            Issue.record("a weekly window without a duration was accepted")
        } catch {
            #expect(error.message == "a weekly window needs weekly, at and duration")
        }
    }
}
