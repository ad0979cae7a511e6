import Foundation
import PromQL
import SwitchboardCore
import Testing

@testable import Monitor

/// The store's checkpoint: a round trip answers as before, a bad file is detected and skipped.
@Suite struct StoreCheckpointTests {
    static let start: Int64 = 1_700_000_000_000
    static let interval: Int64 = 10_000

    /// 40 series of three metrics, 500 samples each at a jittery 10 s (several sealed chunks and a
    /// head), with NaNs, infinities, -0 and staleness markers among the values.
    static func filledStore(retention: Duration = .seconds(6 * 3600), samples: Int = 500) -> SeriesStore {
        let store = SeriesStore(retention: retention, samplesPerChunk: 120)
        var random = SeededGenerator(seed: 14)
        for step in 0..<samples {
            var batch: [Sample] = []
            for check in 0..<40 {
                var labels: Labels = ["check": "c\(check)", "system": "s\(check % 7)"]
                if check % 3 != 0 { labels = labels.merging(["team": "ops"]) }
                let time = start + Int64(step) * interval + Int64.random(in: -40...40, using: &random)
                let special: [Double] = [.nan, -.infinity, .infinity, -0.0, .staleMarker]
                let success = step % 97 == check ? special[check % special.count] : Double(step % 50 == 0 ? 0 : 1)
                batch.append(Sample("probe_success", labels, success, timestampMilliseconds: time))
                batch.append(
                    Sample(
                        "probe_duration_seconds", labels,
                        (Double.random(in: 0.01...0.5, using: &random) * 1_048_576).rounded() / 1_048_576,
                        timestampMilliseconds: time))
                // A series that stops half way, ending with a staleness marker.
                if check < 5, step <= samples / 2 {
                    let value = step == samples / 2 ? Double.staleMarker : 200
                    batch.append(Sample("probe_http_status_code", labels, value, timestampMilliseconds: time))
                }
            }
            store.append(batch, at: 0)
        }
        return store
    }

    static var end: Int64 { start + 500 * interval }

