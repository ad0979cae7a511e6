import Foundation
import Testing

@testable import SwitchboardCore

@Suite struct CronExpressionTests {
    static func date(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    struct NextCase: CustomTestStringConvertible, Sendable {
        var expression: String
        var zone: String = "UTC"
        var after: String
        var expected: String
        var testDescription: String { "\(expression) after \(after)" }
    }

    @Test(arguments: [
        NextCase(expression: "*/5 * * * *", after: "2026-03-01T10:02:30Z", expected: "2026-03-01T10:05:00Z"),
        NextCase(expression: "*/5 * * * *", after: "2026-03-01T10:05:00Z", expected: "2026-03-01T10:10:00Z"),
        NextCase(expression: "15 2 * * *", after: "2026-03-01T10:00:00Z", expected: "2026-03-02T02:15:00Z"),
        NextCase(expression: "0 6 * * 1-5", after: "2026-03-06T07:00:00Z", expected: "2026-03-09T06:00:00Z"),
        NextCase(expression: "0 0 1 JAN *", after: "2026-03-01T00:00:00Z", expected: "2027-01-01T00:00:00Z"),
        NextCase(expression: "0 12 29 2 *", after: "2026-03-01T00:00:00Z", expected: "2028-02-29T12:00:00Z"),
        NextCase(expression: "0 9 13 * FRI", after: "2026-03-01T00:00:00Z", expected: "2026-03-06T09:00:00Z"),
        NextCase(expression: "30 8-18/4 * * *", after: "2026-03-01T09:00:00Z", expected: "2026-03-01T12:30:00Z"),
        NextCase(expression: "0 0 * * 7", after: "2026-03-02T00:00:00Z", expected: "2026-03-08T00:00:00Z"),
        NextCase(expression: "@hourly", after: "2026-03-01T09:59:59Z", expected: "2026-03-01T10:00:00Z"),
        NextCase(
            expression: "0 2 * * *", zone: "Europe/Berlin", after: "2026-07-01T00:00:00Z",
            expected: "2026-07-01T00:00:00Z".replacingOccurrences(of: "07-01T00", with: "07-02T00")),
        NextCase(
            expression: "0 2 * * *", zone: "Europe/Berlin", after: "2026-01-10T12:00:00Z",
            expected: "2026-01-11T01:00:00Z"),
        NextCase(
            expression: "30 2 * * *", zone: "Europe/Berlin", after: "2026-03-28T12:00:00Z",
            expected: "2026-03-30T00:30:00Z"),
    ])
    func nextFireTime(_ test: NextCase) throws {
        let cron = try CronExpression(parsing: test.expression, timeZone: TimeZone(identifier: test.zone)!)
        #expect(cron.next(after: Self.date(test.after)) == Self.date(test.expected))
    }

    @Test func anImpossibleDateNeverFires() throws {
        let cron = try CronExpression(parsing: "0 0 30 2 *")
        #expect(cron.next(after: Self.date("2026-01-01T00:00:00Z")) == nil)
    }

    @Test func fireTimesListsEverySlotInAWindow() throws {
        let cron = try CronExpression(parsing: "*/15 * * * *")
        let times = cron.fireTimes(after: Self.date("2026-03-01T10:00:00Z"), through: Self.date("2026-03-01T11:00:00Z"))
        #expect(times.map { Int($0.timeIntervalSince(Self.date("2026-03-01T10:00:00Z"))) } == [900, 1800, 2700, 3600])
    }

    struct BadCase: CustomTestStringConvertible, Sendable {
        var expression: String
        var column: Int
        var problem: String
        var testDescription: String { expression }
    }

    @Test(arguments: [
        BadCase(expression: "0 2 * *", column: 8, problem: "expected 5 fields"),
        BadCase(expression: "0 2 * * * *", column: 11, problem: "found 6"),
        BadCase(expression: "61 * * * *", column: 1, problem: "invalid minute `61`: expected 0-59"),
        BadCase(expression: "0 24 * * *", column: 3, problem: "invalid hour `24`: expected 0-23"),
        BadCase(expression: "0 0 1,,2 * *", column: 7, problem: "empty item"),
        BadCase(expression: "*/0 * * * *", column: 3, problem: "invalid step `0`"),
        BadCase(expression: "0 0 * FOO *", column: 7, problem: "invalid month `FOO`"),
        BadCase(expression: "0 0 * * 1-9", column: 11, problem: "invalid day of week `9`"),
        BadCase(expression: "0 18-9 * * *", column: 3, problem: "runs backwards"),
    ])
    func badExpressionNamesItsColumn(_ test: BadCase) {
        #expect {
            try CronExpression(parsing: test.expression)
        } throws: { error in
            guard let error = error as? CronError else { return false }
            return error.column == test.column && error.problem.contains(test.problem)
        }
    }
}
