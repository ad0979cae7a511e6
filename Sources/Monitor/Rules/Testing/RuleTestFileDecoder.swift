import Foundation
import PromQL
import SwitchboardCore
import Yams

/// Reads a `promtool test rules` file, every problem with its position.
struct RuleTestFileDecoder {
    let reader: ConfigReader

    static func load(path: String) throws(ConfigErrors) -> RuleTestFile {
        let text = try ConfigLoader.text(ofFile: path, what: "rule test file")
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ConfigErrors([ConfigLoader.syntaxError(error, file: path)])
        }
        let reader = ConfigReader(file: path, environment: [:])
        let decoder = RuleTestFileDecoder(reader: reader)
        let file = root.flatMap { decoder.file($0, path: path) }
        guard reader.errors.isEmpty, let file else {
            throw ConfigErrors(reader.errors.isEmpty ? [ConfigError(.emptyDocument, file: path)] : reader.errors)
        }
        return file
    }

    func file(_ root: Node, path: String) -> RuleTestFile? {
        let keys = ["rule_files", "evaluation_interval", "group_eval_order", "tests", "fuzzy_compare"]
        guard let fields = reader.mapping(root, context: "a rule test file", keys: keys) else { return nil }
        let folder = (path as NSString).deletingLastPathComponent
        let ruleFiles = (fields["rule_files"].flatMap { reader.stringList($0) } ?? []).flatMap {
            Self.resolve($0, in: folder)
        }
        let interval = fields["evaluation_interval"].flatMap(duration) ?? 60_000
        let order = fields["group_eval_order"].flatMap { reader.stringList($0) } ?? []
        let tests = fields["tests"].flatMap { reader.sequence($0, of: "test groups") }?.compactMap(group) ?? []
        return RuleTestFile(
            path: path, ruleFiles: ruleFiles, evaluationInterval: interval, groupEvalOrder: order, tests: tests)
    }

    /// A rule file path relative to the test file; `*` globs expand to the matching files.
    static func resolve(_ pattern: String, in folder: String) -> [String] {
        let path = pattern.hasPrefix("/") || folder.isEmpty ? pattern : folder + "/" + pattern
        guard path.contains("*") || path.contains("?") else { return [path] }
        let directory = (path as NSString).deletingLastPathComponent
        let namePattern = (path as NSString).lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { fnmatch(namePattern, $0, 0) == 0 }.sorted().map { directory + "/" + $0 }
    }

    private func group(_ node: Node) -> RuleTestGroup? {
        let keys = [
            "name", "interval", "input_series", "alert_rule_test", "promql_expr_test", "external_labels",
            "external_url",
        ]
        guard let fields = reader.mapping(node, context: "a test group", keys: keys) else { return nil }
        let input = fields["input_series"].flatMap { reader.sequence($0, of: "input series") }?.compactMap(series)
        let alerts = fields["alert_rule_test"].flatMap { reader.sequence($0, of: "alert tests") }?.compactMap(alertTest)
        let expressions = fields["promql_expr_test"].flatMap { reader.sequence($0, of: "expression tests") }?
            .compactMap(expressionTest)
        let external = fields["external_labels"].flatMap { reader.stringPairs($0, context: "external_labels") } ?? []
        return RuleTestGroup(
            name: fields["name"].flatMap { reader.string($0) }, interval: fields["interval"].flatMap(duration),
            inputSeries: input ?? [], alertTests: alerts ?? [], expressionTests: expressions ?? [],
            externalLabels: Labels(Dictionary(external, uniquingKeysWith: { _, last in last })),
            externalURL: fields["external_url"].flatMap { reader.string($0) } ?? "",
            location: reader.location(of: node))
    }

    private func series(_ node: Node) -> InputSeries? {
        guard let fields = reader.mapping(node, context: "an input series", keys: ["series", "values"]),
            let seriesNode = reader.required("series", in: fields), let series = reader.string(seriesNode)
        else { return nil }
        let values = fields["values"].flatMap { reader.string($0) } ?? ""
        return InputSeries(series: series, values: values, location: reader.location(of: seriesNode))
    }

    private func alertTest(_ node: Node) -> AlertTestCase? {
        guard
            let fields = reader.mapping(node, context: "an alert test", keys: ["eval_time", "alertname", "exp_alerts"])
        else { return nil }
        guard let nameNode = reader.required("alertname", in: fields), let name = reader.string(nameNode) else {
            return nil
        }
        var expected: [(Labels, Labels)] = []
        for item in fields["exp_alerts"].flatMap({ reader.sequence($0, of: "expected alerts") }) ?? [] {
            guard
                let alert = reader.mapping(item, context: "an expected alert", keys: ["exp_labels", "exp_annotations"])
            else { continue }
            var labels = labelSet(alert["exp_labels"], context: "exp_labels")
            labels["alertname"] = name
            expected.append((labels, labelSet(alert["exp_annotations"], context: "exp_annotations")))
        }
        return AlertTestCase(evalTime: fields["eval_time"].flatMap(duration) ?? 0, alertname: name, expected: expected)
    }

    private func expressionTest(_ node: Node) -> ExpressionTestCase? {
        guard
            let fields = reader.mapping(
                node, context: "an expression test", keys: ["expr", "eval_time", "exp_samples"]),
            let exprNode = reader.required("expr", in: fields), let expression = reader.string(exprNode)
        else { return nil }
        var expected: [(String, Double, String?)] = []
        for item in fields["exp_samples"].flatMap({ reader.sequence($0, of: "expected samples") }) ?? [] {
            guard
                let sample = reader.mapping(
                    item, context: "an expected sample", keys: ["labels", "value", "histogram"])
            else { continue }
            let labels = sample["labels"].flatMap { reader.string($0) } ?? ""
            var value = 0.0
            if let valueNode = sample["value"] {
                guard let text = reader.string(valueNode, what: "a number"), let number = Self.number(text) else {
                    reader.fail(.typeMismatch(expected: "a number", found: reader.describe(valueNode)), at: valueNode)
                    continue
                }
                value = number
            }
            expected.append((labels, value, sample["histogram"].flatMap { reader.string($0) }))
        }
        return ExpressionTestCase(
            expression: expression, evalTime: fields["eval_time"].flatMap(duration) ?? 0, expected: expected)
    }

    private func labelSet(_ node: Node?, context: String) -> Labels {
        guard let node, node.null == nil else { return [:] }
        let pairs = reader.stringPairs(node, context: context) ?? []
        return Labels(Dictionary(pairs, uniquingKeysWith: { _, last in last }))
    }

    /// A Prometheus duration in milliseconds; `0` is allowed without a unit.
    private func duration(_ node: Node) -> Int64? {
        guard let text = reader.string(node, what: "a duration such as 1m or 1h30m") else { return nil }
        if text == "0" { return 0 }
        guard let duration = DurationParser.parse(text) else {
            reader.fail(.invalidValue(text, expected: "a duration such as 1m or 1h30m"), at: node)
            return nil
        }
        return duration.milliseconds
    }

    static func number(_ text: String) -> Double? {
        switch text.lowercased() {
        case "inf", "+inf", ".inf", "+.inf": .infinity
        case "-inf", "-.inf": -.infinity
        case "nan", ".nan": .nan
        default: Double(text)
        }
    }
}