    /// Everything the store answers, as comparable values.
    static func answers(_ store: SeriesStore, at now: Int64 = end) throws -> [String] {
        let all = try LabelMatcher.matching("__name__", ".+")
        var result = store.select(matchers: [all], from: .min, through: .max).map { "\($0)" }
        for time in stride(from: start, through: now + interval, by: 777_777) {
            result += store.latest(matchers: [all], at: time).map { "\($0)" }
        }
        for series in store.series(matchers: [all]) {
            result.append(
                "\(series.name)\(series.labels) newest \(String(describing: store.newest(name: series.name, labels: series.labels)))"
            )
            result += store.points(
                name: series.name, labels: series.labels, from: start + 1_234_567, through: now - 999_999
            )
            .map { "\($0)" }
        }
        result += store.labelValues("__name__") + store.labelValues("system") + store.labelValues("team")
        return result
    }

    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appending(path: "sb-checkpoint-\(UUID())")
    }

    // MARK: Round trip

    @Test func roundTripAnswersEveryQueryAsBefore() throws {
        let store = Self.filledStore()
        let checkpoint = store.checkpoint()
        #expect(checkpoint.seriesCount == 85)
        let decoded = try StoreCheckpoint(decoding: checkpoint.encoded())
        let restored = SeriesStore(retention: .seconds(6 * 3600))
        let report = restored.restore(decoded, now: Self.end)
        #expect(report.series == 85)
        #expect(report.samples == checkpoint.sampleCount)
        #expect(report.droppedSamples == 0)
        #expect(try Self.answers(restored) == Self.answers(store))
        #expect(restored.memoryStats() == store.memoryStats(), "the same chunks, byte for byte")
    }

    @Test func anEmptyStoreRoundTrips() throws {
        let bytes = SeriesStore().checkpoint().encoded()
        #expect(bytes.count == StoreCheckpoint.headerSize + StoreCheckpoint.checksumSize)
        #expect(try StoreCheckpoint(decoding: bytes).seriesCount == 0)
    }

    @Test func crcMatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
        let long = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        var split = CRC32()
        split.update(long[..<333])
        split.update(long[333...])
        #expect(split.value == CRC32.checksum(long))
    }

    // MARK: Bad files

    @Test func everyTruncationIsDetected() throws {
        let bytes = Self.filledStore(samples: 150).checkpoint().encoded()
        for length in Array(stride(from: 0, to: bytes.count, by: 97)) + [1, 8, 12, 20, 31, 32, 35, bytes.count - 1] {
            #expect(throws: StoreCheckpointError.self, "cut at \(length)") {
                try StoreCheckpoint(decoding: Array(bytes[..<length]))
            }
        }
        #expect(throws: StoreCheckpointError.wrongLength(expected: bytes.count, actual: 100)) {
            try StoreCheckpoint(decoding: Array(bytes[..<100]))
        }
    }

    @Test func everyFlippedBitIsDetected() throws {
        let bytes = Self.filledStore(samples: 150).checkpoint().encoded()
        var random = SeededGenerator(seed: 7)
        for position in Array(0..<40) + (0..<300).map({ _ in Int.random(in: 0..<bytes.count, using: &random) }) {
            var damaged = bytes
            damaged[position] ^= 1 << UInt8(position % 8)
            #expect(throws: StoreCheckpointError.self, "bit flipped at byte \(position)") {
                try StoreCheckpoint(decoding: damaged)
            }
        }
    }

    @Test func damageBehindAValidChecksumNeverTraps() throws {
        let bytes = Self.filledStore(samples: 150).checkpoint().encoded()
        var random = SeededGenerator(seed: 11)
        for _ in 0..<120 {
            var damaged = bytes
            let position = Int.random(in: StoreCheckpoint.headerSize..<bytes.count - 4, using: &random)
            damaged[position] = UInt8.random(in: 0...255, using: &random)
            let body = damaged.count - 4
            let crc = CRC32.checksum(damaged[..<body])
            for index in 0..<4 { damaged[body + index] = UInt8(truncatingIfNeeded: crc >> (8 * index)) }
            // Either refused or read; when read, the store answers without trapping.
            guard let checkpoint = try? StoreCheckpoint(decoding: damaged) else { continue }
            let store = SeriesStore(retention: .seconds(6 * 3600))
            store.restore(checkpoint, now: Self.end)
            _ = try Self.answers(store)
            store.append(
                [Sample("probe_success", ["check": "c1", "system": "s1", "team": "ops"], 1)], at: Self.end + 60_000)
        }
    }

    @Test func foreignFilesAreRefused() throws {
        var random = SeededGenerator(seed: 3)
        let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }
        #expect(throws: StoreCheckpointError.notACheckpoint) { try StoreCheckpoint(decoding: noise) }
        #expect(throws: StoreCheckpointError.notACheckpoint) {
            try StoreCheckpoint(decoding: Array("groups:\n  - name: probes\n".utf8))
        }
        #expect(throws: StoreCheckpointError.empty) { try StoreCheckpoint(decoding: []) }
    }

    @Test func aFutureVersionIsRefusedAsSuch() throws {
        var bytes = Self.filledStore(samples: 10).checkpoint().encoded()
        bytes[8] = 2
        #expect(throws: StoreCheckpointError.unsupportedVersion(2)) { try StoreCheckpoint(decoding: bytes) }
        #expect("\(StoreCheckpointError.unsupportedVersion(2))" == "format version 2, this Switchboard reads version 1")
    }

    @Test(arguments: ["truncated", "flipped", "noise", "text", "empty", "future"])
    func aBadFileIsMovedAsideAndTheStoreStaysEmpty(_ kind: String) throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let checkpointer = StoreCheckpointer(directory: directory)
        try checkpointer.write(Self.filledStore(samples: 150).checkpoint())
        var bytes = try [UInt8](Data(contentsOf: checkpointer.fileURL))
        switch kind {
        case "truncated": bytes.removeLast(bytes.count / 3)
        case "flipped": bytes[bytes.count / 2] ^= 0x10
        case "noise": bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        case "text": bytes = Array("not a checkpoint\n".utf8)
        case "empty": bytes = []
        default: bytes[8] = 9
        }
        try Data(bytes).write(to: checkpointer.fileURL)

        let store = SeriesStore()
        let outcome = checkpointer.load(into: store)
        guard case .rejected(_, let movedTo) = outcome else {
            Issue.record("\(kind): \(outcome)")
            return
        }
        #expect(movedTo?.lastPathComponent == "series.checkpoint.bad")
        #expect(!FileManager.default.fileExists(atPath: checkpointer.fileURL.path))
        #expect(store.memoryStats().seriesCount == 0)
        #expect(checkpointer.load(into: store) == .missing, "the next start does not trip over it again")
    }

    @Test func aMissingFileLeavesTheStoreAsItWas() {
        let store = SeriesStore()
        store.append([Sample("up", [:], 1)], at: 1000)
        #expect(StoreCheckpointer(directory: Self.temporaryDirectory()).load(into: store) == .missing)
        #expect(store.newest(name: "up", labels: [:]) == SamplePoint(1000, 1))
    }

    // MARK: Writing and loading files

    @Test func aWriteIsAtomicAndLeavesNoTemporaryFile() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = Self.filledStore(samples: 150)
        let checkpointer = StoreCheckpointer(directory: directory)
        let size = try await checkpointer.write(store)
        store.append([Sample("probe_success", ["check": "new"], 1)], at: Self.end)
        try await checkpointer.write(store)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["series.checkpoint"])
        #expect(size > 0)

        let loaded = SeriesStore(retention: .seconds(6 * 3600))
        var expected = RestoreReport()
        (expected.series, expected.samples) = (86, store.checkpoint().sampleCount)
        #expect(checkpointer.load(into: loaded, now: Self.end) == .loaded(expected))
        #expect(try Self.answers(loaded) == Self.answers(store))
    }

    @Test func samplesOlderThanTheRetentionAreDroppedOnLoad() throws {
        let store = Self.filledStore()
        let now = Self.end + 2_000_000
        let loaded = SeriesStore(retention: .seconds(3600))
        let report = loaded.restore(try StoreCheckpoint(decoding: store.checkpoint().encoded()), now: now)
        #expect(report.droppedSamples > 0)
        #expect(report.samples == loaded.memoryStats().sampleCount)
        #expect(loaded.series(matchers: [.metricName("probe_http_status_code")]).isEmpty, "series that ended are gone")
        // As a compaction of the original with the same cutoff (its retention is 6 h) leaves it.
        store.compact(now: now + 5 * 3_600_000)
        #expect(try Self.answers(loaded) == Self.answers(store))
        let durations = loaded.select(matchers: [.metricName("probe_duration_seconds")], from: .min, through: .max)
        #expect(!durations.isEmpty)
        #expect(durations.allSatisfy { $0.samples.last!.timestampMilliseconds >= now - 3_600_000 })
    }

    @Test func appendingAfterALoadContinuesEachSeries() throws {
        let store = Self.filledStore(samples: 250)
        let loaded = SeriesStore(retention: .seconds(6 * 3600))
        loaded.restore(try StoreCheckpoint(decoding: store.checkpoint().encoded()), now: Self.end)
        let labels: Labels = ["check": "c1", "system": "s1", "team": "ops"]
        let next = Self.start + 250 * Self.interval + 5_000
        for target in [store, loaded] {
            var report = target.append(
                (0..<300).map {
                    Sample("probe_success", labels, Double($0 % 2), timestampMilliseconds: next + Int64($0) * 10_000)
                },
                at: 0)
            #expect(report.appended == 300)
            report = target.append([Sample("probe_success", labels, 1, timestampMilliseconds: next - 20_000)], at: 0)
            #expect(report.outOfOrder == 1, "times must still increase")
            target.append([Sample("brand_new", [:], 3)], at: next)
        }
        #expect(try Self.answers(loaded, at: next + 3_000_000) == Self.answers(store, at: next + 3_000_000))
        #expect(loaded.memoryStats() == store.memoryStats(), "the head chunk went on filling rather than starting over")
    }
}

