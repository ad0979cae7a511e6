import Monitor
import Testing

extension ExpositionTests {
    @Suite struct Problems {
        static let cases: [(line: String, problem: String)] = [
            ("metric{a=\"b\"}", "expected a value after the labels"),
            ("metric", "expected a value after the metric name"),
            ("metric{a=\"b\"} 1 2 3", "expected the end of the line after the timestamp"),
            ("metric 1 1.5", "expected a timestamp in integer milliseconds, got \"1.5\""),
            (
                "metric 1 99999999999999999999",
                "expected a timestamp in integer milliseconds, got \"99999999999999999999\""
            ),
            ("metric abc", "expected a number, NaN, +Inf or -Inf as the value, got \"abc\""),
            ("metric 1.2.3", "expected a number, NaN, +Inf or -Inf as the value, got \"1.2.3\""),
            ("metric nan(0x1)", "expected a number, NaN, +Inf or -Inf as the value, got \"nan(0x1)\""),
            ("9metric 1", "expected a metric name at the start of the line"),
            ("metric-name 1", "expected '{' or a blank after the metric name metric"),
            ("metric{a=\"b\" c=\"d\"} 1", "expected ',' or '}' after a label value"),
            ("metric{a=\"b\",,} 1", "expected a label name or '}' after ','"),
            ("metric{9a=\"b\"} 1", "expected a label name or '}'"),
            ("metric{a:b=\"c\"} 1", "expected '=' after the label name a"),
            ("metric{a=b} 1", "expected a quoted value for the label a"),
            ("metric{a=\"b} 1", "expected '\"' to close the value of the label a"),
            ("metric{a=\"b\\\"} 1", "expected '\"' to close the value of the label a"),
            ("metric{b=\"1\",a=\"2\",b=\"3\"} 1", "label \"b\" appears twice"),
            (
                "# TYPE metric countr",
                "expected counter, gauge, histogram, summary or untyped as the type, got \"countr\""
            ),
            ("# TYPE metric", "expected a type after the metric name in # TYPE"),
            ("# TYPE metric gauge extra", "expected the end of the line after the type"),
            ("# HELP", "expected a metric name after # HELP"),
            ("# TYPE 1metric gauge", "expected a metric name after # TYPE"),
        ]

        @Test(arguments: cases)
        func aMalformedLineIsReportedWithItsNumberAndTheValidLinesAreKept(line: String, problem: String) {
            let result = ExpositionParser.parse("before 1\n# a comment\n\(line)\nafter 2\n")
            #expect(result.problems.map(\.description) == ["line 3: \(problem)"])
            #expect(result.samples.map(\.name) == ["before", "after"])
        }

        @Test func ordinaryCommentsAndBlankLinesAreIgnored() {
            let result = ExpositionParser.parse("# just a comment\n#\n   \n\t\n#HELPless remark\nm 1\n")
            #expect(result.problems == [])
            #expect(result.samples.count == 1)
        }

        @Test func aDuplicateSeriesIsReportedAndTheFirstValueKept() {
            let result = ExpositionParser.parse("m{a=\"1\",b=\"2\"} 1\nm{b=\"2\",a=\"1\"} 2\nm{a=\"1\"} 3\n")
            #expect(
                result.problems.map(\.description) == [#"line 2: duplicate series m{a="1", b="2"} (first on line 1)"#])
            #expect(result.samples.map(\.value) == [1, 3])
        }

        @Test func secondHelpOrTypeLinesAreReportedAndTheFirstCounts() {
            let result = ExpositionParser.parse("# TYPE m gauge\n# HELP m one\n# TYPE m counter\n# HELP m two\nm 1\n")
            #expect(
                result.problems.map(\.description) == [
                    "line 3: second # TYPE line for m", "line 4: second # HELP line for m",
                ])
            #expect(result.metadata["m"] == MetricMetadata(type: .gauge, help: "one"))
        }

        @Test func histogramBucketsAndSummaryQuantilesNeedANumericBound() {
            let body = """
                # TYPE h histogram
                h_bucket{le="0.1"} 1
                h_bucket 2
                h_bucket{le="fast"} 3
                h_sum 4
                # TYPE s summary
                s{quantile="0.9"} 5
                s 6
                s_count 7
                untyped_bucket 8
                """
            let result = ExpositionParser.parse(body)
            #expect(
                result.problems.map(\.description) == [
                    "line 3: h_bucket has no \"le\" label",
                    "line 4: expected a number as the value of \"le\", got \"fast\"",
                    "line 8: s has no \"quantile\" label",
                ])
            #expect(result.samples.map(\.value) == [1, 4, 5, 7, 8])
        }

        @Test func theProblemSaysWhereAndWhat() {
            let problem = ExpositionProblem(line: 7, .expected("a value after the labels"))
            #expect(problem.description == "line 7: expected a value after the labels")
        }
    }
}
