/// One stored value of a series: a time and a value, without the series' name and labels.
///
/// Equality is bit for bit: two NaNs with the same bits are equal (a stale marker is not equal to
/// another NaN), and `0.0` is not equal to `-0.0`, because that is what the store keeps.
public struct SamplePoint: Sendable, Hashable, CustomStringConvertible {
    public var timestampMilliseconds: Int64
    public var value: Double

    public init(_ timestampMilliseconds: Int64, _ value: Double) {
        self.timestampMilliseconds = timestampMilliseconds
        self.value = value
    }

    /// Whether this is Prometheus' staleness marker, which ends the series at this time.
    public var isStale: Bool { value.isStaleMarker }

    public static func == (lhs: SamplePoint, rhs: SamplePoint) -> Bool {
        lhs.timestampMilliseconds == rhs.timestampMilliseconds && lhs.value.bitPattern == rhs.value.bitPattern
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(timestampMilliseconds)
        hasher.combine(value.bitPattern)
    }

    public var description: String {
        "\(isStale ? "stale" : String(value))@\(timestampMilliseconds)"
    }
}
