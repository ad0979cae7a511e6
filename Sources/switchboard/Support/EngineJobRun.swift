import Foundation
import Monitor
import Remote
import SwitchboardCore

/// `jobs run ID` while an engine runs on the state directory: the engine starts the run (so its
/// overlap rules apply and no run is doubled), and its lines are followed over the engine's API.
enum EngineJobRun {
    static let pollInterval: Duration = .milliseconds(250)

    /// Starts `jobID` on the engine at `endpoint` and prints its lines until it ends.
    static func run(
        _ jobID: String, on endpoint: EngineEndpoint, token: String? = nil, trustedCertificates: String? = nil,
        user: String
    ) async throws -> JobRunSummary {
        let engine = RemoteDataSource(
            endpoint: endpoint, token: token, user: user, trustedCertificates: trustedCertificates)
        do {
            let run = try await start(jobID, on: engine)
            await engine.stop()
            return run
        } catch {
            await engine.stop()
            throw error
        }
    }

    private static func start(_ jobID: String, on engine: RemoteDataSource) async throws -> JobRunSummary {
        let before = try await engine.jobRuns(jobID: jobID, limit: 1).first?.number ?? 0
        let outcome = await engine.perform(.runJob(id: jobID))
        guard outcome.succeeded else { throw EngineJobRunError.refused(outcome.message) }
        var run: JobRunSummary?
        while run == nil {
            try await Task.sleep(for: pollInterval)
            run = try await engine.jobRuns(jobID: jobID, limit: 1).first.flatMap { $0.number > before ? $0 : nil }
        }
        var current = run!
        var seen = 0
        while true {
            guard let page = try await engine.jobLog(runID: current.id, afterLine: seen, limit: 500) else {
                return current
            }
            let text = page.lines.map { LogFollower.format($0) + "\n" }.joined()
            FileHandle.standardOutput.write(Data(text.utf8))
            seen = page.lines.last?.number ?? seen
            current = page.run
            if current.result != .running, seen >= current.lineCount { return current }
            if page.lines.isEmpty { try await Task.sleep(for: pollInterval) }
        }
    }
}

/// The engine would not start the run.
enum EngineJobRunError: Error, CustomStringConvertible {
    case refused(String)

    var description: String {
        switch self {
        case .refused(let message): message
        }
    }
}
