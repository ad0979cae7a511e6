import Testing

@testable import SwitchboardCore

@Suite struct DurationParserTests {
    @Test(arguments: [
        ("500ms", Duration.milliseconds(500)), ("15s", .seconds(15)), ("5m", .seconds(300)),
        ("1h30m", .seconds(5400)), ("2d", .seconds(172_800)), ("1m30s500ms", .milliseconds(90_500)),
    ])
    func parsesPrometheusDurations(_ text: String, _ expected: Duration) {
        #expect(DurationParser.parse(text) == expected)
    }

    @Test(arguments: ["", "15", "s", "1.5s", "30m1h", "5 s", "-5s", "1x"])
    func rejectsWhatPrometheusRejects(_ text: String) {
        #expect(DurationParser.parse(text) == nil)
    }

    @Test(arguments: [
        ("1w", Duration.seconds(604_800)), ("1y", .seconds(31_536_000)),
        ("1y2w3d4h5m6s7ms", .milliseconds(33_019_506_007)),
    ])
    func parsesWeeksAndYears(_ text: String, _ expected: Duration) {
        #expect(DurationParser.parse(text) == expected)
    }

    @Test(arguments: ["1.5h", "30m2h", "1h1h", "1d12", "99999999999999999999y"])
    func rejectsWhatTheCLIOnceAccepted(_ text: String) {
        #expect(DurationParser.parse(text) == nil)
    }

    @Test(arguments: [
        (Duration.seconds(5430), 1, "1h"), (.seconds(5430), 2, "1h30m"), (.seconds(3605), 2, "1h"),
        (.milliseconds(4200), 2, "4s200ms"), (.milliseconds(450), 2, "450ms"), (.seconds(90), 1, "1m"),
        (.zero, 1, "0s"), (.seconds(-5), 2, "0s"), (.seconds(86_400 * 3 + 60), .max, "3d1m"),
    ])
    func formatsTheLargestUnitsFirst(_ duration: Duration, _ units: Int, _ expected: String) {
        #expect(DurationParser.format(duration, units: units) == expected)
    }

    @Test func durationsConvertThroughOneHelper() {
        #expect(Duration.milliseconds(1500).milliseconds == 1500)
        #expect(Duration.milliseconds(1500).seconds == 1.5)
        #expect(Duration.microseconds(3).nanoseconds == 3000)
        #expect(Duration.seconds(Int64.max).milliseconds == .max)
    }

    @Test func formatsRoundTrip() {
        for text in ["500ms", "15s", "1h30m", "2d", "1m30s500ms"] {
            #expect(DurationParser.format(DurationParser.parse(text)!) == text)
        }
    }
}
