/// A run travels as `[second, seconds]`, the seconds negated for a failed run: a snapshot holds
/// many (120 for each of thousands of interfaces), so each is a pair of numbers, not an object.
extension RecentRun: Codable {
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        let second = try container.decode(UInt32.self)
        let signedSeconds = try container.decode(Float.self)
        self.init(second: second, signedSeconds: signedSeconds)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(second)
        try container.encode(signedSeconds)
    }
}
