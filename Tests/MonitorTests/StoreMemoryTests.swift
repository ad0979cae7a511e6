import PromQL
import Testing

@testable import Monitor

extension StoreTests {
    @Suite struct Memory {
        enum Shape: String, CaseIterable, CustomTestStringConvertible {
            case upDown, latency, counter

            var testDescription: String { rawValue }

            /// An hour of a probe series at 10 s, timestamps jittered by up to 15 ms as a scheduler's are.
            func samples(seed: UInt64) -> [SamplePoint] {
                var generator = SeededGenerator(seed: seed)
                var latencyNanoseconds = 45_000_000.0
                var counter = 1_000_000.0
                return (0..<360).map { index in
                    let time = 1_700_000_000_000 + Int64(index) * 10_000 + Int64.random(in: 0...15, using: &generator)
                    switch self {
                    case .upDown:
                        // Mostly up, with a few outages of a minute or two.
                        return SamplePoint(time, (index / 30) % 5 == 3 && index % 30 < 9 ? 0 : 1)
                    case .latency:
                        latencyNanoseconds = max(
                            1_000_000, latencyNanoseconds + Double.random(in: -2_000_000...2_000_000, using: &generator)
                        )
                        return SamplePoint(time, Double(Int64(latencyNanoseconds)) / 1e9)
                    case .counter:
                        counter += Double(Int.random(in: 0...20, using: &generator))
                        return SamplePoint(time, counter)
                    }
                }
            }

            /// Compressed bytes per sample that a change to the encoding must not exceed.
            var bound: Double {
                switch self {
                case .upDown: 2
                case .latency: 10
                case .counter: 4
                }
            }
        }

        @Test(arguments: Shape.allCases)
        func aProbeSeriesStaysWellUnderSixteenBytesPerSample(shape: Shape) {
            let store = SeriesStore()
            for (check, seed) in zip(["a", "b", "c", "d"], [1, 2, 3, 4] as [UInt64]) {
                for point in shape.samples(seed: seed) {
                    store.append([Sample("m", ["check": check], point.value)], at: point.timestampMilliseconds)
                }
            }
            let stats = store.memoryStats()
            #expect(stats.sampleCount == 4 * 360)
            #expect(stats.chunkCount == 4 * 3)
            #expect(
                stats.payloadBytesPerSample < shape.bound, "\(shape): \(stats.payloadBytesPerSample) bytes per sample")
            #expect(stats.payloadBytesPerSample > 0)
        }

        /// What the scheduler stores: durations to 2⁻²⁰ s, stamped with their due times (an even step).
        @Test func alignedProbeDurationsTakeUnderThreeBytesASample() {
            let store = SeriesStore()
            var generator = SeededGenerator(seed: 7)
            var latency = Duration.milliseconds(45)
            for index in 0..<360 {
                latency = max(
                    .milliseconds(1), latency + .microseconds(Int64.random(in: -2000...2000, using: &generator)))
                let time = 1_700_000_000_000 + Int64(index) * 10_000
                store.append([Sample("probe_duration_seconds", ["check": "a"], latency.probeSeconds)], at: time)
            }
            let stats = store.memoryStats()
            #expect(stats.sampleCount == 360)
            #expect(stats.payloadBytesPerSample < 3, "\(stats.payloadBytesPerSample) bytes per sample")
        }

        @Test func aSeriesSlotStaysNarrow() {
            // Tens of thousands of these sit in the store's hash table, used or not.
            #expect(MemoryLayout<MemorySeries>.stride <= 88)
            #expect(MemoryLayout<XORChunkAppender>.stride <= 56)
        }

        @Test func probeSecondsAreWithinHalfAStepOfTheDuration() {
            for microseconds: Int64 in [0, 1, 999, 45_123, 1_500_000, 59_999_999] {
                let duration = Duration.microseconds(microseconds)
                let stored = duration.probeSeconds
                #expect(abs(stored - duration.seconds) <= 0.5 / 1_048_576)
                #expect((stored * 1_048_576).rounded() == stored * 1_048_576, "a whole number of steps")
            }
        }

        @Test func statsCountSeriesSamplesAndChunks() {
            let store = SeriesStore(samplesPerChunk: 10)
            for index in 0..<25 {
                store.append([Sample("a", [:], 1), Sample("b", ["x": "y"], Double(index))], at: Int64(index) * 1000)
            }
            let stats = store.memoryStats()
            #expect([stats.seriesCount, stats.sampleCount, stats.chunkCount] == [2, 50, 6])
            #expect(stats.indexBytesEstimate > 0)
            #expect(stats.totalBytesPerSample > stats.payloadBytesPerSample)
        }
    }
}
