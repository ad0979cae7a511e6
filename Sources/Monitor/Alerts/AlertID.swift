import PromQL

/// An alert's stable id: a 64-bit FNV-1a fingerprint of its labels (with `alertname`), as 16 hex digits.
///
/// The same labels give the same id in every process and on every machine, so an id printed by one
/// `switchboard` invocation names the same alert in the next.
public struct AlertID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// The label that carries the rule's name, as in Prometheus.
    public static let alertNameLabel = "alertname"

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(labels: Labels) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
            hash ^= 0xff
            hash &*= 0x0000_0100_0000_01b3
        }
        for pair in labels.pairs {
            mix(pair.name)
            mix(pair.value)
        }
        let hex = String(hash, radix: 16)
        rawValue = String(repeating: "0", count: 16 - hex.count) + hex
    }

    public var description: String { rawValue }

    public static func < (lhs: AlertID, rhs: AlertID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
