import Foundation

/// Prometheus scraping blackbox_exporter's `/probe` for the same targets at the same interval:
/// the way most teams run HTTP probes today, and the reference Switchboard is measured against.
enum ReferenceRun {
    static let prometheus = "/usr/bin/prometheus"
    static let blackbox = "/usr/bin/prometheus-blackbox-exporter"

    /// The measured row, or nil when the Debian packages are not installed.
    static func blackbox(
        urls: [String], interval: Double, warmup: Double, seconds: Double, counter: RequestCounter
    ) async throws -> BenchRow? {
        guard FileManager.default.isExecutableFile(atPath: prometheus),
            FileManager.default.isExecutableFile(atPath: blackbox)
        else { return nil }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let blackboxPort = try freePort()
        let prometheusPort = try freePort()
        let timeout = min(interval, 5)
        try """
        modules:
          http_2xx:
            prober: http
            timeout: \(timeout)s
            http:
              preferred_ip_protocol: ip4
        """.write(to: directory.appendingPathComponent("blackbox.yml"), atomically: true, encoding: .utf8)
        let targets = urls.map { "          - \($0)" }.joined(separator: "\n")
        try """
        global:
          scrape_interval: \(Int(interval * 1000))ms
          scrape_timeout: \(Int(timeout * 1000))ms
        scrape_configs:
          - job_name: blackbox
            metrics_path: /probe
            params:
              module: [http_2xx]
            static_configs:
              - targets:
        \(targets)
            relabel_configs:
              - source_labels: [__address__]
                target_label: __param_target
              - source_labels: [__param_target]
                target_label: instance
              - target_label: __address__
                replacement: 127.0.0.1:\(blackboxPort)
        """.write(to: directory.appendingPathComponent("prometheus.yml"), atomically: true, encoding: .utf8)
        let exporter = try ChildProcess(
            blackbox,
            [
                "--config.file=\(directory.path)/blackbox.yml", "--web.listen-address=127.0.0.1:\(blackboxPort)",
            ], stderrPath: directory.path + "/blackbox.log")
        defer { exporter.stop() }
        let server = try ChildProcess(
            prometheus,
            [
                "--config.file=\(directory.path)/prometheus.yml", "--storage.tsdb.path=\(directory.path)/data",
                "--web.listen-address=127.0.0.1:\(prometheusPort)",
            ], stderrPath: directory.path + "/prometheus.log")
        defer { server.stop() }
        try await Task.sleep(for: .seconds(warmup))
        let before = (ProcessStats.of(pid: exporter.pid), ProcessStats.of(pid: server.pid))
        let countBefore = try await counter.count()
        try await Task.sleep(for: .seconds(seconds))
        let countAfter = try await counter.count()
        let after = (ProcessStats.of(pid: exporter.pid), ProcessStats.of(pid: server.pid))
        guard let b0 = before.0, let b1 = before.1, let a0 = after.0, let a1 = after.1 else {
            throw ReferenceError.exited
        }
        return BenchRow(
            name: "prometheus+blackbox", probes: countAfter - countBefore, seconds: seconds,
            cpuSeconds: (a0.cpuSeconds - b0.cpuSeconds) + (a1.cpuSeconds - b1.cpuSeconds),
            residentBytes: a0.residentBytes + a1.residentBytes, latenessP50: nil, latenessP99: nil)
    }

    enum ReferenceError: Error { case exited }

    /// A port nothing listens on right now.
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard ok else { throw POSIXError(.EADDRNOTAVAIL) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
