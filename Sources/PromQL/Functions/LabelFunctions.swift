/// label_replace and label_join.
enum LabelFunctions {
    static func replace(
        _ input: [VectorSample], destination: String, replacement: String, source: String, pattern: String,
        position: SourcePosition
    ) throws(PromQLError) -> [VectorSample] {
        let regex: Regex<AnyRegexOutput>
        do {
            regex = try RegexNesting.anchoredRegex(pattern)
        } catch {
            throw PromQLError(.evaluation, at: position, "invalid regular expression in label_replace(): \(pattern)")
        }
        guard Parser.isValidLabelName(destination) else {
            throw PromQLError(
                .evaluation, at: position, "invalid destination label name in label_replace(): \(destination)")
        }
        return input.map { sample in
            let value = sample.labels[source] ?? ""
            guard let match = try? regex.wholeMatch(in: value) else { return sample }
            var result = sample
            result.labels[destination] = expand(replacement, match.output)
            return result
        }
    }

    static func join(
        _ input: [VectorSample], destination: String, separator: String, sources: [String], position: SourcePosition
    ) throws(PromQLError) -> [VectorSample] {
        for source in sources where !Parser.isValidLabelName(source) {
            throw PromQLError(.evaluation, at: position, "invalid source label name in label_join(): \(source)")
        }
        guard Parser.isValidLabelName(destination) else {
            throw PromQLError(
                .evaluation, at: position, "invalid destination label name in label_join(): \(destination)")
        }
        return input.map { sample in
            var result = sample
            result.labels[destination] = sources.map { sample.labels[$0] ?? "" }.joined(separator: separator)
            return result
        }
    }

    /// Go's `Regexp.Expand`: `$1`, `${1}`, `$name`, `${name}`, and `$$` for a dollar sign.
    static func expand(_ template: String, _ output: AnyRegexOutput) -> String {
        var result = ""
        var rest = Substring(template)
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            rest = rest[rest.index(after: dollar)...]
            if rest.first == "$" {
                result += "$"
                rest = rest.dropFirst()
                continue
            }
            var body = rest
            let braced = body.first == "{"
            if braced { body = body.dropFirst() }
            let name = body.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if name.isEmpty || (braced && body.dropFirst(name.count).first != "}") {
                result += "$"
                continue
            }
            rest = body.dropFirst(name.count + (braced ? 1 : 0))
            if let number = Int(name), !(name.first == "0" && name.count > 1) {
                if number < output.count, let capture = output[number].substring { result += capture }
            } else if let capture = output[String(name)]?.substring {
                result += capture
            }
        }
        return result + rest
    }
}
