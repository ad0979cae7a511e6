import ArgumentParser
import Monitor
import SwitchboardCore

/// `switchboard config …`: commands about config files.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Work with config files.", subcommands: [Check.self])

    /// `switchboard config check FILE...`
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate config files without starting anything.",
            discussion: """
                Checks each config and every rule file it names (rule_files, relative to the config; a glob \
                that matches no file is a warning). Prints a summary of each valid config on stdout, and every \
                error on stderr as file:line:column: error: message. Exits 0 when every file is valid, 2 \
                otherwise. ${NAME} references must be set in the environment.
                """)

        @Argument(help: ArgumentHelp("The config files to check.", valueName: "file"))
        var files: [String]

        func run() throws {
            var failed = false
            for file in files {
                do {
                    let landscape = try ConfigLoader().load(file: file)
                    let rules = ConfigRuleFiles(patterns: landscape.ruleFiles, configFile: file)
                    rules.warnings.forEach(StandardError.write)
                    let groups = try rules.load()
                    print("\(file): OK — " + ConfigLoading.summary(landscape, ruleGroups: groups))
                } catch {
                    ConfigLoading.report(error)
                    failed = true
                }
            }
            if failed { throw ExitStatus.badInput }
        }
    }
}
