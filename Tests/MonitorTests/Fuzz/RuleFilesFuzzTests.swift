import Foundation
import FuzzSupport
import Monitor
import SwitchboardCore
import Testing

/// Mutated rule files end in rule groups or errors at file:line:column; mutated rule test files
/// end in a report whose every failure says why. Never a crash or a hang.
@Suite struct RuleFilesFuzzTests {
    static let corpusFolder = FuzzRepository.beside(#filePath, "../Fixtures/fuzz-corpus/rules")

    static func corpusFiles(_ isTestFile: Bool) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpusFolder)) ?? []
        return names.sorted().map { corpusFolder + "/" + $0 }.filter { path in
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            return text.contains("rule_files:") == isTestFile
        }
    }

    static let dictionary = [
        "groups:", "rules:", "- name: ", "interval: ", "limit: ", "query_offset: ", "- alert: ", "- record: ", "expr: ",
        "for: ", "keep_firing_for: ", "labels:", "annotations:", "severity: page", "{{ $labels.instance }}",
        "{{ $value | humanize }}", "{{", "}}", "up == 0", "rate(x[5m])", "(", ")", "[5m]", "&a ", "*a", "<<: *a",
        "---\n",
        "\t", "\n  ", "\n    - ", ": ", "- ", "[", "]", "{", "}", "\"", "'", "|\n  ", "~", "null", "0s", "1ms",
        "1y", "99999999999y", "-1m", "__name__", "alertname", String(repeating: "(", count: 300),
    ]

    static let testDictionary = [
        "tests:", "- interval: ", "input_series:", "- series: ", "values: ", "'0+1x10'", "1x1000000", "_x3", "stale",
        "0-1x5", "1e308+1e308x3", "NaN", "Inf", "alert_rule_test:", "- eval_time: ", "alertname: ", "exp_alerts:",
        "exp_labels:", "exp_annotations:", "promql_expr_test:", "- expr: ", "exp_samples:", "- labels: ", "value: ",
        "evaluation_interval: ", "group_eval_order:", "external_labels:", "external_url: ", "fuzzy_compare: ", "1ms",
        "1m", "0", "10000y", "'up{job=\"a\"}'", "{", "}", "\"", "'", ": ", "- ", "\n  ", "\n    ", "&a ", "*a",
    ]

    @Test func mutatedRuleFilesEndInGroupsOrLocatedErrors() async {
        let corpus =
            Self.corpusFiles(false).map { (try? String(contentsOfFile: $0, encoding: .utf8)) ?? "" }
            + [FuzzRepository.text("rules/builtin.yml", from: #filePath)]
        let campaign = FuzzCampaign(
            name: "rules", corpus: corpus, dictionary: Self.dictionary, iterations: 600,
            fixtures: FuzzRepository.beside(#filePath, "../Fixtures/fuzz/rules"))
        let report = await campaign.run { bytes in
            let loader = RuleFileLoader(engine: PromQLRuleQueryEngine.validator)
            do throws(ConfigErrors) {
                _ = try loader.load(yaml: String(decoding: bytes, as: UTF8.self), file: "fuzz.yml")
                return .value
            } catch {
                return Self.verdict(error)
            }
        }
        print(report.summary)
        #expect(corpus.count > 3, "the rule files of the corpus were not found")
        #expect(report.failures.isEmpty, "\(report.failureDescription)")
    }

    /// Test files run in a folder of their own beside copies of the corpus' rule files, which they name.
    @Test func mutatedRuleTestFilesEndInAReport() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "switchboard-fuzz-rule-tests-\(getpid())"
        )
        .path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for file in Self.corpusFiles(false) {
            try FileManager.default.copyItem(atPath: file, toPath: folder + "/" + (file as NSString).lastPathComponent)
        }
        let corpus = Self.corpusFiles(true).map { (try? String(contentsOfFile: $0, encoding: .utf8)) ?? "" }
        let campaign = FuzzCampaign(
            name: "rule-tests", corpus: corpus, dictionary: Self.testDictionary, iterations: 300,
            fixtures: FuzzRepository.beside(#filePath, "../Fixtures/fuzz/rule-tests"))
        let path = folder + "/fuzz-test.yml"
        let report = await campaign.run { bytes in
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
                return .wrong("cannot write \(path)")
            }
            let report = RuleTestRunner().run(file: path)
            if report.succeeded { return .value }
            if report.errors.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                return .error("")
            }
            return .error(report.text)
        }
        print(report.summary)
        #expect(corpus.count > 3, "the rule test files of the corpus were not found")
        #expect(report.failures.isEmpty, "\(report.failureDescription)")
    }

    static func verdict(_ errors: ConfigErrors) -> FuzzVerdict {
        guard !errors.errors.isEmpty else { return .wrong("ConfigErrors with no error in it") }
        for error in errors.errors {
            guard let location = error.location, location.file == "fuzz.yml", location.line >= 1, location.column >= 1
            else {
                return .wrong("an error without a file:line:column: \(error)")
            }
        }
        return .error(errors.description)
    }
}
