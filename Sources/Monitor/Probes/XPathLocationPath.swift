/// An absolute XPath location path of the subset `XPathAssertion` documents, and the nodes it selects.
struct XPathLocationPath: Sendable, Equatable {
    var source: String
    var steps: [Step]

    struct Step: Sendable, Equatable {
        /// `//` before the step: any descendant, not only a child.
        var descendants: Bool
        var test: Test
        var predicates: [Predicate]
    }

    enum Test: Sendable, Equatable {
        case element(String)
        case attribute(String)
        case text
    }

    enum Predicate: Sendable, Equatable {
        case position(Int)
        case attribute(String, equals: String?)
        case child(String, equals: String?)
    }

    enum Node {
        case element(XMLElement)
        case attribute(String)
        case text(String)

        var stringValue: String {
            switch self {
            case .element(let element): element.stringValue
            case .attribute(let value), .text(let value): value
            }
        }
    }

    func select(in root: XMLElement) -> [Node] {
        var context = [XMLElement(name: "", attributes: [], children: [.element(root)])]
        var selected: [Node] = []
        for step in steps {
            let scope = step.descendants ? context.flatMap(Self.selfAndDescendants) : context
            selected = scope.flatMap { Self.apply(step, to: $0) }
            context = selected.compactMap { if case .element(let element) = $0 { element } else { nil } }
        }
        return selected
    }

    private static func apply(_ step: Step, to element: XMLElement) -> [Node] {
        var nodes: [Node]
        switch step.test {
        case .element(let name):
            nodes = element.elements.filter { matches($0.name, name) }.map { .element($0) }
        case .attribute(let name):
            nodes = element.attributes.filter { matches($0.name, name) }.map { .attribute($0.value) }
        case .text:
            nodes = element.children.compactMap { if case .text(let text) = $0 { .text(text) } else { nil } }
        }
        for predicate in step.predicates {
            nodes = filter(nodes, by: predicate)
        }
        return nodes
    }

    private static func filter(_ nodes: [Node], by predicate: Predicate) -> [Node] {
        switch predicate {
        case .position(let position):
            return nodes.indices.contains(position - 1) ? [nodes[position - 1]] : []
        case .attribute(let name, let value):
            return nodes.filter { node in
                guard case .element(let element) = node else { return false }
                return element.attributes.contains { matches($0.name, name) && (value == nil || $0.value == value) }
            }
        case .child(let name, let value):
            return nodes.filter { node in
                guard case .element(let element) = node else { return false }
                return element.elements.contains { matches($0.name, name) && (value == nil || $0.stringValue == value) }
            }
        }
    }

    /// `*` matches any name; `name` matches any prefix; `p:name` matches exactly.
    private static func matches(_ actual: String, _ test: String) -> Bool {
        if test == "*" { return true }
        if test.contains(":") { return actual == test }
        return actual.split(separator: ":", maxSplits: 1).last.map(String.init) == test
    }

    private static func selfAndDescendants(_ element: XMLElement) -> [XMLElement] {
        [element] + element.elements.flatMap(selfAndDescendants)
    }
}

/// Reads the xpath subset character by character.
struct XPathScanner {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) {
        characters = Array(text)
        skipSpaces()
    }

    var atEnd: Bool { index == characters.count }

    func error(_ message: String) -> XPathSyntaxError {
        XPathSyntaxError(message: "\(message) at character \(index + 1)", offset: index)
    }

    mutating func take(_ text: String) -> Bool {
        let needle = Array(text)
        guard characters.count - index >= needle.count, Array(characters[index..<index + needle.count]) == needle
        else { return false }
        index += needle.count
        skipSpaces()
        return true
    }

    private mutating func skipSpaces() {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
    }

    mutating func locationPath() throws(XPathSyntaxError) -> XPathLocationPath {
        let start = index
        var steps: [XPathLocationPath.Step] = []
        while true {
            let descendants: Bool
            if take("//") {
                descendants = true
            } else if take("/") {
                descendants = false
            } else {
                break
            }
            if let last = steps.last, last.test != .element(last.test.name) {
                throw error("nothing can follow @\(last.test.name) or text()")
            }
            steps.append(try step(descendants: descendants))
        }
        guard !steps.isEmpty else { throw error("expected a path starting with / or //") }
        let source = String(characters[start..<index]).trimmingTrailingSpaces
        return XPathLocationPath(source: source, steps: steps)
    }

    private mutating func step(descendants: Bool) throws(XPathSyntaxError) -> XPathLocationPath.Step {
        let test: XPathLocationPath.Test
        if take("text()") {
            test = .text
        } else if take("@") {
            test = .attribute(try name())
        } else {
            test = .element(try name())
        }
        var predicates: [XPathLocationPath.Predicate] = []
        while take("[") {
            predicates.append(try predicate())
            guard take("]") else { throw error("expected ]") }
        }
        return XPathLocationPath.Step(descendants: descendants, test: test, predicates: predicates)
    }

    private mutating func predicate() throws(XPathSyntaxError) -> XPathLocationPath.Predicate {
        if let digit = characters[safe: index], digit.isNumber {
            guard case .number(let number) = try literal(), number >= 1, number.rounded() == number else {
                throw error("a position is a whole number from 1")
            }
            return .position(Int(number))
        }
        let isAttribute = take("@")
        let name = try name()
        var value: String?
        if take("=") {
            guard case .string(let text) = try literal() else { throw error("compare with a quoted string") }
            value = text
        }
        return isAttribute ? .attribute(name, equals: value) : .child(name, equals: value)
    }

    private mutating func name() throws(XPathSyntaxError) -> String {
        if take("*") { return "*" }
        let start = index
        while let character = characters[safe: index],
            character.isLetter || character.isNumber || "_-.:".contains(character)
        {
            index += 1
        }
        guard index > start, let first = characters[safe: start], first.isLetter || first == "_" else {
            throw error("expected a name")
        }
        let name = String(characters[start..<index])
        skipSpaces()
        return name
    }

    mutating func comparisonOperator() -> String? {
        for op in ["!=", "<=", ">=", "=", "<", ">"] where take(op) { return op }
        return nil
    }

    mutating func literal() throws(XPathSyntaxError) -> XPathAssertion.Literal {
        if let quote = characters[safe: index], quote == "\"" || quote == "'" {
            guard let end = characters[(index + 1)...].firstIndex(of: quote) else { throw error("unterminated string") }
            let text = String(characters[(index + 1)..<end])
            index = end + 1
            skipSpaces()
            return .string(text)
        }
        let start = index
        while let character = characters[safe: index], character.isNumber || "-+.eE".contains(character) {
            index += 1
        }
        guard let number = Double(String(characters[start..<index])) else {
            throw error("expected a quoted string or a number")
        }
        skipSpaces()
        return .number(number)
    }
}

extension XPathLocationPath.Test {
    var name: String {
        switch self {
        case .element(let name), .attribute(let name): name
        case .text: "text()"
        }
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
