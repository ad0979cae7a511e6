import ArgumentParser
import Foundation
import Monitor
import SwitchboardCore

/// Loads a config for a command, printing every error to stderr and exiting with `ExitStatus.badInput` (2) on failure.
enum ConfigLoading {
    static func load(_ path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> Landscape
    {
        do throws(ConfigErrors) {
            let landscape = try ConfigLoader(environment: environment).load(file: path)
            let templateErrors = HealthConditionTemplates.errors(in: landscape)
            guard templateErrors.isEmpty else { throw ConfigErrors(templateErrors) }
            return landscape
        } catch {
            report(error)
            throw ExitStatus.badInput
        }
    }

    /// The groups of the rule files a config names (`ConfigRuleFiles`): warnings and errors on stderr, and
    /// `ExitStatus.badInput` (2) when any rule file is missing or invalid.
    static func ruleGroups(of landscape: Landscape, configFile: String) throws -> [RuleGroup] {
        let files = ConfigRuleFiles(patterns: landscape.ruleFiles, configFile: configFile)
        files.warnings.forEach(StandardError.write)
        do {
            return try files.load()
        } catch {
            report(error)
            throw ExitStatus.badInput
        }
    }

    /// `5 systems, 6 interfaces, 30 checks, 3 jobs, 12 rules`
    static func summary(_ landscape: Landscape, ruleGroups: [RuleGroup]) -> String {
        [
            Plural.count(landscape.systems.count, "system"), Plural.count(landscape.interfaces.count, "interface"),
            Plural.count(landscape.allChecks.count, "check"), Plural.count(landscape.jobs.count, "job"),
            Plural.count(ruleGroups.reduce(0) { $0 + $1.rules.count }, "rule"),
        ].joined(separator: ", ")
    }

    static func report(_ errors: ConfigErrors) {
        for error in errors.errors {
            StandardError.write(error.description)
        }
        if errors.errors.count > 1 {
            StandardError.write("\(errors.errors.count) errors")
        }
    }
}

/// Writes lines to stderr, where errors go so that stdout stays parseable.
enum StandardError {
    /// Writes one line, and into the console's log once it is started (`OperatorLog`).
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
        OperatorLog.mirror(line)
    }

    /// Replaces the current line of a terminal (a progress line): carriage return, text, clear to end.
    static func rewrite(_ line: String) {
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
    }
}
