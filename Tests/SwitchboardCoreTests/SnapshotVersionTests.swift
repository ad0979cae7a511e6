import Foundation
import Testing

@testable import SwitchboardCore

/// The engine moves a snapshot's version on only when what it shows changed: every field but the
/// version and the time it was made counts.
@Suite struct SnapshotVersionTests {
    static let base = Snapshot.empty(landscape: "Plant", source: "in-process")

    /// The fields below have a change each.
    static let changedFields = [
        "landscape", "source", "systems", "interfaces", "progress", "alerts", "rules", "jobs", "viewers", "link",
    ]

    /// The base snapshot with one field changed, or nil for a field without a change here.
    static func changing(_ field: String) -> Snapshot? {
        var snapshot = base
        switch field {
        case "landscape": snapshot.landscape = "Other plant"
        case "source": snapshot.source = "http://127.0.0.1:9090"
        case "systems": snapshot.systems = [SystemStatus(id: "erp", name: "ERP", owner: nil, state: .ok, checks: [])]
        case "interfaces":
            snapshot.interfaces = [
                InterfaceStatus(
                    id: "orders", name: "Orders", from: "erp", to: "crm", kind: .rest, owner: nil, state: .down,
                    checks: [])
            ]
        case "progress": snapshot.progress = CheckProgress(completed: 1, total: 2)
        case "alerts":
            let silence = SilenceSnapshot(
                id: "s1", matchers: #"{system="erp"}"#, startsAt: .distantPast, endsAt: .distantFuture,
                createdBy: "kim", comment: "migration", state: "active")
            snapshot.alerts = AlertQueueSnapshot(entries: [], groups: [], silences: [silence])
        case "rules": snapshot.rules = RulesSummary(groups: 1, rules: 3)
        case "jobs": snapshot.jobs = [JobStatus(id: "load", name: "Load", source: "command", state: .waiting)]
        case "viewers": snapshot.viewers = [Viewer(user: "alice", viewing: "alerts", since: .distantPast)]
        case "link": snapshot.link = .attached(pid: 42, endpoint: "unix:/tmp/s.sock")
        default: return nil
        }
        return snapshot
    }

    @Test func aNewVersionOrTimeAloneShowsNothingNew() {
        var later = Self.base
        later.version += 7
        later.generatedAt = later.generatedAt.addingTimeInterval(60)
        #expect(later.showsTheSame(as: Self.base))
    }

    @Test(arguments: changedFields)
    func aChangeOfAnyOtherFieldShowsSomethingNew(field: String) throws {
        let changed = try #require(Self.changing(field))
        #expect(!changed.showsTheSame(as: Self.base))
    }

    @Test func everyFieldOfTheSnapshotHasAChangeAbove() {
        let fields = Mirror(reflecting: Self.base).children.compactMap(\.label)
        #expect(Set(fields).subtracting(["version", "generatedAt"]) == Set(Self.changedFields))
    }
}
