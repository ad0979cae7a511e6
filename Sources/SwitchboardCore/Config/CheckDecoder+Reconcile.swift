import Foundation
import Yams

/// Reads a check's `reconcile:`: `source` and `target` (each `http` and the JSON path of a number,
/// or `scrape` and the series whose samples add up to it),
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

    /// A side: `http` and the JSON path `value` of a number, or `scrape` and the `series` to sum.
    private func reconcileQuery(_ node: Node, side: String) -> ReconcileQuery? {
        let context = "the \(side) of a reconcile"
        let keys = ["name", "http", "value", "scrape", "series"]
        guard let fields = reader.mapping(node, context: context, keys: keys) else { return nil }
        let name = fields["name"].flatMap { reader.string($0) } ?? side
        switch (fields.keyNodes["http"], fields.keyNodes["scrape"]) {
        case (.some, .some(let scrapeKey)):
            reader.fail(.conflictingKeys(["http", "scrape"], in: context), at: scrapeKey)
            return nil
        case (.some, nil):
            guard refuseStray("series", partner: "scrape", in: fields) else { return nil }
            return jsonReading(fields).map { ReconcileQuery(name: name, reading: $0) }
        case (nil, .some):
            guard refuseStray("value", partner: "http", in: fields) else { return nil }
            return seriesReading(fields).map { ReconcileQuery(name: name, reading: $0) }
        case (nil, nil):
            reader.fail(.missingKey("http (with value) or scrape (with series)", in: context), at: node)
            return nil
        }
    }

    /// `http` and the JSON path of the number in its answer.
    private func jsonReading(_ fields: Fields) -> ReconcileQuery.Reading? {
        let request = reader.required("http", in: fields).flatMap(http)
        let value = reader.required("value", in: fields).flatMap(jsonAssertion)
        if let value, value.comparison != nil, let valueNode = fields["value"] {
            reader.fail(
                .invalidValue(value.description, expected: "a JSON path without a comparison, such as $.count"),
                at: valueNode)
            return nil
        }
        guard let request, let value else { return nil }
        return .json(request, value: value)
    }

    /// `scrape` (the request settings of a `scrape` check) and the `series` whose samples add up.
    private func seriesReading(_ fields: Fields) -> ReconcileQuery.Reading? {
        let scrape = reader.required("scrape", in: fields).flatMap { self.scrape($0, withLabels: false) }
        let series = reader.required("series", in: fields).flatMap(seriesSelector)
        guard let scrape, let series else { return nil }
        return .series(scrape, selector: series)
    }

    /// A PromQL selector, its fault reported at its line and column.
    private func seriesSelector(_ node: Node) -> SeriesSelector? {
        guard let text = reader.string(node) else { return nil }
        do {
            return try SeriesSelector(parsing: text)
        } catch {
            let offset = error.position.line == 1 ? error.position.column - 1 : 0
            reader.fail(
                .invalidExpression(text, language: "PromQL", problem: error.message),
                at: reader.location(of: node, offset: offset))
            return nil
        }
    }

    /// False, having said so, when `key` (which belongs with `partner`) is given without it.
    private func refuseStray(_ key: String, partner: String, in fields: Fields) -> Bool {
        guard let keyNode = fields.keyNodes[key] else { return true }
        reader.fail(.invalidValue(key, expected: "`\(key)` only beside `\(partner)`"), at: keyNode)
        return false
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
