import Foundation
import Remote
import SwitchboardCore

/// The command line against an engine's API (`--connect`) instead of the state directory, under the
/// same exit codes: 2 when the engine refused a write (an unknown id, a bad matcher), 3 when the
/// engine cannot be reached.
enum RemoteEngine {
    /// What the engine's consoles show now: alerts, silences, maintenance windows, jobs.
    static func snapshot(on endpoint: EngineEndpoint, connect: ConnectOptions) async throws -> Snapshot {
        let engine = RemoteDataSource(
            endpoint: endpoint, token: try connect.token(), user: AlertCommandSupport.loginName,
            trustedCertificates: connect.caFile)
        do {
            let snapshot = try await engine.fetchSnapshot()
            await engine.stop()
            return snapshot
        } catch {
            await engine.stop()
            StandardError.write("error: \(error)")
            throw ExitStatus.stateUnusable
        }
    }

    static func perform(_ command: Command, on endpoint: EngineEndpoint, connect: ConnectOptions, user: String)
        async throws
    {
        let engine = RemoteDataSource(
            endpoint: endpoint, token: try connect.token(), user: user, trustedCertificates: connect.caFile)
        let outcome = await engine.perform(command)
        await engine.stop()
        guard outcome.succeeded else {
            StandardError.write("error: \(outcome.message)")
            throw outcome.message.hasPrefix("cannot reach the engine") ? ExitStatus.stateUnusable : ExitStatus.badInput
        }
        print(outcome.message)
    }

    /// Refuses an option the API does not take, naming it.
    static func refuse(_ option: String, given: Bool) throws {
        guard given else { return }
        StandardError.write("error: \(option) is not available with --connect")
        throw ExitStatus.badInput
    }
}
