extension Duration {
    /// The whole duration in nanoseconds, saturating at Int64's range.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : product + attoseconds / 1_000_000_000
    }

    /// The duration in seconds as a floating-point number.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    /// The duration in seconds to the nearest 2⁻²⁰ s (0.95 µs), as probes store durations: the low
    /// mantissa bits stay zero, so a series of them XOR-compresses to a third of the bits or less.
    var probeSeconds: Double {
        (seconds * Self.probeSecondsScale).rounded() / Self.probeSecondsScale
    }

    private static let probeSecondsScale = 1_048_576.0
}
