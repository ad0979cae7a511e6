import Foundation

/// A line travels as `text` when its bytes are UTF-8 and as `base64` otherwise, so that a client
/// gets back exactly the bytes the job wrote (escape sequences included; consoles sanitise them).
extension JobLogLine: Codable {
    private enum CodingKeys: String, CodingKey {
        case number, time, stream, level, text, base64
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let bytes: [UInt8]
        if let text = try container.decodeIfPresent(String.self, forKey: .text) {
            bytes = Array(text.utf8)
        } else {
            let encoded = try container.decode(String.self, forKey: .base64)
            guard let data = Data(base64Encoded: encoded) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .base64, in: container, debugDescription: "expected base64")
            }
            bytes = Array(data)
        }
        self.init(
            number: try container.decode(Int.self, forKey: .number),
            time: try container.decode(Date.self, forKey: .time),
            stream: try container.decode(Stream.self, forKey: .stream),
            level: try container.decodeIfPresent(LogLevel.self, forKey: .level), bytes: bytes)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(time, forKey: .time)
        try container.encode(stream, forKey: .stream)
        try container.encodeIfPresent(level, forKey: .level)
        if let text = String(validating: bytes, as: UTF8.self) {
            try container.encode(text, forKey: .text)
        } else {
            try container.encode(Data(bytes).base64EncodedString(), forKey: .base64)
        }
    }
}
