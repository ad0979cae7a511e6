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

    @Test func formatsRoundTrip() {
        for text in ["500ms", "15s", "1h30m", "2d", "1m30s500ms"] {
            #expect(DurationParser.format(DurationParser.parse(text)!) == text)
        }
    }
}
