import PromQL
import SwitchboardCore
import Synchronization

/// Recent samples of every series in compressed chunks, with an inverted index for selectors.
///
/// ```swift
/// let store = SeriesStore(retention: .seconds(3600))
/// store.append(outcome.samples, at: nowMilliseconds)
/// let up = store.select(matchers: [.metricName("probe_success")], from: now - 300_000, through: now)
/// ```
///
/// Safe to use from many tasks at once: one `Mutex` guards the series and the index. Appends hold
/// it only to find a series and encode a few bits; queries hold it to find the series and take
/// their chunks (shared, copy-on-write), and decode after letting go.
public final class SeriesStore: SeriesSource {
    /// How far back samples are kept, counted from the newest sample the store has seen.
    public let retentionMilliseconds: Int64
    let samplesPerChunk: Int
    /// Internal rather than private for `SeriesStore+Checkpoint.swift`, which takes and restores it whole.
    let state: Mutex<State>

    typealias SeriesID = InvertedIndex.SeriesID

    struct State {
        var ids: [SeriesKey: SeriesID] = [:]
        var series: [SeriesID: MemorySeries] = [:]
        var index = InvertedIndex()
        var nextID: SeriesID = 0
        /// The newest timestamp appended so far.
        var maxTime: Int64 = .min
    }

    public init(retention: Duration = .seconds(3600), samplesPerChunk: Int = 120) {
        precondition(retention > .zero, "retention must be positive")
        precondition(samplesPerChunk > 1 && samplesPerChunk <= Int(UInt16.max), "a chunk holds 2 to 65,535 samples")
        self.retentionMilliseconds = retention.milliseconds
        self.samplesPerChunk = samplesPerChunk
        self.state = Mutex(State())
    }

    /// Appends samples; those without a timestamp are stamped with `defaultTimestampMilliseconds`.
    ///
    /// Per series, times must increase: older samples are rejected as out of order, a second value
    /// for the newest time as conflicting. Chunks that fall out of retention are dropped on the way.
    @discardableResult
    public func append(_ samples: [Sample], at defaultTimestampMilliseconds: Int64) -> AppendReport {
        state.withLock { state in
            var report = AppendReport()
            for sample in samples {
                let time = sample.timestampMilliseconds ?? defaultTimestampMilliseconds
                append(sample, time: time, to: &state, report: &report)
            }
            return report
        }
    }

    private func append(_ sample: Sample, time: Int64, to state: inout State, report: inout AppendReport) {
        if state.maxTime != .min, time < state.maxTime &- retentionMilliseconds {
            report.tooOld += 1
            return
        }
        let key = SeriesKey(name: sample.name, labels: sample.labels)
        let id: SeriesID
        if let existing = state.ids[key] {
            id = existing
        } else {
            id = state.nextID
            state.nextID &+= 1
            state.ids[key] = id
            state.series[id] = MemorySeries(name: key.name, labels: key.labels)
            state.index.add(id, name: key.name, labels: key.labels)
        }
        // Through the index of the values, so the series is changed in place rather than copied out and back.
        let slot = state.series.index(forKey: id)!
        switch state.series.values[slot].append(time, sample.value, samplesPerChunk: samplesPerChunk) {
        case .appended:
            report.appended += 1
            state.maxTime = max(state.maxTime, time)
            _ = state.series.values[slot].dropChunks(endingBefore: time &- retentionMilliseconds)
        case .repeated: report.repeated += 1
        case .conflicting: report.conflicting += 1
        case .outOfOrder: report.outOfOrder += 1
        }
    }

    /// The series every matcher holds for, with their samples from `start` through `end` (both
    /// inclusive), sorted by name and labels. Series without a sample in the window are left out.
    public func select(matchers: [LabelMatcher], from start: Int64, through end: Int64) -> [SeriesData] {
        let found = chunks(matching: matchers, from: start, through: end)
        return found.compactMap { name, labels, chunks in
            var samples: [SamplePoint] = []
            for chunk in chunks { chunk.appendPoints(from: start, through: end, to: &samples) }
            return samples.isEmpty ? nil : SeriesData(name: name, labels: labels, samples: samples)
        }
    }

    /// The newest sample at or before `time`, no older than `lookbackMilliseconds`, of every series
    /// the matchers select: PromQL's instant vector. A series whose newest sample is the staleness
    /// marker has ended and is left out.
    public func latest(
        matchers: [LabelMatcher], at time: Int64, lookbackMilliseconds: Int64 = 300_000
    ) -> [LatestSample] {
        select(matchers: matchers, from: time &- lookbackMilliseconds, through: time).compactMap { series in
            guard let point = series.samples.last, !point.isStale else { return nil }
            return LatestSample(name: series.name, labels: series.labels, point: point)
        }
    }

