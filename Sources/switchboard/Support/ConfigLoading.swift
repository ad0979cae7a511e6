import ArgumentParser
import Foundation
import SwitchboardCore

/// Loads a config for a command, printing every error to stderr and exiting with `ExitStatus.badInput` (2) on failure.
enum ConfigLoading {
    static func load(_ path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> Landscape
    {
        do {
            return try ConfigLoader(environment: environment).load(file: path)
        } catch {
            report(error)
            throw ExitStatus.badInput
        }
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
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Replaces the current line of a terminal (a progress line): carriage return, text, clear to end.
    static func rewrite(_ line: String) {
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
    }
}
