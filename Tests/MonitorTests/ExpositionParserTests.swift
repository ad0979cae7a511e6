import Monitor
import PromQL
import Testing

extension ExpositionTests {
    @Suite struct Parser {
        static let body = """
            # HELP http_requests_total The total number of HTTP requests.
            # TYPE http_requests_total counter
            http_requests_total{method="post",code="200"} 1027 1395066363000
            http_requests_total{method="post",code="400"}    3 1395066363000

            # Escaping in label values:
            msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9

            # Minimalistic line:
            metric_without_timestamp_and_labels 12.47
            empty_label_set{} -Inf
            trailing_comma{a="b",} +Inf
            not_a_number NaN

            # A histogram, which has a pretty complex representation in the text format:
            # HELP http_request_duration_seconds A histogram of the request duration.
            # TYPE http_request_duration_seconds histogram
            http_request_duration_seconds_bucket{le="0.05"} 24054
            http_request_duration_seconds_bucket{le="+Inf"} 144320
            http_request_duration_seconds_sum 53423
            http_request_duration_seconds_count 144320

            # TYPE rpc_duration_seconds summary
            rpc_duration_seconds{quantile="0.5"} 4773
            rpc_duration_seconds_sum 1.7560473e+07
            rpc_duration_seconds_count 2693
            """

        @Test func theSpecificationExampleParsesCompletely() {
            let result = ExpositionParser.parse(Self.body)
            #expect(result.problems == [])
            let expected: [Sample] = [
                Sample(
                    "http_requests_total", ["method": "post", "code": "200"], 1027,
                    timestampMilliseconds: 1_395_066_363_000),
                Sample(
                    "http_requests_total", ["method": "post", "code": "400"], 3,
                    timestampMilliseconds: 1_395_066_363_000),
                Sample(
                    "msdos_file_access_time_seconds",
                    ["path": "C:\\DIR\\FILE.TXT", "error": "Cannot find file:\n\"FILE.TXT\""], 1.458255915e9),
                Sample("metric_without_timestamp_and_labels", [:], 12.47),
                Sample("empty_label_set", [:], -.infinity),
                Sample("trailing_comma", ["a": "b"], .infinity),
                Sample("not_a_number", [:], .nan),
                Sample("http_request_duration_seconds_bucket", ["le": "0.05"], 24054),
                Sample("http_request_duration_seconds_bucket", ["le": "+Inf"], 144_320),
                Sample("http_request_duration_seconds_sum", [:], 53423),
                Sample("http_request_duration_seconds_count", [:], 144_320),
                Sample("rpc_duration_seconds", ["quantile": "0.5"], 4773),
                Sample("rpc_duration_seconds_sum", [:], 1.7560473e+07),
                Sample("rpc_duration_seconds_count", [:], 2693),
            ]
            #expect(result.samples == expected)
        }

        @Test func helpAndTypeBecomeMetadataByFamily() {
            let metadata = ExpositionParser.parse(Self.body).metadata
            #expect(
                metadata["http_requests_total"]
                    == MetricMetadata(type: .counter, help: "The total number of HTTP requests."))
            #expect(metadata["http_request_duration_seconds"]?.type == .histogram)
            #expect(metadata["rpc_duration_seconds"] == MetricMetadata(type: .summary))
            let escaped = ExpositionParser.parse(#"# HELP m A \\ path\nand a \"quote\""#).metadata["m"]?.help
            #expect(escaped == "A \\ path\nand a \\\"quote\\\"")
        }

        @Test func carriageReturnLineEndsAreTolerated() {
            let result = ExpositionParser.parse("# TYPE a gauge\r\na{b=\"c\"} 1\r\nd 2 1000\r\n")
            #expect(result.problems == [])
            #expect(result.samples == [Sample("a", ["b": "c"], 1), Sample("d", [:], 2, timestampMilliseconds: 1000)])
            #expect(result.metadata["a"]?.type == .gauge)
        }

        @Test func blanksAroundTokensAndLabelsAreAllowed() {
            let result = ExpositionParser.parse("  \tm { a = \"1\" ,\tb=\"2\" , }\t 3  \t 42 \t\n")
            #expect(result.problems == [])
            #expect(result.samples == [Sample("m", ["a": "1", "b": "2"], 3, timestampMilliseconds: 42)])
        }

        @Test func labelsAreSortedAndEmptyValuesDropped() {
            let result = ExpositionParser.parse("m{z=\"1\",a=\"2\",e=\"\"} 1\n")
            #expect(result.samples.first?.labels.pairs.map(\.name) == ["a", "z"])
        }

        @Test func repeatedNamesAndLabelsOnFollowingLinesParseAlike() {
            let lines = (0..<50).map { "m{job=\"api\",instance=\"host-\($0 % 3)\"} \($0)" }
            let samples = ExpositionParser.parse(lines.joined(separator: "\n")).samples
            // Every third line repeats a series, so only the first 3 are kept.
            #expect(samples.map { $0.labels["instance"]! } == ["host-0", "host-1", "host-2"])
            #expect(samples.allSatisfy { $0.name == "m" && $0.labels["job"] == "api" })
        }

        @Test func bytesAndStringsParseTheSame() {
            #expect(ExpositionParser.parse(bytes: Array(Self.body.utf8)) == ExpositionParser.parse(Self.body))
        }

        @Test func invalidUTF8InALabelValueIsReported() {
            let bytes = Array("ok 1\nm{a=\"".utf8) + [0xFF, 0xFE] + Array("\"} 1\n".utf8)
            let result = ExpositionParser.parse(bytes: bytes)
            #expect(result.problems.map(\.description) == ["line 2: invalid UTF-8"])
            #expect(result.samples.count == 1)
        }

        static let values: [(text: String, value: Double)] = [
            ("0", 0), ("-0", -0.0), ("1", 1), ("-1.5", -1.5), ("1e3", 1000), ("1.5E-3", 0.0015), ("2.5e+2", 250),
            (".5", 0.5), ("5.", 5), ("+7", 7), ("+Inf", .infinity), ("-Inf", -.infinity), ("Inf", .infinity),
            ("inf", .infinity), ("0.1", 0.1), ("123456789012345678901234", 1.2345678901234568e23),
            ("1.7976931348623157e308", .greatestFiniteMagnitude), ("4.9e-324", .leastNonzeroMagnitude),
            ("0.000000000000000000000000000001", 1e-30), ("0x1p-2", 0.25),
        ]

        @Test(arguments: values)
        func valuesParseAsGoWouldParseThem(text: String, value: Double) {
            let parsed = ExpositionParser.parse("m \(text)").samples.first?.value
            #expect(parsed?.bitPattern == value.bitPattern)
        }

        @Test(arguments: ["NaN", "nan"])
        func notANumberParses(text: String) {
            #expect(ExpositionParser.parse("m \(text)").samples.first?.value.isNaN == true)
        }

        @Test func decimalsParseExactlyAsTheStandardLibraryDoes() {
            var generator = SeededGenerator(seed: 3)
            for _ in 0..<5000 {
                let digits = String(UInt64.random(in: 0...999_999_999_999_999, using: &generator))
                let point = Int.random(in: 0...digits.count, using: &generator)
                var text = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
                if Bool.random(using: &generator) { text += "e\(Int.random(in: -30...30, using: &generator))" }
                let parsed = ExpositionParser.parse("m " + text).samples.first?.value
                #expect(parsed?.bitPattern == Double(text)?.bitPattern, "\(text)")
            }
        }
    }
}
