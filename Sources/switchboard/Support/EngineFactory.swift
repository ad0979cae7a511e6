import ArgumentParser
import Foundation
import Monitor
import SwitchboardCore

/// Builds the engine a command runs: the landscape's checks, its rule groups, the alert queue, the jobs and the
/// checks' history, persisted in the state directory.
enum EngineFactory {
    static func engine(landscape: Landscape, ruleGroups: [RuleGroup], stateDirectory: String) throws -> MonitorEngine {
        // Always: the checks' history and the store's checkpoint are kept there even without rules or jobs.
        do {
            let database = try StateDatabase(directory: URL(fileURLWithPath: stateDirectory))
            return try MonitorEngine(landscape: landscape, ruleGroups: ruleGroups, stateDatabase: database)
        } catch {
            StandardError.write("error: \(error)")
            throw ExitStatus.stateUnusable
        }
    }
}
