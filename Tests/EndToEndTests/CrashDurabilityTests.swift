import Foundation
import FuzzSupport
import GRDB
import Monitor
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `kill -9` at random moments while operators write: a loop of `switchboard` commands acknowledges,
/// unacknowledges, notes and silences one alert, and is killed (the shell and the command it runs) 30 times.
/// Every write a command reported as done (it exited 0) is in the database afterwards, and the database
/// stays usable for the next round.
@Suite struct CrashDurabilityTests {
    static let rounds = 30

    @Test func everyWriteReportedDoneSurvivesKillNine() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-crash-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let alert = RuleAlert(
            ruleName: "InterfaceDown", labels: ["interface": "orders", "severity": "critical"], state: .firing,
            activeAt: Date(timeIntervalSinceNow: -600), firedAt: Date(timeIntervalSinceNow: -300))
        let store = AlertStateStore(writer: try AlertDatabase.open(directory: directory))
        var queue = AlertQueue()
        try store.recordEvaluation(queue.update(alerts: [alert], topology: .init(), now: Date()), at: Date())

        // Seeded (SplitMix64), so the kill moments are the same on every run.
        var generator = FuzzRandom(seed: 0x5EED_2026)
        var reported: [String] = []
        for round in 0..<Self.rounds {
            let killAfter = Double.random(in: 0...0.4, using: &generator)
            let lines = try await OwnThread.run {
                try WriterLoop.runAndKill(
                    script: Self.script(round: round), binary: BuiltBinary.path, directory: directory,
                    alertID: alert.id.rawValue, killAfterFirstLine: killAfter)
            }
            reported += lines
        }
        #expect(reported.count >= Self.rounds, "each round reported at least one write")
        print("kill -9 test: \(reported.count) writes reported done over \(Self.rounds) rounds, all checked")

        let reopened = AlertStateStore(writer: try AlertDatabase.open(directory: directory))
        let audit = try reopened.auditTrail(limit: 100_000)
        let actors = Set(audit.map { "\($0.action.rawValue) \($0.actor)" })
        let silences = Set(try reopened.loadQueue().silences.values.map(\.comment))
        for line in reported {
            let parts = line.split(separator: " ").map(String.init)
            guard parts.count == 3, parts[0] == "done" else {
                Issue.record("unexpected line \(line)")
                continue
            }
            let (kind, tag) = (parts[1], parts[2])
            if kind == "silence" {
                #expect(silences.contains(tag), "silence \(tag) was reported done and is missing")
            } else {
                #expect(actors.contains("\(kind) \(tag)"), "\(kind) by \(tag) was reported done and is missing")
            }
        }
        let check = try await DatabaseQueue(path: directory + "/" + AlertDatabase.fileName).read { db in
            try String.fetchOne(db, sql: "PRAGMA integrity_check")
        }
        #expect(check == "ok")
    }

    /// The shell loop of one round: each command's tag names the round and its turn, and `done KIND TAG`
    /// is printed only after the command exited 0 (after its commit).
    static func script(round: Int) -> String {
        """
        i=0
        while :; do
          i=$((i+1)); t="r\(round)-$i"
          "$SB" alerts ack "$ID" --note "n $t" --by "$t" --state-dir "$DIR" >/dev/null && echo "done ack $t"
          "$SB" alerts note "$ID" "note $t" --by "$t" --state-dir "$DIR" >/dev/null && echo "done note $t"
          "$SB" silence add "job=$t" --duration 1h --comment "$t" --by "$t" --state-dir "$DIR" >/dev/null \\
            && echo "done silence $t"
          "$SB" alerts unack "$ID" --by "$t" --state-dir "$DIR" >/dev/null && echo "done unack $t"
        done
        """
    }
}

/// Runs a shell loop in a process group of its own, collects its stdout lines, and kills the whole
/// group with SIGKILL a while after the first line.
enum WriterLoop {
    static func runAndKill(
        script: String, binary: String, directory: String, alertID: String, killAfterFirstLine delay: Double
    ) throws -> [String] {
        let environment =
            ProcessInfo.processInfo.environment.merging(["SB": binary, "DIR": directory, "ID": alertID]) { $1 }
        let child = try ChildProcess.startPiped(
            "/bin/sh", ["-c", script], environment: environment, newProcessGroup: true)
        let pid = child.pid
        defer { close(child.output) }
        var output = Data()
        var deadline: Date?
        var buffer = [UInt8](repeating: 0, count: 4096)
        var poller = pollfd(fd: child.output, events: Int16(POLLIN), revents: 0)
        while deadline.map({ Date() < $0 }) ?? true {
            let wait = deadline.map { max(1, Int32($0.timeIntervalSinceNow * 1000)) } ?? 1000
            guard poll(&poller, 1, wait) > 0 else { continue }
            let count = read(child.output, &buffer, buffer.count)
            if count <= 0 { break }
            output.append(contentsOf: buffer[0..<count])
            if deadline == nil, output.contains(UInt8(ascii: "\n")) { deadline = Date().addingTimeInterval(delay) }
        }
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // What was written before the kill and not read yet still counts as reported.
        while poll(&poller, 1, 0) > 0, case let count = read(child.output, &buffer, buffer.count), count > 0 {
            output.append(contentsOf: buffer[0..<count])
        }
        // `echo` writes each line with one write(2), so a kill never leaves half a line.
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
