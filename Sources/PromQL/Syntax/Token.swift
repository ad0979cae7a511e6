/// One lexical unit of a query, with where it starts.
struct Token: Equatable, CustomStringConvertible {
    enum Kind: Equatable {
        case identifier(String)
        case number(Double)
        /// A duration literal such as `5m` or `1h30m`, in milliseconds.
        case duration(Int64)
        case string(String)
        case leftParen, rightParen, leftBrace, rightBrace, leftBracket, rightBracket
        case comma, colon, at
        case assign, equal, notEqual, regexMatch, regexNoMatch
        case less, lessOrEqual, greater, greaterOrEqual
        case plus, minus, times, divide, modulo, power
        case end
    }

    var kind: Kind
    var position: SourcePosition

    var description: String {
        switch kind {
        case .identifier(let name): "identifier \"\(name)\""
        case .number(let value): "number \(value)"
        case .duration: "duration"
        case .string(let text): "string \"\(text)\""
        case .leftParen: "\"(\""
        case .rightParen: "\")\""
        case .leftBrace: "\"{\""
        case .rightBrace: "\"}\""
        case .leftBracket: "\"[\""
        case .rightBracket: "\"]\""
        case .comma: "\",\""
        case .colon: "\":\""
        case .at: "\"@\""
        case .assign: "\"=\""
        case .equal: "\"==\""
        case .notEqual: "\"!=\""
        case .regexMatch: "\"=~\""
        case .regexNoMatch: "\"!~\""
        case .less: "\"<\""
        case .lessOrEqual: "\"<=\""
        case .greater: "\">\""
        case .greaterOrEqual: "\">=\""
        case .plus: "\"+\""
        case .minus: "\"-\""
        case .times: "\"*\""
        case .divide: "\"/\""
        case .modulo: "\"%\""
        case .power: "\"^\""
        case .end: "end of input"
        }
    }
}
