import PromQL

/// Parses one Alertmanager-style matcher: `name=value`, `name!="value"`, `name=~regex`, `name!~regex`.
///
/// The value may be double-quoted (with `\"`, `\\` and `\n` escapes); regexes are anchored at both ends.
public enum MatcherSyntax {
    public static func parse(_ text: String) throws(MatcherSyntaxError) -> LabelMatcher {
        let characters = Array(text)
        var index = 0
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        let nameStart = index
        while index < characters.count, isNameCharacter(characters[index], first: index == nameStart) { index += 1 }
        guard index > nameStart else {
            throw MatcherSyntaxError(input: text, column: index + 1, expected: "a label name ([a-zA-Z_][a-zA-Z0-9_]*)")
        }
        let name = String(characters[nameStart..<index])
        let operatorColumn = index + 1
        let kind: LabelMatcher.Kind
        let rest = String(characters[index...])
        if rest.hasPrefix("=~") {
            kind = .matchesRegex
        } else if rest.hasPrefix("!~") {
            kind = .doesNotMatchRegex
        } else if rest.hasPrefix("!=") {
            kind = .notEqual
        } else if rest.hasPrefix("=") {
            kind = .equal
        } else {
            throw MatcherSyntaxError(
                input: text, column: operatorColumn, expected: "one of =, !=, =~, !~ after the label name `\(name)`")
        }
        index += kind.rawValue.count
        let value = try parseValue(characters, from: index, input: text)
        do {
            return try LabelMatcher(name, kind, value)
        } catch {
            throw MatcherSyntaxError(
                input: text, column: index + 1, expected: "a valid regular expression (\(error.description))")
        }
    }

    /// Parses every matcher; the first bad one throws, naming its position among the arguments.
    public static func parseAll(_ texts: [String]) throws(MatcherSyntaxError) -> [LabelMatcher] {
        var matchers: [LabelMatcher] = []
        for (position, text) in texts.enumerated() {
            do {
                matchers.append(try parse(text))
            } catch {
                var located = error
                located.argument = position + 1
                throw located
            }
        }
        return matchers
    }

    private static func parseValue(
        _ characters: [Character], from start: Int, input: String
    ) throws(MatcherSyntaxError) -> String {
        guard start < characters.count, characters[start] == "\"" else {
            return String(characters[start...])
        }
        var value = ""
        var index = start + 1
        while index < characters.count {
            let character = characters[index]
            if character == "\"" {
                guard index == characters.count - 1 else {
                    throw MatcherSyntaxError(
                        input: input, column: index + 2, expected: "the end after the closing quote")
                }
                return value
            }
            if character == "\\", index + 1 < characters.count {
                index += 1
                switch characters[index] {
                case "n": value.append("\n")
                case "\"", "\\": value.append(characters[index])
                default:
                    // Regexes keep their backslashes: `\d` stays `\d`.
                    value.append("\\")
                    value.append(characters[index])
                }
            } else {
                value.append(character)
            }
            index += 1
        }
        throw MatcherSyntaxError(input: input, column: characters.count + 1, expected: "a closing quote")
    }

    private static func isNameCharacter(_ character: Character, first: Bool) -> Bool {
        guard character.isASCII else { return false }
        return character == "_" || character.isLetter || (!first && character.isNumber)
    }
}

/// A matcher that does not parse: which one, at which column, and what was expected there.
public struct MatcherSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var input: String
    /// 1-based column in `input`.
    public var column: Int
    public var expected: String
    /// 1-based position among several matchers, when parsed with `parseAll`.
    public var argument: Int?

    public init(input: String, column: Int, expected: String, argument: Int? = nil) {
        self.input = input
        self.column = column
        self.expected = expected
        self.argument = argument
    }

    public var description: String {
        let which = argument.map { "matcher \($0) " } ?? "matcher "
        return "\(which)`\(input)`, column \(column): expected \(expected)"
    }
}
