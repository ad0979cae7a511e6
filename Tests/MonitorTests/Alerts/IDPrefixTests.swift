import Foundation
import Monitor
import PromQL
import SwitchboardCore
import Testing

/// One rule for ids everywhere (`IDPrefix`): the full id, or a unique prefix of at least four characters; an
/// ambiguous prefix lists the candidates.
@Suite struct IDPrefixTests {
    @Test func theHelperFindsExactIdsUniquePrefixesAndListsAmbiguousOnes() {
        let ids = ["e6fb2bc7-0001", "e6fb2bc7-0002", "a1b2c3d4-0003", "nightly-export"]
        #expect(IDPrefix.match("nightly-export", in: ids) == .found("nightly-export"))
        #expect(IDPrefix.match("A1B2", in: ids) == .found("a1b2c3d4-0003"))
        #expect(IDPrefix.match("e6fb2bc7", in: ids) == .ambiguous(["e6fb2bc7-0001", "e6fb2bc7-0002"]))
        #expect(IDPrefix.match("e6fb2bc7-0002", in: ids) == .found("e6fb2bc7-0002"))
        #expect(IDPrefix.match("a1b", in: ids) == .unknown, "too short to be a prefix")
        #expect(IDPrefix.match("ffff", in: ids) == .unknown)
    }

    func silence(_ id: String) throws -> Silence {
        try Silence(
            id: id, matchers: [try LabelMatcher("alertname", .equal, "X")], startsAt: Date(timeIntervalSince1970: 0),
            endsAt: Date(timeIntervalSince1970: 7200), createdBy: "ana", comment: "c")
    }

    @Test func silencesAndWindowsTakeTheShortIdTheConsoleShows() throws {
        let now = Date(timeIntervalSince1970: 60)
        var queue = AlertQueue(
            alerts: [], acknowledgements: [], silences: [try silence("e6fb2bc7-0001"), try silence("e6fb2bc7-0002")],
            notes: [], maintenanceWindows: [])
        #expect(throws: AlertQueueError.ambiguousSilence("e6fb2bc7", candidates: ["e6fb2bc7-0001", "e6fb2bc7-0002"])) {
            try queue.expireSilence("e6fb2bc7", by: "ana", now: now)
        }
        let (expired, _) = try queue.expireSilence("E6FB2BC7-0002", by: "ana", now: now)
        #expect(expired.id == "e6fb2bc7-0002")
        let window = try MaintenanceWindow(
            id: "0c1d2e3f-0004", name: "patch", matchers: [try LabelMatcher("system", .equal, "erp")],
            schedule: .once(start: now, end: now.addingTimeInterval(60)), createdBy: "ana")
        queue = AlertQueue(alerts: [], acknowledgements: [], silences: [], notes: [], maintenanceWindows: [window])
        #expect(try queue.resolveMaintenanceWindowID("0c1d2e3f") == "0c1d2e3f-0004")
    }
}
