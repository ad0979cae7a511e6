import ArgumentParser
import Console
import Foundation
import Logging
import Monitor
import Remote
import Server
import SwitchboardCore

/// Runs the console on its own thread, against the engine of a state directory or a remote one.
struct ConsoleRunner {
    let options: ConsoleOptions

    /// Refuses an unusable terminal with one clear line, before anything is started.
    static func preflight(options: ConsoleOptions) throws {
        do {
            try ConsoleApp.preflight(options: options)
        } catch let error as ConsoleError {
            StandardError.write(error.message)
            throw ExitCode.failure
        }
    }

    /// The console on a state directory. When an engine already runs there, the console attaches
    /// to it over the directory's socket; otherwise this process takes the directory's lock, runs
    /// the engine from `plan` and serves it on the socket, so that consoles opened later attach to
    /// it — and takes it over when the engine it attached to goes away (`StateDirectorySource`). A
    /// read-only console never runs an engine of its own: it waits for one to attach to.
    func run(stateDirectory: String, plan: @escaping @Sendable () async throws -> EnginePlan) async throws {
        let source = try await StateDirectorySource.open(
            stateDirectory: stateDirectory, user: options.user, readOnly: options.readOnly, plan: plan)
        let options = self.options
        let outcome = await Self.onOwnThread { try ConsoleApp(dataSource: source, options: options).run() }
        await source.close()
        try outcome.get()
    }

    /// The console on an engine in another process.
    func attach(_ endpoint: EngineEndpoint, token: String?, trustedCertificates: String? = nil) async throws {
        let remote = RemoteDataSource(
            endpoint: endpoint, token: token, user: options.user, trustedCertificates: trustedCertificates)
        remote.start()
        let options = self.options
        let outcome = await Self.onOwnThread { try ConsoleApp(dataSource: remote, options: options).run() }
        await remote.stop()
        try outcome.get()
    }

    /// The directory's lock, or nil when a live engine holds it; an unusable directory exits 3.
    static func lock(_ directory: URL) throws -> StateDirectoryLock? {
        do {
            switch try StateDirectoryLock.acquire(directory: directory) {
            case .acquired(let lock): return lock
            case .heldBy: return nil
            }
        } catch {
            StandardError.write("error: the state directory cannot be locked: \(error)")
            throw ExitStatus.stateUnusable
        }
    }

    /// Runs a blocking function on a dedicated thread (ncurses blocks in its key reads) and awaits it,
    /// so no thread of Swift's cooperative pool is held.
    static func onOwnThread(_ body: @escaping @Sendable () throws -> Void) async -> Result<Void, any Error> {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: Result { try body() })
            }
            thread.name = "console"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
