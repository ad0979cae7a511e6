import Foundation
import Monitor
import TestSupport
import Testing

/// `switchboard report` over a state database seeded with 5-minute buckets: table, JSON and CSV.
@Suite struct ReportCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-report-\(UUID().uuidString)")

    func run(_ arguments: [String]) async throws -> ChildProcess.Output {
        let config = folder.appendingPathComponent("switchboard.yaml").path
        let state = folder.appendingPathComponent("state").path
        let full = ["report"] + arguments + ["--config", config, "--state-dir", state]
        return try await OwnThread.run {
            try ChildProcess.run(BuiltBinary.path, full, environment: ProcessInfo.processInfo.environment)
        }
    }

    /// Two interfaces; `orders` has two checks with 12 buckets each in the last hours (3 failed
    /// runs) and one fully failed bucket ten days ago, outside a 7-day window; `stock` has none.
    /// A condition held `orders` DOWN 20 minutes and DEGRADED 90 s in the last hours, and DOWN
    /// 5 minutes ten days ago.
    func seed() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
        systems: [{id: shop}, {id: erp}]
        interfaces:
          - id: orders
            from: shop
            to: erp
            checks:
              - {id: orders-http, http: {url: "http://127.0.0.1:9/health"}}
              - {id: orders-tcp, tcp: {address: "127.0.0.1:9"}}
          - id: stock
            from: erp
            to: shop
            checks:
              - {id: stock-http, http: {url: "http://127.0.0.1:9/stock"}}
        """.write(to: folder.appendingPathComponent("switchboard.yaml"), atomically: true, encoding: .utf8)
        let database = try StateDatabase(directory: folder.appendingPathComponent("state"))
        let current = CheckBucket.start(of: Int64(Date().timeIntervalSince1970))
        var buckets: [CheckBucket] = []
        for step in 1...12 {
            let start = current - Int64(step) * CheckBucket.seconds
            buckets.append(
                CheckBucket(
                    checkID: "orders-http", start: start, runs: 30, failures: step == 5 ? 3 : 0, latencyP50: 0.05,
                    latencyP95: 0.1, latencyMax: step == 7 ? 2.5 : 0.5))
            buckets.append(
                CheckBucket(
                    checkID: "orders-tcp", start: start, runs: 30, failures: 0, latencyP50: 0.01, latencyP95: 0.02,
                    latencyMax: 0.03))
        }
        buckets.append(
            CheckBucket(
                checkID: "orders-http", start: current - 10 * 86400, runs: 30, failures: 30, latencyP50: 9,
                latencyP95: 9, latencyMax: 9))
        let conditions =
            (1...4).map {
                ConditionBucket(
                    owner: "interface:orders", start: current - Int64($0) * CheckBucket.seconds, evaluatedSeconds: 300,
                    downSeconds: 300, degradedSeconds: 0)
            } + [
                ConditionBucket(
                    owner: "interface:orders", start: current - 6 * CheckBucket.seconds, evaluatedSeconds: 300,
                    downSeconds: 0, degradedSeconds: 90),
                ConditionBucket(
                    owner: "interface:orders", start: current - 10 * 86400, evaluatedSeconds: 300, downSeconds: 300,
                    degradedSeconds: 0),
            ]
        try HistoryRecorder(database: database.pool).store(buckets, conditions: conditions)
    }

    @Test func theTableShowsEachInterfaceAndItsChecks() async throws {
        try seed()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try await run(["--since", "7d"])
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.components(separatedBy: "\n")
        #expect(lines[0].hasPrefix("History over 7d: "))
        #expect(lines[1].hasPrefix("INTERFACE / CHECK"))
        let orders = try #require(lines.first { $0.hasPrefix("orders ") })
        #expect(
            orders.split(separator: " ").map(String.init) == ["orders", "99.58%", "720", "3", "30ms", "60ms", "2.50s"])
        let ordersIndex = try #require(lines.firstIndex(of: orders))
        #expect(lines[ordersIndex + 1] == "  by conditions: DOWN 20m, DEGRADED 1m30s")
        #expect(!lines.contains { $0.hasPrefix("  by conditions") && $0 != lines[ordersIndex + 1] }, "stock: none")
        let http = try #require(lines.first { $0.hasPrefix("  orders-http") })
        #expect(
            http.split(separator: " ").map(String.init) == [
                "orders-http", "99.17%", "360", "3", "50ms", "100ms", "2.50s",
            ])
        let stock = try #require(lines.first { $0.hasPrefix("stock ") })
        #expect(stock.split(separator: " ").map(String.init) == ["stock", "-", "0", "0", "-", "-", "-"])
    }

    @Test func jsonAndCsvCarryTheSameFigures() async throws {
        try seed()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try await run(["--since", "30d", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let entries = try #require(document["entries"] as? [[String: Any]])
        #expect(entries.map { $0["id"] as? String } == ["orders", "stock"])
        let totals = try #require(entries[0]["totals"] as? [String: Any])
        #expect(totals["runs"] as? Int == 750, "the failed bucket ten days ago is inside 30 days")
        #expect(totals["failures"] as? Int == 33)
        #expect(totals["latency_max"] as? Double == 9)
        #expect(entries[0]["condition_down_seconds"] as? Double == 1500, "ten days ago is inside 30 days")
        #expect(entries[0]["condition_degraded_seconds"] as? Double == 90)
        #expect(entries[1]["condition_down_seconds"] as? Double == 0)

        let csv = try await run(["--since", "24h", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = csv.stdout.split(whereSeparator: \.isNewline).map(String.init)
        #expect(
            rows[0]
                == "kind,interface,check,availability,runs,failures,latency_p50,latency_p95,latency_max,condition_down_seconds,condition_degraded_seconds"
        )
        #expect(rows[1] == "interface,orders,,0.995833,720,3,0.030000,0.060000,2.500000,1200.000000,90.000000")
        #expect(rows[2] == "check,orders,orders-http,0.991667,360,3,0.050000,0.100000,2.500000,,")
        #expect(rows[3] == "check,orders,orders-tcp,1.000000,360,0,0.010000,0.020000,0.030000,,")
        #expect(rows[4] == "interface,stock,,,0,0,,,,0.000000,0.000000")
    }

    @Test func aBadWindowIsRefusedAsBadInput() async throws {
        try seed()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try await run(["--since", "7x"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("error: --since 7x: expected a duration"))
    }
}
