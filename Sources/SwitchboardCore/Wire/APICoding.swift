import Foundation

/// The one JSON setup of Switchboard's API: dates as ISO 8601 with milliseconds (UTC), keys as
/// the Swift names, slashes as they are. The server writes with it and the remote console reads.
public enum APICoding {
    /// A new encoder (JSONEncoder is not Sendable, so each caller takes its own).
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(format(date))
        }
        return encoder
    }

    /// A new decoder; it takes dates with or without fractional seconds.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "expected an ISO 8601 time such as 2026-12-06T18:30:00.000Z, got \(text)")
            }
            return date
        }
        return decoder
    }

    public static func encode<T: Encodable>(_ value: T, pretty: Bool = false) throws -> Data {
        try encoder(pretty: pretty).encode(value)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try decoder().decode(type, from: data)
    }

    /// The time to the nearest millisecond, in UTC. The fraction is written from whole milliseconds
    /// (Foundation's formatter truncates a double, and a parsed time is often a hair below its
    /// millisecond), so a time survives any number of round trips unchanged.
    static func format(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let whole = fraction < 0 ? seconds - 1 : seconds
        let text = Date(timeIntervalSince1970: Double(whole)).formatted(timestamp)
        let digits = String(fraction < 0 ? fraction + 1000 : fraction)
        return text.dropLast() + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    /// `2026-12-06T18:30:00Z`, with any fraction of a second, in UTC or with an offset.
    static func parse(_ text: String) -> Date? {
        guard let dot = text.firstIndex(of: ".") else { return try? timestamp.parse(text) }
        let digits = text[text.index(after: dot)...].prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let base = try? timestamp.parse(String(text[..<dot]) + text[digits.endIndex...]) else {
            return nil
        }
        let fraction = Double("0." + digits) ?? 0
        return Date(timeIntervalSince1970: base.timeIntervalSince1970 + fraction)
    }

    private static let timestamp = Date.ISO8601FormatStyle()
}
