import Foundation
import SwitchboardCore

extension XPathAssertion {
    /// Why the document fails this assertion, or nil when it passes.
    func failure(in root: XMLElement) -> String? {
        switch subject {
        case .count(let path):
            let count = Double(path.select(in: root).count)
            guard let comparison, !Self.compare(count, comparison.op, comparison.value) else { return nil }
            return "count(\(path.source)) is \(Self.format(count)), expected \(comparison.op) \(comparison.value)"
        case .nodes(let path):
            let values = path.select(in: root).map { $0.stringValue.trimmingCharacters(in: .whitespacesAndNewlines) }
            guard !values.isEmpty else {
                return "\(path.source) selects no node" + (comparison.map { " (expected \($0.op) \($0.value))" } ?? "")
            }
            guard let comparison else { return nil }
            let passes =
                comparison.op == "!="
                ? !values.contains { Self.compare($0, "=", comparison.value) }
                : values.contains { Self.compare($0, comparison.op, comparison.value) }
            if passes { return nil }
            let shown = values.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ") + (values.count > 3 ? ", …" : "")
            return "\(path.source) is \(shown), expected \(comparison.op) \(comparison.value)"
        }
    }

    private static func compare(_ text: String, _ op: String, _ value: Literal) -> Bool {
        switch value {
        case .string(let expected): op == "=" ? text == expected : text != expected
        case .number: Double(text).map { compare($0, op, value) } ?? false
        }
    }

    private static func compare(_ number: Double, _ op: String, _ value: Literal) -> Bool {
        guard case .number(let expected) = value else { return false }
        switch op {
        case "=": return number == expected
        case "!=": return number != expected
        case "<": return number < expected
        case "<=": return number <= expected
        case ">": return number > expected
        default: return number >= expected
        }
    }
}

extension XPathAssertion {
    /// The reason the first failing assertion gives on `body`, or nil when all pass (or there are none).
    public static func firstFailure(of sources: [String], in body: String) -> String? {
        guard !sources.isEmpty else { return nil }
        let root: XMLElement
        do {
            root = try XMLReader.parse(body)
        } catch {
            return "body is not XML (\(error)), cannot check \(sources[0])"
        }
        for source in sources {
            do {
                if let failure = try XPathAssertion(source).failure(in: root) { return failure }
            } catch {
                return "invalid xpath \(source): \(error.message)"
            }
        }
        return nil
    }
}

extension XPathLocationPath {
    enum Node {
        case element(XMLElement)
        case attribute(String)
        case text(String)

        var stringValue: String {
            switch self {
            case .element(let element): element.stringValue
            case .attribute(let value), .text(let value): value
            }
        }
    }

    func select(in root: XMLElement) -> [Node] {
        var context = [XMLElement(name: "", attributes: [], children: [.element(root)])]
        var selected: [Node] = []
        for step in steps {
            let scope = step.descendants ? context.flatMap(Self.selfAndDescendants) : context
            selected = scope.flatMap { Self.apply(step, to: $0) }
            context = selected.compactMap { if case .element(let element) = $0 { element } else { nil } }
        }
        return selected
    }

    private static func apply(_ step: Step, to element: XMLElement) -> [Node] {
        var nodes: [Node]
        switch step.test {
        case .element(let name):
            nodes = element.elements.filter { matches($0.name, name) }.map { .element($0) }
        case .attribute(let name):
            nodes = element.attributes.filter { matches($0.name, name) }.map { .attribute($0.value) }
        case .text:
            nodes = element.children.compactMap { if case .text(let text) = $0 { .text(text) } else { nil } }
        }
        for predicate in step.predicates {
            nodes = filter(nodes, by: predicate)
        }
        return nodes
    }

    private static func filter(_ nodes: [Node], by predicate: Predicate) -> [Node] {
        switch predicate {
        case .position(let position):
            return nodes.indices.contains(position - 1) ? [nodes[position - 1]] : []
        case .attribute(let name, let value):
            return nodes.filter { node in
                guard case .element(let element) = node else { return false }
                return element.attributes.contains { matches($0.name, name) && (value == nil || $0.value == value) }
            }
        case .child(let name, let value):
            return nodes.filter { node in
                guard case .element(let element) = node else { return false }
                return element.elements.contains { matches($0.name, name) && (value == nil || $0.stringValue == value) }
            }
        }
    }

    /// `*` matches any name; `name` matches any prefix; `p:name` matches exactly.
    private static func matches(_ actual: String, _ test: String) -> Bool {
        if test == "*" { return true }
        if test.contains(":") { return actual == test }
        return actual.split(separator: ":", maxSplits: 1).last.map(String.init) == test
    }

    private static func selfAndDescendants(_ element: XMLElement) -> [XMLElement] {
        [element] + element.elements.flatMap(selfAndDescendants)
    }
}
