/// Prometheus' staleness marker: a NaN with one fixed bit pattern that ends a series.
///
/// A scraper appends it when a series disappears from a target; queries then treat the series as
/// gone from that moment instead of repeating its last value for the whole lookback window. Any
/// other NaN is an ordinary value. The store keeps the bit pattern exactly.
extension Double {
    /// The bit pattern Prometheus writes for a stale sample (`0x7ff0000000000002`).
    public static let staleMarkerBitPattern: UInt64 = 0x7ff0_0000_0000_0002

    /// The staleness marker value.
    public static var staleMarker: Double { Double(bitPattern: staleMarkerBitPattern) }

    /// Whether this is the staleness marker (and not just any NaN).
    public var isStaleMarker: Bool { bitPattern == Self.staleMarkerBitPattern }
}
