import Foundation

/// One measured run of one tool.
struct BenchRow: Encodable {
    var name: String
    var probes: Int
    var seconds: Double
    var cpuSeconds: Double
    var residentBytes: Int
    var latenessP50: Double?
    var latenessP99: Double?
    /// The series store at the end of the run (Switchboard only).
    var store: StoreFigures?

    var probesPerSecond: Double { Double(probes) / seconds }
    var cpuSecondsPer1000: Double { probes == 0 ? .nan : cpuSeconds / Double(probes) * 1000 }
}

/// The figures of a benchmark as a table for people and as JSON for tools.
struct BenchReport {
    var title: String
    var rows: [BenchRow]

    func table() -> String {
        var lines = [title, ""]
        lines.append(
            pad(["tool", "probes", "probes/s", "CPU s", "CPU s/1000 probes", "RSS MB", "late p50 ms", "late p99 ms"]))
        for row in rows {
            lines.append(
                pad([
                    row.name, String(row.probes), format(row.probesPerSecond, 1), format(row.cpuSeconds, 2),
                    format(row.cpuSecondsPer1000, 3), format(Double(row.residentBytes) / 1_048_576, 1),
                    row.latenessP50.map { format($0 * 1000, 2) } ?? "-",
                    row.latenessP99.map { format($0 * 1000, 2) } ?? "-",
                ]))
        }
        if rows.count == 2 {
            let cpu = rows[0].cpuSecondsPer1000 / rows[1].cpuSecondsPer1000
            let memory = Double(rows[0].residentBytes) / Double(rows[1].residentBytes)
            lines.append("")
            lines.append(
                "ratio \(rows[0].name)/\(rows[1].name): CPU per probe \(format(cpu, 2)), memory \(format(memory, 2))")
        }
        for row in rows {
            guard let store = row.store else { continue }
            lines.append("")
            lines.append(
                "\(row.name) store: \(store.series) series, \(store.samples) samples, "
                    + "\(format(store.payloadBytesPerSample, 2)) bytes/sample compressed, "
                    + "\(format(store.totalBytesPerSample, 2)) with chunk and index overhead")
        }
        return lines.joined(separator: "\n")
    }

    func json() -> String {
        struct Document: Encodable {
            var title: String
            var rows: [BenchRow]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: (try? encoder.encode(Document(title: title, rows: rows))) ?? Data(), as: UTF8.self)
    }

    private func pad(_ cells: [String]) -> String {
        let widths = [20, 8, 9, 7, 18, 7, 12, 12]
        return zip(cells, widths).map { $0.padding(toLength: max($1, $0.count), withPad: " ", startingAt: 0) }
            .joined(separator: " ")
    }

    private func format(_ value: Double, _ digits: Int) -> String {
        value.isNaN ? "-" : String(format: "%.\(digits)f", value)
    }
}

/// What the series store held when a run ended.
struct StoreFigures: Encodable {
    var series: Int
    var samples: Int
    var payloadBytesPerSample: Double
    var totalBytesPerSample: Double
}
