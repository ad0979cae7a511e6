/// A `Duration` in the units the rest of the code counts in: the one place that reads its
/// seconds and attoseconds.
extension Duration {
    /// Whole milliseconds, rounded toward zero, saturating at Int64's range.
    public var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        guard !overflow else { return seconds < 0 ? .min : .max }
        return product + attoseconds / 1_000_000_000_000_000
    }

    /// Whole nanoseconds, rounded toward zero, saturating at Int64's range.
    public var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return seconds < 0 ? .min : .max }
        return product + attoseconds / 1_000_000_000
    }

    /// Seconds as a floating-point number (a `TimeInterval`).
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
