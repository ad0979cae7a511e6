import Foundation
import GRDB
import Hummingbird
import SwitchboardCore
import TestSupport

@testable import Monitor

/// An alert pipeline on a synthetic clock: one rule over `probe_success`, samples written by the test,
/// its state in a temporary state directory, and a loopback webhook that records what it is sent.
struct PipelineFixture {
    static let t0 = Date(timeIntervalSince1970: 1_900_000_000)
    static let rules = """
        groups:
          - name: probes
            interval: 1s
            rules:
              - alert: InterfaceDown
                expr: probe_success == 0
                labels: {severity: critical}
        """

    let directory: String
    let series = SeriesStore()
    let pipeline: AlertPipeline
    let database: DatabasePool
    /// What tick times count from.
    let origin: Date

    /// A pipeline over `rules` whose landscape has `alerting`; `directory` is shared with earlier fixtures (a restart).
    init(alerting: AlertingConfig, directory: String? = nil, origin: Date = t0, rules: String = rules) throws {
        self.origin = origin
        self.directory =
            directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("sb-pipe-\(UUID())").path
        database = try AlertDatabase.open(directory: self.directory)
        let groups = try RuleFileLoader(engine: PromQLRuleQueryEngine.validator).load(yaml: rules, file: "r.yml")
        let landscape = Landscape(
            name: "t", systems: [System(id: "a", name: "A")], interfaces: [], alerting: alerting)
        pipeline = try AlertPipeline(groups: groups, series: series, database: database, landscape: landscape)
    }

    /// Writes `probe_success` of each interface two seconds before `seconds` (so the evaluation sees it),
    /// then evaluates at `seconds` after the origin; `checksReported` false says the engine's checks have
    /// not all reported since it started (as right after a restart).
    @discardableResult
    func tick(
        _ seconds: TimeInterval, _ values: [String: Double] = [:], checksReported: Bool = true
    ) async -> AlertQueueSnapshot {
        let now = origin.addingTimeInterval(seconds)
        let at = Int64((now.timeIntervalSince1970 - 2) * 1000)
        _ = series.append(values.map { Sample("probe_success", ["interface": $0.key], $0.value) }, at: at)
        var snapshot = Snapshot.empty()
        snapshot.progress = CheckProgress(completed: checksReported ? 1 : 0, total: 1)
        return await pipeline.tick(now: now, snapshot: snapshot).0
    }

    var store: AlertStateStore { AlertStateStore(writer: database) }

    static func route(_ url: String, groupWait: Int = 10, sendResolved: Bool = true) -> AlertingConfig {
        AlertingConfig(
            route: NotificationRoute(
                receiver: "ops", groupBy: ["alertname"], groupWait: .seconds(groupWait), groupInterval: .seconds(60),
                repeatInterval: .seconds(3600)),
            receivers: [
                NotificationReceiver(
                    name: "ops",
                    webhooks: [
                        WebhookConfig(url: url, sendResolved: sendResolved, timeout: .seconds(3600), attempts: 1)
                    ])
            ])
    }
}

/// A loopback webhook that records each payload it is sent.
struct RecordingHook {
    let server: LoopbackServer
    let received: ReceivedBodies

    var url: String { server.baseURL + "/hook" }

    static func start() async throws -> RecordingHook {
        let received = ReceivedBodies()
        let server = try await LoopbackServer.start { router in
            router.post("hook") { request, _ in
                let buffer = try await request.body.collect(upTo: 1 << 20)
                await received.record(Data(buffer.readableBytesView))
                return Response(status: .ok)
            }
        }
        return RecordingHook(server: server, received: received)
    }

    /// The payloads received once there are `count` of them (polled; at most the failure deadline, then what there is).
    func payloads(count: Int) async throws -> [WebhookPayload] {
        let deadline = ContinuousClock.now + failureDeadline
        while ContinuousClock.now < deadline {
            let bodies = await received.bodies
            if bodies.count >= count {
                return try bodies.map { try JSONDecoder().decode(WebhookPayload.self, from: $0) }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await received.bodies.map { try JSONDecoder().decode(WebhookPayload.self, from: $0) }
    }
}
