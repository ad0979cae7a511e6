import Foundation
import PromQL
import TestSupport
import Testing

@testable import Monitor
@testable import SwitchboardCore

@Suite struct CommandJobTests {
    let scratch = ScratchDirectory()

    func engine(_ jobs: [Job], limits: RunRecorder.Limits = RunRecorder.Limits(), store: SeriesStore = SeriesStore())
        throws -> JobEngine
    {
        try JobEngine(jobs: jobs, store: store, database: StateDatabase(directory: scratch.url), limits: limits)
    }

    @Test func capturesStdoutAndStderrLineByLineWithExitCode() async throws {
        let script = try scratch.script(
            "load.sh", "echo 'INFO loading'\necho 'ERROR bad row 17' >&2\necho 'INFO done'\nexit 3")
        let engine = try engine([commandJob("load", [script])])
        let run = try #require(await engine.runAndWait("load"))
        #expect(run.result == .failed && run.exitCode == 3)
        #expect(run.lineCount == 3 && run.firstErrorLine != nil)
        let lines = try engine.lines(runID: run.id)
        #expect(Set(lines.map(\.text)) == ["INFO loading", "ERROR bad row 17", "INFO done"])
        #expect(lines.first { $0.text.hasPrefix("ERROR") }?.stream == .stderr)
        #expect(lines.first { $0.text == "INFO done" }?.stream == .stdout)
        #expect(run.byteCount == "INFO loadingERROR bad row 17INFO done".utf8.count)
    }

    @Test func argumentsAreNotInterpretedByAShell() async throws {
        let engine = try engine([commandJob("echo", ["/bin/echo", "$HOME", "a;b", "*"])])
        let run = try #require(await engine.runAndWait("echo"))
        #expect(run.result == .succeeded)
        #expect(try engine.lines(runID: run.id).map(\.text) == ["$HOME a;b *"])
    }

    @Test func environmentWorkingDirectoryAndShell() async throws {
        let job = Job(
            id: "sh", name: "sh", schedule: nil,
            source: .command(
                JobCommand(
                    arguments: ["echo \"$MODE in $(pwd)\" | tr a-z A-Z"], shell: true, environment: ["MODE": "full"],
                    workingDirectory: scratch.url.path)))
        let engine = try engine([job])
        let run = try #require(await engine.runAndWait("sh"))
        #expect(try engine.lines(runID: run.id).map(\.text) == ["FULL IN \(scratch.url.path.uppercased())"])
    }

    @Test func aProgramThatDoesNotExistFailsTheRunWithAClearMessage() async throws {
        let engine = try engine([commandJob("ghost", ["etl-load-that-does-not-exist", "--full"])])
        let run = try #require(await engine.runAndWait("ghost"))
        #expect(run.result == .notStarted)
        #expect(run.message == "cannot run etl-load-that-does-not-exist: no such program")
        #expect(try engine.lines(runID: run.id).map(\.text).last?.contains("no such program") == true)
        #expect(engine.status("ghost")?.state == .failed)
    }

