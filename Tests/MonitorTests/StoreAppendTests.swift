import PromQL
import Testing

@testable import Monitor

extension StoreTests {
    @Suite struct Append {
        @Test func samplesWithoutATimestampGetTheDefaultOne() {
            let store = SeriesStore()
            store.append([Sample("a", [:], 1), Sample("b", [:], 2, timestampMilliseconds: 500)], at: 1000)
            #expect(store.newest(name: "a", labels: [:]) == SamplePoint(1000, 1))
            #expect(store.newest(name: "b", labels: [:]) == SamplePoint(500, 2))
        }

        @Test func outOfOrderConflictingAndRepeatedSamplesAreCountedNotStored() {
            let store = SeriesStore()
            var expected = AppendReport()
            expected.appended = 1
            #expect(store.append([Sample("a", [:], 1)], at: 2000) == expected)
            let report = store.append(
                [
                    Sample("a", [:], 1, timestampMilliseconds: 1000),
                    Sample("a", [:], 5, timestampMilliseconds: 2000),
                    Sample("a", [:], 1, timestampMilliseconds: 2000),
                    Sample("a", [:], 2, timestampMilliseconds: 3000),
                ], at: 0)
            #expect([report.appended, report.outOfOrder, report.conflicting, report.repeated] == [1, 1, 1, 1])
            #expect(report.rejected == 2)
            #expect(
                store.select(matchers: [], from: 0, through: 10_000)[0].samples == [
                    SamplePoint(2000, 1), SamplePoint(3000, 2),
                ])
        }

        @Test func samplesOlderThanTheRetentionAreRejectedAsTooOld() {
            let store = SeriesStore(retention: .seconds(60))
            store.append([Sample("a", [:], 1)], at: 100_000)
            let report = store.append([Sample("b", [:], 1)], at: 30_000)
            #expect(report.tooOld == 1)
            #expect(store.series(matchers: []).count == 1)
        }

        @Test func appendingDropsChunksThatLeftTheRetention() {
            let store = SeriesStore(retention: .seconds(100), samplesPerChunk: 10)
            for second in 0..<100 { store.append([Sample("a", [:], 1)], at: Int64(second) * 10_000) }
            let samples = store.select(matchers: [], from: .min, through: .max)[0].samples
            // Whole chunks go: what is left starts at most one chunk before the cutoff (990 s - 100 s).
            #expect(samples.first!.timestampMilliseconds >= 790_000)
            #expect(samples.first!.timestampMilliseconds <= 890_000)
            #expect(samples.last!.timestampMilliseconds == 990_000)
        }

        @Test func compactionDropsOldChunksAndForgetsEmptySeries() {
            let store = SeriesStore(retention: .seconds(60), samplesPerChunk: 4)
            for second in stride(from: 0, to: 120, by: 10) {
                store.append([Sample("kept", ["job": "a"], Double(second))], at: Int64(second) * 1000)
            }
            store.append([Sample("gone", ["job": "b"], 1)], at: 50_000)
            let report = store.compact(now: 200_000)
            #expect(report.removedSeries == 2)
            #expect(report.droppedSamples == 9)  // the first chunk of "kept" went on append already
            #expect(store.memoryStats().seriesCount == 0)
            #expect(store.labelValues("job").isEmpty)
            #expect(store.labelValues("__name__").isEmpty)
        }

        @Test func compactionKeepsChunksWithSamplesInsideTheRetention() {
            let store = SeriesStore(retention: .seconds(60), samplesPerChunk: 4)
            for second in stride(from: 0, to: 120, by: 10) {
                store.append([Sample("m", [:], Double(second))], at: Int64(second) * 1000)
            }
            // Chunks: 0-30 s, 40-70 s, 80-110 s; the cutoff at 75 s leaves the last one.
            #expect(store.compact(now: 135_000).droppedSamples == 4)  // the first one went on append already
            #expect(store.select(matchers: [], from: .min, through: .max)[0].samples.count == 4)
            #expect(store.memoryStats().seriesCount == 1)
        }

        @Test func aSeriesComesBackAfterCompactionRemovedIt() {
            let store = SeriesStore(retention: .seconds(10))
            store.append([Sample("m", ["a": "1"], 1)], at: 1000)
            store.compact(now: 100_000)
            store.append([Sample("m", ["a": "1"], 2)], at: 100_000)
            #expect(
                store.select(matchers: [.equal("a", "1")], from: 0, through: .max)[0].samples == [
                    SamplePoint(100_000, 2)
                ])
        }

        @Test func labelValuesAreComparedByteForByteAsInPrometheus() {
            let store = SeriesStore()
            store.append(
                [Sample("m", ["city": "Z\u{FC}rich"], 1), Sample("m", ["city": "Zu\u{308}rich"], 2)], at: 1000)
            #expect(store.memoryStats().seriesCount == 2)
        }

        @Test func concurrentAppendsAndReadsLoseNothing() async {
            let store = SeriesStore()
            await withTaskGroup(of: Void.self) { group in
                for task in 0..<8 {
                    group.addTask {
                        for step in 0..<500 {
                            store.append(
                                [Sample("probe_success", ["check": "c\(task)"], Double(step % 2))],
                                at: Int64(step) * 1000)
                        }
                    }
                    group.addTask {
                        for _ in 0..<50 {
                            _ = store.select(matchers: [.metricName("probe_success")], from: 0, through: .max)
                        }
                    }
                }
            }
            let all = store.select(matchers: [.metricName("probe_success")], from: 0, through: .max)
            #expect(all.count == 8)
            #expect(all.allSatisfy { $0.samples.count == 500 })
            #expect(store.memoryStats().sampleCount == 4000)
        }
    }
}
