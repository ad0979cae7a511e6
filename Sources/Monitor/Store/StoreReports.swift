/// What an append did with the samples it was given.
public struct AppendReport: Sendable, Equatable {
    /// Samples now in the store.
    public var appended = 0
    /// Samples identical (time and value) to the newest of their series: ignored, as Prometheus does.
    public var repeated = 0
    /// Samples at the time of the newest of their series but with another value: rejected.
    public var conflicting = 0
    /// Samples older than the newest of their series: rejected.
    public var outOfOrder = 0
    /// Samples older than the retention allows, counted back from the newest time the store has seen: rejected.
    public var tooOld = 0

    public init() {}

    public var rejected: Int { conflicting + outOfOrder + tooOld }
}

/// What a compaction removed.
public struct CompactionReport: Sendable, Equatable {
    public var droppedSamples = 0
    /// Series that had no sample left and left the index.
    public var removedSeries = 0

    public init() {}
}

/// How much memory the store uses: exact for the chunk payloads, estimated for the rest.
public struct StoreMemoryStats: Sendable, Equatable {
    public var seriesCount: Int
    public var sampleCount: Int
    public var chunkCount: Int
    /// Bytes of compressed sample data (the chunks' encoded bits, rounded up to bytes).
    public var chunkPayloadBytes: Int
    /// Estimated bytes of per-chunk bookkeeping (times, counts, array headers).
    public var chunkOverheadBytes: Int
    /// Estimated bytes of the inverted index and of the series' names and labels.
    public var indexBytesEstimate: Int

    public init(
        seriesCount: Int, sampleCount: Int, chunkCount: Int, chunkPayloadBytes: Int, chunkOverheadBytes: Int,
        indexBytesEstimate: Int
    ) {
        self.seriesCount = seriesCount
        self.sampleCount = sampleCount
        self.chunkCount = chunkCount
        self.chunkPayloadBytes = chunkPayloadBytes
        self.chunkOverheadBytes = chunkOverheadBytes
        self.indexBytesEstimate = indexBytesEstimate
    }

    /// Compressed payload per sample; 16 would be an uncompressed (timestamp, value) pair.
    public var payloadBytesPerSample: Double {
        sampleCount == 0 ? 0 : Double(chunkPayloadBytes) / Double(sampleCount)
    }

    /// Everything counted here, per sample.
    public var totalBytesPerSample: Double {
        sampleCount == 0 ? 0 : Double(chunkPayloadBytes + chunkOverheadBytes + indexBytesEstimate) / Double(sampleCount)
    }
}

/// What restoring a checkpoint brought back.
public struct RestoreReport: Sendable, Equatable {
    /// Series in the store after the restore.
    public var series = 0
    /// Samples in the store after the restore.
    public var samples = 0
    /// Samples of the checkpoint older than the retention: not restored.
    public var droppedSamples = 0

    public init() {}
}
