import ArgumentParser
import Console
import Foundation
import Monitor
import SwitchboardCore

/// Runs the console on its own thread while the engine polls, and stops both together.
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

    /// Shows `engine` until the user quits; the engine stops when the console does.
    func run(engine: MonitorEngine) async throws {
        let polling = Task { await engine.run() }
        let options = self.options
        let outcome = await Self.onOwnThread { try ConsoleApp(dataSource: engine, options: options).run() }
        polling.cancel()
        await polling.value
        try outcome.get()
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
