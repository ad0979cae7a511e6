import Foundation
import Monitor
import PromQL
import TestSupport
import Testing

@testable import Server

/// `GET /metrics` over real HTTP from a real engine, the text format's rules, and promtool's
/// verdict on the real page.
@Suite(.serialized)
struct MetricsTests {
    @Test func theEnginesProbesAlertsAndOwnMetricsAreServedOnTCPAndTheSocket() async throws {
        let fixture = try await EngineFixture.start(tokens: [])
        defer { Task { await fixture.stop() } }
        _ = try #require(try await fixture.firingAlert())
        let firing =
            #"ALERTS{alertname="InterfaceDown",alertstate="firing",check="broken",interface="feed",kind="command",severity="critical",system="b"} 1"#
        let page = try await polled({ try await fixture.tcp().get("/metrics").body }, until: { $0.contains(firing) })
        #expect(page.contains(firing), "ALERTS shows the firing alert: \(page)")
        let lines = page.split(separator: "\n").map(String.init)
        #expect(lines.contains(#"probe_success{check="broken",interface="feed",kind="command",system="b"} 0"#))
        #expect(lines.contains("# TYPE probe_success gauge"))
        #expect(lines.contains { $0.hasPrefix(#"probe_duration_seconds{check="broken",interface="feed""#) })
        // Pending went stale when the alert fired: a firing alert has one ALERTS series.
        #expect(!page.contains(#"alertstate="pending""#))
        let activeAt = try #require(fixture.engine.snapshot.alerts.entries.first { $0.state == .firing }?.activeAt)
        #expect(
            lines.contains(
                #"ALERTS_FOR_STATE{alertname="InterfaceDown",check="broken",interface="feed",kind="command",severity="critical",system="b"} "#
                    + "\(Int(activeAt.timeIntervalSince1970))"), "\(page)")
        #expect(lines.contains(#"switchboard_build_info{version="test",landscape="fixture"} 1"#))
        #expect(lines.contains { $0.hasPrefix(#"alertmanager_build_info{version="0.25.0""#) })
        #expect(lines.contains("switchboard_event_stream_clients 0"))
        #expect(lines.contains { $0.hasPrefix("switchboard_store_series ") && !$0.hasSuffix(" 0") })
        #expect(lines.contains { $0.hasPrefix(#"switchboard_probe_lateness_seconds_bucket{le="+Inf"}"#) })
        // This page's own request is counted once it is answered: the next page shows it.
        let next = try await fixture.unix().get("/metrics")
        #expect(next.status == 200)
        #expect(next.body.contains(#"switchboard_http_request_duration_seconds_count{handler="/metrics",code="200"}"#))
        #expect(
            try await eventually {
                try await fixture.tcp().get("/metrics").body.contains(#"switchboard_job_running{job="etl"} 0"#)
            }, "the jobs' series are exposed")
    }

    @Test func withTokensTheScrapeNeedsOneAndAViewersWillDo() async throws {
        let fixture = try await EngineFixture.start()
        defer { Task { await fixture.stop() } }
        #expect(try await fixture.tcp().get("/metrics").status == 401)
        #expect(try await fixture.tcp(token: "viewer-token-0123456789").get("/metrics").status == 200)
        #expect(try await fixture.unix().get("/metrics").status == 200, "the socket's mode decides, as for every read")
    }

    @Test func labelValuesAndHelpAreEscapedAndEachSeriesIsWrittenOnce() {
        let text = ExpositionWriter.text([
            MetricFamily(
                "demo_value", help: "A help with a \\ and a\nnew line.", kind: .gauge,
                samples: [.init([("path", #"C:\dir "quoted""# + "\nnext")], 1.5), .init([("path", "财务系统")], 2)]),
            MetricFamily(
                "demo_value", help: "ignored: the first family's help and type win", kind: .counter,
                samples: [.init([("path", "财务系统")], 3), .init([("path", "x")], .infinity)]),
            MetricFamily("empty_family", help: "no samples, not written", kind: .gauge, samples: []),
        ])
        #expect(
            text == #"""
                # HELP demo_value A help with a \\ and a\nnew line.
                # TYPE demo_value gauge
                demo_value{path="C:\\dir \"quoted\"\nnext"} 1.5
                demo_value{path="财务系统"} 2
                demo_value{path="x"} +Inf

                """#)
        #expect(ExpositionWriter.format(.nan) == "NaN")
        #expect(ExpositionWriter.format(-.infinity) == "-Inf")
        #expect(ExpositionWriter.format(1_700_000_000) == "1700000000")
        #expect(ExpositionWriter.format(0.25) == "0.25")
    }

    @Test func theStoreShowsWhatAnInstantQueryAtNowWouldSee() {
        let store = SeriesStore()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let nowMilliseconds = Int64(now.timeIntervalSince1970 * 1000)
        store.append(
            [
                Sample("probe_success", ["check": "fresh"], 0, timestampMilliseconds: nowMilliseconds - 60_000),
                Sample("probe_success", ["check": "fresh"], 1, timestampMilliseconds: nowMilliseconds - 1_000),
                Sample("probe_success", ["check": "removed"], 1, timestampMilliseconds: nowMilliseconds - 301_000),
                Sample("ALERTS", ["alertname": "Gone"], 1, timestampMilliseconds: nowMilliseconds - 5_000),
                Sample("ALERTS", ["alertname": "Gone"], .staleMarker, timestampMilliseconds: nowMilliseconds - 4_000),
                Sample("requests_total", ["check": "scraped"], 7, timestampMilliseconds: nowMilliseconds),
            ], at: 0)
        let families = StoreMetricFamilies.families(of: store.newestSamples(), now: now)
        #expect(families.map(\.name) == ["probe_success", "requests_total"])
        #expect(families[0].samples == [.init([("check", "fresh")], 1)])
        #expect(families[1].kind == .counter)
        // Six minutes on, the fresh series is past the lookback too.
        #expect(StoreMetricFamilies.families(of: store.newestSamples(), now: now + 360).map(\.name) == [])
    }

    @Test func requestDurationsAreACumulativeHistogram() {
        let durations = RequestDurations()
        durations.record(handler: "/metrics", code: 200, seconds: 0.003)
        durations.record(handler: "/metrics", code: 200, seconds: 0.2)
        durations.record(handler: "/metrics", code: 200, seconds: 60)
        let samples = durations.family.samples
        func bucket(_ le: String) -> Double? {
            samples.first { $0.suffix == "_bucket" && $0.labels.last?.value == le }?.value
        }
        #expect(bucket("0.005") == 1)
        #expect(bucket("0.25") == 2)
        #expect(bucket("10") == 2)
        #expect(bucket("+Inf") == 3)
        #expect(samples.first { $0.suffix == "_count" }?.value == 3)
        #expect(abs((samples.first { $0.suffix == "_sum" }?.value ?? 0) - 60.203) < 1e-9)
    }

    @Test(.enabled(if: Promtool.isInstalled, "promtool is not installed (apt-get install prometheus)"))
    func promtoolPassesTheRealPageWithAwkwardLabels() async throws {
        let fixture = try await EngineFixture.start(tokens: [])
        defer { Task { await fixture.stop() } }
        _ = try #require(try await fixture.firingAlert())
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        fixture.engine.store.append(
            [Sample("probe_success", ["system": "a \"b\" \\ c\nd", "interface": "财务系统"], 1)], at: now)
        _ = try await fixture.tcp().get("/api/v1/snapshot")
        let page = try await fixture.tcp().get("/metrics").body
        #expect(page.contains(#"probe_success{interface="财务系统",system="a \"b\" \\ c\nd"} 1"#), "\(page)")
        #expect(page.contains("switchboard_http_request_duration_seconds_bucket"))
        let check = try await runTool(Promtool.path, ["check", "metrics"], input: page)
        #expect(check.status == 0, "promtool: \(check.stdout) \(check.stderr)\n\(page)")
    }
}

/// promtool, from Debian's prometheus package.
enum Promtool {
    static let path = "/usr/bin/promtool"
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }
}
