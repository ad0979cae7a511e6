import Foundation
import Hummingbird
import TestSupport
import Testing

/// `switchboard check` evaluates the `health.conditions` once over the samples its checks left.
@Suite struct CheckConditionsTests {
    /// An interface that scrapes a queue's lag, DOWN above 1000, and a condition that needs 10m.
    func config(_ server: LoopbackServer) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sb-\(UUID().uuidString).yaml").path
        try """
        systems: [{id: shop}, {id: mq}]
        interfaces:
          - id: orders-shop-mq
            from: shop
            to: mq
            checks:
              - id: mq-metrics
                scrape: {url: "\(server.baseURL)/metrics"}
            health:
              conditions:
                - when: 'sum(orders_queue_lag{queue="orders"}) > 1000'
                  state: down
                  reason: 'orders queue {{ $value | humanize }} messages behind'
                - when: 'increase(orders_processed_total[10m]) < 1'
                  state: degraded
                  reason: 'nothing processed in 10m'
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func page(lag: Int) -> String {
        "orders_queue_lag{queue=\"orders\",partition=\"0\"} \(lag)\norders_queue_lag{queue=\"audit\"} 9999\n"
            + "orders_processed_total 52\n"
    }

    /// The routes of a server with `page` at `/metrics`.
    func metrics(_ page: String) -> (Router<BasicRequestContext>) -> Void {
        { router in router.get("metrics") { _, _ -> String in page } }
    }

    func check(_ arguments: [String]) async throws -> ChildProcess.Output {
        try await OwnThread.run { try ChildProcess.run(BuiltBinary.path, ["check"] + arguments) }
    }

    @Test func aLagAboveTheThresholdIsADownConditionThatFailsTheCheck() async throws {
        try await LoopbackServer.serving(metrics(page(lag: 2500))) { server in
            let path = try config(server)
            let text = try await check(["--config", path])
            #expect(text.status == 1, "a down condition exits 1 as a down check does: \(text.stdout)")
            let lines = text.stdout.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.hasPrefix("UP ") && $0.contains("mq-metrics") }, "\(text.stdout)")
            let down = try #require(lines.first { $0.hasPrefix("DOWN ") }, "\(text.stdout)")
            #expect(down.contains(#"sum(orders_queue_lag{queue="orders"}) > 1000"#) && down.contains("orders-shop-mq"))
            #expect(down.hasSuffix("orders queue 2.5k messages behind"), "the rendered reason: \(down)")
            let starved = try #require(lines.first { $0.contains("increase(orders_processed_total[10m])") })
            #expect(starved.hasPrefix("UNKNOWN ") && starved.hasSuffix("not evaluated: needs 10m of samples"))
            #expect(lines.last == "2 conditions: 1 down, 0 degraded, 0 clear, 1 not evaluated")

            let json = try await check(["--config", path, "--format", "json"])
            #expect(json.status == 1)
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            let checkRow = try #require(rows.first { $0["check"] as? String == "mq-metrics" })
            #expect(checkRow["up"] as? Bool == true && checkRow["kind"] as? String == "scrape")
            let conditions = rows.filter { $0["kind"] as? String == "condition" }
            #expect(conditions.map { $0["state"] as? String } == ["down", "not_evaluated"])
            #expect(conditions.map { $0["up"] as? Bool } == [false, true])
            #expect(conditions.first?["reason"] as? String == "orders queue 2.5k messages behind")
            #expect(conditions.first?["interface"] as? String == "orders-shop-mq")
            for key in checkRow.keys { #expect(conditions.allSatisfy { $0.keys.contains(key) }, "rows share \(key)") }
        }
    }

    @Test func aLagBelowTheThresholdIsClearAndExitsZero() async throws {
        try await LoopbackServer.serving(metrics(page(lag: 200))) { server in
            let result = try await check(["--config", try config(server)])
            #expect(result.status == 0, "\(result.stdout)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            let clear = try #require(lines.first { $0.contains("sum(orders_queue_lag") }, "\(result.stdout)")
            #expect(clear.hasPrefix("CLEAR "))
            #expect(lines.last == "2 conditions: 0 down, 0 degraded, 1 clear, 1 not evaluated")
        }
    }
}
