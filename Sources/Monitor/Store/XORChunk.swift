import PromQL

/// A sealed run of samples of one series, compressed as in Facebook's Gorilla and Prometheus' XOR chunks.
///
/// Layout, bit by bit (`XORChunkAppender` writes it, `XORChunkIterator` reads it):
/// - sample 1: its timestamp as a zig-zag varint, its value as 64 raw bits;
/// - sample 2: the timestamp delta as a zig-zag varint, the value XOR-encoded;
/// - then: the delta of deltas of the timestamp in the first bucket it fits: `0` (unchanged
///   interval), `10` + 7 bits, `110` + 14 bits, `1110` + 20 bits, or `1111` + 64 bits; and the value
///   XOR-encoded against the previous one: `0` (equal bits), `10` + the meaningful bits inside the
///   previous window of leading and trailing zeros, or `11` + 5 bits of leading zeros + 6 bits of
///   length + the meaningful bits.
///
/// Unlike Prometheus (which starts at 14 bits), the smallest timestamp bucket holds ±63 ms, the
/// jitter of a probe scheduled every few seconds, so a jittery sample costs 9 bits instead of 16.
/// Arithmetic on timestamps wraps, so any sequence of timestamps survives a round trip.
struct XORChunk: Sendable {
    /// The encoded samples: a whole array, or a slice of a series' `SealedChunks`.
    let bytes: ArraySlice<UInt8>
    let count: Int
    let minTime: Int64
    let maxTime: Int64

    init(bytes: ArraySlice<UInt8>, count: Int, minTime: Int64, maxTime: Int64) {
        self.bytes = bytes
        self.count = count
        self.minTime = minTime
        self.maxTime = maxTime
    }

    init(bytes: [UInt8], count: Int, minTime: Int64, maxTime: Int64) {
        self.init(bytes: bytes[...], count: count, minTime: minTime, maxTime: maxTime)
    }

    func makeIterator() -> XORChunkIterator {
        XORChunkIterator(bytes: bytes, count: count)
    }

    /// Every sample, in order.
    func points() -> [SamplePoint] {
        var result: [SamplePoint] = []
        result.reserveCapacity(count)
        var iterator = makeIterator()
        while let point = iterator.next() { result.append(point) }
        return result
    }

    /// Appends the samples from `start` through `end` (inclusive) to `result`.
    func appendPoints(from start: Int64, through end: Int64, to result: inout [SamplePoint]) {
        guard minTime <= end, maxTime >= start else { return }
        var iterator = makeIterator()
        while let point = iterator.next() {
            if point.timestampMilliseconds > end { break }
            if point.timestampMilliseconds >= start { result.append(point) }
        }
    }
}

/// The buckets of the timestamps' delta of deltas: control bits and payload width.
enum TimestampBucket {
    /// (number of control bits, control value, payload bits), smallest first; the last one is 64 bits.
    static let buckets: [(controlBits: Int, control: UInt64, payloadBits: Int)] = [
        (2, 0b10, 7), (3, 0b110, 14), (4, 0b1110, 20),
    ]

    /// Whether `value` fits a signed field of `bits` bits as Prometheus lays it out: -(2ⁿ⁻¹-1) … 2ⁿ⁻¹.
    static func fits(_ value: Int64, bits: Int) -> Bool {
        let half = Int64(1) << Int64(bits - 1)
        return value >= -(half - 1) && value <= half
    }

    /// The signed value of a `bits`-wide field written by `fits`' rule.
    static func decode(_ raw: UInt64, bits: Int) -> Int64 {
        let value = Int64(bitPattern: raw)
        return raw > UInt64(1) << UInt64(bits - 1) ? value - (Int64(1) << Int64(bits)) : value
    }
}
