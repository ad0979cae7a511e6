import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A POSIX extended regular expression (the dialect of `grep -E`) matched on raw bytes, so log
/// lines that are not valid UTF-8 are searched as they are.
///
/// ```swift
/// let regex = try PosixRegex("records read: ([0-9]+)")
/// regex.captures(in: "records read: 120")  // ["120"]
/// ```
///
/// The process's C locale makes matching byte-wise. A compiled expression is read-only, and the C
/// library serialises its own matching state, so one value can be shared between tasks.
public final class PosixRegex: @unchecked Sendable, Equatable, CustomStringConvertible {
    public let pattern: String
    /// How many parenthesised groups the expression has.
    public let groupCount: Int
    private let compiled: UnsafeMutablePointer<regex_t>
    /// The literal bytes, when the pattern has no special characters: then matching is a byte search.
    private let literal: [UInt8]?

    /// Compiles `pattern`, or throws with the C library's explanation.
    public init(_ pattern: String, caseInsensitive: Bool = false) throws(PosixRegexError) {
        self.pattern = pattern
        compiled = .allocate(capacity: 1)
        let flags = REG_EXTENDED | (caseInsensitive ? REG_ICASE : 0)
        let code = regcomp(compiled, pattern, flags)
        guard code == 0 else {
            var buffer = [CChar](repeating: 0, count: 256)
            regerror(code, compiled, &buffer, buffer.count)
            compiled.deallocate()
            throw PosixRegexError(
                pattern: pattern,
                problem: String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        groupCount = Int(compiled.pointee.re_nsub)
        let special = Set("\\^$.[]|()*+?{}".utf8)
        literal =
            !caseInsensitive && !pattern.isEmpty && !pattern.utf8.contains(where: special.contains)
            ? Array(pattern.utf8) : nil
    }

    deinit {
        regfree(compiled)
        compiled.deallocate()
    }

    public var description: String { pattern }

    public static func == (lhs: PosixRegex, rhs: PosixRegex) -> Bool { lhs.pattern == rhs.pattern }

    /// Whether the expression matches anywhere in `bytes`.
    public func matches(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if let literal { return Self.contains(literal, in: bytes) }
        var match = regmatch_t()
        return execute(bytes, matches: &match, count: 1, flags: 0)
    }

    public func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { matches(UnsafeRawBufferPointer($0)) }
    }

    public func matches(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { matches($0) }
    }

    /// The byte ranges of the whole match (index 0) and each group, nil for a group that took no part.
    public func firstMatch(_ bytes: UnsafeRawBufferPointer) -> [Range<Int>?]? {
        var matches = [regmatch_t](repeating: regmatch_t(), count: groupCount + 1)
        let found = matches.withUnsafeMutableBufferPointer {
            execute(bytes, matches: &$0[0], count: $0.count, flags: 0)
        }
        guard found else { return nil }
        return matches.map { $0.rm_so < 0 ? nil : Int($0.rm_so)..<Int($0.rm_eo) }
    }

    /// The text of each group of the first match (invalid UTF-8 repaired), or nil without a match.
    public func captures(in bytes: UnsafeRawBufferPointer) -> [String?]? {
        guard let ranges = firstMatch(bytes) else { return nil }
        return ranges.dropFirst().map { range in
            range.map { String(decoding: UnsafeRawBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
    }

    public func captures(in bytes: [UInt8]) -> [String?]? {
        bytes.withUnsafeBytes { captures(in: $0) }
    }

    public func captures(in text: String) -> [String?]? {
        var text = text
        return text.withUTF8 { captures(in: UnsafeRawBufferPointer($0)) }
    }

    private func execute(
        _ bytes: UnsafeRawBufferPointer, matches: UnsafeMutablePointer<regmatch_t>, count: Int, flags: Int32
    ) -> Bool {
        matches.pointee.rm_so = 0
        matches.pointee.rm_eo = regoff_t(bytes.count)
        let empty: StaticString = ""
        let base = bytes.baseAddress ?? UnsafeRawPointer(empty.utf8Start)
        return regexec(compiled, base.assumingMemoryBound(to: CChar.self), count, matches, flags | REG_STARTEND) == 0
    }

    /// A byte search: `memchr` to the first byte, `memcmp` for the rest.
    private static func contains(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> Bool {
        guard haystack.count >= needle.count, let base = haystack.baseAddress else { return false }
        return needle.withUnsafeBytes { needleBytes in
            let first = Int32(needle[0])
            var offset = 0
            let lastStart = haystack.count - needle.count
            while offset <= lastStart {
                guard let found = memchr(base + offset, first, lastStart - offset + 1) else { return false }
                let position = base.distance(to: UnsafeRawPointer(found))
                if memcmp(base + position, needleBytes.baseAddress!, needle.count) == 0 { return true }
                offset = position + 1
            }
            return false
        }
    }
}

/// A pattern the C library refused, with its reason (`Unmatched ( or \(`).
public struct PosixRegexError: Error, Sendable, Equatable, CustomStringConvertible {
    public var pattern: String
    public var problem: String

    public var description: String { "invalid regex `\(pattern)`: \(problem)" }
}
