import Foundation
import Monitor

/// What one program sent to its terminal and used of the CPU over a window, in a tmux pane.
struct TerminalFigures: Encodable {
    var name: String
    var seconds: Double
    var bytes: Int
    var cpuSeconds: Double
    var bytesPerSecond: Double
    var cpuPercent: Double
}

/// Key press to updated screen, through tmux.
struct KeyLatencyFigures: Encodable {
    var presses: Int
    var medianMilliseconds: Double
    var p95Milliseconds: Double
    /// One `tmux capture-pane` round trip alone: the resolution of the polling.
    var captureMedianMilliseconds: Double
}

/// The measurements that need a real terminal: each program in a tmux pane of the same size.
struct TerminalRuns {
    var columns: Int
    var rows: Int
    var seconds: Double
    var warmup: Double

    /// Waits for the pane to be `ready`, then `warmup` seconds, then records for `seconds`: the bytes
    /// through `tmux pipe-pane`, the CPU seconds from /proc/PID/stat.
    func measure(_ name: String, in pane: TmuxPane, ready: (String) -> Bool = { _ in true }) throws -> TerminalFigures {
        guard try pane.waitFor(timeout: 120, ready) else {
            throw TmuxError.failed("\(name) did not become ready; its screen:\n\(try pane.capture())")
        }
        Thread.sleep(forTimeInterval: warmup)
        let pid = try pane.pid()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sb-bench-bytes-\(getpid())-\(name)")
        try? FileManager.default.removeItem(at: file)
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: file) }
        guard let before = ProcessStats.of(pid: pid) else { throw TmuxError.failed("\(name) exited") }
        try pane.pipe(to: file.path)
        let start = Date()
        Thread.sleep(forTimeInterval: seconds)
        try pane.stopPiping()
        let elapsed = Date().timeIntervalSince(start)
        guard let after = ProcessStats.of(pid: pid) else { throw TmuxError.failed("\(name) exited") }
        Thread.sleep(forTimeInterval: 0.3)  // let `cat` write what it still holds
        let bytes = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        let cpu = after.cpuSeconds - before.cpuSeconds
        return TerminalFigures(
            name: name, seconds: elapsed, bytes: bytes, cpuSeconds: cpu, bytesPerSecond: Double(bytes) / elapsed,
            cpuPercent: cpu / elapsed * 100)
    }

    /// Presses keys that switch between two views and polls the screen until the new view's tab is
    /// marked: from before `tmux send-keys` starts to the `capture-pane` that shows it.
    func keyLatency(in pane: TmuxPane, presses: Int) throws -> KeyLatencyFigures {
        let views = [("3", "[3 Interfaces]"), ("1", "[1 Overview]")]
        var times: [Double] = []
        for press in 0..<presses {
            let (key, marker) = views[press % 2]
            let began = ContinuousClock.now
            try pane.sendKeys(key)
            let deadline = Date().addingTimeInterval(5)
            while !(try pane.capture().contains(marker)) {
                guard Date() < deadline else { throw TmuxError.failed("the screen never showed \(marker)") }
            }
            times.append(QueueBenchmark.milliseconds(ContinuousClock.now - began))
            Thread.sleep(forTimeInterval: 0.2)
        }
        var captures: [Double] = []
        for _ in 0..<30 {
            let began = ContinuousClock.now
            _ = try pane.capture()
            captures.append(QueueBenchmark.milliseconds(ContinuousClock.now - began))
        }
        return KeyLatencyFigures(
            presses: presses, medianMilliseconds: QueueBenchmark.percentile(times, 0.5),
            p95Milliseconds: QueueBenchmark.percentile(times, 0.95),
            captureMedianMilliseconds: QueueBenchmark.percentile(captures, 0.5))
    }

    /// A landscape whose data does not change while it is measured: `count` interfaces, each with
    /// one HTTP check every hour against the loopback target server, their ids chosen so that every
    /// first run falls in the first 5 seconds (the scheduler offsets a check by a hash of its id).
    static func idleConfig(port: Int, count: Int) -> String {
        var lines = ["landscape: bench idle (checks every hour)", "systems:"]
        for system in 0..<5 { lines += ["  - id: sys-\(system)", "    name: System \(system)"] }
        lines.append("interfaces:")
        var candidate = 0
        for index in 0..<count {
            var id = ""
            repeat {
                id = "idle-check-\(candidate)"
                candidate += 1
            } while ProbeScheduler.offset(of: id, within: .seconds(3600)) > .seconds(5)
            lines += [
                "  - id: if-\(index)", "    name: Interface \(index)", "    from: sys-\(index % 5)",
                "    to: sys-\((index + 1) % 5)", "    protocol: rest", "    checks:", "      - id: \(id)",
                "        http: {url: \"http://127.0.0.1:\(port)/health/\(index)\"}", "        interval: 1h",
                "        timeout: 2s",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
