import ArgumentParser
import Foundation
import Monitor
import PromQL
import SwitchboardCore

/// What the alert, silence and maintenance commands share: the store in the state directory, the operator's name,
/// and how failures are reported (stderr, then `ExitStatus`: 2 for bad input, 3 for an unusable state database).
enum AlertCommandSupport {
    static func store(_ common: CommonOptions) throws -> AlertStateStore {
        try reporting { AlertStateStore(writer: try AlertDatabase.open(directory: common.stateDirectory)) }
    }

    /// The queue in the state directory as the console shows it at `now`: the operator's state from
    /// the database, and inhibition and suppression (which need the config and live health) as the
    /// engine last saved them.
    static func queue(_ common: CommonOptions, now: Date) throws -> AlertQueueSnapshot {
        let store = try store(common)
        var queue = try reporting { try store.loadQueue() }
        let muting = try reporting { try store.engineMuting() }
        for window in MaintenanceCommand.List.configWindows(common) { queue.addMaintenanceWindow(window, now: now) }
        queue.recompute(now: now)
        queue.applyEngineMuting(muting)
        return queue.snapshot(now: now)
    }

    /// Says on stderr when the config (if one is given or found) or a rule file it names is invalid: the engine
    /// cannot start on it, so the state listed may be old. Lists go on regardless.
    static func warnIfConfigIsInvalid(_ common: CommonOptions) {
        guard let file = try? ConfigLocator().configFile(explicit: common.config) else { return }
        do {
            let landscape = try ConfigLoader().load(file: file)
            let rules = ConfigRuleFiles(patterns: landscape.ruleFiles, configFile: file)
            rules.warnings.forEach(StandardError.write)
            _ = try rules.load()
        } catch {
            ConfigLoading.report(error)
            StandardError.write("warning: the engine cannot start with this config; the state listed may be old")
        }
    }

    /// Runs `body`; prints any failure on stderr as `error: …` and exits with the matching code.
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as AlertStoreError {
            StandardError.write("error: \(error.description)")
            throw ExitStatus.stateUnusable
        } catch let error as AlertQueueError {
            StandardError.write("error: \(error.description)")
            throw ExitStatus.badInput
        } catch let error as AlertMatcherError {
            StandardError.write("error: \(error.description)")
            throw ExitStatus.badInput
        } catch let error as LabelMatcherError {
            StandardError.write("error: \(error.description)")
            throw ExitStatus.badInput
        } catch let error as MaintenanceScheduleError {
            StandardError.write("error: \(error.description)")
            throw ExitStatus.badInput
        }
    }

    /// The matchers of the command line, each argument one matcher or a list (`AlertMatcher.parseAll`).
    static func matchers(_ arguments: [String]) throws -> [LabelMatcher] {
        try LabelMatcher.alerting(try AlertMatcher.parseAll(arguments))
    }

    /// The login name: `$LOGNAME`, `$USER`, or the password database's name for this user.
    static var loginName: String {
        let environment = ProcessInfo.processInfo.environment
        for key in ["LOGNAME", "USER"] {
            if let name = environment[key], !name.isEmpty { return name }
        }
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(geteuid())"
    }

    static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// A positive duration in Prometheus' syntax (`30m`, `2h`, `1d12h`, `1.5h`), or bad input.
    static func duration(_ text: String, option: String) throws -> Duration {
        guard let duration = DurationParser.parse(text), duration > .zero else {
            StandardError.write("error: \(option) \(text): expected a duration such as 30m, 2h or 1d12h")
            throw ExitStatus.badInput
        }
        return duration
    }
}
