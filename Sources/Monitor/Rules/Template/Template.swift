/// A parsed alert label or annotation template (Go text/template syntax, as Prometheus uses it).
///
/// ```swift
/// let summary = try Template.parse("{{ $labels.instance }} down ({{ $value | humanize }})")
/// let text = try summary.render(TemplateData(labels: ["instance": "a"], value: 0))
/// ```
public struct Template: Sendable, CustomStringConvertible {
    /// The text as written.
    public let source: String
    let nodes: [TemplateNode]

    /// The variables Prometheus defines before every alert template.
    static let predefinedVariables: Set<String> = ["$labels", "$externalLabels", "$externalURL", "$value"]

    /// Parses `text`; throws with the line and column of the first problem.
    public static func parse(_ text: String) throws(TemplateError) -> Template {
        guard text.contains("{{") else { return Template(source: text, nodes: [.text(text)]) }
        var parser = TemplateParser(text, variables: predefinedVariables)
        return Template(source: text, nodes: try parser.parse())
    }

    /// A template that is only text.
    public init(literal text: String) {
        self.source = text
        self.nodes = [.text(text)]
    }

    private init(source: String, nodes: [TemplateNode]) {
        self.source = source
        self.nodes = nodes
    }

    /// Whether the text has no actions, so rendering returns it unchanged.
    public var isLiteral: Bool { !source.contains("{{") }

    /// The text with every action replaced by its value for `data`.
    public func render(_ data: TemplateData) throws(TemplateError) -> String {
        if isLiteral { return source }
        var executor = TemplateExecutor(data: data)
        return try executor.run(nodes)
    }

    public var description: String { source }
}

/// What an alert template sees: the alert's labels and value, and the engine's external labels and URL.
public struct TemplateData: Sendable {
    public var labels: [String: String]
    public var externalLabels: [String: String]
    public var externalURL: String
    public var value: Double

    public init(
        labels: [String: String] = [:], externalLabels: [String: String] = [:], externalURL: String = "",
        value: Double = 0
    ) {
        self.labels = labels
        self.externalLabels = externalLabels
        self.externalURL = externalURL
        self.value = value
    }
}
