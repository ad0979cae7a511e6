import Foundation

/// Numbers and `printf` formatted as Go's fmt package formats them, so templates print what Prometheus prints.
enum GoFormat {
    /// `%v` of a float64: shortest digits, exponent form below 1e-4 or from 1e6 on (`1e+06`).
    static func value(_ number: Double) -> String {
        if let special = special(number) { return special }
        if number == 0 { return number.sign == .minus ? "-0" : "0" }
        let (digits, pointPosition) = shortestDigits(abs(number))
        let exponent = pointPosition - 1
        let sign = number < 0 ? "-" : ""
        if exponent < -4 || exponent >= 6 {
            let mantissa = digits.count > 1 ? "\(digits.first!).\(digits.dropFirst())" : digits
            return sign + mantissa + exponentSuffix(exponent)
        }
        if pointPosition <= 0 { return sign + "0." + String(repeating: "0", count: -pointPosition) + digits }
        if pointPosition >= digits.count {
            return sign + digits + String(repeating: "0", count: pointPosition - digits.count)
        }
        let index = digits.index(digits.startIndex, offsetBy: pointPosition)
        return sign + digits[..<index] + "." + digits[index...]
    }

    /// `%.<precision>g`, as Go prints it (`+Inf`, `NaN` rather than C's `inf`, `nan`).
    static func general(_ number: Double, precision: Int) -> String {
        special(number) ?? String(format: "%.\(precision)g", number)
    }

    private static func special(_ number: Double) -> String? {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Inf" : "+Inf" }
        return nil
    }

    /// `e+06`, `e-05`: at least two exponent digits.
    private static func exponentSuffix(_ exponent: Int) -> String {
        let magnitude = abs(exponent)
        let sign: String = exponent < 0 ? "-" : "+"
        let padding: String = magnitude < 10 ? "0" : ""
        return "e\(sign)\(padding)\(magnitude)"
    }

    /// The shortest decimal digits that read back as `number` (positive, finite), and where the
    /// decimal point goes: `1234.5` is ("12345", 4), `0.001` is ("1", -2).
    static func shortestDigits(_ number: Double) -> (String, Int) {
        let text = "\(number)"  // Swift prints the shortest round-tripping digits.
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count > 1 ? Int(parts[1])! : 0
        let mantissa = parts[0]
        let dot = mantissa.firstIndex(of: ".")
        let integerPart = dot.map { mantissa[..<$0] } ?? mantissa
        let fraction = dot.map { mantissa[mantissa.index(after: $0)...] } ?? ""
        var digits = String(integerPart) + fraction
        var point = integerPart.count + exponent
        while digits.hasPrefix("0"), digits.count > 1 {
            digits.removeFirst()
            point -= 1
        }
        while digits.hasSuffix("0"), digits.count > 1 { digits.removeLast() }
        return (digits, point)
    }

    /// Go's `fmt.Sprintf` for the verbs templates use: `%s %v %d %f %e %g %q %x %%` with flags, width and precision.
    static func printf(_ format: String, _ arguments: [TemplateValue]) -> String {
        var output = ""
        var remaining = arguments[...]
        var characters = Substring(format)
        while let percent = characters.firstIndex(of: "%") {
            output += characters[..<percent]
            characters = characters[characters.index(after: percent)...]
            let spec = Self.spec(at: characters)
            characters = characters.dropFirst(spec.count)
            // Go reads no further than a width or precision over 1e6 and reports a missing verb.
            if hasHugeNumber(spec) { characters = "" }
            guard let verb = characters.first else {
                output += "%!(NOVERB)"
                break
            }
            characters = characters.dropFirst()
            if verb == "%" {
                output += "%"
                continue
            }
            guard let argument = remaining.popFirst() else {
                output += "%!\(verb)(MISSING)"
                continue
            }
            output += formatOne(verb, spec: String(spec), argument)
        }
        output += characters
        if !remaining.isEmpty {
            output += "%!(EXTRA " + remaining.map { "\($0.typeName)=\($0.printed)" }.joined(separator: ", ") + ")"
        }
        return output
    }

    private static func formatOne(_ verb: Character, spec: String, _ argument: TemplateValue) -> String {
        switch (verb, argument) {
        case ("d", .number(let number)):
            return String(format: "%\(spec)lld", Int64(exactly: number.rounded(.towardZero)) ?? 0)
        case ("f", .number(let number)), ("F", .number(let number)), ("e", .number(let number)),
            ("g", .number(let number)), ("x", .number(let number)):
            if let special = special(number) { return special }
            if verb == "x" { return String(format: "%\(spec)llx", Int64(exactly: number.rounded(.towardZero)) ?? 0) }
            return String(format: "%\(spec)\(verb == "F" ? "f" : String(verb))", number)
        case ("v", .number(let number)):
            return pad(value(number), spec: spec)
        case ("q", _):
            return pad("\"" + argument.printed.replacingOccurrences(of: "\"", with: "\\\"") + "\"", spec: spec)
        case ("s", _), ("v", _):
            return pad(argument.printed, spec: spec)
        default:
            return "%!\(verb)(\(argument.typeName)=\(argument.printed))"
        }
    }

    /// Go's flags, width and precision before a verb: `[+-# 0]*` digits, then `.` and digits. What follows is
    /// the verb, even a second `.` (`%.2.f` prints `%!.(float64=…)f`, as Go does), so that nothing else
    /// reaches `String(format:)`.
    private static func spec(at text: Substring) -> Substring {
        var end = text.startIndex
        func take(while accepted: (Character) -> Bool) {
            while end < text.endIndex, accepted(text[end]) { end = text.index(after: end) }
        }
        take { "+-# 0".contains($0) }
        take { $0.isASCII && $0.isNumber }
        if end < text.endIndex, text[end] == "." {
            end = text.index(after: end)
            take { $0.isASCII && $0.isNumber }
        }
        return text[..<end]
    }

    /// Whether a width or precision is over Go's limit of 1e6 (so that no format pads by gigabytes).
    private static func hasHugeNumber(_ spec: Substring) -> Bool {
        spec.split(whereSeparator: { !$0.isNumber }).contains { $0.count > 7 || Int($0)! > 1_000_000 }
    }

    /// Width and `-` flag applied to text; precision truncates, as `%.3s` does.
    private static func pad(_ text: String, spec: String) -> String {
        let leftAlign = spec.contains("-")
        let parts = spec.filter { $0 != "-" && $0 != "+" && $0 != " " && $0 != "#" }.split(
            separator: ".", omittingEmptySubsequences: false)
        var text = text
        if parts.count > 1, let precision = Int(parts[1]) { text = String(text.prefix(precision)) }
        guard let width = parts.first.flatMap({ Int($0) }), text.count < width else { return text }
        let padding = String(repeating: " ", count: width - text.count)
        return leftAlign ? text + padding : padding + text
    }
}
