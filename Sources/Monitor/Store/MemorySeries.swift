import PromQL

/// One series in memory: its identity, its sealed chunks and the chunk it is filling.
///
/// The store holds one per series (tens of thousands), so the fields are kept narrow: 88 bytes.
struct MemorySeries: Sendable {
    let name: String
    let labels: Labels
    private(set) var sealed = SealedChunks()
    private(set) var head = XORChunkAppender()

    init(name: String, labels: Labels) {
        self.name = name
        self.labels = labels
    }

    /// A series restored from a checkpoint, its chunks as they were written.
    init(name: String, labels: Labels, sealed: SealedChunks, head: XORChunkAppender) {
        self.name = name
        self.labels = labels
        self.sealed = sealed
        self.head = head
    }

    enum AppendOutcome {
        case appended
        /// The same time and the same value bits as the newest sample: nothing to do.
        case repeated
        /// The same time as the newest sample with another value.
        case conflicting
        case outOfOrder
    }

    var isEmpty: Bool { head.count == 0 && sealed.isEmpty }

    /// The newest sample, kept uncompressed by the head chunk.
    var newest: SamplePoint? {
        if head.count > 0 { return SamplePoint(head.maxTime, head.lastValue) }
        return sealed.chunks.last.flatMap { $0.points().last }
    }

    var minTime: Int64? { sealed.minTime ?? (head.count > 0 ? head.minTime : nil) }

    /// Appends a sample, sealing the head chunk first when it holds `samplesPerChunk`.
    mutating func append(_ timestamp: Int64, _ value: Double, samplesPerChunk: Int) -> AppendOutcome {
        if let newest {
            if timestamp < newest.timestampMilliseconds { return .outOfOrder }
            if timestamp == newest.timestampMilliseconds {
                return value.bitPattern == newest.value.bitPattern ? .repeated : .conflicting
            }
        }
        if head.count >= samplesPerChunk {
            _ = sealed.append(head.seal(), droppingBefore: .min)
            head = XORChunkAppender()
        }
        head.append(timestamp, value)
        return .appended
    }

    /// Drops the chunks whose newest sample is older than `cutoff`; returns how many samples went.
    mutating func dropChunks(endingBefore cutoff: Int64) -> Int {
        var dropped = sealed.drop(before: cutoff)
        if sealed.isEmpty, head.count > 0, head.maxTime < cutoff {
            dropped += head.count
            head = XORChunkAppender()
        }
        return dropped
    }

    /// The chunks that may hold samples from `start` through `end`, to decode outside the store's lock.
    func chunks(from start: Int64, through end: Int64) -> [XORChunk] {
        var result = sealed.chunks.filter { $0.minTime <= end && $0.maxTime >= start }
        if head.count > 0, head.minTime <= end, head.maxTime >= start { result.append(head.chunk) }
        return result
    }
}
