import PromQL
import Testing

@testable import Monitor

@Suite struct RulesTestNotationTests {
    // The values (`0+1x10 _ stale`) are PromQL's `SeriesNotation`, tested in SeriesNotationTests.

    @Test func readsSeriesLabels() throws {
        #expect(
            try SeriesNotation.labels(#"up{job="a", instance='b'}"#) == ["__name__": "up", "job": "a", "instance": "b"])
        #expect(try SeriesNotation.labels(#"{__name__="x"}"#) == ["__name__": "x"])
        #expect(try SeriesNotation.labels("") == [:])
        #expect(throws: SeriesNotation.Problem(message: "unexpected end of input inside braces", column: 9)) {
            try SeriesNotation.labels(#"up{a="b""#)
        }
    }

    @Test func formatsAsPromtoolDoes() {
        #expect(PromtoolFormat.exponent(60) == "6E+01")
        #expect(PromtoolFormat.exponent(0.0015) == "1.5E-03")
        #expect(PromtoolFormat.goDuration(179_999) == "2m59.999s")
        #expect(PromtoolFormat.goDuration(3_600_000) == "1h0m0s")
        #expect(PromtoolFormat.modelDuration(419_000) == "6m59s")
        #expect(PromtoolFormat.modelDuration(86_400_000) == "1d")
    }
}
