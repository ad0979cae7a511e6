import PromQL
import Yams

/// Reads `health.conditions`: each `when` is parsed as PromQL where it is written, so that a typo is
/// reported with the file, line and column of the expression's fault.
struct HealthConditionDecoder {
    let reader: ConfigReader

    func conditions(_ node: Node) -> [HealthCondition] {
        (reader.sequence(node, of: "conditions") ?? []).compactMap(condition)
    }

    private func condition(_ node: Node) -> HealthCondition? {
        guard let fields = reader.mapping(node, context: "a condition", keys: ["when", "state", "reason"]) else {
            return nil
        }
        let when = reader.required("when", in: fields).flatMap(expression)
        let state = reader.required("state", in: fields).flatMap(state)
        let reasonNode = reader.required("reason", in: fields)
        guard let when, let state, let reasonNode, let reason = reader.string(reasonNode) else { return nil }
        return HealthCondition(
            when: when, state: state, reason: reason, reasonLocation: reader.location(of: reasonNode))
    }

    private func expression(_ node: Node) -> String? {
        guard let text = reader.string(node) else { return nil }
        do {
            let parsed = try PromQL.parse(text)
            guard parsed.type == .instantVector || parsed.type == .scalar else {
                reader.fail(
                    .invalidExpression(
                        text, language: "PromQL",
                        problem: "a condition must be an instant vector or a scalar, found \(parsed.type.rawValue)"),
                    at: node)
                return nil
            }
            return text
        } catch {
            // The expression is one line; a column past its first line is counted from its start.
            let offset = error.position.line == 1 ? error.position.column - 1 : 0
            reader.fail(
                .invalidExpression(text, language: "PromQL", problem: error.message),
                at: reader.location(of: node, offset: offset))
            return nil
        }
    }

    private func state(_ node: Node) -> HealthState? {
        guard let text = reader.string(node) else { return nil }
        switch text.lowercased() {
        case "down": return .down
        case "degraded": return .degraded
        default:
            reader.fail(.invalidValue(text, expected: "down or degraded"), at: node)
            return nil
        }
    }
}