/// The engine loads the store's checkpoint from its state directory before anything runs.
@Suite struct EngineCheckpointTests {
    static func landscape() -> Landscape {
        let check = Check(
            id: "ok", probe: .command(CommandProbeSettings(arguments: ["/bin/true"])), interval: .seconds(60),
            timeout: .seconds(2))
        return Landscape(
            name: "t", systems: [System(id: "a", name: "A"), System(id: "b", name: "B")],
            interfaces: [Interface(id: "feed", name: "Feed", from: "a", to: "b", kind: .file, checks: [check])])
    }

    static func record(into store: SeriesStore) {
        let now = SeriesStore.currentMilliseconds()
        for step in (0..<200).reversed() {
            let time = now - Int64(step) * 10_000
            store.append(
                [
                    Sample("probe_success", ["check": "ok"], step % 40 == 0 ? 0 : 1, timestampMilliseconds: time),
                    Sample(
                        "probe_duration_seconds", ["check": "ok"], Double(step % 9) / 64, timestampMilliseconds: time),
                ], at: time)
        }
    }

    static func answers(_ engine: MonitorEngine) -> [SeriesData] {
        engine.store.select(matchers: [.equal("check", "ok")], from: .min, through: .max)
    }

    @Test func aNewEngineOnTheSameStateDirectoryAnswersAsTheOldOne() async throws {
        let directory = StoreCheckpointTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try MonitorEngine(
            landscape: Self.landscape(), ruleGroups: [], stateDatabase: try StateDatabase(directory: directory))
        Self.record(into: first.store)
        await first.writeCheckpoint()
        #expect(FileManager.default.fileExists(atPath: directory.appending(path: "series.checkpoint").path))

        let second = try MonitorEngine(
            landscape: Self.landscape(), ruleGroups: [], stateDatabase: try StateDatabase(directory: directory))
        #expect(Self.answers(second).count == 2)
        #expect(Self.answers(second) == Self.answers(first))
        await first.shutdown()
        await second.shutdown()
    }

    @Test func runningWritesALastCheckpointWhenCancelled() async throws {
        let directory = StoreCheckpointTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let engine = try MonitorEngine(
            landscape: Self.landscape(), ruleGroups: [], stateDatabase: try StateDatabase(directory: directory))
        Self.record(into: engine.store)
        let running = Task { await engine.run() }
        running.cancel()
        await running.value

        let restarted = try MonitorEngine(
            landscape: Self.landscape(), ruleGroups: [], stateDatabase: try StateDatabase(directory: directory))
        #expect(!Self.answers(restarted).isEmpty)
        // Written after the loop ended, so it holds whatever the check recorded before the cancellation too.
        #expect(Self.answers(restarted) == Self.answers(engine))
        await restarted.shutdown()
    }
}
