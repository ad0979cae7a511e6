import PromQL
import Testing

@testable import Monitor

@Suite struct RulesTestNotationTests {
    static let sequences: [(text: String, expected: [SeriesNotation.Value])] = [
        ("1 2", [.number(1), .number(2)]),
        ("0+10x2", [.number(0), .number(10), .number(20)]),
        ("5-1x2", [.number(5), .number(4), .number(3)]),
        ("7x2", [.number(7), .number(7), .number(7)]),
        ("_x3 1", [.missing, .missing, .missing, .number(1)]),
        ("0 stale _ -Inf", [.number(0), .stale, .missing, .number(-.infinity)]),
        ("1e3+1e3x1", [.number(1000), .number(2000)]),
    ]

    @Test(arguments: sequences)
    func expandsValueNotation(text: String, expected: [SeriesNotation.Value]) throws {
        #expect(try SeriesNotation.values(text) == expected)
    }

    @Test func rejectsBadValuesWithColumn() {
        #expect(throws: SeriesNotation.Problem.self) { try SeriesNotation.values("1 2 abc") }
        do {
            _ = try SeriesNotation.values("1 2 abc")
        } catch {
            #expect(error.column == 5)
        }
    }

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
