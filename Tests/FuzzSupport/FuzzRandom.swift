/// SplitMix64: a small, fast generator whose sequence depends only on its seed, so a fuzz run
/// repeats exactly on any machine and any Swift version.
///
/// ```swift
/// var random = FuzzRandom(seed: 42)
/// let index = random.below(10)  // the same on every run
/// ```
public struct FuzzRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A number in `0..<bound` (`bound` > 0), computed here rather than by the standard library's
    /// `random(in:using:)`, whose algorithm may change between Swift versions.
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "below(_:) needs a positive bound")
        return Int(next() % UInt64(bound))
    }

    /// True with probability 1/`odds`.
    public mutating func oneIn(_ odds: Int) -> Bool {
        below(odds) == 0
    }

    /// A count from 1 up to `maximum`, small counts far likelier than large ones.
    public mutating func smallCount(upTo maximum: Int) -> Int {
        let bits = below(Int.bitWidth - maximum.leadingZeroBitCount) + 1
        return min(maximum, 1 + below(1 << bits))
    }

    /// One element of a non-empty collection.
    public mutating func element<C: Collection>(of collection: C) -> C.Element {
        collection[collection.index(collection.startIndex, offsetBy: below(collection.count))]
    }
}
