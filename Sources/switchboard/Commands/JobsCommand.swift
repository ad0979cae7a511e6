import ArgumentParser
import Foundation
import Monitor
import Remote
import SwitchboardCore

/// `switchboard jobs …`: the jobs of a config, their runs and logs, from the state directory.
struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "List jobs, run one now, read their logs.",
        subcommands: [List.self, Run.self, Logs.self])

    /// Opens the config's jobs on the state database, without running anything.
    static func engine(_ common: CommonOptions) throws -> JobEngine {
        let landscape = try ConfigLoading.load(common.configFile())
        do {
            let database = try StateDatabase(directory: URL(filePath: common.stateDirectory))
            return try JobEngine(jobs: landscape.jobs, store: SeriesStore(), database: database)
        } catch {
            StandardError.write("error: \(error)")
            throw ExitStatus.stateUnusable
        }
    }

    /// The job an id names: the full id or a unique prefix (`IDPrefix`).
    static func job(_ id: String, in engine: JobEngine) throws -> Job {
        let found = try jobID(id, among: engine.jobs.map(\.id))
        guard let job = engine.jobs.first(where: { $0.id == found }) else { throw ExitStatus.badInput }
        return job
    }

    /// The job id an id or unique prefix names among `ids`; bad input naming the candidates otherwise.
    static func jobID(_ id: String, among ids: [String]) throws -> String {
        switch IDPrefix.match(id, in: ids) {
        case .found(let found): return found
        case .ambiguous(let candidates):
            StandardError.write("error: job id `\(id)` is ambiguous: it starts \(candidates.joined(separator: ", "))")
            throw ExitStatus.badInput
        case .unknown: break
        }
        let hint = ids.joined(separator: ", ")
        StandardError.write("error: no job with id `\(id)`" + (hint.isEmpty ? "" : "; jobs: \(hint)"))
        throw ExitStatus.badInput
    }

    /// `switchboard jobs list`
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show every job: state, last run, next run.",
            discussion: "States: running, succeeded, failed, late, missed, waiting.")

        @OptionGroup var common: CommonOptions

        @Option(help: OutputFormat.help)
        var format: OutputFormat = .text
        @OptionGroup var remote: ConnectOptions

        func run() async throws {
            if format == .csv { throw OutputFormat.unsupported(format) }
            let statuses =
                if let endpoint = try remote.endpoint() {
                    try await RemoteEngine.snapshot(on: endpoint, connect: remote).jobs
                } else {
                    try JobsCommand.engine(common).statuses()
                }
            switch format {
            case .text: print(JobsTable(statuses: statuses, now: Date()).render())
            case .json, .csv: print(try JSONOutput.encode(statuses))
            }
        }
    }

    /// `switchboard jobs run ID`
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a command job now, showing its output; exits 1 if the run fails.",
            discussion: """
                When an engine runs on the state directory (a console or `switchboard serve`), that engine \
                starts the run, so the job's overlap rule applies and no run is doubled.
                """)

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("The job's id, or a unique prefix of at least 4 characters.", valueName: "id"))
        var id: String
        @OptionGroup var remote: ConnectOptions

        func run() async throws {
            let directory = URL(fileURLWithPath: common.stateDirectory)
            let socket = StateDirectoryLock.socketPath(directory: directory)
            let endpoint: EngineEndpoint? =
                try remote.endpoint() ?? (StateDirectoryLock.isHeld(directory: directory) ? .socket(path: socket) : nil)
            if let endpoint {
                let user = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
                let run: JobRunSummary
                do {
                    run = try await EngineJobRun.run(
                        id, on: endpoint, token: try remote.token(), trustedCertificates: remote.caFile, user: user)
                } catch {
                    StandardError.write("error: \(error)")
                    throw ExitStatus.failed
                }
                StandardError.write(JobsTable.summary(run))
                if run.result != .succeeded { throw ExitStatus.failed }
                return
            }
            let engine = try JobsCommand.engine(common)
            let job = try JobsCommand.job(self.id, in: engine)
            let id = job.id
            guard !job.command.isEmpty else {
                StandardError.write("error: job `\(id)` is a \(job.source.kind) job; only command jobs can be run")
                throw ExitStatus.badInput
            }
            let started = Date()
            let running = Task { await engine.runAndWait(id) }
            let follower = Task {
                try await LogFollower(store: engine.logStore).follow(jobID: id, startedSince: started)
            }
            let run = await running.value
            if run == nil { follower.cancel() }
            _ = await follower.result
            guard let run else {
                StandardError.write("error: job `\(id)` is already running")
                throw ExitStatus.failed
            }
            StandardError.write(JobsTable.summary(run))
            if run.result != .succeeded { throw ExitStatus.failed }
        }
    }

    /// `switchboard jobs logs ID`
    struct Logs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the log of a job's run (the newest unless --run is given).",
            discussion: "Control characters in lines are shown as ^[ and the like, never sent to the terminal raw.")

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("The job's id, or a unique prefix of at least 4 characters.", valueName: "id"))
        var id: String

        @Option(help: ArgumentHelp("The run's number (1, 2, …); default: the newest.", valueName: "n"))
        var run: Int?

        @Flag(help: "Keep printing lines as they arrive, and later runs, until interrupted.")
        var follow = false

        @Option(help: ArgumentHelp("Only lines matching this POSIX extended regex (as grep -E).", valueName: "regex"))
        var grep: String?

        @Option(help: ArgumentHelp("Only lines at this level or above: error, warn, info, debug.", valueName: "level"))
        var level: String?

        @OptionGroup var remote: ConnectOptions

        func run() async throws {
            let filter = try self.filter()
            if let endpoint = try remote.endpoint() { return try await remoteLogs(endpoint, filter: filter) }
            let engine = try JobsCommand.engine(common)
            let id = try JobsCommand.job(self.id, in: engine).id
            guard let summary = try engine.logStore.run(jobID: id, number: run) else { return try noRun(id) }
            let follower = LogFollower(store: engine.logStore, filter: filter)
            StandardError.write(JobsTable.summary(summary))
            if follow {
                try await follower.follow(run: summary, thenLaterRuns: run == nil)
            } else {
                try follower.printRemaining(runID: summary.id)
            }
        }

        /// The same log from an engine's API (`RemoteJobLog`).
        private func remoteLogs(_ endpoint: EngineEndpoint, filter: JobLineFilter) async throws {
            let engine = RemoteDataSource(
                endpoint: endpoint, token: try remote.token(), user: AlertCommandSupport.loginName,
                trustedCertificates: remote.caFile)
            do {
                let jobs = try await engine.fetchSnapshot().jobs
                let id = try JobsCommand.jobID(self.id, among: jobs.map(\.id))
                let log = RemoteJobLog(engine: engine, filter: filter)
                guard let summary = try await log.run(jobID: id, number: run) else {
                    await engine.stop()
                    return try noRun(id)
                }
                StandardError.write(JobsTable.summary(summary))
                if follow {
                    try await log.follow(summary, thenLaterRuns: run == nil)
                } else {
                    _ = try await log.printRemaining(summary)
                }
                await engine.stop()
            } catch let error as APIClientError {
                await engine.stop()
                StandardError.write("error: \(error)")
                throw ExitStatus.stateUnusable
            } catch {
                await engine.stop()
                throw error
            }
        }

        /// No runs yet is news, not an error; a run number that does not exist is bad input.
        private func noRun(_ id: String) throws {
            guard let run else {
                StandardError.write("job `\(id)` has no runs yet")
                return
            }
            StandardError.write("error: job `\(id)` has no run \(run)")
            throw ExitStatus.badInput
        }

        private func filter() throws -> JobLineFilter {
            var filter = JobLineFilter()
            if let grep {
                do { filter.regex = try PosixRegex(grep) } catch {
                    StandardError.write("error: --grep: \(error)")
                    throw ExitStatus.badInput
                }
            }
            if let level {
                guard let parsed = LogLevel.allCases.first(where: { $0.name.lowercased() == level.lowercased() }) else {
                    StandardError.write("error: --level: expected error, warn, info or debug, found `\(level)`")
                    throw ExitStatus.badInput
                }
                filter.minimumLevel = parsed
            }
            return filter
        }
    }
}
