import Monitor
import SwitchboardCore

/// The daemon's own families: what it is (`switchboard_build_info`, and `alertmanager_build_info`
/// for karma), who follows its event stream, how late probes start, and how full the store is.
enum DaemonMetricFamilies {
    /// The Alertmanager release whose API v2 the `/api/v2` routes follow and whose amtool the tests
    /// run: karma reads it from `alertmanager_build_info` to know what it talks to.
    static let alertmanagerVersion = "0.25.0"

    /// Upper bounds of the probe lateness histogram, in seconds.
    static let latenessBounds: [Double] = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30]

    static func families(info: EngineInfo, eventStreamClients: Int, engine: MonitorEngine?) -> [MetricFamily] {
        var families = [
            MetricFamily(
                "switchboard_build_info", help: "Switchboard's version, and the landscape this engine runs; always 1.",
                kind: .gauge,
                samples: [.init([("version", info.version), ("landscape", info.landscape)], 1)]),
            MetricFamily(
                "alertmanager_build_info",
                help: "The Alertmanager version whose API v2 this engine serves (karma reads it); always 1.",
                kind: .gauge,
                samples: [
                    .init(
                        [
                            ("version", alertmanagerVersion), ("revision", "switchboard-\(info.version)"),
                            ("branch", "switchboard"), ("goversion", "none"),
                        ], 1)
                ]),
            MetricFamily(
                "switchboard_event_stream_clients", help: "Open GET /api/v1/events streams (attached consoles).",
                kind: .gauge, value: Double(eventStreamClients)),
            MetricFamily(
                "switchboard_start_time_seconds", help: "When the engine started, in seconds since 1970.",
                kind: .gauge, value: info.startedAt.timeIntervalSince1970),
        ]
        guard let engine else { return families }
        let lateness = engine.lateness.cumulativeCounts(bounds: latenessBounds)
        var samples: [MetricFamily.Sample] = zip(latenessBounds, lateness.buckets).map { bound, count in
            .init(suffix: "_bucket", [("le", ExpositionWriter.format(bound))], Double(count))
        }
        samples.append(.init(suffix: "_bucket", [("le", "+Inf")], Double(lateness.count)))
        samples.append(.init(suffix: "_sum", [], lateness.sum))
        samples.append(.init(suffix: "_count", [], Double(lateness.count)))
        let store = engine.store.memoryStats()
        families += [
            MetricFamily(
                "switchboard_probe_lateness_seconds",
                help: "How late scheduled probe runs started against their schedule.", kind: .histogram,
                samples: samples),
            MetricFamily(
                "switchboard_store_series", help: "Series in the engine's in-memory store.", kind: .gauge,
                value: Double(store.seriesCount)),
            MetricFamily(
                "switchboard_store_samples", help: "Samples in the engine's in-memory store.", kind: .gauge,
                value: Double(store.sampleCount)),
        ]
        return families
    }
}
