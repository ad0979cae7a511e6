import Foundation
import PromQL

/// The families of the engine's series store, one per metric name: the newest sample of every
/// series the probes, scrapes, jobs and rules (`ALERTS`, `ALERTS_FOR_STATE`, recorded series) wrote.
///
/// A series is left out when its newest sample is a staleness marker (it ended: an alert that
/// resolved, a pending alert that fired) or older than PromQL's 5-minute lookback at `now` (a check
/// that was removed): what an instant query at `now` would return. Timestamps are not written, so
/// Prometheus stamps each sample with its scrape time and marks a series stale when it disappears.
enum StoreMetricFamilies {
    /// PromQL's default lookback.
    static let lookbackMilliseconds: Int64 = 300_000

    static func families(of samples: [LatestSample], now: Date) -> [MetricFamily] {
        let oldest = Int64(now.timeIntervalSince1970 * 1000) - lookbackMilliseconds
        var families: [MetricFamily] = []
        for sample in samples where !sample.point.isStale && sample.point.timestampMilliseconds >= oldest {
            let line = MetricFamily.Sample(sample.labels.pairs.map { ($0.name, $0.value) }, sample.point.value)
            if families.last?.name == sample.name {
                families[families.count - 1].samples.append(line)
            } else {
                let (help, kind) = describe(sample.name)
                families.append(MetricFamily(sample.name, help: help, kind: kind, samples: [line]))
            }
        }
        return families
    }

    /// The help and type of a name Switchboard writes; a series scraped from a target keeps its
    /// name, and its type (not kept in the store) is `counter` for a `_total` name, `untyped` otherwise.
    static func describe(_ name: String) -> (String, MetricFamily.Kind) {
        if let known = known[name] { return known }
        if name.hasPrefix("probe_") { return ("A sample of a probe, named as the blackbox exporter names it.", .gauge) }
        if name.hasSuffix("_total") { return ("Scraped by a check from its target.", .counter) }
        return ("Scraped by a check from its target, or recorded by a rule.", .untyped)
    }

    private static let known: [String: (String, MetricFamily.Kind)] = [
        "probe_success": ("Whether the check's newest probe succeeded (1) or failed (0).", .gauge),
        "probe_duration_seconds": ("How long the check's newest probe took, in seconds.", .gauge),
        "up": ("Whether a scrape check's newest scrape of its target succeeded (1) or failed (0).", .gauge),
        "ALERTS": ("An alert of a rule, pending or firing, as Prometheus' rule manager writes it.", .gauge),
        "ALERTS_FOR_STATE": ("When a pending or firing alert became active, in seconds since 1970.", .gauge),
        "switchboard_job_running": ("Whether the job is running now.", .gauge),
        "switchboard_job_late": ("Whether the job has not started when its schedule said it would.", .gauge),
        "switchboard_job_missed_runs": ("Scheduled runs of the job that did not happen.", .gauge),
        "switchboard_job_over_sla": ("Whether the job's running run has taken longer than its SLA.", .gauge),
        "switchboard_job_runs_total": ("Finished runs of the job, by result.", .counter),
        "switchboard_job_last_success_timestamp_seconds": ("When the job last succeeded.", .gauge),
        "switchboard_job_last_run_failed": ("Whether the job's newest finished run failed.", .gauge),
        "switchboard_job_last_run_duration_seconds": ("How long the job's newest finished run took.", .gauge),
    ]
}
