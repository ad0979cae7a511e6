import Foundation
import Testing

@testable import SwitchboardCore

/// `throughput.expect`: a minimum volume on a business calendar, with positions for every mistake.
@Suite struct VolumeExpectationConfigTests {
    static func load(_ expect: String) throws -> Landscape {
        let yaml = """
            systems: [{id: bus}, {id: erp}]
            interfaces:
              - id: invoices
                from: bus
                to: erp
                throughput:
                  metric: invoices_sent_total
                  expect: \(expect)
            """
        return try ConfigLoader(environment: [:]).load(yaml: yaml, file: "v.yaml")
    }

    @Test func theExpectationIsReadWithItsCalendar() throws {
        let landscape = try Self.load(
            #"{at_least: 200, per: 1h, when: "mon-fri 08:00-18:00", time_zone: Europe/Berlin}"#)
        let expect = try #require(landscape.interfaces[0].throughput?.expect)
        #expect(expect.atLeast == 200 && expect.per == .seconds(3600))
        #expect(expect.calendar?.timeZone.identifier == "Europe/Berlin")
        #expect(expect.calendar?.weekdays == [2, 3, 4, 5, 6])
    }

    @Test func withoutACalendarItAlwaysHolds() throws {
        let expect = try #require(try Self.load("{at_least: 5, per: 10m}").interfaces[0].throughput?.expect)
        #expect(expect.calendar == nil && expect.per == .seconds(600))
    }

    @Test func anUnknownZoneIsAnErrorAtItsPlace() {
        let errors = #expect(throws: ConfigErrors.self) {
            try Self.load(#"{at_least: 200, per: 1h, when: "daily", time_zone: Europe/Berlinn}"#)
        }
        let error = errors?.errors.first
        #expect(error?.location?.line == 8, "\(String(describing: error))")
        #expect(error?.message.contains("Europe/Berlinn") == true)
    }

    @Test func aBadCalendarNamesTheColumnOfItsFault() throws {
        let errors = #expect(throws: ConfigErrors.self) {
            try Self.load(#"{at_least: 200, per: 1h, when: "mon-fri 08:00-18:60"}"#)
        }
        let error = try #require(errors?.errors.first)
        // `expect: {at_least: 200, per: 1h, when: "` puts the spec's first character at column 47.
        #expect(error.location?.line == 8)
        #expect(error.location?.column == 47 + 8, "\(error)")
        #expect(error.message.contains("calendar"))
    }

    @Test func atLeastAndPerAreRequired() {
        let errors = #expect(throws: ConfigErrors.self) { try Self.load("{when: daily}") }
        #expect(errors?.errors.count == 2)
    }
}
