import PromQL

/// Parses the Prometheus text exposition format 0.0.4, the body of a `/metrics` endpoint.
///
/// ```swift
/// let result = ExpositionParser.parse(body)
/// result.samples     // [Sample]: http_requests_total{code="200"} 1027, …
/// result.problems    // [ExpositionProblem]: line 7: expected a value after the labels
/// ```
///
/// A malformed line is reported and skipped; the other lines are kept. Histogram and summary
/// samples keep their names (`…_bucket{le="0.5"}`, `…_sum`, `…_count`, `…{quantile="0.9"}`).
/// Empty label values are dropped, since Prometheus treats them as absent labels. The parser works
/// on UTF-8 bytes and reuses the strings of names and labels repeated from the line before.
public struct ExpositionParser {
    private var result = ExpositionResult()
    /// Families typed histogram or summary, whose buckets and quantiles are checked.
    private var typedFamilies: [String: MetricType] = [:]
    private var seenSeries: [SeriesKey: Int] = [:]
    private var previousName: (range: Range<Int>, string: String)?
    private var previousLabels: [ParsedLabel] = []
    private var labels: [ParsedLabel] = []

    private struct ParsedLabel {
        var name: Range<Int>
        var value: Range<Int>
        var nameString: String
        var valueString: String
    }

    /// Parses a body given as a string.
    public static func parse(_ text: String) -> ExpositionResult {
        var text = text
        return text.withUTF8 { parse(utf8: $0) }
    }

