import ArgumentParser
import Foundation
import Monitor
import SwitchboardCore

/// What an engine is built from: the landscape and its rule groups, both read and checked.
struct EnginePlan: Sendable {
    var landscape: Landscape
    var ruleGroups: [RuleGroup]
}

/// Builds the engine a command runs: the landscape's checks, its rule groups, the alert queue, the jobs and the
/// checks' history, persisted in the state directory.
enum EngineFactory {
    /// Reads the rule files a landscape names (relative to the config file, globs allowed); their
    /// errors are reported on stderr and in the operator log (bad input).
    static func plan(landscape: Landscape, configFile: String) throws -> EnginePlan {
        let ruleGroups = try ConfigLoading.ruleGroups(of: landscape, configFile: configFile)
        OperatorLog.info("config \(configFile): " + ConfigLoading.summary(landscape, ruleGroups: ruleGroups))
        return EnginePlan(landscape: landscape, ruleGroups: ruleGroups)
    }

    static func engine(_ plan: EnginePlan, stateDirectory: String) throws -> MonitorEngine {
        try engine(landscape: plan.landscape, ruleGroups: plan.ruleGroups, stateDirectory: stateDirectory)
    }

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
