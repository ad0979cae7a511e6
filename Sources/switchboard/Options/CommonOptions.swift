import ArgumentParser
import SwitchboardCore

/// `--config` and `--state-dir`, shared by every command that needs them.
struct CommonOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The config file. Default: ./switchboard.yaml, then $XDG_CONFIG_HOME/switchboard/config.yaml.",
            valueName: "file"))
    var config: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Where state is kept: alerts, acknowledgements, silences, job runs, history, the log. Default: $XDG_STATE_HOME/switchboard.",
            valueName: "dir"))
    var stateDir: String?

    func configFile() throws -> String {
        do {
            return try ConfigLocator().configFile(explicit: config)
        } catch {
            ConfigLoading.report(error)
            throw ExitStatus.badInput
        }
    }

    var stateDirectory: String {
        ConfigLocator().stateDirectory(explicit: stateDir)
    }
}
