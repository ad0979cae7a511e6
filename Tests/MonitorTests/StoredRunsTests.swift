import Foundation
import PromQL
import SwitchboardCore
import Testing

@testable import Monitor

@Suite struct StoredRunsTests {
    static let labels: Labels = ["check": "erp-health", "kind": "http", "system": "erp"]

    @Test func runsAreTheSuccessAndDurationSamplesJoinedOnTime() {
        let store = SeriesStore()
        for (index, up) in [true, false, true].enumerated() {
            let time = 1_800_000_000_000 + Int64(index) * 10_000
            store.append(
                [
                    Sample("probe_success", Self.labels, up ? 1 : 0),
                    Sample("probe_duration_seconds", Self.labels, 0.25 * Double(index + 1)),
                ], at: time)
        }
        // A duration without its success (rejected, say) is no run; another check's samples are not read.
        store.append([Sample("probe_duration_seconds", Self.labels, 9)], at: 1_800_000_030_000)
        store.append([Sample("probe_success", ["check": "other"], 1)], at: 1_800_000_000_000)
        let runs = StoredRuns.read(Self.labels, from: store, since: 0, through: .max)
        #expect(runs.map(\.up) == [true, false, true])
        #expect(runs.map(\.seconds) == [0.25, 0.5, 0.75])
        #expect(runs.first?.at == Date(timeIntervalSince1970: 1_800_000_000))
        #expect(StoredRuns.read(Self.labels, from: store, since: 1_800_000_010_000, through: .max).count == 2)
    }

    @Test func aCheckTheStoreDoesNotHaveHasNoRuns() {
        #expect(StoredRuns.read(Self.labels, from: SeriesStore(), since: 0, through: .max).isEmpty)
    }
}
