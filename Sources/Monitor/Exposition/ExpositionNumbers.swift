/// Numbers of the exposition format, read straight from UTF-8 bytes.
enum ExpositionNumbers {
    /// Powers of ten that a Double holds exactly.
    private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    /// A sample value: a decimal float with optional exponent, `NaN`, `+Inf`, `-Inf` (as Go's
    /// `strconv.ParseFloat`, which Prometheus uses, also `Inf`, `inf`, `infinity`, hex floats).
    ///
    /// Plain decimals with at most 15 significant digits and a small exponent take the exact
    /// fast path (one multiplication or division of exactly representable numbers, so correctly
    /// rounded); the rest go through the standard library's parser.
    static func double(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !bytes.isEmpty else { return nil }
        if let fast = fastDecimal(bytes) { return fast }
        let text = String(decoding: bytes, as: UTF8.self)
        let unsigned = text.hasPrefix("+") || text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        // Swift accepts NaN payloads such as "nan(0x1)"; Go does not.
        guard !unsigned.contains("(") else { return nil }
        if unsigned.lowercased() == "infinity" || unsigned.lowercased() == "inf" {
            return text.hasPrefix("-") ? -.infinity : .infinity
        }
        return Double(text)
    }

    private static func fastDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var sawDigit = false
        var sawPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                sawDigit = true
                if mantissa != 0 || byte != UInt8(ascii: "0") { digits += 1 }
                guard digits <= 15 else { return nil }
                mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
                if sawPoint { exponent -= 1 }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard sawDigit else { return nil }
        if index < bytes.count {
            guard bytes[index] | 0x20 == UInt8(ascii: "e"), let written = integer(bytes, from: index + 1) else {
                return nil
            }
            // Not abs(written): the magnitude of Int64.min does not fit in an Int64.
            guard written > -1000, written < 1000 else { return nil }
            exponent += Int(written)
        }
        let magnitude = Double(mantissa)
        let value: Double
        if mantissa == 0 {
            value = 0
        } else if exponent >= 0, exponent <= 22 {
            value = magnitude * exactPowersOfTen[exponent]
        } else if exponent < 0, exponent >= -22 {
            value = magnitude / exactPowersOfTen[-exponent]
        } else {
            return nil
        }
        return negative ? -value : value
    }

    /// A timestamp: an optional sign and decimal digits, within Int64.
    static func int64(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        integer(bytes, from: 0)
    }

    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int64? {
        var index = start
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        guard index < bytes.count else { return nil }
        var value: Int64 = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int64(byte - UInt8(ascii: "0"))
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) =
                negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            index += 1
        }
        return value
    }
}
