import Foundation
import Monitor
import PromQL

/// The load of `switchboard-bench rules`: one rule file of alerting rules and the series they read,
/// handed the same way to Switchboard (a `SeriesStore`) and to Prometheus (OpenMetrics to backfill).
///
/// Per system there is one rule group of ten rules in the styles of `rules/builtin.yml`, and 100
/// series: 20 checks (`probe_success`, `probe_duration_seconds`), 10 interfaces × 2 codes of
/// `http_requests_total`, 5 interfaces × 8 buckets of `request_duration_seconds_bucket`. Values are
/// steady (constant, a 3 % wobble, or counters growing at a constant rate) and kept away from the
/// thresholds, so both engines find the same alerts at any time within a few minutes of the data.
struct RulesWorkload {
    static let buckets = ["0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "+Inf"]

    let systems: Int
    /// Milliseconds between samples, and the groups' evaluation interval.
    let step: Int64 = 15_000
    let samplesPerSeries: Int
    /// The newest sample's time (milliseconds since 1970).
    let end: Int64
    let series: [SyntheticSeries]

    /// How a series' value moves over time.
    enum Shape {
        case constant(Double)
        /// `base` with a ±3 % sine wobble.
        case wobble(base: Double, phase: Double)
        /// A counter that started an hour before the newest sample.
        case counter(perSecond: Double)
    }

    struct SyntheticSeries {
        var name: String
        var labels: Labels
        var shape: Shape
    }

    init(systems: Int, historyMinutes: Int, end: Int64) {
        self.systems = systems
        self.end = end
        samplesPerSeries = historyMinutes * 60_000 / Int(step) + 1
        var random = SplitMix(seed: 7)
        var probes: [SyntheticSeries] = []
        var durations: [SyntheticSeries] = []
        var requests: [SyntheticSeries] = []
        var histograms: [SyntheticSeries] = []
        for system in 0..<systems {
            let name = Self.systemName(system)
            // One system in 25 is mostly down; one in 20 has almost no traffic.
            let outage = system % 25 == 7
            let quiet = system % 20 == 3
            for check in 0..<20 {
                let interface = "\(name)-if-\(check / 2)"
                let labels = Labels([
                    "system": name, "interface": interface, "check": "\(interface)-\(check % 2 == 0 ? "http" : "tcp")",
                    "kind": check % 2 == 0 ? "http" : "tcp",
                ])
                let down = outage ? check % 5 < 3 : random.below(25) == 0
                probes.append(SyntheticSeries(name: "probe_success", labels: labels, shape: .constant(down ? 0 : 1)))
                let roll = random.below(100)
                let base =
                    roll < 85
                    ? random.between(0.05, 1.2) : roll < 95 ? random.between(2.5, 3.5) : random.between(4.4, 4.8)
                durations.append(
                    SyntheticSeries(
                        name: "probe_duration_seconds", labels: labels,
                        shape: .wobble(base: base, phase: random.between(0, 6.3))))
            }
            for interface in 0..<10 {
                let ok = quiet ? random.between(0.01, 0.05) : random.between(2, 50)
                let errorRatio = random.below(10) == 0 ? 0.2 : 0.01
                for (code, rate) in [("200", ok), ("500", ok * errorRatio)] {
                    requests.append(
                        SyntheticSeries(
                            name: "http_requests_total",
                            labels: ["system": name, "interface": "\(name)-if-\(interface)", "code": code],
                            shape: .counter(perSecond: rate)))
                }
            }
            for interface in 0..<5 {
                let roll = random.below(100)
                let cumulative =
                    roll < 80
                    ? [0.3, 0.6, 0.85, 0.97, 0.99, 0.998, 1, 1]
                    : roll < 90
                        ? [0.1, 0.3, 0.55, 0.7, 0.85, 0.93, 0.99, 1] : [0.02, 0.05, 0.1, 0.3, 0.6, 0.85, 0.97, 1]
                let rate = random.between(1, 20)
                for (bucket, fraction) in zip(Self.buckets, cumulative) {
                    histograms.append(
                        SyntheticSeries(
                            name: "request_duration_seconds_bucket",
                            labels: ["system": name, "interface": "\(name)-if-\(interface)", "le": bucket],
                            shape: .counter(perSecond: rate * fraction)))
                }
            }
        }
        // Grouped by metric name: OpenMetrics wants each family in one piece.
        series = probes + durations + requests + histograms
    }

    static func systemName(_ index: Int) -> String {
        "sys-" + String(repeating: "0", count: max(0, 3 - String(index).count)) + String(index)
    }

    /// The time of sample `index` (0 is the oldest).
    func time(ofSample index: Int) -> Int64 {
        end - Int64(samplesPerSeries - 1 - index) * step
    }

    func value(of shape: Shape, at index: Int) -> Double {
        switch shape {
        case .constant(let value): return value
        case .wobble(let base, let phase): return base * (1 + 0.03 * sin(Double(index) * 0.7 + phase))
        case .counter(let perSecond): return perSecond * Double(time(ofSample: index) - (end - 3_600_000)) / 1000
        }
    }

    /// Appends every sample to `store`.
    func load(into store: SeriesStore) {
        for item in series {
            let samples = (0..<samplesPerSeries).map {
                Sample(item.name, item.labels, value(of: item.shape, at: $0), timestampMilliseconds: time(ofSample: $0))
            }
            store.append(samples, at: 0)
        }
    }

    /// Writes every sample as OpenMetrics text (the input of `promtool tsdb create-blocks-from openmetrics`).
    func writeOpenMetrics(to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let file = FileHandle(forWritingAtPath: path)
        else { throw CocoaError(.fileWriteUnknown) }
        defer { try? file.close() }
        var text = ""
        text.reserveCapacity(1 << 21)
        for item in series {
            let identity =
                item.name + "{" + item.labels.pairs.map { "\($0.name)=\"\($0.value)\"" }.joined(separator: ",") + "}"
            for index in 0..<samplesPerSeries {
                let time = time(ofSample: index)
                let milliseconds = String(time % 1000)
                text += "\(identity) \(value(of: item.shape, at: index)) \(time / 1000)."
                text += String(repeating: "0", count: 3 - milliseconds.count) + milliseconds + "\n"
            }
            if text.utf8.count > 1 << 20 {
                try file.write(contentsOf: Data(text.utf8))
                text.removeAll(keepingCapacity: true)
            }
        }
        text += "# EOF\n"
        try file.write(contentsOf: Data(text.utf8))
    }

    /// The rule file: one group per system, evaluated every `step`.
    func ruleFile() -> String {
        var lines = ["groups:"]
        for system in 0..<systems {
            let name = Self.systemName(system)
            lines.append("  - name: system-\(name)")
            lines.append("    interval: \(step / 1000)s")
            lines.append("    rules:")
            for rule in Self.rules(system: name) {
                lines.append("      - alert: \(rule.alert)")
                lines.append("        expr: '\(rule.expression)'")
                if let hold = rule.hold { lines.append("        for: \(hold)") }
                lines.append("        labels:")
                lines.append("          severity: \(rule.severity)")
                lines.append("        annotations:")
                lines.append("          summary: \"\(rule.summary)\"")
                lines.append("          description: \"\(rule.description)\"")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    struct RuleText {
        var alert: String
        var expression: String
        var hold: String?
        var severity: String
        var summary: String
        var description: String
    }

    /// The ten rules of one system's group.
    static func rules(system name: String) -> [RuleText] {
        let s = #"system="\#(name)""#
        let on = "{{ $labels.interface }} on {{ $labels.system }}"
        return [
            RuleText(
                alert: "InterfaceDown", expression: "probe_success{\(s)} == 0", hold: "1m", severity: "critical",
                summary: "\(on) is down",
                description: "Check {{ $labels.check }} ({{ $labels.kind }}) has failed for more than a minute."),
            RuleText(
                alert: "InterfaceDegraded",
                expression:
                    "avg_over_time(probe_duration_seconds{\(s)}[5m]) > 2 and on(system, interface, check) probe_success{\(s)} == 1",
                hold: "5m", severity: "warning", summary: "\(on) is slow",
                description: "Check {{ $labels.check }} took {{ $value | humanizeDuration }} on average over 5 minutes."
            ),
            RuleText(
                alert: "InterfaceFailing", expression: "(1 - avg_over_time(probe_success{\(s)}[5m])) > 0.1",
                hold: "5m", severity: "warning", summary: "\(on) fails",
                description:
                    "{{ $value | humanizePercentage }} of the probes of {{ $labels.check }} failed over 5 minutes."),
            RuleText(
                alert: "ProbeNearTimeout", expression: "max_over_time(probe_duration_seconds{\(s)}[10m]) > 4",
                hold: "2m", severity: "warning", summary: "\(on) nears the probe timeout",
                description: "The slowest probe of {{ $labels.check }} took {{ $value | humanizeDuration }}."),
            RuleText(
                alert: "HighErrorRate",
                expression:
                    #"sum by (system, interface) (rate(http_requests_total{\#(s), code=~"5.."}[5m])) / sum by (system, interface) (rate(http_requests_total{\#(s)}[5m])) > 0.05"#,
                hold: "5m", severity: "critical", summary: "\(on) answers with errors",
                description: "{{ $value | humanizePercentage }} of the requests failed over 5 minutes."),
            RuleText(
                alert: "TrafficDrop", expression: "sum by (system) (rate(http_requests_total{\(s)}[5m])) < 1",
                hold: "10m", severity: "warning", summary: "{{ $labels.system }} receives almost no requests",
                description: "{{ $value | humanize }} requests per second over 5 minutes."),
            RuleText(
                alert: "LatencyHigh",
                expression:
                    "histogram_quantile(0.95, sum by (le, system, interface) (rate(request_duration_seconds_bucket{\(s)}[5m]))) > 1",
                hold: "5m", severity: "warning", summary: "\(on) is slow for 5 % of requests",
                description: "p95 latency {{ $value | humanizeDuration }} over 5 minutes."),
            RuleText(
                alert: "LatencyMedianHigh",
                expression:
                    "histogram_quantile(0.5, sum by (le, system, interface) (rate(request_duration_seconds_bucket{\(s)}[5m]))) > 0.5",
                hold: "10m", severity: "warning", summary: "\(on) is slow for most requests",
                description: "Median latency {{ $value | humanizeDuration }} over 5 minutes."),
            RuleText(
                alert: "SystemDown",
                expression:
                    "count by (system) (probe_success{\(s)} == 0) / count by (system) (probe_success{\(s)}) > 0.5",
                hold: nil, severity: "critical", summary: "{{ $labels.system }} is down",
                description: "{{ $value | humanizePercentage }} of its checks fail."),
            RuleText(
                alert: "ProbeTimeoutRisk",
                expression:
                    "probe_duration_seconds{\(s)} > 4 and on(system, interface, check) probe_success{\(s)} == 1",
                hold: nil, severity: "warning", summary: "\(on) answers just before the timeout",
                description: "The last probe of {{ $labels.check }} took {{ $value | humanizeDuration }}."),
        ]
    }
}

/// The workload's draws from PromQL's deterministic generator, so every run builds the same load.
extension SplitMix {
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func between(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * Double(next() >> 11) / Double(1 << 53)
    }
}
