import Foundation
import SwitchboardCore
import Testing

@testable import Monitor

/// The engine keeps its checks' history in the state database: a new engine on the same state
/// directory shows the same 24-hour, 7-day and 30-day availability and strip.
@Suite struct EngineHistoryTests {
    static let landscape = Landscape(
        name: "History", systems: [System(id: "erp", name: "ERP"), System(id: "crm", name: "CRM")],
        interfaces: [
            Interface(
                id: "orders", name: "Orders", from: "erp", to: "crm", kind: .rest,
                checks: [
                    Check(id: "orders-http", probe: .tcp(TCPProbeSettings(address: "127.0.0.1:9"))),
                    Check(id: "orders-tcp", probe: .tcp(TCPProbeSettings(address: "127.0.0.1:9"))),
                ])
        ])

    static func stats(_ engine: MonitorEngine, now: Date) throws -> HealthStats {
        let work = MonitorEngine.StatsWork(interface: landscape.interfaces[0], histories: [], throughputOnly: nil)
        return try #require(engine.stats(of: [work], now: now)["orders"])
    }

    @Test func aNewEngineOnTheSameStateDirectoryShowsTheSameHistory() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-history-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let now = Date(timeIntervalSince1970: 1_800_000_000 + 123)
        let first = try MonitorEngine(
            landscape: Self.landscape, ruleGroups: [], stateDatabase: StateDatabase(directory: directory))
        let history = try #require(first.history)
        // Eight days of runs every 150 s per check; a failure in every seventh bucket of one check.
        for step in stride(from: 8 * 86400, to: 0, by: -150) {
            let at = now.addingTimeInterval(-Double(step))
            let bucket = step / 300
            history.record(checkID: "orders-http", startedAt: at, up: bucket % 7 != 0, seconds: 0.05)
            history.record(checkID: "orders-tcp", startedAt: at, up: true, seconds: 0.01)
            if step % 3000 == 0 { history.write(now: at) }
        }
        let before = try Self.stats(first, now: now)
        first.flushHistory(now: now)
        await first.shutdown()

        let second = try MonitorEngine(
            landscape: Self.landscape, ruleGroups: [], stateDatabase: StateDatabase(directory: directory))
        let after = try Self.stats(second, now: now)
        await second.shutdown()
        #expect(before.availability24h != nil && before.availability7d != nil && before.availability30d != nil)
        #expect(after.availability24h == before.availability24h)
        #expect(after.availability7d == before.availability7d)
        #expect(after.availability30d == before.availability30d)
        #expect(after.strip == before.strip)
        #expect(after.strip.cells.contains(.degraded) && after.strip.cells.contains(.ok))
        let expected24h = try #require(before.availability24h)
        #expect(abs(expected24h - (1 - 1.0 / 14)) < 0.002, "a seventh of the runs of one of two checks failed")
    }
}
