/// Reading a matcher: `name=value`, `name!="value"`, `name=~regex`, `name!~regex`.
extension AlertMatcher {
    /// Parses one matcher. The value may be double-quoted (with `\"`, `\\` and `\n` escapes); a regex
    /// must compile (it is anchored at both ends when matched).
    public static func parse(_ text: String) throws(AlertMatcherError) -> AlertMatcher {
        let characters = Array(text)
        var index = 0
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        let nameStart = index
        while index < characters.count, isNameCharacter(characters[index], first: index == nameStart) { index += 1 }
        guard index > nameStart else {
            throw AlertMatcherError(input: text, column: index + 1, expected: "a label name ([a-zA-Z_][a-zA-Z0-9_]*)")
        }
        let name = String(characters[nameStart..<index])
        let rest = String(characters[index...])
        guard
            let kind = [Kind.matchesRegex, .doesNotMatchRegex, .notEqual, .equal].first(where: {
                rest.hasPrefix($0.rawValue)
            })
        else {
            throw AlertMatcherError(
                input: text, column: index + 1, expected: "one of =, !=, =~, !~ after the label name `\(name)`")
        }
        index += kind.rawValue.count
        let value = try parseValue(characters, from: index, input: text)
        if kind == .matchesRegex || kind == .doesNotMatchRegex {
            do {
                // Swift's regex parser recurses per `(` and `[`: thousands of them overflow the stack.
                guard Self.regexNesting(value) <= 100 else {
                    throw AlertMatcherError(
                        input: text, column: index + 1, expected: "a regular expression nested at most 100 levels deep")
                }
                _ = try Regex<AnyRegexOutput>("(?s:" + value + ")")
            } catch let error as AlertMatcherError {
                throw error
            } catch {
                throw AlertMatcherError(
                    input: text, column: index + 1, expected: "a valid regular expression (\(error))")
            }
        }
        return AlertMatcher(name: name, kind: kind, value: value)
    }

    /// Parses every matcher; the first bad one throws, naming its position among them.
    public static func parseAll(_ texts: [String]) throws(AlertMatcherError) -> [AlertMatcher] {
        var matchers: [AlertMatcher] = []
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
    ) throws(AlertMatcherError) -> String {
        guard start < characters.count, characters[start] == "\"" else {
            return String(characters[start...])
        }
        var value = ""
        var index = start + 1
        while index < characters.count {
            let character = characters[index]
            if character == "\"" {
                guard index == characters.count - 1 else {
                    throw AlertMatcherError(
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
        throw AlertMatcherError(input: input, column: characters.count + 1, expected: "a closing quote")
    }

    /// The deepest nesting of unescaped `(` and `[` (PromQL's `RegexNesting` counts the same way; Core
    /// does not import PromQL).
    private static func regexNesting(_ pattern: String) -> Int {
        var (depth, deepest, escaped) = (0, 0, false)
        for scalar in pattern.unicodeScalars {
            if escaped {
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else if scalar == "(" || scalar == "[" {
                depth += 1
                deepest = max(deepest, depth)
            } else if scalar == ")" || scalar == "]" {
                depth = max(0, depth - 1)
            }
        }
        return deepest
    }

    private static func isNameCharacter(_ character: Character, first: Bool) -> Bool {
        guard character.isASCII else { return false }
        return character == "_" || character.isLetter || (!first && character.isNumber)
    }
}
