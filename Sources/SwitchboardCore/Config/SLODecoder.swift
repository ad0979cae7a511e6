import Foundation
import PromQL
import Yams

/// Reads an interface's `slo:` mapping: `objective` (99.5% or 0.995), `window` (default 28d), and
/// optionally a `good`/`total` PromQL pair, checked here so that a typo is reported at load.
struct SLODecoder {
    let reader: ConfigReader

    static let keys = ["objective", "window", "good", "total"]
    static let objectiveExpected = "a percentage such as 99.5% or a ratio such as 0.995, below 100%"

    func objective(_ node: Node) -> ServiceLevelObjective? {
        guard let fields = reader.mapping(node, context: "slo", keys: Self.keys),
            let objectiveNode = reader.required("objective", in: fields)
        else { return nil }
        let objective = ratio(objectiveNode)
        let window = fields["window"].flatMap(reader.duration) ?? ServiceLevelObjective.defaultWindow
        let indicator = self.indicator(fields)
        guard let objective, let indicator else { return nil }
        return ServiceLevelObjective(objective: objective, window: window, indicator: indicator)
    }

    /// `99.5%` or `0.995`, strictly between 0 and 1.
    private func ratio(_ node: Node) -> Double? {
        guard case .scalar(let scalar) = node else {
            reader.fail(.typeMismatch(expected: Self.objectiveExpected, found: reader.describe(node)), at: node)
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        let value: Double? =
            text.hasSuffix("%")
            ? Double(text.dropLast().trimmingCharacters(in: .whitespaces)).map { $0 / 100 } : Double(text)
        guard let value, value > 0, value < 1 else {
            reader.fail(.invalidValue(text, expected: Self.objectiveExpected), at: node)
            return nil
        }
        return value
    }

    /// `.checks` without `good`/`total`, the pair when both are given and parse; nil after an error.
    private func indicator(_ fields: Fields) -> ServiceLevelObjective.Indicator? {
        switch (fields["good"], fields["total"]) {
        case (nil, nil):
            return .checks
        case (let good?, let total?):
            guard let good = expression(good), let total = expression(total) else { return nil }
            return .ratio(good: good, total: total)
        case (nil, _):
            reader.fail(.missingKey("good", in: "slo (with `total`)"), at: fields.node)
            return nil
        case (_, nil):
            reader.fail(.missingKey("total", in: "slo (with `good`)"), at: fields.node)
            return nil
        }
    }

    /// The expression's text when it uses `$window` and parses with `$window` read as a duration.
    private func expression(_ node: Node) -> String? {
        guard let text = reader.string(node, what: "a PromQL expression") else { return nil }
        let placeholder = ServiceLevelObjective.windowPlaceholder
        guard text.contains(placeholder) else {
            reader.fail(.invalidValue(text, expected: "a PromQL expression with a range `[\(placeholder)]`"), at: node)
            return nil
        }
        // A duration as long as the placeholder, so that a parse error's column still points into the text.
        let probe = text.replacingOccurrences(of: placeholder, with: "100000s")
        do {
            let parsed = try PromQL.parse(probe)
            guard parsed.type == .instantVector || parsed.type == .scalar else {
                let found = parsed.type.rawValue
                reader.fail(
                    .invalidExpression(
                        text, language: "PromQL expression", problem: "expected a number, found \(found)"),
                    at: node)
                return nil
            }
        } catch {
            let location =
                error.position.line == 1
                ? reader.location(of: node, offset: error.position.column - 1) : reader.location(of: node)
            reader.fail(
                .invalidExpression(text, language: "PromQL expression", problem: error.message), at: location)
            return nil
        }
        return text
    }
}
