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
    /// Where the resident memory went at the end of the run (Switchboard only).
    var memory: MemoryFigures?

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
        if rows.count == 2, rows[1].probesPerSecond < rows[0].probesPerSecond * 0.95 {
            lines.append(
                "note: \(rows[1].name) kept up with only \(format(rows[1].probesPerSecond, 1)) of "
                    + "\(format(rows[0].probesPerSecond, 1)) probes/s: its CPU per probe is at that rate")
        }
        for row in rows {
            if let memory = row.memory {
                lines.append("")
                lines.append(
                    "\(row.name) memory: RSS \(megabytes(row.residentBytes)) MB (peak \(megabytes(memory.peakResidentBytes))), "
                        + "heap in use \(megabytes(memory.heapInUseBytes)) MB, "
                        + "RSS after returning free heap pages \(megabytes(memory.residentAfterTrimBytes)) MB")
            }
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

    private func megabytes(_ bytes: Int) -> String {
        format(Double(bytes) / 1_048_576, 1)
    }

    private func format(_ value: Double, _ digits: Int) -> String {
        value.isNaN ? "-" : String(format: "%.\(digits)f", value)
    }
}

/// The resident memory of a run's end, split into live heap and the rest.
struct MemoryFigures: Encodable {
    var peakResidentBytes: Int
    /// Heap blocks in use (glibc's count).
    var heapInUseBytes: Int
    /// Resident memory once glibc has given its free pages back (`malloc_trim`).
    var residentAfterTrimBytes: Int
}

/// What the series store held when a run ended.
struct StoreFigures: Encodable {
    var series: Int
    var samples: Int
    var payloadBytesPerSample: Double
    var totalBytesPerSample: Double
}
