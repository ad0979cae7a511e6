import Histogram
import Synchronization

/// Records how late scheduled runs start, in microseconds, in an HDR histogram.
public final class LatenessRecorder: Sendable {
    private let histogram = Mutex(
        Histogram<UInt64>(highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three))

    public init() {}

    func record(_ lateness: Duration) {
        let micros = UInt64(max(0, lateness.nanoseconds / 1000))
        histogram.withLock { _ = $0.record(min(micros, 3_600_000_000)) }
    }

    /// Lateness so far: runs counted, and percentiles in seconds.
    public func summary() -> LatenessSummary {
        histogram.withLock { histogram in
            LatenessSummary(
                runs: Int(histogram.totalCount),
                p50: Double(histogram.valueAtPercentile(50)) / 1e6,
                p99: Double(histogram.valueAtPercentile(99)) / 1e6,
                max: Double(histogram.maxRecorded) / 1e6)
        }
    }

    /// Lateness so far as a Prometheus histogram: runs at or below each bound (seconds,
    /// cumulative), all runs, and their total lateness in seconds (from the mean: to three digits).
    public func cumulativeCounts(bounds: [Double]) -> (buckets: [UInt64], count: UInt64, sum: Double) {
        histogram.withLock { histogram in
            let buckets = bounds.map { histogram.count(within: 0...UInt64(max(0, $0 * 1e6))) }
            let count = histogram.totalCount
            return (buckets, count, count == 0 ? 0 : histogram.mean * Double(count) / 1e6)
        }
    }

    public func reset() {
        histogram.withLock { $0.reset() }
    }
}

/// How late scheduled runs started.
public struct LatenessSummary: Sendable, Equatable {
    public var runs: Int
    public var p50: Double
    public var p99: Double
    public var max: Double
}
