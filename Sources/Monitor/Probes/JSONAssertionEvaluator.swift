import Foundation
import SwitchboardCore

/// Evaluates JSON path assertions (`$.status == "UP"`) against a response body.
enum JSONAssertionEvaluator {
    /// A human reason for the first assertion that fails, or nil when all hold.
    static func firstFailure(of assertions: [JSONAssertion], in body: String) -> String? {
        guard let document = try? JSONDecoder().decode(JSONValue.self, from: Data(body.utf8)) else {
            return "body is not JSON"
        }
        return firstFailure(of: assertions, in: document)
    }

    /// The same, on a document already decoded (a GraphQL answer's `data`).
    static func firstFailure(of assertions: [JSONAssertion], in document: JSONValue) -> String? {
        for assertion in assertions {
            if let reason = failure(of: assertion, in: document) { return reason }
        }
        return nil
    }

    private static func failure(of assertion: JSONAssertion, in document: JSONValue) -> String? {
        var value = document
        for step in assertion.path {
            switch (step, value) {
            case (.key(let key), .object(let object)) where object[key] != nil:
                value = object[key]!
            case (.index(let index), .array(let array)) where array.indices.contains(index):
                value = array[index]
            default:
                return "\(assertion.description): no such path"
            }
        }
        guard let (op, literal) = assertion.comparison else { return nil }
        if holds(op, value, literal) { return nil }
        let path = assertion.description.prefix { !"=!<>".contains($0) }.trimmingCharacters(in: .whitespaces)
        return "\(path) is \(render(value)), expected \(op.rawValue) \(render(literal))"
    }

    private static func holds(_ op: JSONAssertion.Operator, _ value: JSONValue, _ literal: JSONAssertion.Literal)
        -> Bool
    {
        let order: ComparisonResult?
        switch (value, literal) {
        case (.string(let actual), .string(let expected)): order = actual.compare(expected)
        case (.number(let actual), .number(let expected)): order = compare(actual, expected)
        case (.bool(let actual), .bool(let expected)): order = actual == expected ? .orderedSame : nil
        case (.null, .null): order = .orderedSame
        default: order = nil
        }
        guard let order else { return op == .notEqual }
        switch op {
        case .equal: return order == .orderedSame
        case .notEqual: return order != .orderedSame
        case .less: return order == .orderedAscending
        case .lessOrEqual: return order != .orderedDescending
        case .greater: return order == .orderedDescending
        case .greaterOrEqual: return order != .orderedAscending
        }
    }

    private static func compare(_ a: Double, _ b: Double) -> ComparisonResult {
        a < b ? .orderedAscending : (a > b ? .orderedDescending : .orderedSame)
    }

    private static func render(_ value: JSONValue) -> String {
        switch value {
        case .string(let string): "\"\(string)\""
        case .number(let number): render(JSONAssertion.Literal.number(number))
        case .bool(let bool): String(bool)
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }

    private static func render(_ literal: JSONAssertion.Literal) -> String {
        switch literal {
        case .string(let string): "\"\(string)\""
        case .number(let number):
            number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .bool(let bool): String(bool)
        case .null: "null"
        }
    }
}
