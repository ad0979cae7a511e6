import ArgumentParser
import Console
import Foundation

/// `switchboard-bench console`: full frames of every view at scale in memory, then the real binary in
/// tmux — key press to updated screen, bytes to the terminal and CPU idle and on the demo — beside
/// btop and htop in panes of the same size.
struct ConsoleBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Console: frame render time at scale, key to screen, terminal bytes and CPU beside btop and htop.")

    @Option(help: "Interfaces in the large synthetic landscape.") var interfaces = 10_000
    @Option(help: "Interfaces in the small one, to show the cost follows visible rows.") var smallInterfaces = 1_000
    @Option(help: "Systems in both.") var systems = 50
    @Option(help: "Alerts in the queue of both.") var alerts = 5_000
    @Option(help: "Frames rendered per view.") var frames = 200
    @Option(help: "Terminal width.") var columns = 200
    @Option(help: "Terminal height.") var rows = 60
    @Option(help: "Key presses timed on the demo.") var presses = 30
    @Option(help: "Seconds each program's bytes and CPU are recorded.") var seconds: Double = 30
    @Option(help: "Seconds a program runs before it is recorded.") var warmup: Double = 5
    @Option(help: "The switchboard binary (default: beside this one).") var switchboard: String?
    @Flag(help: "Only the in-memory render, no tmux.") var renderOnly = false
    @Flag(help: "Print the figures as JSON instead of a table.") var json = false

    struct RenderFigures: Encodable {
        var interfaces: Int
        var alerts: Int
        /// Deriving everything any view can need from a new snapshot (sort, attention rows, topology
        /// layout); the console derives only what the view on screen needs.
        var prepareMilliseconds: Double
        var views: [ViewFigures]
    }

    struct ViewFigures: Encodable {
        var view: String
        /// The first frame after a new snapshot when the UI thread derives what the view needs from
        /// it, then draws (as before the derivation moved off the UI thread).
        var firstFrameMilliseconds: Double
        /// What the view needs derived from a new snapshot, in the console's background task.
        var backgroundDerivationMilliseconds: Double
        /// The first frame the UI thread draws once that derivation was swapped in.
        var firstFrameAfterDerivationMilliseconds: Double
        var medianMilliseconds: Double
        var p99Milliseconds: Double
    }

    struct Figures: Encodable {
        var columns: Int
        var rows: Int
        var render: [RenderFigures]
        var keyToScreen: KeyLatencyFigures?
        var terminal: [TerminalFigures]
        var skipped: [String]
    }

    func run() async throws {
        var figures = Figures(
            columns: columns, rows: rows,
            render: [smallInterfaces, interfaces].map { render(interfaces: $0) }, keyToScreen: nil, terminal: [],
            skipped: [])
        if !renderOnly { try await runInTmux(&figures) }
        print(json ? Self.json(figures) : Self.table(figures, systems: systems, frames: frames))
    }

    private func render(interfaces count: Int) -> RenderFigures {
        let now = Date()
        let snapshot = ConsoleWorkload.snapshot(systems: systems, interfaces: count, alerts: alerts, now: now)
        var prepare: [Double] = []
        for _ in 0..<5 {
            let fresh = ConsoleRenderBenchmark(snapshot: snapshot, columns: columns, rows: rows, now: now)
            let began = ContinuousClock.now
            fresh.prepare()
            prepare.append(QueueBenchmark.milliseconds(ContinuousClock.now - began))
        }
        let bench = ConsoleRenderBenchmark(snapshot: snapshot, columns: columns, rows: rows, now: now)
        bench.prepare()
        var drawn = 0
        let views = ConsoleRenderBenchmark.views.indices.map { view in
            var first: [Double] = []
            for _ in 0..<5 {
                let fresh = ConsoleRenderBenchmark(snapshot: snapshot, columns: columns, rows: rows, now: now)
                let began = ContinuousClock.now
                drawn &+= fresh.render(view: view, frame: 0)
                first.append(QueueBenchmark.milliseconds(ContinuousClock.now - began))
            }
            var derivation: [Double] = []
            var afterDerivation: [Double] = []
            for _ in 0..<5 {
                let fresh = ConsoleRenderBenchmark(snapshot: snapshot, columns: columns, rows: rows, now: now)
                let began = ContinuousClock.now
                fresh.deriveInBackground(view: view)
                let derived = ContinuousClock.now
                drawn &+= fresh.render(view: view, frame: 0)
                derivation.append(QueueBenchmark.milliseconds(derived - began))
                afterDerivation.append(QueueBenchmark.milliseconds(ContinuousClock.now - derived))
            }
            for frame in 0..<10 { drawn &+= bench.render(view: view, frame: frame) }
            var times: [Double] = []
            for frame in 0..<frames {
                let began = ContinuousClock.now
                drawn &+= bench.render(view: view, frame: frame)
                times.append(QueueBenchmark.milliseconds(ContinuousClock.now - began))
            }
            return ViewFigures(
                view: ConsoleRenderBenchmark.views[view], firstFrameMilliseconds: QueueBenchmark.percentile(first, 0.5),
                backgroundDerivationMilliseconds: QueueBenchmark.percentile(derivation, 0.5),
                firstFrameAfterDerivationMilliseconds: QueueBenchmark.percentile(afterDerivation, 0.5),
                medianMilliseconds: QueueBenchmark.percentile(times, 0.5),
                p99Milliseconds: QueueBenchmark.percentile(times, 0.99))
        }
        if drawn == 0 { print("(nothing was drawn)") }
        return RenderFigures(
            interfaces: count, alerts: alerts, prepareMilliseconds: QueueBenchmark.percentile(prepare, 0.5),
            views: views)
    }

    private func runInTmux(_ figures: inout Figures) async throws {
        guard TmuxPane.isInstalled else {
            figures.skipped.append("tmux is not installed: key to screen, bytes and CPU skipped")
            return
        }
        let binary =
            switchboard
            ?? URL(fileURLWithPath: BenchPaths.selfExecutable).deletingLastPathComponent()
            .appendingPathComponent("switchboard").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw ValidationError("no switchboard binary at \(binary): build it with -c release or pass --switchboard")
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("sb-bench-console-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer {
            TmuxPane.killServer()
            try? FileManager.default.removeItem(at: work)
        }
        let runs = TerminalRuns(columns: columns, rows: rows, seconds: seconds, warmup: warmup)

        // Idle: a landscape whose checks run once in the first seconds, then not for an hour.
        let (targets, port) = try TargetsCommand.start()
        defer { targets.stop() }
        let config = work.appendingPathComponent("idle.yaml")
        try TerminalRuns.idleConfig(port: port, count: 20).write(to: config, atomically: true, encoding: .utf8)
        let idle = try TmuxPane.start(
            "\(binary) --config \(config.path) --state-dir \(work.path)/idle-state", name: "idle", columns: columns,
            rows: rows)
        figures.terminal.append(try runs.measure("switchboard idle", in: idle) { $0.contains("up 20/20") })
        idle.kill()

        // The demo: key to screen first, then bytes and CPU while its faults come and go.
        let demo = try TmuxPane.start(
            "\(binary) demo --state-dir \(work.path)/demo-state", name: "demo", columns: columns, rows: rows)
        guard try demo.waitFor(timeout: 120, { $0.contains("NEEDS ATTENTION") || $0.contains("nothing: all") }) else {
            throw TmuxError.failed("the demo did not show its overview:\n\(try demo.capture())")
        }
        figures.keyToScreen = try runs.keyLatency(in: demo, presses: presses)
        try demo.sendKeys("1")
        figures.terminal.append(try runs.measure("switchboard demo", in: demo))
        demo.kill()

        for reference in ["btop", "htop"] {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/\(reference)") else {
                figures.skipped.append("\(reference) is not installed (apt-get install -y \(reference)): skipped")
                continue
            }
            let pane = try TmuxPane.start("/usr/bin/\(reference)", name: reference, columns: columns, rows: rows)
            figures.terminal.append(try runs.measure(reference, in: pane))
            pane.kill()
        }
    }

    static func table(_ figures: Figures, systems: Int, frames: Int) -> String {
        var lines = ["console at \(figures.columns)x\(figures.rows)", ""]
        for render in figures.render {
            lines.append(
                "render, \(render.interfaces) interfaces, \(systems) systems, \(render.alerts) alerts "
                    + "(\(frames) frames a view, in memory): deriving all a new snapshot's rows "
                    + "\(format(render.prepareMilliseconds)) ms; per view, the first frame after a new snapshot "
                    + "derived on the UI thread (what the view needs, then the frame), the same derived in the "
                    + "background then the UI thread's first frame, then each frame:")
            for view in render.views {
                lines.append(
                    "  " + view.view.padding(toLength: 18, withPad: " ", startingAt: 0)
                        + "first \(format(view.firstFrameMilliseconds)) ms   "
                        + "background \(format(view.backgroundDerivationMilliseconds)) ms + "
                        + "first \(format(view.firstFrameAfterDerivationMilliseconds)) ms   "
                        + "p50 \(format(view.medianMilliseconds)) ms   p99 \(format(view.p99Milliseconds)) ms")
            }
        }
        if let key = figures.keyToScreen {
            lines.append("")
            lines.append(
                "key to screen on the demo (\(key.presses) presses of 3/1, tmux send-keys to the capture-pane "
                    + "that shows the new tab): p50 \(format(key.medianMilliseconds)) ms, "
                    + "p95 \(format(key.p95Milliseconds)) ms (one capture-pane alone: \(format(key.captureMedianMilliseconds)) ms)"
            )
        }
        if !figures.terminal.isEmpty {
            lines.append("")
            lines.append("in tmux, \(figures.columns)x\(figures.rows):")
            for run in figures.terminal {
                lines.append(
                    "  " + run.name.padding(toLength: 18, withPad: " ", startingAt: 0)
                        + "\(format(run.bytesPerSecond, 0)) bytes/s   CPU \(format(run.cpuPercent)) %   "
                        + "(\(run.bytes) bytes, \(format(run.cpuSeconds)) CPU s in \(format(run.seconds, 1)) s)")
            }
        }
        lines += figures.skipped
        return lines.joined(separator: "\n")
    }

    static func json(_ figures: Figures) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: (try? encoder.encode(figures)) ?? Data(), as: UTF8.self)
    }

    static func format(_ value: Double, _ digits: Int = 2) -> String {
        value.isNaN ? "-" : String(format: "%.\(digits)f", value)
    }
}
