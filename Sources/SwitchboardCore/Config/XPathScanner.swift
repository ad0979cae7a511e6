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
