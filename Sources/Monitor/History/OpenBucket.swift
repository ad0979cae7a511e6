/// The bucket of one check still being filled: counts, the exact maximum, and the latencies behind
/// its percentiles.
///
/// At a 10 s interval a bucket sees 30 runs; a faster check keeps a reservoir sample of
/// `reservoirSize` latencies (Vitter's algorithm R with a deterministic generator), so a bucket
/// never holds more than ~0.5 KB whatever the rate.
struct OpenBucket: Sendable {
    static let reservoirSize = 64

    let start: Int64
    private(set) var runs = 0
    private(set) var failures = 0
    private(set) var latencyMax = 0.0
    private var latencies: [Double] = []
    private var random: UInt64

    init(start: Int64) {
        self.start = start
        random = UInt64(bitPattern: start) | 1
    }

    var isEmpty: Bool { runs == 0 }

    mutating func add(up: Bool, seconds: Double) {
        runs += 1
        if !up { failures += 1 }
        latencyMax = max(latencyMax, seconds)
        if latencies.count < Self.reservoirSize {
            latencies.append(seconds)
        } else {
            let slot = Int(nextRandom() % UInt64(runs))
            if slot < Self.reservoirSize { latencies[slot] = seconds }
        }
    }

    /// The bucket as it is stored: nearest-rank p50 and p95 of the latencies kept.
    func closed(checkID: String) -> CheckBucket {
        let sorted = latencies.sorted()
        func percentile(_ quantile: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let rank = Int((quantile * Double(sorted.count)).rounded(.up)) - 1
            return sorted[min(max(rank, 0), sorted.count - 1)]
        }
        return CheckBucket(
            checkID: checkID, start: start, runs: runs, failures: failures, latencyP50: percentile(0.5),
            latencyP95: percentile(0.95), latencyMax: latencyMax)
    }

    /// xorshift64: cheap, and the same sample for the same inputs.
    private mutating func nextRandom() -> UInt64 {
        random ^= random << 13
        random ^= random >> 7
        random ^= random << 17
        return random
    }
}
