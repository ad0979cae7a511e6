import Foundation
import FuzzSupport
import SwitchboardCore
import Testing

/// The small grammars of the config: durations, alert matchers and cron expressions end in a value
/// or an error with a message, never a crash or a hang.
@Suite struct SmallParsersFuzzTests {
    static func fixtures(_ name: String, _ filePath: String = #filePath) -> String {
        FuzzRepository.beside(filePath, "../Fixtures/fuzz/\(name)")
    }

    @Test func mutatedDurationsEndInADurationOrNil() async {
        let campaign = FuzzCampaign(
            name: "duration", corpus: ["500ms", "15s", "5m", "1h30m", "2d", "1w", "1y", "1y2w3d4h5m6s7ms", "0s"],
            dictionary: ["ms", "s", "m", "h", "d", "w", "y", "0", "9", "-", "+", ".", "e", " "], iterations: 3_000,
            fixtures: Self.fixtures("duration"))
        let report = await campaign.run { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            guard let duration = DurationParser.parse(text) else { return .error("not a duration: \(text)") }
            // What is read is written back and read again the same.
            return DurationParser.parse(DurationParser.format(duration)) == duration
                ? .value : .wrong("\(duration) does not survive format and parse")
        }
        print(report.summary)
        #expect(report.failures.isEmpty, "\(report.failureDescription)")
    }

    @Test func mutatedMatchersEndInAMatcherOrAnError() async {
        let campaign = FuzzCampaign(
            name: "matcher",
            corpus: [
                #"severity="critical""#, "team!=", #"job=~"api|web\\d""#, "system!~crm.*", #"a="x\"y\\z\n""#,
                #"  name = "v""#,
            ],
            dictionary: ["=", "!=", "=~", "!~", "\"", "\\", "(", ")", "[", "]", "*", "+", "?", "{1000}", "(?i)", "|"],
            iterations: 1_500, fixtures: Self.fixtures("matcher"))
        let report = await campaign.run { bytes in
            do throws(AlertMatcherError) {
                _ = try AlertMatcher.parse(String(decoding: bytes, as: UTF8.self))
                return .value
            } catch {
                return .error(error.expected)
            }
        }
        print(report.summary)
        #expect(report.failures.isEmpty, "\(report.failureDescription)")
    }

    @Test func mutatedCronExpressionsEndInAScheduleOrAnError() async {
        let campaign = FuzzCampaign(
            name: "cron",
            corpus: [
                "*/5 * * * *", "0 2 * * *", "30 8-18/2 1,15 JAN-jun MON-FRI", "@hourly", "@yearly", "0 0 30 2 *",
                "59 23 31 12 7",
            ],
            dictionary: ["*", "/", "-", ",", " ", "\t", "@", "MON", "DEC", "0", "60", "7", "99999999999999999999"],
            iterations: 800, fixtures: Self.fixtures("cron"))
        let report = await campaign.run { bytes in
            do throws(CronError) {
                let cron = try CronExpression(parsing: String(decoding: bytes, as: UTF8.self))
                _ = cron.next(after: Date(timeIntervalSince1970: 1_767_225_600))
                return .value
            } catch {
                return .error(error.problem)
            }
        }
        print(report.summary)
        #expect(report.failures.isEmpty, "\(report.failureDescription)")
    }

    @Test func aSumOfUnitsPastInt64IsNotADuration() {
        #expect(DurationParser.parse("15250284452w4d") == nil)
        #expect(DurationParser.parse("15250284452w3d") == .milliseconds(9_223_372_036_828_800_000))
    }
}