    @Test func aRunPastItsTimeoutIsKilledWithItsChildren() async throws {
        let pidFile = scratch.path("child.pid")
        let script = try scratch.script("hang.sh", "echo started\nsleep 300 &\necho $! > \(pidFile)\nwait")
        let clock = ManualJobClock(.iso("2026-03-01T02:00:00Z"))
        let engine = try JobEngine(
            jobs: [commandJob("hang", [script], timeout: .milliseconds(500))], store: SeriesStore(),
            database: StateDatabase(directory: scratch.url), clock: clock)
        let finished = Task { await engine.runAndWait("hang") }
        // The script has written its first line and started its child: now its time runs out.
        #expect(
            try await eventually {
                let run = try engine.runs(jobID: "hang").first
                return try FileManager.default.fileExists(atPath: pidFile)
                    && run.map { try engine.lines(runID: $0.id).map(\.text) } == ["started"]
            })
        let stopAdvancing = Task {
            while !Task.isCancelled {
                clock.advance(by: 0.5)
                try? await Task.sleep(for: .milliseconds(20))
            }
        }
        let run = try #require(await finished.value)
        stopAdvancing.cancel()
        #expect(run.result == .timedOut && run.message?.contains("killed after 500ms") == true)
        #expect(try engine.lines(runID: run.id).first?.text == "started")
        let child = try #require(
            Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(
            await eventually { kill(child, 0) != 0 },
            "the sleeping child was in the job's process group and is gone too")
    }

    @Test func anIntervalJobRunsAtStartAndWhenTheClockReachesItsNextDueTime() async throws {
        let start = Date.iso("2026-03-01T02:00:00Z")
        let clock = ManualJobClock(start)
        let engine = try JobEngine(
            jobs: [commandJob("tick", ["/bin/echo", "tick"], schedule: .interval(.seconds(600)))],
            store: SeriesStore(), database: StateDatabase(directory: scratch.url), clock: clock)
        let running = Task { await engine.run() }
        let first = try await eventually { try engine.runs(jobID: "tick").first?.result == .succeeded }
        clock.advance(by: 599)
        clock.advance(by: 1)
        let second = try await eventually {
            try engine.runs(jobID: "tick").filter { $0.result == .succeeded }.count == 2
        }
        running.cancel()
        await running.value
        #expect(first && second)
        #expect(try engine.runs(jobID: "tick").map(\.startedAt) == [start + 600, start], "started at its due time")
    }

    @Test func aFloodIsRateLimitedWithACountOfDroppedLines() async throws {
        let script = try scratch.script("flood.sh", "seq 1 200000")
        let limits = RunRecorder.Limits(linesPerSecond: 5000)
        let engine = try engine([commandJob("flood", [script])], limits: limits)
        let run = try #require(await engine.runAndWait("flood"))
        #expect(run.result == .succeeded)
        #expect(run.droppedLines > 0)
        let lines = try engine.lines(runID: run.id)
        let stored = lines.filter { $0.stream == .stdout }.count
        #expect(stored + run.droppedLines == 200_000, "every line is stored or counted as dropped")
        #expect(lines.contains { $0.stream == .note && $0.text.contains("lines dropped: over 5000 lines/s") })
    }

    @Test func aTenMegabyteLineAndInvalidUTF8AreStoredBounded() async throws {
        let script = try scratch.script(
            "big.sh", "head -c 10485760 /dev/zero | tr '\\0' 'x'\necho\nprintf 'bad \\377\\376 bytes\\n'")
        let engine = try engine([commandJob("big", [script])])
        let run = try #require(await engine.runAndWait("big"))
        let lines = try engine.lines(runID: run.id)
        #expect(lines.count == 2)
        #expect(lines[0].bytes.count < 70 * 1024)
        #expect(lines[0].text.hasSuffix("…[line truncated: \(10_485_760 - 65_536) more bytes]"))
        #expect(lines[1].bytes == Array("bad ".utf8) + [0xFF, 0xFE] + Array(" bytes".utf8))
    }

    @Test func overlapSkipRefusesAndQueueRunsAgainAfter() async throws {
        let gate = scratch.path("gate")
        let script = try scratch.script("wait.sh", "while [ ! -e \(gate) ]; do sleep 0.05; done\necho ran")
        let engine = try engine([
            commandJob("skip", [script], overlap: .skip), commandJob("queue", [script], overlap: .queue),
        ])
        #expect(engine.runNow("skip") == .started)
        #expect(engine.runNow("skip") == .alreadyRunning)
        #expect(engine.runNow("queue") == .started)
        #expect(engine.runNow("queue") == .queued)
        _ = FileManager.default.createFile(atPath: gate, contents: nil)
        try await eventually {
            try engine.runs(jobID: "queue").filter { $0.result == .succeeded }.count == 2
                && engine.runs(jobID: "skip").first?.result == .succeeded
        }
        #expect(try engine.runs(jobID: "skip").map(\.result) == [.succeeded])
        #expect(try engine.runs(jobID: "queue").map(\.result) == [.succeeded, .succeeded])
    }

    @Test func metricsGoIntoTheStore() async throws {
        let store = SeriesStore()
        let ok = try scratch.script("ok.sh", "echo fine")
        let engine = try engine([commandJob("ok", [ok]), commandJob("bad", ["/bin/false"])], store: store)
        let run = try #require(await engine.runAndWait("ok"))
        _ = await engine.runAndWait("ok")
        _ = await engine.runAndWait("bad")
        engine.publishMetrics()
        let labels: Labels = ["job": "ok", "system": "erp"]
        #expect(
            store.newest(name: "switchboard_job_runs_total", labels: labels.merging(["result": "success"]))?.value == 2)
        #expect(
            store.newest(
                name: "switchboard_job_runs_total", labels: ["job": "bad", "system": "erp", "result": "failure"])?
                .value == 1)
        #expect(store.newest(name: "switchboard_job_running", labels: labels)?.value == 0)
        let success = try #require(store.newest(name: "switchboard_job_last_success_timestamp_seconds", labels: labels))
        #expect(success.value >= run.endedAt!.timeIntervalSince1970)
        #expect(store.newest(name: "switchboard_job_last_run_duration_seconds", labels: labels) != nil)
        #expect(
            store.newest(
                name: "switchboard_job_last_success_timestamp_seconds", labels: ["job": "bad", "system": "erp"]) == nil)
    }

    @Test func retentionAppliesAfterEachRun() async throws {
        let engine = try engine([commandJob("r", ["/bin/echo", "hi"], retention: JobRetention(runs: 2))])
        for _ in 0..<4 { _ = await engine.runAndWait("r") }
        #expect(try engine.runs(jobID: "r").map(\.number) == [4, 3])
    }
}
