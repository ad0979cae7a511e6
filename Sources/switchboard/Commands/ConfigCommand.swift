import ArgumentParser
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
                Prints a summary of each valid file on stdout, and every error of an invalid one on stderr \
                as file:line:column: error: message. Exits 0 when every file is valid, 2 otherwise. \
                ${NAME} references must be set in the environment.
                """)

        @Argument(help: ArgumentHelp("The config files to check.", valueName: "file"))
        var files: [String]

        func run() throws {
            var failed = false
            for file in files {
                do {
                    let landscape = try ConfigLoader().load(file: file)
                    let checks = landscape.allChecks.count
                    print(
                        "\(file): OK — \(landscape.systems.count) systems, \(landscape.interfaces.count) interfaces, "
                            + "\(checks) checks, \(landscape.jobs.count) jobs")
                } catch {
                    ConfigLoading.report(error)
                    failed = true
                }
            }
            if failed { throw ExitStatus.badInput }
        }
    }
}
