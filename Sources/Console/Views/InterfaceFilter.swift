import Foundation
import SwitchboardCore

/// `/` on the interfaces: a case-insensitive regular expression (ICU, as every `/` of the console,
/// compiled once) over an interface's name, id, systems, protocol and state; a leading `!` keeps the
/// rows that do not match.
struct InterfaceFilter: Sendable, Equatable {
    let source: String
    let inverted: Bool
    private let regex: TextPattern

    /// Nil for an empty filter; throws `FilterError` for a pattern that is not a regular expression.
    init?(_ text: String) throws(FilterError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        inverted = trimmed.hasPrefix("!")
        let pattern = inverted ? String(trimmed.dropFirst()) : trimmed
        source = trimmed
        guard !pattern.isEmpty else { return nil }
        do {
            regex = try TextPattern(pattern, caseInsensitive: true)
        } catch {
            throw FilterError(pattern: pattern)
        }
    }

    func apply(_ interfaces: [InterfaceStatus], systemNames: [String: String]) -> [InterfaceStatus] {
        interfaces.filter { interface in
            let fields = [
                interface.name, interface.id, interface.from, interface.to, systemNames[interface.from] ?? "",
                systemNames[interface.to] ?? "", interface.kind.rawValue, interface.state.rawValue,
            ]
            return fields.contains(where: regex.matches) != inverted
        }
    }

    static func == (lhs: InterfaceFilter, rhs: InterfaceFilter) -> Bool { lhs.source == rhs.source }
}

/// A filter that is not a valid regular expression.
struct FilterError: Error, Sendable, Equatable {
    var pattern: String
}
