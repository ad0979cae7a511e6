import Foundation

/// One `expect.xpath` assertion on an XML or SOAP body, in a subset of XPath 1.0:
///
/// - a location path, which must select at least one node: `//Status`, `/soap:Envelope/soap:Body/*`,
///   `//Order[@id='7']`, `//Order[2]/@id`, `//Result[Code='0']/Text/text()`;
/// - a path compared with a string or a number: `//Status = "OK"`, `//Depth < 100`; it passes when some
///   selected node's trimmed text satisfies the comparison, except `!=`, which passes when the path
///   selects nodes and none of them equals the value (`//Status != "ERROR"`);
/// - `count(path)` compared with a number: `count(//Order) > 0`.
///
/// Paths are absolute (`/` or `//` between steps). A step is `name`, `prefix:name`, `*`, `@name`, `@*` or
/// `text()`, with predicates `[n]`, `[@name]`, `[@name='v']`, `[child]`, `[child='v']`. A name without a
/// prefix matches any namespace (`//Result` finds `ns2:Result`); a prefixed name matches the prefix the
/// document uses. Operators: `=`, `!=`, `<`, `<=`, `>`, `>=`.
public struct XPathAssertion: Sendable, Equatable {
    public let source: String
    let subject: Subject
    let comparison: Comparison?

    enum Subject: Sendable, Equatable {
        case nodes(XPathLocationPath)
        case count(XPathLocationPath)
    }

    struct Comparison: Sendable, Equatable {
        var op: String
        var value: Literal
    }

    enum Literal: Sendable, Equatable, CustomStringConvertible {
        case string(String)
        case number(Double)

        var description: String {
            switch self {
            case .string(let text): "\"\(text)\""
            case .number(let number): XPathAssertion.format(number)
            }
        }
    }

    /// Nil when `text` is a valid assertion of the supported subset, else why not. For the config loader.
    public static func validate(_ text: String) -> String? {
        do {
            _ = try XPathAssertion(text)
            return nil
        } catch {
            return error.message
        }
    }

    public init(_ text: String) throws(XPathSyntaxError) {
        var scanner = XPathScanner(text)
        source = text
        if scanner.take("count(") {
            subject = .count(try scanner.locationPath())
            guard scanner.take(")") else { throw scanner.error("expected ) after the path of count(") }
        } else {
            subject = .nodes(try scanner.locationPath())
        }
        if scanner.atEnd {
            guard case .nodes = subject else { throw scanner.error("count(…) needs a comparison, e.g. > 0") }
            comparison = nil
            return
        }
        guard let op = scanner.comparisonOperator() else { throw scanner.error("expected =, !=, <, <=, > or >=") }
        let value = try scanner.literal()
        guard scanner.atEnd else { throw scanner.error("unexpected text after the value") }
        if case .string = value, op != "=" && op != "!=" || subject.isCount {
            throw XPathSyntaxError(message: "\(op) compares with a number, not \(value)", offset: 0)
        }
        comparison = Comparison(op: op, value: value)
    }

    /// Why the document fails this assertion, or nil when it passes.
    func failure(in root: XMLElement) -> String? {
        switch subject {
        case .count(let path):
            let count = Double(path.select(in: root).count)
            guard let comparison, !Self.compare(count, comparison.op, comparison.value) else { return nil }
            return "count(\(path.source)) is \(Self.format(count)), expected \(comparison.op) \(comparison.value)"
        case .nodes(let path):
            let values = path.select(in: root).map { $0.stringValue.trimmingCharacters(in: .whitespacesAndNewlines) }
            guard !values.isEmpty else {
                return "\(path.source) selects no node" + (comparison.map { " (expected \($0.op) \($0.value))" } ?? "")
            }
            guard let comparison else { return nil }
            let passes =
                comparison.op == "!="
                ? !values.contains { Self.compare($0, "=", comparison.value) }
                : values.contains { Self.compare($0, comparison.op, comparison.value) }
            if passes { return nil }
            let shown = values.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ") + (values.count > 3 ? ", …" : "")
            return "\(path.source) is \(shown), expected \(comparison.op) \(comparison.value)"
        }
    }

    private static func compare(_ text: String, _ op: String, _ value: Literal) -> Bool {
        switch value {
        case .string(let expected): op == "=" ? text == expected : text != expected
        case .number: Double(text).map { compare($0, op, value) } ?? false
        }
    }

    private static func compare(_ number: Double, _ op: String, _ value: Literal) -> Bool {
        guard case .number(let expected) = value else { return false }
        switch op {
        case "=": return number == expected
        case "!=": return number != expected
        case "<": return number < expected
        case "<=": return number <= expected
        case ">": return number > expected
        default: return number >= expected
        }
    }

    static func format(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}

extension XPathAssertion.Subject {
    var isCount: Bool {
        if case .count = self { true } else { false }
    }
}

/// Why an xpath assertion is not in the supported subset, and where.
public struct XPathSyntaxError: Error, Equatable, Sendable {
    public var message: String
    /// The character offset in the assertion where reading stopped.
    public var offset: Int
}

extension XPathAssertion {
    /// The reason the first failing assertion gives on `body`, or nil when all pass (or there are none).
    public static func firstFailure(of sources: [String], in body: String) -> String? {
        guard !sources.isEmpty else { return nil }
        let root: XMLElement
        do {
            root = try XMLReader.parse(body)
        } catch {
            return "body is not XML (\(error)), cannot check \(sources[0])"
        }
        for source in sources {
            do {
                if let failure = try XPathAssertion(source).failure(in: root) { return failure }
            } catch {
                return "invalid xpath \(source): \(error.message)"
            }
        }
        return nil
    }
}
