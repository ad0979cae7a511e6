import Foundation

/// Finds the config file and the state directory the way every command does.
///
/// Config: `--config FILE`, else `./switchboard.yaml`, else `$XDG_CONFIG_HOME/switchboard/config.yaml`
/// (`~/.config` when unset). State: `--state-dir DIR`, else `$XDG_STATE_HOME/switchboard`
/// (`~/.local/state` when unset).
public struct ConfigLocator: Sendable {
    public var environment: [String: String]
    public var currentDirectory: String

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) {
        self.environment = environment
        self.currentDirectory = currentDirectory
    }

    /// The places a config is looked for when none is given, in order.
    public var configCandidates: [String] {
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
        return [currentDirectory + "/switchboard.yaml", configHome + "/switchboard/config.yaml"]
    }

    /// The config file to load: the explicit one, or the first candidate that exists.
    public func configFile(explicit: String?) throws(ConfigErrors) -> String {
        if let explicit { return explicit }
        if let found = configCandidates.first(where: { FileManager.default.fileExists(atPath: $0) }) {
            return found
        }
        let tried = configCandidates.joined(separator: ", ")
        throw ConfigErrors([
            ConfigError(
                .fileNotFound(what: "config file"), file: "no --config given and none found (looked for \(tried))")
        ])
    }

    /// The directory for persistent state: the explicit one or the XDG default.
    public func stateDirectory(explicit: String?) -> String {
        if let explicit { return explicit }
        let stateHome = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/state"
        return stateHome + "/switchboard"
    }

    private var home: String {
        environment["HOME"] ?? NSHomeDirectory()
    }
}
