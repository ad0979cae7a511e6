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
            try container.encode(date.formatted(timestamp))
        }
        return encoder
    }

    /// A new decoder; it takes dates with or without fractional seconds.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = try? timestamp.parse(text) { return date }
            if let date = try? plainTimestamp.parse(text) { return date }
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "expected an ISO 8601 time such as 2026-12-06T18:30:00.000Z, got \(text)")
        }
        return decoder
    }

    public static func encode<T: Encodable>(_ value: T, pretty: Bool = false) throws -> Data {
        try encoder(pretty: pretty).encode(value)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try decoder().decode(type, from: data)
    }

    private static let timestamp = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let plainTimestamp = Date.ISO8601FormatStyle()
}
