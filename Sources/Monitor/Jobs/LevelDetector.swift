import SwitchboardCore

/// Finds the level of a log line from the words and formats logs commonly use: `ERROR`, `[WARN]`,
/// `level=error`, `"level":"warn"`, `E0514` (glog), Python tracebacks and Java exceptions.
/// Only the first 256 bytes are read.
enum LevelDetector {
    private static let words: [String: LogLevel] = [
        "ERROR": .error, "ERR": .error, "FATAL": .error, "CRITICAL": .error, "CRIT": .error, "SEVERE": .error,
        "PANIC": .error, "EMERG": .error, "ALERT": .error, "FAILED": .error, "FAILURE": .error,
        "WARN": .warn, "WARNING": .warn,
        "INFO": .info, "NOTICE": .info,
        "DEBUG": .debug, "TRACE": .debug, "FINE": .debug, "FINER": .debug, "FINEST": .debug,
    ]
    private static let keys: Set<String> = ["level", "lvl", "severity", "loglevel"]

    /// The level, or nil when the line does not say.
    static func detect(_ bytes: UnsafeRawBufferPointer) -> LogLevel? {
        let head = UnsafeRawBufferPointer(rebasing: bytes.prefix(256))
        if startsWith(head, "Traceback (most recent call last)") { return .error }
        var previous = ""
        var index = 0
        while index < head.count {
            guard isLetter(head[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < head.count, isLetter(head[index]) { index += 1 }
            let word = String(decoding: UnsafeRawBufferPointer(rebasing: head[start..<index]), as: UTF8.self)
            if let level = level(of: word, after: previous, head: head, end: index) { return level }
            previous = word.lowercased()
        }
        return nil
    }

    static func detect(_ bytes: [UInt8]) -> LogLevel? {
        bytes.withUnsafeBytes { detect($0) }
    }

    private static func level(of word: String, after previous: String, head: UnsafeRawBufferPointer, end: Int)
        -> LogLevel?
    {
        let upper = word.uppercased()
        if word == upper, let level = words[upper] { return level }
        if keys.contains(previous), let level = words[upper] { return level }
        if word.hasSuffix("Exception") || word.hasSuffix("Error"), word.count > 5, word.first!.isUppercase,
            end < head.count, head[end] == UInt8(ascii: ":") || head[end] == UInt8(ascii: ".")
        {
            return .error
        }
        return nil
    }

    /// Whether a line continues the one before (a stack frame, an indented detail).
    static func isContinuation(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first else { return false }
        return first == UInt8(ascii: " ") || first == UInt8(ascii: "\t")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func startsWith(_ bytes: UnsafeRawBufferPointer, _ prefix: String) -> Bool {
        bytes.count >= prefix.utf8.count && zip(bytes, prefix.utf8).allSatisfy { $0 == $1 }
    }
}
