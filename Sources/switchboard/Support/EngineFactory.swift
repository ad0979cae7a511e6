import ArgumentParser
import Foundation
import Monitor
import SwitchboardCore

/// What an engine is built from: the landscape and its rule groups, both read and checked.
struct EnginePlan: Sendable {
    var landscape: Landscape
    var ruleGroups: [RuleGroup]
}

/// Builds the engine a command runs: the landscape's checks, its rule files (relative to the config
/// file, globs allowed), the alert queue, the jobs and the checks' history, persisted in the state directory.
enum EngineFactory {
    static func engine(landscape: Landscape, configFile: String, stateDirectory: String) throws -> MonitorEngine {
        try engine(plan(landscape: landscape, configFile: configFile), stateDirectory: stateDirectory)
    }

    /// Reads the rule files a landscape names; their errors are reported on stderr (bad input).
    static func plan(landscape: Landscape, configFile: String) throws -> EnginePlan {
        let groups = landscape.ruleFiles.isEmpty ? [] : try ruleGroups(of: landscape, configFile: configFile)
        return EnginePlan(landscape: landscape, ruleGroups: groups)
    }

    static func engine(_ plan: EnginePlan, stateDirectory: String) throws -> MonitorEngine {
        // Always: the checks' history and the store's checkpoint are kept there even without rules or jobs.
        do {
            let database = try StateDatabase(directory: URL(fileURLWithPath: stateDirectory))
            return try MonitorEngine(landscape: plan.landscape, ruleGroups: plan.ruleGroups, stateDatabase: database)
        } catch {
            StandardError.write("error: \(error)")
            throw ExitStatus.stateUnusable
        }
    }

    private static func ruleGroups(of landscape: Landscape, configFile: String) throws -> [RuleGroup] {
        let base = URL(fileURLWithPath: configFile).deletingLastPathComponent()
        let paths = landscape.ruleFiles.flatMap { pattern in
            expand(URL(fileURLWithPath: pattern, relativeTo: base).standardizedFileURL.path)
        }
        do {
            return try RuleFileLoader(engine: PromQLRuleQueryEngine.validator).load(files: paths)
        } catch {
            ConfigLoading.report(error)
            throw ExitStatus.badInput
        }
    }

    /// The files a pattern names: itself when it has no wildcard (so a missing file is reported), else its matches.
    static func expand(_ pattern: String) -> [String] {
        guard pattern.contains(where: { "*?[".contains($0) }) else { return [pattern] }
        var found = glob_t()
        defer { globfree(&found) }
        guard glob(pattern, 0, nil, &found) == 0 else { return [] }
        return (0..<Int(found.gl_pathc)).compactMap { found.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }
}
