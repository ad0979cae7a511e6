import PromQL
import SwitchboardCore
import Yams

/// Turns the YAML tree of one rule file into `RuleGroup`s, reporting problems to the reader.
struct RuleFileDecoder {
    let reader: ConfigReader
    let engine: (any RuleQueryEngine)?

    static let groupKeys = ["name", "interval", "query_offset", "limit", "labels", "rules"]
    static let ruleKeys = ["record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations"]

    func groups(_ root: Node) -> [RuleGroup] {
        guard let fields = reader.mapping(root, context: "the rule file", keys: ["groups"]) else { return [] }
        guard let groupsNode = fields["groups"] else { return [] }
        if groupsNode.null != nil { return [] }
        guard let items = reader.sequence(groupsNode, of: "rule groups") else { return [] }
        var seen: [String: SourceLocation] = [:]
        var groups: [RuleGroup] = []
        for item in items {
            guard let group = group(item) else { continue }
            if let first = seen[group.name] {
                reader.fail(.duplicateID(group.name, firstAt: first), at: group.location)
                continue
            }
            seen[group.name] = group.location
            groups.append(group)
        }
        return groups
    }

    private func group(_ node: Node) -> RuleGroup? {
        guard let fields = reader.mapping(node, context: "a rule group", keys: Self.groupKeys) else { return nil }
        guard let nameNode = reader.required("name", in: fields), let name = reader.string(nameNode) else {
            return nil
        }
        guard !name.isEmpty else {
            reader.fail(.invalidValue(name, expected: "a group name that is not empty"), at: nameNode)
            return nil
        }
        let interval = fields["interval"].flatMap { duration($0, allowZero: false) }
        let queryOffset = fields["query_offset"].flatMap { duration($0, allowZero: true) }
        let limit = fields["limit"].flatMap { reader.int($0, in: 0...Int.max, what: "a limit of 0 or more") } ?? 0
        let labels = fields["labels"].flatMap { labelSet($0, context: "the group's labels") } ?? [:]
        var rules: [RuleDefinition] = []
        if let rulesNode = fields["rules"], rulesNode.null == nil,
            let items = reader.sequence(rulesNode, of: "rules")
        {
            rules = items.compactMap(rule)
        }
        return RuleGroup(
            name: name, file: reader.file, interval: interval, limit: limit, labels: labels, queryOffset: queryOffset,
            rules: rules, location: reader.location(of: nameNode))
    }

    private func rule(_ node: Node) -> RuleDefinition? {
        guard let fields = reader.mapping(node, context: "a rule", keys: Self.ruleKeys) else { return nil }
        let record = fields["record"]
        let alert = fields["alert"]
        if record != nil, alert != nil {
            reader.fail(.conflictingKeys(["record", "alert"], in: "a rule"), at: node)
            return nil
        }
        guard let exprNode = reader.required("expr", in: fields), let expression = expression(exprNode) else {
            if record == nil, alert == nil { reader.fail(.missingKey("record` or `alert", in: "a rule"), at: node) }
            return nil
        }
        if let record { return recordingRule(record, expression: expression, fields: fields) }
        if let alert { return alertingRule(alert, expression: expression, fields: fields) }
        reader.fail(.missingKey("record` or `alert", in: "a rule"), at: node)
        return nil
    }

    private func recordingRule(_ nameNode: Node, expression: String, fields: Fields) -> RuleDefinition? {
        for key in ["for", "keep_firing_for", "annotations"] {
            if let keyNode = fields.keyNodes[key] {
                reader.fail(.unknownKey(key, in: "a recording rule", didYouMean: nil), at: keyNode)
            }
        }
        guard let name = reader.string(nameNode) else { return nil }
        guard RuleNames.isMetricName(name) else {
            reader.fail(.invalidValue(name, expected: "a metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)"), at: nameNode)
            return nil
        }
        let labels = fields["labels"].flatMap { labelSet($0, context: "the rule's labels") } ?? [:]
        return .recording(RecordingRuleDefinition(name: name, expression: expression, labels: labels))
    }

