import Foundation
import Testing

@testable import SwitchboardCore

/// `throughput.expect.when`: weekdays and times of day in an IANA time zone, across its edges.
@Suite struct BusinessCalendarTests {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    static func utc(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    @Test func fridayEveningIsInsideUntilSixBerlinTime() throws {
        let hours = try BusinessCalendar(parsing: "mon-fri 08:00-18:00", timeZone: Self.berlin)
        // 4 December 2026 is a Friday; Berlin is UTC+1 in winter.
        #expect(hours.contains(Self.utc("2026-12-04T16:59:00Z")), "17:59 Berlin")
        #expect(!hours.contains(Self.utc("2026-12-04T17:01:00Z")), "18:01 Berlin")
        #expect(!hours.contains(Self.utc("2026-12-05T10:00:00Z")), "Saturday")
        #expect(hours.contains(Self.utc("2026-12-07T07:00:00Z")), "Monday 08:00 Berlin")
        #expect(!hours.contains(Self.utc("2026-12-07T06:59:00Z")), "Monday 07:59 Berlin")
    }

    @Test func theZonesOffsetFollowsDaylightSavingTime() throws {
        let hours = try BusinessCalendar(parsing: "mon-fri 08:00-18:00", timeZone: Self.berlin)
        // Berlin moves to UTC+2 on Sunday 29 March 2026: 06:30 UTC is 07:30 the Monday before, 08:30 after.
        #expect(!hours.contains(Self.utc("2026-03-23T06:30:00Z")))
        #expect(hours.contains(Self.utc("2026-03-30T06:30:00Z")))
        #expect(!hours.contains(Self.utc("2026-03-30T16:30:00Z")), "18:30 CEST")
        #expect(hours.contains(Self.utc("2026-03-27T16:30:00Z")), "17:30 CET")
    }

    @Test func listsRangesDailyAndSeveralTimes() throws {
        let weekend = try BusinessCalendar(parsing: "sat,sun", timeZone: .gmt)
        #expect(weekend.weekdays == [1, 7] && weekend.times == [0..<1440])
        let wrapping = try BusinessCalendar(parsing: "fri-mon", timeZone: .gmt)
        #expect(wrapping.weekdays == [6, 7, 1, 2])
        let split = try BusinessCalendar(parsing: "daily 06:00-12:00,13:00-24:00", timeZone: .gmt)
        #expect(split.weekdays.count == 7 && split.times == [360..<720, 780..<1440])
        #expect(!split.contains(Self.utc("2026-12-04T12:30:00Z")))
        #expect(split.contains(Self.utc("2026-12-04T23:59:00Z")))
    }

    @Test(arguments: [
        ("mon-fry 08:00-18:00", 1), ("mon-fri 08:00-18:00,19:00-25:00", 21), ("mon-fri 18:00-08:00", 9),
        ("mon-fri 8-18", 9), ("", 1), ("mon fri sat", 1),
    ])
    func aBadSpecNamesItsColumn(spec: String, column: Int) {
        let error = #expect(throws: BusinessCalendarError.self) {
            try BusinessCalendar(parsing: spec, timeZone: .gmt)
        }
        #expect(error?.column == column, "\(spec): \(error?.problem ?? "")")
    }
}
