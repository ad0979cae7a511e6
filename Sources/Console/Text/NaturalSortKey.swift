import Foundation

/// A string's place in natural order, worked out once so that a sort compares arrays of integers
/// instead of collating two strings in every comparison (`localizedStandardCompare` costs about
/// 5 µs a call here, and a sort of 10,000 rows makes a few hundred thousand).
///
/// The order is `localizedStandardCompare`'s (the Finder's) for the names a landscape has: a run
/// of digits counts by its value (`interface 2` before `interface 10`); letters compare without
/// regard to case, width or accents; whitespace comes first, then punctuation and symbols (ASCII
/// ones in the collation's order, `_ - , ; : ! ? .` …), then numbers, then letters (by code point
/// once folded, so scripts keep their Unicode order). Names still equal go by accents (plain
/// first), then case (lower first), then leading zeros (fewer first), then code points.
struct NaturalSortKey: Sendable, Comparable {
    /// Classes in the order they sort; an element is its class in the top byte, a value below.
    private enum Class: UInt32 {
        case space = 0, symbol, number, letter, mark
    }

    /// Case, width and accents folded away; a number is its digit count, then its digits.
    private let primary: [UInt32]
    /// `primary` with the accents kept; nil when there are none.
    private let accents: [UInt32]?
    /// Per element of `primary`, 1 where it was upper case; nil when none was.
    private let upper: [UInt8]?
    /// Per number, its leading zeros; nil when no number has any.
    private let zeros: [UInt32]?
    private let text: String

    init(_ text: String) {
        self.text = text
        var key = Builder()
        key.primary.reserveCapacity(text.utf8.count)
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 {
                if (0x30...0x39).contains(byte) {
                    key.add(digit: UInt32(byte - 0x30))
                } else {
                    key.endNumber()
                    key.add(Self.asciiElements[Int(byte)], upper: (0x41...0x5A).contains(byte))
                }
            }
        } else {
            for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars { key.add(scalar) }
        }
        key.endNumber()
        (primary, accents, upper, zeros) = (key.primary, key.accents, key.upper, key.zeros)
    }

    /// How this key's string sorts against another's.
    func compare(_ other: NaturalSortKey) -> ComparisonResult {
        if let order = Self.compare(primary, other.primary) { return order }
        if let order = Self.compare(accents ?? primary, other.accents ?? other.primary) { return order }
        if let order = Self.compare(upper, other.upper, none: 0) { return order }
        if let order = Self.compare(zeros, other.zeros, none: 0) { return order }
        if text == other.text { return .orderedSame }
        return text < other.text ? .orderedAscending : .orderedDescending
    }

    static func < (lhs: NaturalSortKey, rhs: NaturalSortKey) -> Bool { lhs.compare(rhs) == .orderedAscending }

    static func == (lhs: NaturalSortKey, rhs: NaturalSortKey) -> Bool { lhs.text == rhs.text }

    /// The elements as they are collected; the arrays past `primary` start when first needed.
    private struct Builder {
        var primary: [UInt32] = []
        var accents: [UInt32]?
        var upper: [UInt8]?
        var zeros: [UInt32]?
        /// Where the open number's digit count goes, and its leading zeros so far.
        private var number: (head: Int, zeros: UInt32)?
        private var numbers = 0

        mutating func add(_ element: UInt32, upper isUpper: Bool = false) {
            if isUpper && upper == nil { upper = Array(repeating: 0, count: primary.count) }
            primary.append(element)
            accents?.append(element)
            upper?.append(isUpper ? 1 : 0)
        }

        mutating func add(mark: UInt32) {
            if accents == nil { accents = primary }
            accents?.append(mark)
        }

        mutating func add(digit: UInt32) {
            if number == nil {
                number = (primary.count, 0)
                add(0)
            }
            if digit == 0 && primary.count == number!.head + 1 {
                number!.zeros += 1
            } else {
                add(NaturalSortKey.element(.number, digit))
            }
        }

        mutating func endNumber() {
            guard let (head, leading) = number else { return }
            let element = NaturalSortKey.element(.number, UInt32(min(primary.count - head - 1, 0xFF_FFFF)))
            primary[head] = element
            if let start = accents?.count, start > 0 {
                accents![start - (primary.count - head)] = element
            }
            if leading > 0 && zeros == nil { zeros = Array(repeating: 0, count: numbers) }
            zeros?.append(leading)
            numbers += 1
            number = nil
        }

        /// Any scalar: a digit, a mark, or something folded to lower case and normal width.
        mutating func add(_ scalar: Unicode.Scalar) {
            if let digit = NaturalSortKey.digit(scalar) {
                add(digit: digit)
                return
            }
            endNumber()
            var value = scalar.value
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }  // full width ASCII
            if value == 0x3000 { value = 0x20 }  // ideographic space
            if value < 0x80 {
                add(NaturalSortKey.asciiElements[Int(value)], upper: (0x41...0x5A).contains(value))
                return
            }
            if value == 0xDF {  // ß sorts as ss
                add(NaturalSortKey.asciiElements[0x73])
                add(NaturalSortKey.asciiElements[0x73])
                return
            }
            let properties = scalar.properties
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                add(mark: NaturalSortKey.element(.mark, value))
            case _ where properties.isWhitespace:
                add(NaturalSortKey.element(.space, value))
            case _ where properties.isAlphabetic:
                guard properties.changesWhenLowercased else {
                    add(NaturalSortKey.element(.letter, value))
                    return
                }
                for lower in properties.lowercaseMapping.unicodeScalars {
                    add(NaturalSortKey.element(.letter, lower.value), upper: true)
                }
            default:
                add(NaturalSortKey.element(.symbol, 0x100 + value))  // after the ASCII ones
            }
        }
    }

    private static func compare<T: Comparable>(_ a: [T], _ b: [T]) -> ComparisonResult? {
        for (x, y) in zip(a, b) where x != y { return x < y ? .orderedAscending : .orderedDescending }
        if a.count == b.count { return nil }
        return a.count < b.count ? .orderedAscending : .orderedDescending
    }

    /// Two arrays of one length (their primaries are equal), nil standing for all `none`.
    private static func compare<T: Comparable>(_ a: [T]?, _ b: [T]?, none: T) -> ComparisonResult? {
        switch (a, b) {
        case (nil, nil): nil
        case (let a?, let b?): compare(a, b)
        case (let a?, nil): compare(a, Array(repeating: none, count: a.count))
        case (nil, let b?): compare(Array(repeating: none, count: b.count), b)
        }
    }

    private static func element(_ kind: Class, _ value: UInt32) -> UInt32 { kind.rawValue << 24 | value }

    /// A decimal digit's value (ASCII, full width or any other script's).
    private static func digit(_ scalar: Unicode.Scalar) -> UInt32? {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) ? value - 0x30 : nil
        }
        guard scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue else { return nil }
        return UInt32(value)
    }

    /// The element of every ASCII character but the digits: letters in lower case, punctuation and
    /// symbols in the order the collation gives them.
    private static let asciiElements: [UInt32] = (0..<128).map { (byte: UInt32) in
        let symbols = Array("_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$".unicodeScalars.map(\.value))
        switch byte {
        case 0x41...0x5A: return element(.letter, byte + 0x20)
        case 0x61...0x7A: return element(.letter, byte)
        case 0x09...0x0D, 0x20: return element(.space, byte)
        default: return element(.symbol, symbols.firstIndex(of: byte).map(UInt32.init) ?? byte)
        }
    }
}
