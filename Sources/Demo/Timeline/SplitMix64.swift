/// A small, fast, seedable pseudo-random generator (Steele, Lea and Flood's SplitMix64).
///
/// The demo needs the same faults for the same seed on every machine and every run, which the
/// system generator cannot promise; SplitMix64 is tiny, has no state but one word, and is good
/// enough for scripting a timeline.
///
/// ```swift
/// var random = SplitMix64(seed: 1)
/// let delay = Double.random(in: 1.2...3.0, using: &random)
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<1` derived from a few numbers without keeping state, for per-tick noise
    /// that must be the same whenever the same tick is asked for.
    static func unitNoise(_ values: UInt64...) -> Double {
        var generator = SplitMix64(seed: values.reduce(0x5EED) { ($0 &* 31) ^ $1 })
        return Double(generator.next() >> 11) / Double(UInt64(1) << 53)
    }
}
