import Foundation
import Testing

@testable import SwitchboardCore

/// An interface's SLO status travels in its statistics: a change of it is a new snapshot version,
/// and a snapshot from before SLOs still decodes.
@Suite struct SLOStatusSnapshotTests {
    static let status = SLOStatus(
        objective: 0.995, windowSeconds: 28 * 86_400, sli: 0.997, budgetRemaining: 0.4,
        pairs: SLOBurnPair.workbook.map { pair in
            var pair = pair
            pair.longRate = 20
            pair.shortRate = pair.severity == "page" ? 30 : 0.5
            return pair
        })

    static func snapshot(_ slo: SLOStatus?) -> Snapshot {
        var snapshot = Snapshot.empty(landscape: "Plant", source: "in-process")
        var interface = InterfaceStatus(
            id: "orders", name: "Orders", from: "erp", to: "crm", kind: .rest, owner: nil, state: .ok, checks: [])
        interface.stats.slo = slo
        snapshot.interfaces = [interface]
        return snapshot
    }

    @Test func aChangedBudgetShowsSomethingNew() {
        var spent = Self.status
        spent.budgetRemaining = 0.39
        #expect(!Self.snapshot(Self.status).showsTheSame(as: Self.snapshot(spent)))
        #expect(!Self.snapshot(Self.status).showsTheSame(as: Self.snapshot(nil)))
        #expect(Self.snapshot(Self.status).showsTheSame(as: Self.snapshot(Self.status)))
    }

    @Test func statsWithoutSLODecodeAsBefore() throws {
        let old = try JSONEncoder().encode(HealthStats(availability1h: 0.9))
        #expect(!String(decoding: old, as: UTF8.self).contains("slo"))
        #expect(try JSONDecoder().decode(HealthStats.self, from: old).slo == nil)
        var stats = HealthStats()
        stats.slo = Self.status
        #expect(try JSONDecoder().decode(HealthStats.self, from: JSONEncoder().encode(stats)).slo == Self.status)
    }

    @Test func anSLOStatusWithoutATrailDecodesAndATrailTravels() throws {
        let old = try JSONEncoder().encode(Self.status)
        #expect(!String(decoding: old, as: UTF8.self).contains("budgetTrail"))
        #expect(try JSONDecoder().decode(SLOStatus.self, from: old).budgetTrail == nil)
        var charted = Self.status
        charted.budgetTrail = [1, 0.9, -0.25]
        #expect(try JSONDecoder().decode(SLOStatus.self, from: JSONEncoder().encode(charted)) == charted)
        #expect(!Self.snapshot(charted).showsTheSame(as: Self.snapshot(Self.status)))
    }

    @Test func thePagingPairOverItsFactorIsTheWorstBurn() {
        #expect(Self.status.burning == "page")
        var ticket = Self.status
        ticket.pairs = ticket.pairs.map { pair in
            var pair = pair
            if pair.severity == "page" { pair.shortRate = 1 }
            return pair
        }
        // The ticket pairs burn 20 over their long window but 0.5 over their short one: not burning.
        #expect(ticket.burning == nil)
        ticket.pairs[3].shortRate = 2
        #expect(ticket.burning == "ticket")
    }
}
