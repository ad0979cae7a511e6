import Monitor

/// The text output of `switchboard check`: one aligned line per check and a summary.
struct CheckReportTable {
    let reports: [CheckReport]

    func render() -> String {
        let rows = reports.map { report -> [String] in
            let result = report.result
            let state = result.up ? "UP" : "DOWN"
            let place = report.owned.interface ?? report.owned.system
            let millis = "\(Int((result.durationSeconds * 1000).rounded())) ms"
            let reason = result.errorClass.map { "[\($0.rawValue)] \(result.reason)" } ?? result.reason
            return [state, report.owned.check.id, place, report.owned.check.probe.kind, millis, reason]
        }
        let header = ["STATE", "CHECK", "INTERFACE/SYSTEM", "KIND", "TIME", "REASON"]
        let widths = (0..<header.count - 1).map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        let lines = ([header] + rows).map { row in
            zip(row.dropLast(), widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ") + "  " + row.last!
        }
        let down = reports.filter { !$0.result.up }.count
        return (lines + ["\(reports.count) checks: \(reports.count - down) up, \(down) down"]).joined(separator: "\n")
    }
}
