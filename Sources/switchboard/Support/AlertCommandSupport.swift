import ArgumentParser
import Foundation
import Monitor
import SwitchboardCore

/// What the alert, silence and maintenance commands share: the store in the state directory, the operator's name,
/// and how failures are reported (stderr, exit 2 for bad input, 1 for an unusable state database).
enum AlertCommandSupport {
    static let badInputExitCode: Int32 = 2
    static let stateExitCode: Int32 = 1

    static func store(_ common: CommonOptions) throws -> AlertStateStore {
        try reporting { AlertStateStore(writer: try AlertDatabase.open(directory: common.stateDirectory)) }
    }

    /// Runs `body`; prints any failure on stderr as `error: …` and exits with the matching code.
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as AlertStoreError {
            StandardError.write("error: \(error.description)")
            throw ExitCode(stateExitCode)
        } catch let error as AlertQueueError {
            StandardError.write("error: \(error.description)")
            throw ExitCode(badInputExitCode)
        } catch let error as MatcherSyntaxError {
            StandardError.write("error: \(error.description)")
            throw ExitCode(badInputExitCode)
        } catch let error as MaintenanceScheduleError {
            StandardError.write("error: \(error.description)")
            throw ExitCode(badInputExitCode)
        }
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

    /// Text from alerts made safe for a terminal: control characters become `?`.
    static func printable(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) })
    }

    static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// `2h`, `90m`, `1d`: seconds, or a clear error.
    static func seconds(_ text: String, option: String) throws -> TimeInterval {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604_800]
        var total = 0.0
        var number = ""
        for character in text {
            if character.isNumber || character == "." {
                number.append(character)
            } else if let unit = units[character], let value = Double(number) {
                total += value * unit
                number = ""
            } else {
                throw ValidationError("\(option) \(text): expected a duration such as 30m, 2h or 1d12h")
            }
        }
        guard number.isEmpty, total > 0 else {
            throw ValidationError("\(option) \(text): expected a duration such as 30m, 2h or 1d12h")
        }
        return total
    }
}

/// `--format text|json`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
