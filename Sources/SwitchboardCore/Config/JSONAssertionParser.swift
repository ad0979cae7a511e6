/// Parses JSON body assertions: `$.status == "UP"`, `$.queues[0].depth < 1000`, `$.ready`.
public enum JSONAssertionParser {
    /// A parse failure with the 0-based character offset where it happened.
    public struct Failure: Error, Equatable {
        public var offset: Int
        public var expected: String
    }

    public static func parse(_ text: String) -> Result<JSONAssertion, Failure> {
        var scanner = Scanner(characters: Array(text))
        do {
            let path = try scanner.path()
            scanner.skipSpaces()
            if scanner.atEnd {
                return .success(JSONAssertion(path: path, comparison: nil, description: text))
            }
            let op = try scanner.comparisonOperator()
            scanner.skipSpaces()
            let literal = try scanner.literal()
            scanner.skipSpaces()
            guard scanner.atEnd else { throw Failure(offset: scanner.position, expected: "end of assertion") }
            return .success(JSONAssertion(path: path, comparison: (op, literal), description: text))
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(offset: 0, expected: "a JSON path assertion"))
        }
    }

    private struct Scanner {
        let characters: [Character]
        var position = 0

        var atEnd: Bool { position >= characters.count }
        var current: Character? { atEnd ? nil : characters[position] }

        mutating func skipSpaces() {
            while current == " " { position += 1 }
        }

        mutating func expect(_ character: Character, _ what: String) throws {
            guard current == character else { throw Failure(offset: position, expected: what) }
            position += 1
        }

        mutating func path() throws -> [JSONAssertion.Step] {
            skipSpaces()
            try expect("$", "a path starting with `$`")
            var steps: [JSONAssertion.Step] = []
            while let character = current, character == "." || character == "[" {
                position += 1
                if character == "." {
                    let name = take { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
                    guard !name.isEmpty else { throw Failure(offset: position, expected: "a key name after `.`") }
                    steps.append(.key(name))
                } else if current == "\"" || current == "'" {
                    steps.append(.key(try quoted()))
                    try expect("]", "`]`")
                } else {
                    let digits = take { $0.isASCII && $0.isNumber }
                    guard let index = Int(digits) else { throw Failure(offset: position, expected: "an array index") }
                    steps.append(.index(index))
                    try expect("]", "`]`")
                }
            }
            return steps
        }

        mutating func comparisonOperator() throws -> JSONAssertion.Operator {
            for op in JSONAssertion.Operator.allCases {
                let symbol = Array(op.rawValue)
                if position + symbol.count <= characters.count,
                    Array(characters[position..<position + symbol.count]) == symbol
                {
                    position += symbol.count
                    return op
                }
            }
            throw Failure(offset: position, expected: "one of ==, !=, <, <=, >, >=")
        }

        mutating func literal() throws -> JSONAssertion.Literal {
            if current == "\"" || current == "'" { return .string(try quoted()) }
            let word = take { !$0.isWhitespace }
            switch word {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            default:
                guard let number = Double(word) else {
                    throw Failure(offset: position - word.count, expected: "a string, number, true, false or null")
                }
                return .number(number)
            }
        }

        mutating func quoted() throws -> String {
            guard let quote = current else { throw Failure(offset: position, expected: "a quoted string") }
            position += 1
            var value = ""
            while let character = current, character != quote {
                if character == "\\", position + 1 < characters.count {
                    position += 1
                }
                value.append(characters[position])
                position += 1
            }
            try expect(quote, "a closing \(quote)")
            return value
        }

        mutating func take(while predicate: (Character) -> Bool) -> String {
            let start = position
            while let character = current, predicate(character) { position += 1 }
            return String(characters[start..<position])
        }
    }
}
