import Foundation

extension SeriesStore {
    /// The series and their chunks as they are now. Holds the lock only to copy references to the
    /// chunks (shared, copy-on-write): nothing is encoded or copied byte by byte under it.
    public func checkpoint(at takenAtMilliseconds: Int64 = SeriesStore.currentMilliseconds()) -> StoreCheckpoint {
        let series = state.withLock { state in
            state.series.values.map {
                StoreCheckpoint.Series(name: $0.name, labels: $0.labels, sealed: $0.sealed, head: $0.head)
            }
        }
        return StoreCheckpoint(series: series, takenAtMilliseconds: takenAtMilliseconds)
    }

    /// Replaces what the store holds with the checkpoint's series, then drops the chunks that are
    /// older than the retention before `now`, as a compaction would. Appends go on from there: each
    /// series' head chunk continues, and a series' samples must still come after its newest.
    @discardableResult
    public func restore(_ checkpoint: StoreCheckpoint, now: Int64) -> RestoreReport {
        var report = RestoreReport()
        state.withLock { state in
            state = State()
            for series in checkpoint.series {
                let key = SeriesKey(name: series.name, labels: series.labels)
                guard state.ids[key] == nil else { continue }
                let id = state.nextID
                state.nextID &+= 1
                state.ids[key] = id
                state.series[id] = MemorySeries(
                    name: series.name, labels: series.labels, sealed: series.sealed, head: series.head)
                state.index.add(id, name: series.name, labels: series.labels)
                report.series += 1
                report.samples += series.sealed.chunks.reduce(series.head.count) { $0 + $1.count }
                if let newest = state.series[id]?.newest {
                    state.maxTime = max(state.maxTime, newest.timestampMilliseconds)
                }
            }
        }
        let compaction = compact(now: now)
        report.droppedSamples = compaction.droppedSamples
        report.series -= compaction.removedSeries
        report.samples -= compaction.droppedSamples
        return report
    }

    /// Milliseconds since 1970, now.
    public static func currentMilliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }
}
