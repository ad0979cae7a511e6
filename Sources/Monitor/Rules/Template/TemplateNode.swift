/// The parsed form of a template: text, `{{ pipeline }}` actions and `if` blocks.
indirect enum TemplateNode: Sendable {
    case text(String)
    case action(TemplatePipeline)
    case conditional(condition: TemplatePipeline, then: [TemplateNode], otherwise: [TemplateNode])
}

/// `$x := a | b arg | c`: commands whose result is passed on as the last argument of the next.
struct TemplatePipeline: Sendable {
    var declaration: String?
    var commands: [TemplateCommand]
    var position: TemplatePosition
}

/// A function call with its arguments, or a single operand.
struct TemplateCommand: Sendable {
    var operands: [TemplateOperand]
    var position: TemplatePosition
}

/// One word of a command.
indirect enum TemplateOperand: Sendable {
    /// `.`, `.Labels.x` (root nil) or `$labels.x` (root a variable name).
    case field(variable: String?, path: [String])
    case string(String)
    case number(Double)
    case bool(Bool)
    case function(String)
    case pipeline(TemplatePipeline)
}

/// Where in the template text a piece starts.
struct TemplatePosition: Sendable, Equatable {
    var line: Int
    var column: Int
}
