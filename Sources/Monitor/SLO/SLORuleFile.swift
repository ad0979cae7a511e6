import SwitchboardCore

/// The Prometheus rules of a landscape's SLOs, one group per interface: a recording rule per burn-rate
/// window (`slo:burn_rate:1h`), the error budget left over the SLO's window, and the `SLOBurnRate`
/// alerts of the workbook's multi-window pairs. The engine loads the same text it prints for
/// `switchboard slo rules`, so the semantics have one home.
///
/// ```swift
/// print(SLORuleFile(landscape: landscape).yaml())            // for Prometheus
/// let groups = try SLORuleFile(landscape: landscape).groups() // for the engine
/// ```
public struct SLORuleFile: Sendable {
    /// The name rule errors are reported against.
    public static let fileName = "<slo rules>"
    /// The alert's name.
    public static let alertName = "SLOBurnRate"
    /// The longest burn-rate window: how far back the store must reach for every window to be whole.
    public static let longestWindow: Duration = .seconds(3 * 86_400)

    public let landscape: Landscape

    public init(landscape: Landscape) {
        self.landscape = landscape
    }

    /// The interfaces that have an SLO, in config order.
    public var objectives: [(interface: Interface, slo: ServiceLevelObjective)] {
        landscape.interfaces.compactMap { interface in interface.slo.map { (interface, $0) } }
    }

    /// Every window a pair reads, shortest first.
    public static var windows: [String] {
        var seen: [String] = []
        for pair in SLOBurnPair.workbook.sorted(by: { $0.factor > $1.factor }) {
            for window in [pair.shortWindow, pair.longWindow] where !seen.contains(window) { seen.append(window) }
        }
        return seen.sorted { (DurationParser.parse($0) ?? .zero) < (DurationParser.parse($1) ?? .zero) }
    }

    /// The ratio of bad events of `slo` over `range` (a PromQL duration such as `5m` or `28d`).
    public static func errorRatio(of slo: ServiceLevelObjective, interface: String, range: String) -> String {
        switch slo.indicator {
        case .checks:
            let selector = "probe_success{interface=\"\(interface)\"}"
            return "1 - sum(sum_over_time(\(selector)[\(range)])) / sum(count_over_time(\(selector)[\(range)]))"
        case .ratio(let good, let total):
            let placeholder = ServiceLevelObjective.windowPlaceholder
            let good = good.replacingOccurrences(of: placeholder, with: range)
            let total = total.replacingOccurrences(of: placeholder, with: range)
            return "1 - sum(\(good)) / sum(\(total))"
        }
    }

    /// The burn rate over `range`: the error ratio divided by the budget (1 spends it exactly over the window).
    public static func burnRate(of slo: ServiceLevelObjective, interface: String, range: String) -> String {
        "(\(errorRatio(of: slo, interface: interface, range: range))) / \(number(slo.errorBudget))"
    }

    /// The budget left over the SLO's window: 1 − error ratio / budget.
    public static func budgetRemaining(of slo: ServiceLevelObjective, interface: String) -> String {
        "1 - (\(errorRatio(of: slo, interface: interface, range: DurationParser.format(slo.window)))) / "
            + number(slo.errorBudget)
    }

    /// The recorded burn rate's metric name for a window: `slo:burn_rate:1h`.
    public static func burnRateMetric(_ window: String) -> String { "slo:burn_rate:\(window)" }
    public static let budgetMetric = "slo:error_budget_remaining:ratio"

    /// The rule file; `includingBudget` adds the budget's recording rule, which needs the whole
    /// window of samples (Prometheus has it; the engine reads the budget from its history instead).
    public func yaml(includingBudget: Bool = true) -> String {
        var lines = [
            "# The SLOs of landscape `\(landscape.name)` as Prometheus rules (switchboard slo rules).",
            "# Burn rates follow the multi-window pairs of the Google SRE workbook.",
        ]
        guard !objectives.isEmpty else { return (lines + ["groups: []"]).joined(separator: "\n") + "\n" }
        lines.append("groups:")
        for (interface, slo) in objectives {
            lines += group(interface: interface.id, slo: slo, includingBudget: includingBudget)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The groups the engine evaluates beside the user's rules (without the budget's recording rule).
    public func groups() throws(ConfigErrors) -> [RuleGroup] {
        guard !objectives.isEmpty else { return [] }
        return try RuleFileLoader(engine: PromQLRuleQueryEngine.validator).load(
            yaml: yaml(includingBudget: false), file: Self.fileName)
    }

    private func group(interface: String, slo: ServiceLevelObjective, includingBudget: Bool) -> [String] {
        let labels = "      labels: {interface: \(Self.quoted(interface))}"
        var lines = ["  - name: \(Self.quoted("slo:" + interface))", "    interval: 30s", "    rules:"]
        for window in Self.windows {
            lines += [
                "    - record: \(Self.burnRateMetric(window))",
                "      expr: \(Self.quoted(Self.burnRate(of: slo, interface: interface, range: window)))", labels,
            ]
        }
        if includingBudget {
            lines += [
                "    - record: \(Self.budgetMetric)",
                "      expr: \(Self.quoted(Self.budgetRemaining(of: slo, interface: interface)))", labels,
            ]
        }
        let objective = Self.percent(slo.objective) + " over " + DurationParser.format(slo.window)
        for pair in SLOBurnPair.workbook {
            let long = "\(Self.burnRateMetric(pair.longWindow)){interface=\"\(interface)\"}"
            let short = "\(Self.burnRateMetric(pair.shortWindow)){interface=\"\(interface)\"}"
            let factor = Self.number(pair.factor)
            lines += [
                "    - alert: \(Self.alertName)",
                "      expr: \(Self.quoted("\(long) > \(factor) and \(short) > \(factor)"))",
                "      labels:",
                "        interface: \(Self.quoted(interface))",
                "        severity: \(pair.severity)",
                "        long_window: \(Self.quoted(pair.longWindow))",
                "        short_window: \(Self.quoted(pair.shortWindow))",
                "      annotations:",
                "        summary: "
                    + Self.quoted("{{ $labels.interface }} burns its error budget over \(factor) times too fast"),
                "        description: "
                    + Self.quoted(
                        "Burn rate {{ $value | printf \"%.1f\" }} over \(pair.longWindow), and over \(factor) over "
                            + "\(pair.shortWindow) too; the objective is \(objective)."),
            ]
            if includingBudget {
                // Prometheus' `query` template function; the engine's console shows the budget itself.
                lines.append(
                    "        budget_left: "
                        + Self.quoted(
                            "{{ with printf \"\(Self.budgetMetric){interface=%q}\" $labels.interface | query }}"
                                + "{{ . | first | value | humanizePercentage }}{{ end }}"))
            }
        }
        return lines
    }

    /// A YAML single-quoted string.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A number as PromQL and YAML read it, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        let rounded = (value * 1e9).rounded() / 1e9
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// `99.5%`.
    static func percent(_ ratio: Double) -> String { number(ratio * 100) + "%" }
}
