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
    package let subject: Subject
    package let comparison: Comparison?

    package enum Subject: Sendable, Equatable {
        case nodes(XPathLocationPath)
        case count(XPathLocationPath)
    }

    package struct Comparison: Sendable, Equatable {
        package var op: String
        package var value: Literal
    }

    package enum Literal: Sendable, Equatable, CustomStringConvertible {
        case string(String)
        case number(Double)

        package var description: String {
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

    package static func format(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}

extension XPathAssertion.Subject {
    package var isCount: Bool {
        if case .count = self { true } else { false }
    }
}

/// Why an xpath assertion is not in the supported subset, and where.
public struct XPathSyntaxError: Error, Equatable, Sendable {
    public var message: String
    /// The character offset in the assertion where reading stopped.
    public var offset: Int
}
