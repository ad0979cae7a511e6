import ArgumentParser
import Foundation

/// `--format`: how a command prints what it lists. Every listing command offers `text` (a table
/// for people) and `json` (for tools); a command whose table is flat rows offers `csv` too, and
/// the others refuse it as bad input through `unsupported(_:)`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text
    case json
    case csv

    /// The help of every `--format` option.
    static let help = ArgumentHelp("Output format: text, json or csv.", valueName: "format")

    /// Refuses a format this command cannot print, with exit code 2.
    static func unsupported(_ format: OutputFormat) -> ExitCode {
        StandardError.write("error: --format \(format.rawValue): this command prints text or json")
        return ExitStatus.badInput
    }
}

/// The one JSON setup of the CLI: pretty, keys sorted, dates as ISO 8601, slashes as they are.
enum JSONOutput {
    /// `snakeCaseKeys` writes `latencyP50` as `latency_p50`, for types whose properties are Swift-named.
    static func encode<T: Encodable>(_ value: T, snakeCaseKeys: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        if snakeCaseKeys { encoder.keyEncodingStrategy = .convertToSnakeCase }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Rows as comma-separated values (RFC 4180): a cell with a comma, a quote or a line break is quoted.
enum CSVOutput {
    static func render(_ rows: [[String]]) -> String {
        rows.map { row in row.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private static func cell(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
