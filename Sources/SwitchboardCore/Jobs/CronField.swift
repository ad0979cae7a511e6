/// One of the five fields of a cron expression: its range and names.
enum CronField {
    case minute, hour, dayOfMonth, month, dayOfWeek

    var range: ClosedRange<Int> {
        switch self {
        case .minute: 0...59
        case .hour: 0...23
        case .dayOfMonth: 1...31
        case .month: 1...12
        case .dayOfWeek: 0...7
        }
    }

    var name: String {
        switch self {
        case .minute: "minute"
        case .hour: "hour"
        case .dayOfMonth: "day of month"
        case .month: "month"
        case .dayOfWeek: "day of week"
        }
    }

    private var names: [String] {
        switch self {
        case .month: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        case .dayOfWeek: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
        default: []
        }
    }

    /// The values a field allows: `*/15` in minutes is {0, 15, 30, 45}.
    func values(_ text: Substring, column: Int) throws(CronError) -> Set<Int> {
        var values = Set<Int>()
        var offset = 0
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            try values.formUnion(self.part(part, column: column + offset))
            offset += part.count + 1
        }
        return values
    }

    private func part(_ text: Substring, column: Int) throws(CronError) -> [Int] {
        guard !text.isEmpty else { throw CronError(column: column, problem: "empty item in the \(name) field") }
        let pieces = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        var step = 1
        if pieces.count == 2 {
            let stepColumn = column + pieces[0].count + 1
            guard let value = Int(pieces[1]), value > 0, value <= range.upperBound else {
                throw CronError(
                    column: stepColumn,
                    problem: "invalid step `\(pieces[1])` in the \(name) field: expected 1-\(range.upperBound)")
            }
            step = value
        }
        let base = pieces[0]
        let low: Int
        var high: Int
        if base == "*" {
            (low, high) = (range.lowerBound, range.upperBound)
        } else if let dash = base.firstIndex(of: "-") {
            low = try value(base[..<dash], column: column)
            high = try value(
                base[base.index(after: dash)...], column: column + base.distance(from: base.startIndex, to: dash) + 1)
            guard low <= high else {
                throw CronError(column: column, problem: "range `\(base)` in the \(name) field runs backwards")
            }
        } else {
            low = try value(base, column: column)
            high = pieces.count == 2 ? range.upperBound : low
        }
        if self == .dayOfWeek, base == "*" { high = 6 }
        return Array(stride(from: low, through: high, by: step))
    }

    private func value(_ text: Substring, column: Int) throws(CronError) -> Int {
        if let index = names.firstIndex(of: text.uppercased()) { return index + (self == .month ? 1 : 0) }
        guard let number = Int(text), range.contains(number) else {
            let named = names.isEmpty ? "" : " or a name (\(names.first!)…)"
            throw CronError(
                column: column,
                problem: "invalid \(name) `\(text)`: expected \(range.lowerBound)-\(range.upperBound)\(named)")
        }
        return number
    }
}

/// Splits a cron expression into fields, keeping each field's 1-based column.
enum CronFieldScanner {
    struct Field {
        var text: Substring
        var column: Int
    }

    static func fields(of text: String) -> [Field] {
        var fields: [Field] = []
        var column = 1
        var start: String.Index?
        var startColumn = 1
        for index in text.indices {
            if text[index] == " " || text[index] == "\t" {
                if let begun = start { fields.append(Field(text: text[begun..<index], column: startColumn)) }
                start = nil
            } else if start == nil {
                start = index
                startColumn = column
            }
            column += 1
        }
        if let begun = start { fields.append(Field(text: text[begun...], column: startColumn)) }
        return fields
    }
}
