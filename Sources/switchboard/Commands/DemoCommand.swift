import ArgumentParser
import Demo
import Foundation
import Monitor
import SwitchboardCore
import Synchronization

/// `switchboard demo`: starts a simulated landscape on loopback and the console on it.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start a simulated integration landscape on this machine and watch it in the console.",
        discussion: """
            Starts one HTTP server per simulated system on 127.0.0.1 (ephemeral ports), loads the demo's \
            config (examples/demo.yaml, with ${DEMO_*} variables pointing at those servers) and opens the \
            console. Faults (outages, latency spikes, 5xx bursts, a SOAP Fault, a health check that says \
            DOWN) come and go on a timeline that is the same for the same --seed.
            """)

    @Option(help: "Seed of the fault timeline; the same seed replays the same faults.")
    var seed: UInt64 = 1

    /// `--state-dir` (and `--config`, which the demo ignores): declared once, with the root command's
    /// options, so that `demo --state-dir DIR` reaches this command rather than the root's copy.
    @OptionGroup var common: CommonOptions

    @Flag(
        help: """
            Run only the simulated systems, without the console: print their addresses as shell \
            `export` lines and serve until interrupted (to try `switchboard check` or your own config on them).
            """)
    var serversOnly = false

    @OptionGroup var console: ConsoleFlags

    func run() async throws {
        if serversOnly { return try await serveOnly() }
        let stateDirectory = common.stateDirectory
        OperatorLog.start(stateDirectory: stateDirectory, command: "demo --seed \(seed)")
        try ConsoleRunner.preflight(options: console.options)
        // The simulated systems start only with the engine: a second demo console attaches to the first.
        let demo = Mutex<DemoLandscape?>(nil)
        let seed = seed
        do {
            try await ConsoleRunner(options: console.options).run(stateDirectory: stateDirectory) {
                let started = try await DemoLandscape.start(seed: seed)
                demo.withLock { $0 = started }
                let environment = ProcessInfo.processInfo.environment.merging(started.environment) { $1 }
                let configFile = try DemoLandscape.configFileURL().path
                let landscape = try ConfigLoading.load(configFile, environment: environment)
                return try EngineFactory.plan(landscape: landscape, configFile: configFile)
            }
        } catch {
            await demo.withLock({ $0 })?.shutdown()
            throw error
        }
        await demo.withLock({ $0 })?.shutdown()
        OperatorLog.info("stopped")
    }

    private func serveOnly() async throws {
        let demo = try await DemoLandscape.start(seed: seed)
        let exports = demo.environment.sorted { $0.key < $1.key }.map { "export \($0.key)=\($0.value)\n" }
        let note = "# serving the demo systems (seed \(seed)); stop with Ctrl-C\n"
        FileHandle.standardOutput.write(Data((exports.joined() + note).utf8))
        await TerminationSignal.wait()
        await demo.shutdown()
    }
}
