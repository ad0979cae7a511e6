import Foundation

/// The functions alert templates may call, as Prometheus and Go's text/template define them.
enum TemplateFunctions {
    static let names: Set<String> = [
        "humanize", "humanize1024", "humanizeDuration", "humanizePercentage", "humanizeTimestamp", "printf",
        "eq", "ne", "lt", "le", "gt", "ge", "and", "or", "not", "toUpper", "toLower", "title", "len", "print",
        "reReplaceAll", "match", "stripPort",
    ]

    static func call(_ name: String, _ arguments: [TemplateValue]) throws(TemplateFunctionError) -> TemplateValue {
        switch name {
        case "humanize": return .string(Humanize.metric(try number(arguments, name)))
        case "humanize1024": return .string(Humanize.binary(try number(arguments, name)))
        case "humanizeDuration": return .string(Humanize.duration(try number(arguments, name)))
        case "humanizePercentage": return .string(Humanize.percentage(try number(arguments, name)))
        case "humanizeTimestamp": return .string(Humanize.timestamp(try number(arguments, name)))
        case "printf":
            guard case .string(let format)? = arguments.first else { throw .init("printf needs a format string") }
            return .string(GoFormat.printf(format, Array(arguments.dropFirst())))
        case "print": return .string(arguments.map(\.printed).joined(separator: " "))
        case "eq", "ne": return .bool(try equality(name, arguments))
        case "lt", "le", "gt", "ge": return .bool(try order(name, arguments))
        case "and": return arguments.first { !$0.isTrue } ?? arguments.last ?? .bool(true)
        case "or": return arguments.first { $0.isTrue } ?? arguments.last ?? .bool(false)
        case "not":
            guard arguments.count == 1 else { throw .init("not takes one argument, got \(arguments.count)") }
            return .bool(!arguments[0].isTrue)
        case "toUpper": return .string(try string(arguments, name).uppercased())
        case "toLower": return .string(try string(arguments, name).lowercased())
        case "title": return .string(title(try string(arguments, name)))
        case "len": return .number(Double(try string(arguments, name).count))
        case "stripPort": return .string(stripPort(try string(arguments, name)))
        case "reReplaceAll", "match": return try regex(name, arguments)
        default: throw .init("function \"\(name)\" not defined")
        }
    }

    private static func number(_ arguments: [TemplateValue], _ name: String) throws(TemplateFunctionError) -> Double {
        guard arguments.count == 1 else { throw .init("\(name) takes one argument, got \(arguments.count)") }
        switch arguments[0] {
        case .number(let value): return value
        case .string(let text):
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else {
                throw .init("\(name): cannot read \"\(text)\" as a number")
            }
            return value
        case let other: throw .init("\(name): expected a number, got \(other.typeName)")
        }
    }

    private static func string(_ arguments: [TemplateValue], _ name: String) throws(TemplateFunctionError) -> String {
        guard arguments.count == 1 else { throw .init("\(name) takes one argument, got \(arguments.count)") }
        return arguments[0].printed
    }

    private static func equality(_ name: String, _ arguments: [TemplateValue]) throws(TemplateFunctionError) -> Bool {
        guard arguments.count >= 2 else { throw .init("\(name) needs two arguments, got \(arguments.count)") }
        let first = arguments[0]
        let equal = arguments.dropFirst().contains { same(first, $0) }
        return name == "eq" ? equal : !equal
    }

    private static func same(_ lhs: TemplateValue, _ rhs: TemplateValue) -> Bool {
        switch (lhs, rhs) {
        case (.noValue, .string(let text)), (.string(let text), .noValue): text.isEmpty
        default: lhs == rhs
        }
    }

    private static func order(_ name: String, _ arguments: [TemplateValue]) throws(TemplateFunctionError) -> Bool {
        guard arguments.count == 2 else { throw .init("\(name) takes two arguments, got \(arguments.count)") }
        let comparison: Int
        switch (arguments[0], arguments[1]) {
        case (.number(let a), .number(let b)): comparison = a < b ? -1 : (a > b ? 1 : 0)
        case (.string(let a), .string(let b)): comparison = a < b ? -1 : (a > b ? 1 : 0)
        case (let a, let b): throw .init("incompatible types for comparison: \(a.typeName) and \(b.typeName)")
        }
        switch name {
        case "lt": return comparison < 0
        case "le": return comparison <= 0
        case "gt": return comparison > 0
        default: return comparison >= 0
        }
    }

    /// Go's `strings.Title`: the first letter of every word in upper case.
    static func title(_ text: String) -> String {
        var result = ""
        var previous: Character = " "
        for character in text {
            let startsWord = !(previous.isLetter || previous.isNumber || previous == "_" || previous == "'")
            result += startsWord ? character.uppercased() : String(character)
            previous = character
        }
        return result
    }

    private static func stripPort(_ host: String) -> String {
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            return String(host[host.index(after: host.startIndex)..<close])
        }
        guard let colon = host.lastIndex(of: ":"), host.firstIndex(of: ":") == colon else { return host }
        return String(host[..<colon])
    }

    private static func regex(_ name: String, _ arguments: [TemplateValue]) throws(TemplateFunctionError)
        -> TemplateValue
    {
        let expected = name == "match" ? 2 : 3
        guard arguments.count == expected else { throw .init("\(name) takes \(expected) arguments") }
        let pattern = arguments[0].printed
        guard let regex = try? NSRegularExpression(pattern: pattern) else {
            throw .init("\(name): invalid regular expression \"\(pattern)\"")
        }
        let subject = arguments[expected - 1].printed
        let range = NSRange(subject.startIndex..., in: subject)
        if name == "match" { return .bool(regex.firstMatch(in: subject, range: range) != nil) }
        let template = arguments[1].printed.replacingOccurrences(of: "${", with: "$").replacingOccurrences(
            of: "}", with: "")
        return .string(regex.stringByReplacingMatches(in: subject, range: range, withTemplate: template))
    }
}

/// Why a template function refused its arguments.
struct TemplateFunctionError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
