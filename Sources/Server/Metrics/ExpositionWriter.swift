import Foundation

/// Writes metric families in the Prometheus text exposition format 0.0.4: `# HELP` and `# TYPE`
/// once per name, label values and help escaped, no timestamps. The one place `/metrics` text is made.
///
/// Families of the same name are merged into the first (its help and type win), and a series
/// (name, suffix and labels) already written is not written again, so the page always parses.
enum ExpositionWriter {
    /// The `Content-Type` of the format.
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    static func text(_ families: [MetricFamily]) -> String {
        var order: [String] = []
        var merged: [String: MetricFamily] = [:]
        for family in families {
            if merged[family.name] == nil {
                order.append(family.name)
                merged[family.name] = family
            } else {
                merged[family.name]!.samples += family.samples
            }
        }
        var text = ""
        for name in order {
            let family = merged[name]!
            guard !family.samples.isEmpty else { continue }
            text += "# HELP \(name) \(escapeHelp(family.help))\n# TYPE \(name) \(family.kind.rawValue)\n"
            var written = Set<String>()
            for sample in family.samples {
                var line = name + sample.suffix
                if !sample.labels.isEmpty {
                    line += "{"
                    line += sample.labels.map { "\($0.name)=\"\(escapeLabelValue($0.value))\"" }.joined(separator: ",")
                    line += "}"
                }
                guard written.insert(line).inserted else { continue }
                text += line + " " + format(sample.value) + "\n"
            }
        }
        return text
    }

    /// A label value between double quotes: backslash, double quote and line feed escaped.
    static func escapeLabelValue(_ value: String) -> String {
        guard value.contains(where: { $0 == "\\" || $0 == "\"" || $0 == "\n" }) else { return value }
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Help text: backslash and line feed escaped.
    static func escapeHelp(_ help: String) -> String {
        help.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// A value as Go's `strconv.ParseFloat` reads it: whole numbers without a fraction, `+Inf`,
    /// `-Inf`, `NaN`, and the shortest decimal that reads back as the same double otherwise.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
