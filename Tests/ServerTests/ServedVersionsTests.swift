import Foundation
import Testing

@testable import Server
@testable import SwitchboardCore

/// A console that took long to fetch a whole snapshot still catches up by a delta from it, while
/// the versions kept stay bounded.
@Suite struct ServedVersionsTests {
    let start = ContinuousClock.now

    func at(_ seconds: Int) -> ContinuousClock.Instant { start + .seconds(seconds) }

    @Test func onlyTheNewestVersionsServedAsDeltasStayBases() {
        var served = ServedVersions(recentCount: 4)
        for version in 1...10 {
            served.remember(SnapshotDeltaTests.snapshot(version: UInt64(version)), whole: false, at: at(0))
        }
        #expect(served.base(6, at: at(0)) == nil)
        #expect(served.base(7, at: at(0))?.version == 7)
        #expect(served.base(10, at: at(0))?.version == 10)
    }

    @Test func aWholeSnapshotStaysABaseForItsLifetimeWhateverCameAfter() {
        var served = ServedVersions(recentCount: 4, wholeLifetime: .seconds(60))
        served.remember(SnapshotDeltaTests.snapshot(version: 1), whole: true, at: at(0))
        for version in 2...40 {
            served.remember(SnapshotDeltaTests.snapshot(version: UInt64(version)), whole: false, at: at(version))
        }
        #expect(served.base(1, at: at(60))?.version == 1, "the slow console catches up by a delta")
        #expect(served.base(1, at: at(61)) == nil, "and is forgotten a minute after it was served")
    }

    @Test func servingAWholeSnapshotAgainRenewsIt() {
        var served = ServedVersions(recentCount: 1, wholeLifetime: .seconds(60))
        served.remember(SnapshotDeltaTests.snapshot(version: 1), whole: true, at: at(0))
        served.remember(SnapshotDeltaTests.snapshot(version: 1), whole: true, at: at(50))
        served.remember(SnapshotDeltaTests.snapshot(version: 2), whole: false, at: at(50))
        #expect(served.base(1, at: at(100))?.version == 1)
    }

    @Test func atMostSoManyWholeSnapshotsAreKept() {
        var served = ServedVersions(recentCount: 1, wholeLifetime: .seconds(60), wholeCount: 3)
        for version in 1...5 {
            served.remember(SnapshotDeltaTests.snapshot(version: UInt64(version)), whole: true, at: at(version))
        }
        #expect(served.base(2, at: at(6)) == nil)
        #expect([3, 4, 5].allSatisfy { served.base($0, at: at(6)) != nil })
    }
}
