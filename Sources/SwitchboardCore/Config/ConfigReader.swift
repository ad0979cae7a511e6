import Foundation
import Yams

/// Reads typed values out of a YAML tree, collecting every error with its position
/// instead of stopping at the first one.
package final class ConfigReader {
    package let file: String
    let environment: EnvironmentExpansion
    package private(set) var errors: [ConfigError] = []
    /// When set, keys outside a mapping's known keys are skipped instead of reported.
    package var ignoresUnknownKeys = false
    /// Where each unset `${NAME}` was first reported, so it is reported once with a count.
    private var unsetVariables: [String: Int] = [:]

    package init(file: String, environment: [String: String]) {
        self.file = file
        self.environment = EnvironmentExpansion(environment: environment)
    }

    package func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// Where a character `offset` columns into a scalar's text is; a quoted scalar starts after its quote.
    func location(of node: Node, offset: Int) -> SourceLocation {
        var location = location(of: node)
        if case .scalar(let scalar) = node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
            location.column += 1
        }
        location.column += offset
        return location
    }

    package func fail(_ kind: ConfigError.Kind, at node: Node) {
        errors.append(ConfigError(kind, at: location(of: node)))
    }

    package func fail(_ kind: ConfigError.Kind, at location: SourceLocation) {
        errors.append(ConfigError(kind, at: location))
    }

    /// The mapping's entries, reporting keys outside `keys` with a did-you-mean.
    package func mapping(_ node: Node, context: String, keys: [String]) -> Fields? {
        guard case .mapping(let mapping) = node else {
            fail(.typeMismatch(expected: "a mapping for \(context)", found: describe(node)), at: node)
            return nil
        }
        var fields = Fields(node: node, context: context)
        for (keyNode, value) in mapping {
            guard let key = keyNode.string, case .scalar = keyNode else {
                fail(.typeMismatch(expected: "a key name", found: describe(keyNode)), at: keyNode)
                continue
            }
            guard keys.contains(key) else {
                if ignoresUnknownKeys { continue }
                let hint = DidYouMean.suggestion(for: key, among: keys)
                fail(.unknownKey(key, in: context, didYouMean: hint), at: keyNode)
                continue
            }
            fields.values[key] = value
            fields.keyNodes[key] = keyNode
        }
        return fields
    }

    /// The value of a required key, or nil after reporting it missing.
    package func required(_ key: String, in fields: Fields) -> Node? {
        if let node = fields[key] { return node }
        fail(.missingKey(key, in: fields.context), at: fields.node)
        return nil
    }

    package func string(_ node: Node, what: String = "a string") -> String? {
        guard case .scalar(let scalar) = node, node.null == nil || scalar.style != .plain else {
            fail(.typeMismatch(expected: what, found: describe(node)), at: node)
            return nil
        }
        return scalar.string
    }

    /// A string with `${NAME}` environment references replaced.
    package func expandedString(_ node: Node) -> String? {
        guard let raw = string(node) else { return nil }
        switch environment.expand(raw) {
        case .success(let value):
            return value
        case .failure(let unset):
            if let index = unsetVariables[unset.name],
                case .environmentVariableNotSet(let name, let count) = errors[index].kind
            {
                errors[index].kind = .environmentVariableNotSet(name, occurrences: count + 1)
            } else {
                unsetVariables[unset.name] = errors.count
                fail(.environmentVariableNotSet(unset.name, occurrences: 1), at: node)
            }
            return nil
        }
    }

    package func int(_ node: Node, in range: ClosedRange<Int>, what: String) -> Int? {
        guard case .scalar = node, let value = node.int else {
            fail(.typeMismatch(expected: what, found: describe(node)), at: node)
            return nil
        }
        guard range.contains(value) else {
            fail(.invalidValue(String(value), expected: what), at: node)
            return nil
        }
        return value
    }

    package func bool(_ node: Node) -> Bool? {
        guard case .scalar = node, let value = node.bool else {
            fail(.typeMismatch(expected: "true or false", found: describe(node)), at: node)
            return nil
        }
        return value
    }

    package func duration(_ node: Node) -> Duration? {
        guard let text = string(node, what: "a duration such as 15s, 500ms or 1h30m") else { return nil }
        guard let duration = DurationParser.parse(text), duration > .zero else {
            fail(.invalidValue(text, expected: "a duration such as 15s, 500ms or 1h30m"), at: node)
            return nil
        }
        return duration
    }

    package func sequence(_ node: Node, of what: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            fail(.typeMismatch(expected: "a list of \(what)", found: describe(node)), at: node)
            return nil
        }
        return Array(sequence)
    }

    package func stringList(_ node: Node, expand: Bool = false) -> [String]? {
        guard let items = sequence(node, of: "strings") else { return nil }
        let values = items.map { expand ? expandedString($0) : string($0) }
        return values.contains(where: { $0 == nil }) ? nil : values.compactMap { $0 }
    }

    /// A mapping of strings to strings (labels, headers), in file order.
    package func stringPairs(_ node: Node, context: String, expand: Bool = false) -> [(String, String)]? {
        guard case .mapping(let mapping) = node else {
            fail(
                .typeMismatch(expected: "a mapping of names to strings for \(context)", found: describe(node)), at: node
            )
            return nil
        }
        var pairs: [(String, String)] = []
        for (keyNode, valueNode) in mapping {
            guard let key = string(keyNode), let value = expand ? expandedString(valueNode) : string(valueNode)
            else { continue }
            pairs.append((key, value))
        }
        return pairs
    }

    /// How a node reads in an error message: "a list", "the number 5", "the string \"abc\"".
    package func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if scalar.style == .plain {
                if node.null != nil { return "nothing (null)" }
                if node.bool != nil { return "the boolean \(scalar.string)" }
                if node.int != nil || node.float != nil { return "the number \(scalar.string)" }
            }
            return "the string \"\(scalar.string)\""
        }
    }
}

/// The entries of one YAML mapping that were accepted by `ConfigReader.mapping`.
package struct Fields {
    package let node: Node
    package let context: String
    package var values: [String: Node] = [:]
    package var keyNodes: [String: Node] = [:]

    package subscript(key: String) -> Node? { values[key] }
}
