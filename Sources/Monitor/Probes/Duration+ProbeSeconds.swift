import SwitchboardCore

extension Duration {
    /// The duration in seconds to the nearest 2⁻²⁰ s (0.95 µs), as probes store durations: the low
    /// mantissa bits stay zero, so a series of them XOR-compresses to a third of the bits or less.
    var probeSeconds: Double {
        (seconds * Self.probeSecondsScale).rounded() / Self.probeSecondsScale
    }

    private static let probeSecondsScale = 1_048_576.0
}
