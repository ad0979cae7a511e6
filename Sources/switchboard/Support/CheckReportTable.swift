import Monitor

/// The text output of `switchboard check`: one aligned line per check and a summary, then one per
/// health condition and theirs.
struct CheckReportTable {
    let reports: [CheckReport]
    var conditions: [ConditionReport] = []

    func render() -> String {
        let rows = reports.map { report -> [String] in
            let result = report.result
            let state = result.up ? "UP" : "DOWN"
            let place = report.owned.interface ?? report.owned.system
            let millis = "\(Int((result.durationSeconds * 1000).rounded())) ms"
            let reason = result.errorClass.map { "[\($0.rawValue)] \(result.reason)" } ?? result.reason
            return [state, report.owned.check.id, place, report.owned.check.probe.kind, millis, reason]
        }
        let down = reports.filter { !$0.result.up }.count
        let checks =
            Self.aligned(["STATE", "CHECK", "INTERFACE/SYSTEM", "KIND", "TIME", "REASON"], rows)
            + ["\(reports.count) checks: \(reports.count - down) up, \(down) down"]
        guard !conditions.isEmpty else { return checks.joined(separator: "\n") }
        return (checks + [""] + conditionLines()).joined(separator: "\n")
    }

    private func conditionLines() -> [String] {
        let rows = conditions.map { report -> [String] in
            let state =
                switch report.verdict {
                case .holds(let state, _): state.rawValue
                case .clear: "CLEAR"
                case .notEvaluated: "UNKNOWN"
                }
            return [state, report.condition, report.interface ?? report.system, report.reason]
        }
        func count(_ state: String) -> Int { conditions.filter { $0.state == state }.count }
        let summary =
            "\(conditions.count) conditions: \(count("down")) down, \(count("degraded")) degraded, "
            + "\(count("clear")) clear, \(count("not_evaluated")) not evaluated"
        return Self.aligned(["STATE", "CONDITION", "INTERFACE/SYSTEM", "REASON"], rows) + [summary]
    }

    /// The header and rows in columns as wide as their widest cell; the last column is not padded, and
    /// a row whose last cell is empty ends at its last word.
    private static func aligned(_ header: [String], _ rows: [[String]]) -> [String] {
        let widths = (0..<header.count - 1).map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        return ([header] + rows).map { row in
            let line =
                zip(row.dropLast(), widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ") + "  " + row.last!
            return row.last!.isEmpty ? String(line.reversed().drop { $0 == " " }.reversed()) : line
        }
    }
}