    private func alertingRule(_ nameNode: Node, expression: String, fields: Fields) -> RuleDefinition? {
        guard let name = reader.string(nameNode) else { return nil }
        guard !name.isEmpty else {
            reader.fail(.invalidValue(name, expected: "an alert name"), at: nameNode)
            return nil
        }
        let hold = fields["for"].flatMap { duration($0, allowZero: true) } ?? .zero
        let keep = fields["keep_firing_for"].flatMap { duration($0, allowZero: true) } ?? .zero
        let labels = fields["labels"].map { templates($0, context: "the alert's labels", labelNames: true) } ?? []
        let annotations =
            fields["annotations"].map { templates($0, context: "the alert's annotations", labelNames: false) } ?? []
        return .alerting(
            AlertingRuleDefinition(
                name: name, expression: expression, holdDuration: hold, keepFiringFor: keep, labels: labels,
                annotations: annotations))
    }

    /// The expression text, checked by the engine; a parse error points into the expression.
    private func expression(_ node: Node) -> String? {
        guard let text = reader.string(node, what: "a PromQL expression") else { return nil }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            reader.fail(.invalidValue(text, expected: "a PromQL expression"), at: node)
            return nil
        }
        guard let engine else { return text }
        do {
            try engine.validate(text)
        } catch {
            let location = innerLocation(of: node, line: error.line, column: error.column)
            reader.fail(.invalidExpression(text, language: "PromQL expression", problem: error.message), at: location)
            return nil
        }
        return text
    }

    private func duration(_ node: Node, allowZero: Bool) -> Duration? {
        let expected = "a duration such as 30s, 5m or 1h30m"
        guard let text = reader.string(node, what: expected) else { return nil }
        guard let duration = DurationParser.parse(text), allowZero || duration > .zero else {
            reader.fail(.invalidValue(text, expected: expected), at: node)
            return nil
        }
        return duration
    }

    private func labelSet(_ node: Node, context: String) -> Labels? {
        guard let pairs = checkedPairs(node, context: context, labelNames: true) else { return nil }
        return Labels(Dictionary(pairs.map { ($0.0, $0.1) }, uniquingKeysWith: { _, last in last }))
    }

    private func templates(_ node: Node, context: String, labelNames: Bool) -> [(name: String, template: Template)] {
        guard let pairs = checkedPairs(node, context: context, labelNames: labelNames) else { return [] }
        return pairs.compactMap { name, text, valueNode in
            do throws(TemplateError) {
                return (name, try Template.parse(text))
            } catch {
                let location = innerLocation(of: valueNode, line: error.line, column: error.column)
                reader.fail(.invalidExpression(text, language: "template", problem: error.message), at: location)
                return nil
            }
        }
    }

    /// Name/value pairs of a mapping, with names checked as label names (or annotation names).
    private func checkedPairs(_ node: Node, context: String, labelNames: Bool) -> [(String, String, Node)]? {
        guard case .mapping(let mapping) = node else {
            if node.null != nil { return [] }
            reader.fail(
                .typeMismatch(expected: "a mapping of names to strings for \(context)", found: reader.describe(node)),
                at: node)
            return nil
        }
        var pairs: [(String, String, Node)] = []
        for (keyNode, valueNode) in mapping {
            guard let name = reader.string(keyNode), let value = reader.string(valueNode) else { continue }
            guard RuleNames.isLabelName(name), !labelNames || name != "__name__" else {
                reader.fail(.invalidValue(name, expected: "a label name ([a-zA-Z_][a-zA-Z0-9_]*)"), at: keyNode)
                continue
            }
            pairs.append((name, value, valueNode))
        }
        return pairs
    }

    /// The file position of `line:column` inside a scalar's text.
    private func innerLocation(of node: Node, line: Int?, column: Int?) -> SourceLocation {
        var location = reader.location(of: node)
        guard let line, let column, case .scalar(let scalar) = node else { return location }
        switch scalar.style {
        case .literal, .folded:
            location.line += line
            location.column = column
        case .singleQuoted, .doubleQuoted:
            location.line += line - 1
            location.column = line == 1 ? location.column + column : column
        default:
            location.line += line - 1
            location.column = line == 1 ? location.column + column - 1 : column
        }
        return location
    }
}
