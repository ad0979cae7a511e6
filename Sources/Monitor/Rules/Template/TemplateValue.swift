import Foundation

/// A value while a template runs: what Go's text/template would hold for an alert's data.
enum TemplateValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case map([String: String])
    /// A missing map key, printed as Go prints it: `<no value>`.
    case noValue

    /// The value printed as Go's `fmt.Sprint` prints it.
    var printed: String {
        switch self {
        case .string(let text): text
        case .number(let number): GoFormat.value(number)
        case .bool(let flag): flag ? "true" : "false"
        case .map(let map): "map[" + map.keys.sorted().map { "\($0):\(map[$0]!)" }.joined(separator: " ") + "]"
        case .noValue: "<no value>"
        }
    }

    /// Go's truth: false, 0, "", an empty map and no value are false.
    var isTrue: Bool {
        switch self {
        case .string(let text): !text.isEmpty
        case .number(let number): number != 0
        case .bool(let flag): flag
        case .map(let map): !map.isEmpty
        case .noValue: false
        }
    }

    var typeName: String {
        switch self {
        case .string: "string"
        case .number: "number"
        case .bool: "bool"
        case .map: "map"
        case .noValue: "no value"
        }
    }
}
