import FuzzSupport
import Monitor
import Testing

/// Mutated `/metrics` bodies end in samples and problems, each problem with a message; never a
/// crash or a hang. The parser reads bytes, so invalid UTF-8 reaches it as it comes off the network.
@Suite struct ExpositionFuzzTests {
    static let dictionary = [
        "# TYPE ", "# HELP ", " counter", " gauge", " histogram", " summary", " untyped", "{", "}", "=", ",", "\"",
        "\\", "\\\"", "\\n", "\\\\", "\\x", " ", "\t", "\n", "\r\n", "_bucket", "_sum", "_count", "le=\"",
        "quantile=\"",
        "+Inf", "-Inf", "NaN", "nan(0x1)", "1e-9223372036854775808", "1e9223372036854775807", "0x1p-3", "1_000",
        ".5", "5.", "1395066363000", "-9223372036854775808", "9223372036854775808", ":", "__name__", "\u{FFFD}",
        String(repeating: "a", count: 5_000),
    ]

    @Test func mutatedBodiesEndInSamplesAndProblems() async {
        let corpus = [
            ExpositionTests.Parser.body,
            "up 1\nprobe_success{system=\"erp\",interface=\"erp-crm\"} 0 1700000000000\n",
            "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 3\nh_count 2\n",
        ]
        let campaign = FuzzCampaign(
            name: "exposition", corpus: corpus, dictionary: Self.dictionary, iterations: 2_500,
            fixtures: FuzzRepository.beside(#filePath, "../Fixtures/fuzz/exposition"))
        let report = await campaign.run { bytes in
            let result = ExpositionParser.parse(bytes: bytes)
            guard !result.problems.isEmpty else { return .value }
            if let silent = result.problems.first(where: { $0.message.isEmpty || $0.line < 1 }) {
                return .wrong("a problem without a message or a line: \(silent)")
            }
            return .error(result.problems.map(\.description).joined(separator: "\n"))
        }
        print(report.summary)
        #expect(report.failures.isEmpty, "\(report.failureDescription)")
    }
}
