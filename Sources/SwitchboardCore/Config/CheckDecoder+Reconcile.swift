import Foundation
import Yams

/// Reads a check's `reconcile:`: `source` and `target` (each `http` and the JSON path of a number),
/// `tolerance` (a number or a percentage), `grace` and `what`.
extension CheckDecoder {
    func reconcile(_ node: Node) -> ReconcileProbeSettings? {
        let keys = ["source", "target", "tolerance", "grace", "what"]
        guard let fields = reader.mapping(node, context: "reconcile", keys: keys) else { return nil }
        let source = reader.required("source", in: fields).flatMap { reconcileQuery($0, side: "source") }
        let target = reader.required("target", in: fields).flatMap { reconcileQuery($0, side: "target") }
        let tolerance = fields["tolerance"].map(tolerance) ?? .absolute(0)
        let grace = fields["grace"].flatMap(reader.duration) ?? .zero
        let what = fields["what"].flatMap { reader.string($0) } ?? ""
        guard let source, let target, let tolerance else { return nil }
        return ReconcileProbeSettings(source: source, target: target, tolerance: tolerance, grace: grace, what: what)
    }

    private func reconcileQuery(_ node: Node, side: String) -> ReconcileQuery? {
        let context = "the \(side) of a reconcile"
        guard let fields = reader.mapping(node, context: context, keys: ["name", "http", "value"]) else { return nil }
        let request = reader.required("http", in: fields).flatMap(http)
        let value = reader.required("value", in: fields).flatMap(jsonAssertion)
        if let value, value.comparison != nil, let valueNode = fields["value"] {
            reader.fail(
                .invalidValue(value.description, expected: "a JSON path without a comparison, such as $.count"),
                at: valueNode)
            return nil
        }
        let name = fields["name"].flatMap { reader.string($0) } ?? side
        guard let request, let value else { return nil }
        return ReconcileQuery(name: name, request: request, value: value)
    }

    /// `5` (apart by at most 5) or `2%` (of the larger count).
    private func tolerance(_ node: Node) -> ReconcileTolerance? {
        let expected = "a tolerance such as 5 or 2%"
        guard let text = reader.string(node, what: expected)?.trimmingCharacters(in: .whitespaces) else { return nil }
        let percent = text.hasSuffix("%")
        guard let number = Double(percent ? String(text.dropLast()) : text), number >= 0, number.isFinite else {
            reader.fail(.invalidValue(text, expected: expected), at: node)
            return nil
        }
        return percent ? .percent(number) : .absolute(number)
    }
}
