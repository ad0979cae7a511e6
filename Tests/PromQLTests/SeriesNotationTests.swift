import PromQL
import Testing

/// The one series notation (`load` in `.test` files, `input_series` in rule test files), form by form.
@Suite struct SeriesNotationTests {
    typealias Value = SeriesNotation.Value

    static func numbers(_ values: Double...) -> [Value] { values.map { .number($0) } }

    /// Every form, and (marked) the cases where the PromQL and rule-test copies used to disagree.
    static let expansions: [(text: String, expected: [Value])] = [
        ("1 2", numbers(1, 2)),
        ("", []),
        ("  1 \t 2  ", numbers(1, 2)),
        // Prometheus' `series_value signed_number TIMES uint` gives count+1 values.
        ("1+2x3", numbers(1, 3, 5, 7)),
        ("1-2x3", numbers(1, -1, -3, -5)),
        ("0+10x0", numbers(0)),
        ("-1-2x2", numbers(-1, -3, -5)),
        ("+5+1x1", numbers(5, 6)),
        ("1e3+1e3x1", numbers(1000, 2000)),
        ("1e-3+1e-3x1", numbers(0.001, 0.002)),
        ("1E+2-1.5x2", numbers(100, 98.5, 97)),
        (".5+.25x2", numbers(0.5, 0.75, 1)),
        // Disagreed: the rule-test copy computed a + i*b (0.8 as the 8th value); Prometheus
        // accumulates `$1 += $2` in generated_parser.y, and so does the one notation.
        (
            "0.1+0.1x10",
            numbers(
                0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6, 0.7, 0.7999999999999999, 0.8999999999999999,
                0.9999999999999999, 1.0999999999999999)
        ),
        // `series_value TIMES uint`: count+1 copies.
        ("7x2", numbers(7, 7, 7)),
        ("-2x1", numbers(-2, -2)),
        ("Infx1", numbers(.infinity, .infinity)),
        // `BLANK TIMES uint`: count gaps, not count+1.
        ("_", [.missing]),
        ("_x3 1", [.missing, .missing, .missing, .number(1)]),
        ("_x0", []),
        ("stale", [.stale]),
        ("stalex2", [.stale, .stale, .stale]),
        ("0 stale _ -Inf", [.number(0), .stale, .missing, .number(-.infinity)]),
        // Disagreed: the rule-test copy read only `Inf`, `+Inf`, `-Inf`, `NaN`; Prometheus' lexer
        // lower-cases the keyword, as the PromQL copy did.
        ("inf +INF -Inf", numbers(.infinity, .infinity, -.infinity)),
        // Disagreed: the rule-test copy split values at spaces only; Prometheus' lexer at any white space.
        ("1\t2", numbers(1, 2)),
        // Hexadecimal is refused in series descriptions upstream: `0x5` is 0 repeated 5 times.
        ("0x5", numbers(0, 0, 0, 0, 0, 0)),
        ("999999x999999", Array(repeating: .number(999_999), count: 1_000_000)),
    ]

    @Test(arguments: expansions)
    func expandsEveryForm(text: String, expected: [Value]) throws {
        #expect(try SeriesNotation.values(text) == expected)
    }

    @Test func nanIsANumberAndNotTheStaleMarker() throws {
        let values = try SeriesNotation.values("NaN -nan NaNx1")
        #expect(values.count == 4)
        for value in values {
            guard case .number(let number) = value else {
                Issue.record("\(value) is not a number")
                continue
            }
            #expect(number.isNaN && !number.isStaleMarker)
        }
        #expect(try SeriesNotation.values("stale _").map(\.sample?.isStaleMarker) == [true, nil])
    }

    /// Each bad text, the column (1-based, within the text) and the start of the message.
    static let problems: [(text: String, column: Int, message: String)] = [
        ("1 2 abc", 5, #"bad value "abc": expected a number"#),
        ("1 1+", 4, #"bad value "1+": expected a number"#),
        // `a+b` needs its count (no `series_value signed_number` without TIMES upstream).
        ("1+2", 4, #"bad value "1+2": a+b needs a count"#),
        ("1+2x", 5, #"bad value "1+2x": expected a count of repetitions after x"#),
        ("1x1.5", 3, #"bad value "1x1.5": expected a count"#),
        // Disagreed: the PromQL copy crashed on a negative count; upstream's `uint` refuses it.
        ("1x-3", 3, #"bad value "1x-3": expected a count"#),
        // Disagreed: the PromQL copy had no bound; upstream has none and runs out of memory.
        ("1+1x1000000", 5, #"bad value "1+1x1000000": at most 999999 repetitions"#),
        ("_x9223372036854775808", 3, "bad value \"_x9223372036854775808\": at most 999999 repetitions"),
        ("1--2x3", 2, #"bad value "1--2x3": expected a number"#),
        ("0x1F", 3, #"bad value "0x1F": expected a count"#),
        ("-stale", 1, #"bad value "-stale": expected a number"#),
        ("STALE", 1, #"bad value "STALE": expected a number"#),
        ("1+stalex2", 2, #"bad value "1+stalex2": expected a number"#),
        ("infinity", 1, #"bad value "infinity": expected a number"#),
        ("1e", 2, #"bad value "1e": expected a number"#),
        ("1 {{schema:0 sum:5}}", 3, "native histogram values are not supported: {{schema:0"),
    ]

    @Test(arguments: problems)
    func refusesBadValuesWithTheirColumn(text: String, column: Int, message: String) {
        #expect {
            _ = try SeriesNotation.values(text)
        } throws: { error in
            guard let problem = error as? SeriesNotation.Problem else { return false }
            return problem.column == column && problem.message.hasPrefix(message)
        }
    }

    @Test func loadReportsTheColumnWithinTheLine() {
        let report = TestRunner().run(TestScript("load 1m\n  up{a=\"b\"} 1 2 three\n"))
        #expect(report.failures.count == 1)
        #expect(report.failures.first?.message.contains("line 2: column 17: bad value \"three\"") == true)
    }

    @Test func loadAndTheRuleTestSideShareTheExpansion() throws {
        let script = TestScript("load 1m\n  m 0.1+0.1x10 stale\n")
        guard case .load(_, let series) = script.commands.first else {
            Issue.record("no load: \(script.commands)")
            return
        }
        let expected = try SeriesNotation.values("0.1+0.1x10 stale").enumerated().compactMap { index, value in
            value.sample.map { SamplePoint(Int64(index) * 60_000, $0) }
        }
        #expect(series.first?.samples == expected)
        #expect(series.first?.samples[7].value == 0.7999999999999999)
    }
}
