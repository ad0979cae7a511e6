/// How deeply a regular expression nests groups and character classes.
///
/// Swift's regex parser recurses once per `(` and `[`, several kilobytes of stack each: a pattern of a
/// few thousand `[` crashes the process on any thread. Patterns from users are checked against
/// `maximum` before they are compiled, and refused with a clear error past it.
public enum RegexNesting {
    /// Far above any pattern a person writes; far below what the stack can take.
    public static let maximum = 100

    /// The deepest nesting of unescaped `(` and `[` in `pattern`.
    public static func depth(of pattern: String) -> Int {
        var depth = 0
        var deepest = 0
        var escaped = false
        for scalar in pattern.unicodeScalars {
            if escaped {
                escaped = false
                continue
            }
            switch scalar {
            case "\\": escaped = true
            case "(", "[":
                depth += 1
                deepest = max(deepest, depth)
            case ")", "]": depth = max(0, depth - 1)
            default: break
            }
        }
        return deepest
    }

    /// `pattern` compiled as PromQL anchors regexes (`(?s:…)`, matched whole), or an error that says why not.
    public static func anchoredRegex(_ pattern: String) throws -> Regex<AnyRegexOutput> {
        guard depth(of: pattern) <= maximum else { throw TooDeep() }
        return try Regex("(?s:" + pattern + ")")
    }

    /// A pattern nested deeper than `maximum`.
    public struct TooDeep: Error, CustomStringConvertible {
        public var description: String { "groups and character classes nested more than \(maximum) levels deep" }
    }
}
