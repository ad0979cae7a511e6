/// One Alertmanager-style label matcher as written in a config or on the command line: `name="value"`.
///
/// The monitoring library turns it into a PromQL `LabelMatcher`; here it is only text, checked
/// (names, quoting, regex syntax) by `AlertMatcher.parseList`, the one matcher grammar of the config, the
/// engine, the console and the CLI.
public struct AlertMatcher: Sendable, Hashable, CustomStringConvertible {
    /// The four operators Alertmanager knows.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case equal = "="
        case notEqual = "!="
        case matchesRegex = "=~"
        case doesNotMatchRegex = "!~"
    }

    public var name: String
    public var kind: Kind
    public var value: String

    public init(name: String, kind: Kind, value: String) {
        self.name = name
        self.kind = kind
        self.value = value
    }

    /// A list as `parseList` reads it back: `{a="b", c=~"d"}`.
    public static func listDescription(_ matchers: [AlertMatcher]) -> String {
        "{" + matchers.map(\.description).joined(separator: ", ") + "}"
    }

    /// `name="value"`, with `"` and `\` escaped.
    public var description: String {
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return name + kind.rawValue + "\"" + escaped + "\""
    }
}
