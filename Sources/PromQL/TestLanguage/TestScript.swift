/// A file in Prometheus' PromQL test language (`load`, `clear`, `eval instant at …`, `eval range from …`), parsed.
public struct TestScript: Sendable {
    public enum Command: Sendable {
        case load(line: Int, series: [SeriesData])
        case clear
        case evaluate(TestEvaluation)
        /// A line the parser could not read; running the script reports it as a failure.
        case invalid(line: Int, message: String)
    }

    public var commands: [Command]

    /// One `eval` with what it expects.
    public struct TestEvaluation: Sendable {
        public enum Mode: Sendable, Equatable {
            case instant(at: Int64)
            case range(start: Int64, end: Int64, step: Int64)
        }

        public struct ExpectedSeries: Sendable {
            public var labels: Labels
            /// One value per step; nil where `_` says there is none.
            public var values: [Double?]
        }

        public var line: Int
        public var query: String
        public var mode: Mode
        public var expectsFailure = false
        public var failureMessage: String?
        public var failureRegex: String?
        public var ordered = false
        public var expectedScalar: Double?
        public var expectedSeries: [ExpectedSeries] = []
    }

    struct LineError: Error {
        var message: String
    }

    public init(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { raw -> Substring in
            let line = raw.trimmingWhitespace()
            return line.hasPrefix("#") ? "" : line
        }
        commands = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let number = index + 1
            index += 1
            if line.isEmpty { continue }
            if line == "clear" {
                commands.append(.clear)
                continue
            }
            var block: [(Int, Substring)] = []
            while index < lines.count, !lines[index].isEmpty {
                block.append((index + 1, lines[index]))
                index += 1
            }
            do {
                commands.append(try Self.command(line, number: number, block: block))
            } catch {
                commands.append(.invalid(line: number, message: error.message))
            }
        }
    }

    private static func command(_ line: Substring, number: Int, block: [(Int, Substring)]) throws(LineError) -> Command
    {
        let word = line.prefix { !$0.isWhitespace }
        let rest = line.dropFirst(word.count).trimmingWhitespace()
        switch word {
        case "clear": return .clear
        case "load", "load_with_nhcb":
            let step = try TestValues.duration(rest)
            var series: [SeriesData] = []
            for (lineNumber, text) in block {
                do {
                    let (name, labels, valuesText) = try TestValues.seriesDescription(text)
                    let values = try TestValues.sequence(valuesText)
                    var samples: [SamplePoint] = []
                    for (offset, value) in values.enumerated() {
                        if let value { samples.append(SamplePoint(Int64(offset) * step, value)) }
                    }
                    series.append(SeriesData(name: name ?? "", labels: labels, samples: samples))
                } catch {
                    throw LineError(message: "line \(lineNumber): \(error.message)")
                }
            }
            return .load(line: number, series: series)
        case "eval", "eval_fail", "eval_ordered", "eval_warn", "eval_info":
            var evaluation = try evaluationHeader(rest, number: number)
            evaluation.expectsFailure = word == "eval_fail"
            evaluation.ordered = word == "eval_ordered"
            for (lineNumber, text) in block {
                do {
                    try expectation(text, into: &evaluation)
                } catch {
                    throw LineError(message: "line \(lineNumber): \(error.message)")
                }
            }
            return .evaluate(evaluation)
        default:
            throw LineError(message: "unknown command \"\(word)\", expected load, clear or eval")
        }
    }

    private static func evaluationHeader(_ text: Substring, number: Int) throws(LineError) -> TestEvaluation {
        var words = text.split(separator: " ", maxSplits: 7, omittingEmptySubsequences: true)
        func take() throws(LineError) -> Substring {
            guard !words.isEmpty else { throw LineError(message: "incomplete eval command") }
            return words.removeFirst()
        }
        switch try take() {
        case "instant":
            guard try take() == "at" else { throw LineError(message: "expected \"at\" after \"eval instant\"") }
            let time = try TestValues.duration(try take())
            return TestEvaluation(line: number, query: String(rest(of: text, after: 3)), mode: .instant(at: time))
        case "range":
            guard try take() == "from" else { throw LineError(message: "expected \"from\" after \"eval range\"") }
            let start = try TestValues.duration(try take())
            guard try take() == "to" else { throw LineError(message: "expected \"to\" in \"eval range\"") }
            let end = try TestValues.duration(try take())
            guard try take() == "step" else { throw LineError(message: "expected \"step\" in \"eval range\"") }
            let step = try TestValues.duration(try take())
            return TestEvaluation(
                line: number, query: String(rest(of: text, after: 7)), mode: .range(start: start, end: end, step: step))
        default:
            throw LineError(message: "expected \"instant\" or \"range\" after eval")
        }
    }

    /// The text after the first `count` space-separated words.
    private static func rest(of text: Substring, after count: Int) -> Substring {
        var remaining = text
        for _ in 0..<count {
            remaining = remaining.drop { $0 == " " }
            remaining = remaining.drop { $0 != " " }
        }
        return remaining.trimmingWhitespace()
    }

    private static func expectation(_ text: Substring, into evaluation: inout TestEvaluation) throws(LineError) {
        if text.hasPrefix("expect ") {
            let body = text.dropFirst("expect ".count).trimmingWhitespace()
            let kind = body.prefix { !$0.isWhitespace && $0 != ":" }
            switch kind {
            case "fail":
                evaluation.expectsFailure = true
                let detail = body.dropFirst(kind.count).trimmingWhitespace()
                if detail.hasPrefix("msg:") {
                    evaluation.failureMessage = String(detail.dropFirst(4).trimmingWhitespace())
                } else if detail.hasPrefix("regex:") {
                    evaluation.failureRegex = String(detail.dropFirst(6).trimmingWhitespace())
                }
            case "ordered": evaluation.ordered = true
            case "warn", "info", "no_warn", "no_info": break
            default: throw LineError(message: "unknown expectation \"\(kind)\"")
            }
            return
        }
        if let scalar = TestValues.number(text) {
            evaluation.expectedScalar = scalar
            return
        }
        let (name, labels, valuesText) = try TestValues.seriesDescription(text)
        var all = labels
        if let name { all[LabelMatcher.metricNameLabel] = name }
        evaluation.expectedSeries.append(.init(labels: all, values: try TestValues.sequence(valuesText)))
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return self[endIndex...] }
        return self[first...lastIndex(where: { !$0.isWhitespace })!]
    }
}
