import Foundation

/// `{{ name }}` references in a flow step's URL, headers or body, filled in per run with the values
/// an earlier step extracted (`${NAME}`, the environment, is filled in once, at load).
public enum FlowTemplate {
    /// A `{{ name }}` in a text, with the character offset of its `{{`.
    public struct Reference: Sendable, Equatable {
        public var name: String
        public var offset: Int
    }

    private static var reference: Regex<(Substring, Substring)> { #/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/# }

    public static func references(in text: String) -> [Reference] {
        text.matches(of: reference).map {
            Reference(name: String($0.output.1), offset: text.distance(from: text.startIndex, to: $0.range.lowerBound))
        }
    }

    /// `text` with each `{{ name }}` replaced by its value passed through `escape` (a URL's
    /// percent-encoding); a reference without a value becomes `placeholder`, or stays as written.
    public static func render(
        _ text: String, _ values: [String: String], placeholder: String? = nil, escape: (String) -> String = { $0 }
    ) -> String {
        guard text.contains("{{") else { return text }
        return text.replacing(reference) { match in
            values[String(match.output.1)].map(escape) ?? placeholder ?? String(match.output.0)
        }
    }

    /// Percent-encodes a value for any part of a URL (path segment or query value).
    public static func urlEscape(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))
            ?? value
    }
}
