import ArgumentParser
import Foundation
import Monitor
import SwitchboardCore

/// `switchboard rules …`: Prometheus rule files, checked and unit-tested as `promtool` does.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Check and test Prometheus rule files.", subcommands: [Check.self, Test.self])

    /// `switchboard rules check FILE...`
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check rule files: YAML, fields, durations, label names, templates and PromQL expressions.",
            discussion: """
                Prints `Checking FILE` and `SUCCESS: N rules found` for each valid file on stdout, and every \
                error of an invalid one on stderr as file:line:column: error: message. Exits 0 when every \
                file is valid, 1 otherwise (as promtool check rules).
                """)

        @Argument(help: ArgumentHelp("The rule files to check.", valueName: "file"))
        var files: [String]

        @Flag(help: "Ignore fields Prometheus does not know in the rule files.")
        var ignoreUnknownFields = false

        func run() throws {
            let loader = RuleFileLoader(
                engine: PromQLRuleQueryEngine.validator, ignoresUnknownFields: ignoreUnknownFields)
            var failed = false
            for file in files {
                print("Checking \(file)")
                do {
                    let groups = try loader.load(file: file)
                    print("  SUCCESS: \(groups.reduce(0) { $0 + $1.rules.count }) rules found\n")
                } catch {
                    print("  FAILED:")
                    fflush(nil)  // stdout first, so that messages interleave in order
                    ConfigLoading.report(error)
                    print()
                    failed = true
                }
            }
            if failed { throw ExitStatus.failed }
        }
    }

    /// `switchboard rules test FILE...`
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run rule unit tests written for `promtool test rules`.",
            discussion: """
                Runs each test file (rule_files relative to it, input_series, alert_rule_test, \
                promql_expr_test), prints SUCCESS or FAILED with promtool's messages, and a final line \
                `N passed, M failed` counting test groups. Exits 0 when every test passes, 1 otherwise.
                """)

        @Argument(help: ArgumentHelp("The test files to run.", valueName: "file"))
        var files: [String]

        @Flag(help: "Ignore fields Prometheus does not know in the rule files.")
        var ignoreUnknownFields = false

        func run() throws {
            let runner = RuleTestRunner(ignoresUnknownFields: ignoreUnknownFields)
            var passed = 0
            var failed = 0
            for file in files {
                let report = runner.run(file: file)
                passed += report.passed
                failed += report.failed
                if report.succeeded {
                    print(report.text)
                } else {
                    fflush(nil)  // stdout first, so that messages interleave in order
                    FileHandle.standardError.write(Data(report.text.utf8))
                    print()
                }
            }
            print("\(passed) passed, \(failed) failed")
            if failed > 0 { throw ExitStatus.failed }
        }
    }
}
