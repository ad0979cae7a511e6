import Foundation
import Yams

/// Reads a check's `flow:`: its `start` and `arrive` steps, `within`, `poll` and `via` (whose system
/// ids and hops `LandscapeDecoder.checkFlowPaths` checks once every system and interface is known).
extension CheckDecoder {
    func flow(_ node: Node) -> FlowProbeSettings? {
        guard let fields = reader.mapping(node, context: "flow", keys: ["start", "arrive", "within", "poll", "via"])
        else {
            return nil
        }
        let start = reader.required("start", in: fields).flatMap { flowStep($0, name: "start", known: []) }
        // The names the start step extracts, even those whose expression is refused (reported once, there).
        let known = fields["start"]?.mapping?["extract"]?.mapping?.compactMap { $0.key.string } ?? []
        let arrive = reader.required("arrive", in: fields).flatMap { flowStep($0, name: "arrive", known: known) }
        let within = reader.required("within", in: fields).flatMap(reader.duration)
        let poll = fields["poll"].flatMap(reader.duration) ?? FlowProbeSettings.defaultPoll
        if let within, poll > within, let pollNode = fields["poll"] {
            reader.fail(
                .invalidValue(
                    DurationParser.format(poll),
                    expected: "a poll interval no longer than `within` (\(DurationParser.format(within)))"),
                at: pollNode)
        }
        let via = fields["via"].flatMap { reader.sequence($0, of: "system ids") }?.compactMap { reader.string($0) }
        guard let start, let arrive, let within else { return nil }
        var settings = FlowProbeSettings(start: start, arrive: arrive, within: within, poll: poll)
        settings.via = via ?? []
        return settings
    }

    /// One step: `http` (whose `{{ name }}` must name a value in `known`), `extract` and `expect`.
    private func flowStep(_ node: Node, name: String, known: [String]) -> FlowStep? {
        let context = "the \(name) step of a flow"
        guard let fields = reader.mapping(node, context: context, keys: ["http", "extract", "expect"]),
            let httpNode = reader.required("http", in: fields)
        else { return nil }
        checkReferences(in: httpNode, known: known)
        guard let request = http(httpNode) else { return nil }
        if name == "start", fields["extract"] == nil {
            reader.fail(.missingKey("extract", in: context), at: node)
        }
        let extract = fields["extract"].flatMap(extractions) ?? []
        let expect = fields["expect"].flatMap(expectations) ?? Expectations()
        return FlowStep(request: request, extract: extract, expect: expect)
    }

    /// Reports each `{{ name }}` in the URL, headers or body that no earlier step extracts, at its column.
    private func checkReferences(in httpNode: Node, known: [String]) {
        guard let mapping = httpNode.mapping else { return }
        var nodes = [mapping["url"], mapping["body"]].compactMap { $0 }
        nodes += mapping["headers"]?.mapping?.map(\.value) ?? []
        for node in nodes {
            guard case .scalar(let scalar) = node else { continue }
            for reference in FlowTemplate.references(in: scalar.string) where !known.contains(reference.name) {
                let sameLine = !scalar.string.prefix(reference.offset).contains("\n")
                let expected =
                    known.isEmpty
                    ? "no `{{ }}` here: the first step has no earlier step to take values from"
                    : "a value extracted by an earlier step of the flow ("
                        + known.map { "`\($0)`" }.joined(separator: ", ") + ")"
                reader.fail(
                    .invalidValue("{{ \(reference.name) }}", expected: expected),
                    at: sameLine ? reader.location(of: node, offset: reference.offset) : reader.location(of: node))
            }
        }
    }

    /// `extract:` names to a JSON path (`$.id`), an XPath (`//OrderId`) or a regex with one capture group.
    private func extractions(_ node: Node) -> [FlowExtraction]? {
        guard case .mapping(let mapping) = node else {
            reader.fail(
                .typeMismatch(
                    expected: "a mapping of names to JSON paths, XPaths or regexes", found: reader.describe(node)),
                at: node)
            return nil
        }
        return mapping.compactMap { keyNode, valueNode in
            guard let name = reader.string(keyNode), let text = reader.string(valueNode) else { return nil }
            guard name.wholeMatch(of: #/[A-Za-z_][A-Za-z0-9_]*/#) != nil else {
                reader.fail(.invalidValue(name, expected: "a name of letters, digits and _"), at: keyNode)
                return nil
            }
            return extraction(text, at: valueNode).map { FlowExtraction(name: name, source: $0) }
        }
    }

    private func extraction(_ text: String, at node: Node) -> FlowExtraction.Source? {
        if text.hasPrefix("$") {
            guard let path = jsonAssertion(node) else { return nil }
            guard path.comparison == nil else {
                reader.fail(.invalidValue(text, expected: "a JSON path without a comparison, such as $.id"), at: node)
                return nil
            }
            return .jsonPath(path)
        }
        if text.hasPrefix("/") {
            guard xpathAssertion(node) != nil, let path = try? XPathAssertion(text) else { return nil }
            guard case .nodes = path.subject, path.comparison == nil else {
                reader.fail(.invalidValue(text, expected: "an XPath without a comparison, such as //OrderId"), at: node)
                return nil
            }
            return .xpath(path)
        }
        guard let pattern = try? TextPattern(text),
            (try? NSRegularExpression(pattern: text).numberOfCaptureGroups) == 1
        else {
            reader.fail(
                .invalidValue(
                    text, expected: "a JSON path ($.id), an XPath (//OrderId) or a regex with one capture group"),
                at: node)
            return nil
        }
        return .regex(pattern)
    }
}