    /// The newest sample of one series, staleness marker included; nil when the store does not have it.
    public func newest(name: String, labels: Labels) -> SamplePoint? {
        state.withLock { state in
            state.ids[SeriesKey(name: name, labels: labels)].flatMap { state.series[$0]?.newest }
        }
    }

    /// The samples from `start` through `end` of the one series named `name` with exactly `labels`,
    /// found by its identity rather than through the index; empty when the store does not have it.
    public func points(name: String, labels: Labels, from start: Int64, through end: Int64) -> [SamplePoint] {
        let chunks = state.withLock { state in
            state.ids[SeriesKey(name: name, labels: labels)].flatMap {
                state.series[$0]?.chunks(from: start, through: end)
            }
        }
        var samples: [SamplePoint] = []
        for chunk in chunks ?? [] { chunk.appendPoints(from: start, through: end, to: &samples) }
        return samples
    }

    /// The identities of the series the matchers select, sorted; their samples are not read.
    public func series(matchers: [LabelMatcher]) -> [(name: String, labels: Labels)] {
        chunks(matching: matchers, from: .max, through: .min).map { ($0.name, $0.labels) }
    }

    /// The values a label has across all series (the metric names for `__name__`), sorted.
    public func labelValues(_ name: String) -> [String] {
        state.withLock { $0.index.values(of: name) }
    }

    /// Drops the chunks whose samples are all older than the retention before `now`, and forgets
    /// the series left without samples.
    @discardableResult
    public func compact(now: Int64) -> CompactionReport {
        let cutoff = now &- retentionMilliseconds
        return state.withLock { state in
            var report = CompactionReport()
            for id in Array(state.series.keys) {
                report.droppedSamples += state.series[id]!.dropChunks(endingBefore: cutoff)
                guard let series = state.series[id], series.isEmpty else { continue }
                state.series[id] = nil
                state.ids[SeriesKey(name: series.name, labels: series.labels)] = nil
                state.index.remove(id, name: series.name, labels: series.labels)
                report.removedSeries += 1
            }
            return report
        }
    }

    public func memoryStats() -> StoreMemoryStats {
        state.withLock { state in
            var stats = StoreMemoryStats(
                seriesCount: state.series.count, sampleCount: 0, chunkCount: 0, chunkPayloadBytes: 0,
                chunkOverheadBytes: 0, indexBytesEstimate: state.index.estimatedBytes)
            for series in state.series.values {
                let sealed = series.sealed.chunks
                stats.sampleCount += sealed.reduce(series.head.count) { $0 + $1.count }
                stats.chunkCount += sealed.count + (series.head.count > 0 ? 1 : 0)
                stats.chunkPayloadBytes += sealed.reduce(series.head.byteCount) { $0 + $1.bytes.count }
                // Per sealed chunk its header; per series with any, the buffer's heap header and malloc's.
                stats.chunkOverheadBytes += sealed.count * SealedChunks.headerSize + (sealed.isEmpty ? 0 : 48)
                // Per series: its slots in `ids` and `series` (hash tables at most 3/4 full), the head
                // chunk's buffer header, name and labels.
                stats.indexBytesEstimate +=
                    Self.slotBytes + 32 + InvertedIndex.stringBytes(series.name)
                    + series.labels.pairs.reduce(0) {
                        $0 + InvertedIndex.stringBytes($1.name) + InvertedIndex.stringBytes($1.value)
                    }
            }
            return stats
        }
    }

    /// The hash table slots of one series, in `ids` and `series`, at the tables' largest load of 3/4.
    private static let slotBytes =
        (MemoryLayout<SeriesKey>.stride + MemoryLayout<SeriesID>.stride + MemoryLayout<SeriesID>.stride
            + MemoryLayout<MemorySeries>.stride) * 4 / 3

    /// Under the lock: the selected series and their chunks overlapping the window, sorted by identity.
    private func chunks(
        matching matchers: [LabelMatcher], from start: Int64, through end: Int64
    ) -> [(name: String, labels: Labels, chunks: [XORChunk])] {
        let compiled = matchers.map(IndexMatcher.init)
        let found = state.withLock { state in
            state.index.series(matching: compiled).compactMap { id in
                state.series[id].map { ($0.name, $0.labels, $0.chunks(from: start, through: end)) }
            }
        }
        return found.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }
}
