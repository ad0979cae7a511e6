/// Parses the subset of Go's text/template that alert templates use into `TemplateNode`s.
///
/// Text, `{{ pipeline }}`, `{{- trim -}}` markers, comments, `if`/`else if`/`else`/`end`, `$x :=`
/// declarations, pipes, parentheses, fields (`.Labels.x`, `$labels.x`), strings, numbers, booleans
/// and calls of the functions in `TemplateFunctions`.
struct TemplateParser {
    private var scanner: TemplateScanner
    private var variables: Set<String>
    /// Whether the text before the next action must lose its trailing spaces (`{{-`).
    private var trimNextText = false
    /// How deeply parentheses, `if`s and `else if`s may nest, so that parsing and rendering stay
    /// far from the stack's limit.
    static let maximumDepth = 100
    private var depth = 0

    init(_ text: String, variables: Set<String>) {
        scanner = TemplateScanner(text)
        self.variables = variables.union(["$"])
    }

    mutating func parse() throws(TemplateError) -> [TemplateNode] {
        let (nodes, terminator) = try parseList()
        if let terminator {
            throw TemplateError(
                "unexpected {{\(terminator.word)}}", line: terminator.position.line,
                column: terminator.position.column)
        }
        return nodes
    }

    /// What ended a list of nodes: `else`, `else if …` or `end`.
    private struct Terminator {
        var word: String
        var elseIf: TemplatePipeline?
        var position: TemplatePosition
    }

    private mutating func parseList() throws(TemplateError) -> ([TemplateNode], Terminator?) {
        var nodes: [TemplateNode] = []
        var text = ""
        while !scanner.isAtEnd {
            guard scanner.hasPrefix("{{") else {
                text.append(scanner.advance()!)
                continue
            }
            let start = scanner.position
            scanner.advance(by: 2)
            if scanner.current == "-", scanner.peek(1).map({ " \t\n\r".contains($0) }) == true {
                scanner.advance()
                while let last = text.last, " \t\n\r".contains(last) { text.removeLast() }
            }
            if trimNextText {
                text = String(text.drop { " \t\n\r".contains($0) })
                trimNextText = false
            }
            if !text.isEmpty { nodes.append(.text(text)) }
            text = ""
            if let node = try parseAction(start: start) {
                switch node {
                case .node(let node): nodes.append(node)
                case .terminator(let terminator): return (nodes, terminator)
                }
            }
        }
        if trimNextText { text = String(text.drop { " \t\n\r".contains($0) }) }
        if !text.isEmpty { nodes.append(.text(text)) }
        return (nodes, nil)
    }

    private enum ActionResult {
        case node(TemplateNode)
        case terminator(Terminator)
    }

    private mutating func parseAction(start: TemplatePosition) throws(TemplateError) -> ActionResult? {
        scanner.skipSpaces()
        if scanner.hasPrefix("/*") {
            while !scanner.isAtEnd, !scanner.hasPrefix("*/") { scanner.advance() }
            guard !scanner.isAtEnd else { throw error("unclosed comment", at: start) }
            scanner.advance(by: 2)
            try closeAction()
            return nil
        }
        let wordStart = scanner.position
        let word = peekWord()
        switch word {
        case "if":
            try enter(at: wordStart)
            defer { depth -= 1 }
            scanner.advance(by: 2)
            let condition = try parsePipeline(allowDeclaration: false)
            try closeAction()
            return .node(try parseConditional(condition: condition, start: start))
        case "else":
            scanner.advance(by: 4)
            scanner.skipSpaces()
            if peekWord() == "if" {
                scanner.advance(by: 2)
                let condition = try parsePipeline(allowDeclaration: false)
                try closeAction()
                return .terminator(Terminator(word: "else if", elseIf: condition, position: wordStart))
            }
            try closeAction()
            return .terminator(Terminator(word: "else", position: wordStart))
        case "end":
            scanner.advance(by: 3)
            try closeAction()
            return .terminator(Terminator(word: "end", position: wordStart))
        case "range", "with", "define", "template", "block", "break", "continue":
            throw error("{{\(word)}} is not supported in alert templates", at: wordStart)
        default:
            let pipeline = try parsePipeline(allowDeclaration: true)
            try closeAction()
            return .node(.action(pipeline))
        }
    }

    private mutating func parseConditional(condition: TemplatePipeline, start: TemplatePosition)
        throws(TemplateError) -> TemplateNode
    {
        let (then, terminator) = try parseList()
        guard let terminator else { throw error("unexpected EOF: {{if}} without {{end}}", at: start) }
        switch terminator.word {
        case "end":
            return .conditional(condition: condition, then: then, otherwise: [])
        case "else":
            let (otherwise, end) = try parseList()
            guard let end, end.word == "end" else {
                throw error("expected {{end}} after {{else}}", at: end?.position ?? start)
            }
            return .conditional(condition: condition, then: then, otherwise: otherwise)
        default:
            try enter(at: terminator.position)
            defer { depth -= 1 }
            let nested = try parseConditional(condition: terminator.elseIf!, start: terminator.position)
            return .conditional(condition: condition, then: then, otherwise: [nested])
        }
    }

