/// Reading matchers: the one grammar the config, the engine, the console and the CLI share.
///
/// Alertmanager's list syntax and the bare forms it accepts:
///
/// ```
/// {alertname="Down", system=~"erp|crm"}    braces, quoted values
/// alertname=Down, system=~erp|crm          no braces, bare values
/// msg="a, b", note="say \"hi\""            commas and escaped quotes inside quotes
/// ```
///
/// A label name is `[a-zA-Z_][a-zA-Z0-9_]*`; the operator one of `=`, `!=`, `=~`, `!~` (spaces
/// around it are allowed); a value is double-quoted (escapes `\"`, `\\`, `\n`; any other backslash
/// is kept, so a regex's `\d` stays `\d`) or bare: everything up to a space, a comma, a quote, one of
/// `=`, `!`, `~` (as Alertmanager reserves them) or the closing brace. A trailing comma is allowed. A regex must compile (it is anchored at both ends when
/// matched).
extension AlertMatcher {
    /// Parses exactly one matcher, with or without braces.
    public static func parse(_ text: String) throws(AlertMatcherError) -> AlertMatcher {
        let matchers = try parseList(text)
        guard matchers.count == 1 else {
            throw AlertMatcherError(
                input: text, column: 1, expected: "one matcher such as name=\"value\" (found \(matchers.count))")
        }
        return matchers[0]
    }

    /// Parses a list of matchers typed on one line (`{a="b", c=~"d"}` or `a=b, c=~d`); empty text is
    /// an empty list.
    public static func parseList(_ text: String) throws(AlertMatcherError) -> [AlertMatcher] {
        var scanner = MatcherScanner(text)
        return try scanner.list()
    }

    /// Parses several arguments (command-line words, config list items), each one matcher or a list;
    /// the first bad one throws, naming its position among them.
    public static func parseAll(_ texts: [String]) throws(AlertMatcherError) -> [AlertMatcher] {
        var matchers: [AlertMatcher] = []
        for (position, text) in texts.enumerated() {
            do {
                matchers += try parseList(text)
            } catch {
                var located = error
                located.argument = position + 1
                throw located
            }
        }
        return matchers
    }

    /// Whether a regex value compiles as the queue will match it; nil when it does, else the problem.
    static func regexProblem(_ pattern: String) -> String? {
        // Swift's regex parser recurses per `(` and `[`: a few thousand of them overflow any stack.
        guard regexNesting(pattern) <= 100 else { return "groups and classes nested more than 100 levels deep" }
        do {
            _ = try Regex<AnyRegexOutput>("(?s:" + pattern + ")")
            return nil
        } catch {
            return "\(error)"
        }
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
}

/// Walks one line of matchers, character by character, keeping the column for errors.
private struct MatcherScanner {
    let input: String
    let characters: [Character]
    var index = 0

    init(_ input: String) {
        self.input = input
        characters = Array(input)
    }

    var current: Character? { index < characters.count ? characters[index] : nil }

    mutating func list() throws(AlertMatcherError) -> [AlertMatcher] {
        skipSpaces()
        let braced = current == "{"
        if braced { index += 1 }
        var matchers: [AlertMatcher] = []
        while true {
            skipSpaces()
            if braced, current == "}" {
                index += 1
                break
            }
            if current == nil {
                guard !braced else { throw failure("a closing brace }") }
                break
            }
            matchers.append(try matcher(braced: braced))
            skipSpaces()
            if current == "," {
                index += 1
            } else if !(braced && current == "}") && current != nil {
                throw failure("a comma between matchers")
            }
        }
        skipSpaces()
        guard current == nil else { throw failure("the end after the closing brace") }
        return matchers
    }

    private mutating func matcher(braced: Bool) throws(AlertMatcherError) -> AlertMatcher {
        let nameStart = index
        while let character = current, Self.isNameCharacter(character, first: index == nameStart) { index += 1 }
        guard index > nameStart else { throw failure("a label name ([a-zA-Z_][a-zA-Z0-9_]*)") }
        let name = String(characters[nameStart..<index])
        skipSpaces()
        let rest = characters[index...]
        guard
            let kind = [AlertMatcher.Kind.matchesRegex, .doesNotMatchRegex, .notEqual, .equal].first(where: {
                rest.starts(with: $0.rawValue)
            })
        else {
            throw failure("one of =, !=, =~, !~ after the label name `\(name)`")
        }
        index += kind.rawValue.count
        skipSpaces()
        let valueStart = index
        let value = current == "\"" ? try quotedValue() : bareValue(braced: braced)
        if kind == .matchesRegex || kind == .doesNotMatchRegex, let problem = AlertMatcher.regexProblem(value) {
            throw AlertMatcherError(
                input: input, column: valueStart + 1, expected: "a valid regular expression (\(problem))")
        }
        return AlertMatcher(name: name, kind: kind, value: value)
    }

    private mutating func quotedValue() throws(AlertMatcherError) -> String {
        index += 1
        var value = ""
        while let character = current {
            index += 1
            if character == "\"" { return value }
            guard character == "\\", let escaped = current else {
                value.append(character)
                continue
            }
            index += 1
            switch escaped {
            case "n": value.append("\n")
            case "\"", "\\": value.append(escaped)
            default:
                // Regexes keep their backslashes: `\d` stays `\d`.
                value.append("\\")
                value.append(escaped)
            }
        }
        throw failure("a closing quote")
    }

    private mutating func bareValue(braced: Bool) -> String {
        let start = index
        while let character = current, !character.isWhitespace, !"\",=!~".contains(character),
            !(braced && character == "}")
        {
            index += 1
        }
        return String(characters[start..<index])
    }

    private mutating func skipSpaces() {
        while let character = current, character.isWhitespace { index += 1 }
    }

    private func failure(_ expected: String) -> AlertMatcherError {
        AlertMatcherError(input: input, column: index + 1, expected: expected)
    }

    private static func isNameCharacter(_ character: Character, first: Bool) -> Bool {
        guard character.isASCII else { return false }
        return character == "_" || character.isLetter || (!first && character.isNumber)
    }
}