    /// Parses a body given as bytes, as read from the network.
    public static func parse(bytes: [UInt8]) -> ExpositionResult {
        bytes.withUnsafeBufferPointer { parse(utf8: $0) }
    }

    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> ExpositionResult {
        var parser = ExpositionParser()
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            lineNumber += 1
            let contentEnd = end > start && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 : end
            var scanner = ExpositionScanner(bytes, line: start..<contentEnd)
            do {
                try parser.parseLine(&scanner, number: lineNumber)
            } catch {
                parser.result.problems.append(ExpositionProblem(line: lineNumber, error))
            }
            start = end + 1
        }
        return parser.result
    }

    private mutating func parseLine(
        _ scanner: inout ExpositionScanner, number: Int
    ) throws(ExpositionProblem.Kind) {
        scanner.skipBlanks()
        if scanner.atEnd { return }
        if scanner.take(UInt8(ascii: "#")) {
            try parseComment(&scanner, line: number)
        } else {
            try parseSample(&scanner, line: number)
        }
    }

    // MARK: Samples

    private mutating func parseSample(_ scanner: inout ExpositionScanner, line: Int) throws(ExpositionProblem.Kind) {
        let nameRange = scanner.readMetricName()
        guard !nameRange.isEmpty else { throw .expected("a metric name at the start of the line") }
        let name = try nameString(nameRange, scanner)
        let hasBlank = scanner.next == UInt8(ascii: " ") || scanner.next == UInt8(ascii: "\t")
        scanner.skipBlanks()
        labels.removeAll(keepingCapacity: true)
        let hasLabels = scanner.take(UInt8(ascii: "{"))
        if hasLabels {
            try parseLabels(&scanner)
        } else if !hasBlank, !scanner.atEnd {
            throw .expected("'{' or a blank after the metric name \(name)")
        }
        scanner.skipBlanks()
        let valueRange = scanner.readToken()
        guard !valueRange.isEmpty else {
            throw .expected(hasLabels ? "a value after the labels" : "a value after the metric name")
        }
        guard let value = ExpositionNumbers.double(scanner.slice(valueRange)) else {
            throw .invalidValue(scanner.text(valueRange))
        }
        scanner.skipBlanks()
        var timestamp: Int64?
        if !scanner.atEnd {
            let timestampRange = scanner.readToken()
            guard let parsed = ExpositionNumbers.int64(scanner.slice(timestampRange)) else {
                throw .invalidTimestamp(scanner.text(timestampRange))
            }
            timestamp = parsed
            scanner.skipBlanks()
            guard scanner.atEnd else { throw .expected("the end of the line after the timestamp") }
        }
        let sample = Sample(name, try makeLabels(), value, timestampMilliseconds: timestamp)
        try check(sample, line: line)
        result.samples.append(sample)
        swap(&previousLabels, &labels)
    }

    private mutating func nameString(
        _ range: Range<Int>, _ scanner: ExpositionScanner
    ) throws(ExpositionProblem.Kind) -> String {
        if let previousName, scanner.same(previousName.range, range) { return previousName.string }
        // Names are ASCII by construction.
        let string = scanner.text(range)
        previousName = (range, string)
        return string
    }

    /// After `{`: `name="value"` pairs separated by commas (a trailing one allowed), up to `}`.
    private mutating func parseLabels(_ scanner: inout ExpositionScanner) throws(ExpositionProblem.Kind) {
        while true {
            scanner.skipBlanks()
            if scanner.take(UInt8(ascii: "}")) { return }
            let name = scanner.readLabelName()
            guard !name.isEmpty else {
                throw .expected(labels.isEmpty ? "a label name or '}'" : "a label name or '}' after ','")
            }
            scanner.skipBlanks()
            guard scanner.take(UInt8(ascii: "=")) else {
                throw .expected("'=' after the label name \(scanner.text(name))")
            }
            scanner.skipBlanks()
            guard scanner.take(UInt8(ascii: "\"")) else {
                throw .expected("a quoted value for the label \(scanner.text(name))")
            }
            guard let (raw, escaped) = scanner.readQuoted() else {
                throw .expected("'\"' to close the value of the label \(scanner.text(name))")
            }
            labels.append(try label(name: name, value: raw, escaped: escaped, scanner))
            scanner.skipBlanks()
            if scanner.take(UInt8(ascii: "}")) { return }
            guard scanner.take(UInt8(ascii: ",")) else { throw .expected("',' or '}' after a label value") }
        }
    }

    /// A label, reusing the strings of the label at the same position on the previous line when equal.
    private func label(
        name: Range<Int>, value: Range<Int>, escaped: Bool, _ scanner: ExpositionScanner
    ) throws(ExpositionProblem.Kind) -> ParsedLabel {
        let previous = labels.count < previousLabels.count ? previousLabels[labels.count] : nil
        let nameString: String
        if let previous, scanner.same(previous.name, name) {
            nameString = previous.nameString
        } else {
            nameString = scanner.text(name)
        }
        let valueString: String
        if let previous, scanner.same(previous.value, value) {
            valueString = previous.valueString
        } else {
            guard let decoded = escaped ? scanner.unescaped(value, quotes: true) : scanner.string(value) else {
                throw .invalidUTF8
            }
            valueString = decoded
        }
        return ParsedLabel(name: name, value: value, nameString: nameString, valueString: valueString)
    }

    /// The parsed labels as `Labels`: sorted (they usually are already), empty values dropped.
    private mutating func makeLabels() throws(ExpositionProblem.Kind) -> Labels {
        var pairs: [Labels.Pair] = []
        pairs.reserveCapacity(labels.count)
        for label in labels where !label.valueString.isEmpty {
            pairs.append(Labels.Pair(label.nameString, label.valueString))
        }
        var sorted = true
        for index in labels.indices.dropFirst() where labels[index - 1].nameString >= labels[index].nameString {
            sorted = false
            break
        }
        if !sorted {
            let names = labels.map(\.nameString).sorted()
            for (first, second) in zip(names, names.dropFirst()) where first == second {
                throw .duplicateLabel(first)
            }
            pairs.sort { $0.name < $1.name }
        }
        return Labels(sortedPairs: pairs)
    }

    /// Duplicate series, and histogram buckets and summary quantiles without their bound.
    private mutating func check(_ sample: Sample, line: Int) throws(ExpositionProblem.Kind) {
        let key = SeriesKey(name: sample.name, labels: sample.labels)
        if let firstLine = seenSeries[key] {
            throw .duplicateSeries(sample.name + sample.labels.description, firstLine: firstLine)
        }
        seenSeries[key] = line
        guard !typedFamilies.isEmpty else { return }
        let bound: String
        if sample.name.hasSuffix("_bucket"), typedFamilies[String(sample.name.dropLast(7))] == .histogram {
            bound = "le"
        } else if typedFamilies[sample.name] == .summary {
            bound = "quantile"
        } else {
            return
        }
        guard let value = sample.labels[bound] else { throw .missingLabel(bound, series: sample.name) }
        var text = value
        let valid = text.withUTF8 { ExpositionNumbers.double($0) } != nil
        guard valid else { throw .invalidBound(label: bound, value: value) }
    }

    // MARK: Comments

    /// After `#`: `HELP name text` or `TYPE name type`; any other comment is ignored.
    private mutating func parseComment(_ scanner: inout ExpositionScanner, line: Int) throws(ExpositionProblem.Kind) {
        scanner.skipBlanks()
        let keyword = scanner.text(scanner.readToken())
        guard keyword == "HELP" || keyword == "TYPE" else { return }
        scanner.skipBlanks()
        let nameRange = scanner.readMetricName()
        guard !nameRange.isEmpty else { throw .expected("a metric name after # \(keyword)") }
        let family = scanner.text(nameRange)
        guard scanner.atEnd || scanner.next == UInt8(ascii: " ") || scanner.next == UInt8(ascii: "\t") else {
            throw .expected("a blank after the metric name in # \(keyword)")
        }
        scanner.skipBlanks()
        if keyword == "HELP" {
            guard result.metadata[family]?.help == nil else {
                throw .duplicateMetadata(keyword: keyword, family: family)
            }
            guard let help = scanner.unescaped(scanner.readRest(), quotes: false) else { throw .invalidUTF8 }
            result.metadata[family, default: MetricMetadata()].help = help
        } else {
            let typeRange = scanner.readToken()
            guard !typeRange.isEmpty else { throw .expected("a type after the metric name in # TYPE") }
            guard let type = MetricType(rawValue: scanner.text(typeRange)) else {
                throw .unknownType(scanner.text(typeRange))
            }
            scanner.skipBlanks()
            guard scanner.atEnd else { throw .expected("the end of the line after the type") }
            guard result.metadata[family]?.type == nil else {
                throw .duplicateMetadata(keyword: keyword, family: family)
            }
            result.metadata[family, default: MetricMetadata()].type = type
            if type == .histogram || type == .summary { typedFamilies[family] = type }
        }
    }
}

extension ExpositionProblem.Kind: Error {}