    private mutating func enter(at position: TemplatePosition) throws(TemplateError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            depth -= 1
            throw error("nested more than \(Self.maximumDepth) levels deep", at: position)
        }
    }

    private mutating func closeAction() throws(TemplateError) {
        scanner.skipSpaces()
        if scanner.hasPrefix("-}}") {
            scanner.advance(by: 3)
            trimNextText = true
        } else if scanner.hasPrefix("}}") {
            scanner.advance(by: 2)
        } else if scanner.isAtEnd {
            throw error("unclosed action: expected }}", at: scanner.position)
        } else {
            throw error("unexpected \"\(scanner.current!)\" in action: expected }}", at: scanner.position)
        }
    }

    private func peekWord() -> String {
        var word = ""
        var offset = 0
        while let character = scanner.peek(offset), character.isLetter || character.isNumber || character == "_" {
            word.append(character)
            offset += 1
        }
        return word
    }

    private var atActionEnd: Bool {
        scanner.isAtEnd || scanner.hasPrefix("}}") || scanner.hasPrefix("-}}") || scanner.current == ")"
            || scanner.current == "|"
    }

    private mutating func parsePipeline(allowDeclaration: Bool) throws(TemplateError) -> TemplatePipeline {
        scanner.skipSpaces()
        let start = scanner.position
        var declaration: String?
        if allowDeclaration, scanner.current == "$", let name = declaredVariable() {
            declaration = name
            variables.insert(name)
        }
        var commands: [TemplateCommand] = []
        while true {
            scanner.skipSpaces()
            let commandStart = scanner.position
            var operands: [TemplateOperand] = []
            while true {
                scanner.skipSpaces()
                if atActionEnd { break }
                operands.append(try parseOperand())
            }
            guard !operands.isEmpty else {
                throw error(
                    commands.isEmpty ? "missing value for command" : "missing command after |", at: commandStart)
            }
            commands.append(TemplateCommand(operands: operands, position: commandStart))
            guard scanner.current == "|" else { break }
            scanner.advance()
        }
        return TemplatePipeline(declaration: declaration, commands: commands, position: start)
    }

    /// `$name :=` at the scanner: consumes it and returns the name; otherwise leaves the scanner alone.
    private mutating func declaredVariable() -> String? {
        var offset = 1
        var name = "$"
        while let character = scanner.peek(offset), character.isLetter || character.isNumber || character == "_" {
            name.append(character)
            offset += 1
        }
        while scanner.peek(offset) == " " { offset += 1 }
        guard scanner.peek(offset) == ":", scanner.peek(offset + 1) == "=" else { return nil }
        scanner.advance(by: offset + 2)
        return name
    }

    private mutating func parseOperand() throws(TemplateError) -> TemplateOperand {
        let start = scanner.position
        guard let character = scanner.current else { throw error("unexpected end of template", at: start) }
        switch character {
        case "(":
            try enter(at: start)
            defer { depth -= 1 }
            scanner.advance()
            let inner = try parsePipeline(allowDeclaration: false)
            scanner.skipSpaces()
            guard scanner.current == ")" else { throw error("expected )", at: scanner.position) }
            scanner.advance()
            return .pipeline(inner)
        case "\"":
            return .string(try parseQuoted())
        case "`":
            scanner.advance()
            var text = ""
            while let next = scanner.current, next != "`" { text.append(scanner.advance()!) }
            guard scanner.current == "`" else { throw error("unterminated raw string", at: start) }
            scanner.advance()
            return .string(text)
        case ".":
            return .field(variable: nil, path: try parseFieldPath())
        case "$":
            var name = "$"
            scanner.advance()
            while let next = scanner.current, next.isLetter || next.isNumber || next == "_" {
                name.append(scanner.advance()!)
            }
            guard variables.contains(name) else { throw error("undefined variable \"\(name)\"", at: start) }
            let path = scanner.current == "." ? try parseFieldPath() : []
            return .field(variable: name, path: path)
        case "-", "+", "0"..."9":
            return .number(try parseNumber())
        default:
            let word = peekWord()
            guard !word.isEmpty else { throw error("unexpected \"\(character)\" in operand", at: start) }
            scanner.advance(by: word.count)
            switch word {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "nil": throw error("nil is not a command", at: start)
            default:
                guard TemplateFunctions.names.contains(word) else {
                    throw error("function \"\(word)\" not defined", at: start)
                }
                return .function(word)
            }
        }
    }

    private mutating func parseFieldPath() throws(TemplateError) -> [String] {
        var path: [String] = []
        while scanner.current == "." {
            let start = scanner.position
            scanner.advance()
            var name = ""
            while let next = scanner.current, next.isLetter || next.isNumber || next == "_" {
                name.append(scanner.advance()!)
            }
            if name.isEmpty {
                guard path.isEmpty, scanner.current != "." else { throw error("expected a field name", at: start) }
                return []
            }
            path.append(name)
        }
        return path
    }

    private mutating func parseQuoted() throws(TemplateError) -> String {
        let start = scanner.position
        scanner.advance()
        var text = ""
        while let character = scanner.current, character != "\"" {
            if character == "\n" { break }
            scanner.advance()
            if character == "\\" {
                guard let escaped = scanner.advance() else { break }
                switch escaped {
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "\\", "\"": text.append(escaped)
                default: throw error("unknown escape \\\(escaped) in string", at: start)
                }
            } else {
                text.append(character)
            }
        }
        guard scanner.current == "\"" else { throw error("unterminated quoted string", at: start) }
        scanner.advance()
        return text
    }

    private mutating func parseNumber() throws(TemplateError) -> Double {
        let start = scanner.position
        var text = ""
        while let character = scanner.current,
            character.isNumber || character == "." || character == "e" || character == "E"
                || ((character == "-" || character == "+") && (text.isEmpty || text.last == "e" || text.last == "E"))
        {
            text.append(scanner.advance()!)
        }
        guard let value = Double(text) else { throw error("bad number syntax: \"\(text)\"", at: start) }
        return value
    }

    private func error(_ message: String, at position: TemplatePosition) -> TemplateError {
        TemplateError(message, line: position.line, column: position.column)
    }
}
