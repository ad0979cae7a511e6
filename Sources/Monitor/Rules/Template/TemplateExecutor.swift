/// Runs parsed template nodes against one alert's data.
struct TemplateExecutor {
    let data: TemplateData
    private var variables: [String: TemplateValue]

    init(data: TemplateData) {
        self.data = data
        variables = [
            "$labels": .map(data.labels), "$externalLabels": .map(data.externalLabels),
            "$externalURL": .string(data.externalURL), "$value": .number(data.value),
        ]
    }

    mutating func run(_ nodes: [TemplateNode]) throws(TemplateError) -> String {
        var output = ""
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .action(let pipeline):
                let value = try evaluate(pipeline)
                if pipeline.declaration == nil { output += value.printed }
            case .conditional(let condition, let then, let otherwise):
                output += try run(try evaluate(condition).isTrue ? then : otherwise)
            }
        }
        return output
    }

    private mutating func evaluate(_ pipeline: TemplatePipeline) throws(TemplateError) -> TemplateValue {
        var previous: TemplateValue?
        for command in pipeline.commands {
            previous = try evaluate(command, piped: previous)
        }
        let result = previous ?? .noValue
        if let name = pipeline.declaration { variables[name] = result }
        return result
    }

    private mutating func evaluate(_ command: TemplateCommand, piped: TemplateValue?) throws(TemplateError)
        -> TemplateValue
    {
        guard case .function(let name) = command.operands[0] else {
            guard command.operands.count == 1, piped == nil else {
                throw failure("can't give argument to non-function", at: command.position)
            }
            return try value(of: command.operands[0], at: command.position)
        }
        var arguments: [TemplateValue] = []
        for operand in command.operands.dropFirst() {
            arguments.append(try value(of: operand, at: command.position))
        }
        if let piped { arguments.append(piped) }
        do {
            return try TemplateFunctions.call(name, arguments)
        } catch {
            throw failure("error calling \(name): \(error.message)", at: command.position)
        }
    }

    private mutating func value(of operand: TemplateOperand, at position: TemplatePosition) throws(TemplateError)
        -> TemplateValue
    {
        switch operand {
        case .string(let text): return .string(text)
        case .number(let number): return .number(number)
        case .bool(let flag): return .bool(flag)
        case .pipeline(let pipeline): return try evaluate(pipeline)
        case .function(let name):
            return try evaluate(
                TemplateCommand(operands: [.function(name)], position: position), piped: nil)
        case .field(let variable, let path):
            guard let variable, variable != "$" else { return try field(path, at: position) }
            var current = variables[variable] ?? .noValue
            for name in path { current = try lookup(name, in: current, at: position) }
            return current
        }
    }

    /// `.Labels.x`, `.Value`, `.ExternalLabels.x`, `.ExternalURL` from the root of the data.
    private func field(_ path: [String], at position: TemplatePosition) throws(TemplateError) -> TemplateValue {
        guard let first = path.first else { return .map(data.labels) }
        var current: TemplateValue
        switch first {
        case "Labels": current = .map(data.labels)
        case "ExternalLabels": current = .map(data.externalLabels)
        case "ExternalURL": current = .string(data.externalURL)
        case "Value": current = .number(data.value)
        default: throw failure("can't evaluate field \(first)", at: position)
        }
        for name in path.dropFirst() { current = try lookup(name, in: current, at: position) }
        return current
    }

    private func lookup(_ name: String, in value: TemplateValue, at position: TemplatePosition) throws(TemplateError)
        -> TemplateValue
    {
        guard case .map(let map) = value else {
            throw failure("can't evaluate field \(name) in type \(value.typeName)", at: position)
        }
        return map[name].map(TemplateValue.string) ?? .noValue
    }

    private func failure(_ message: String, at position: TemplatePosition) -> TemplateError {
        TemplateError(message, line: position.line, column: position.column)
    }
}
