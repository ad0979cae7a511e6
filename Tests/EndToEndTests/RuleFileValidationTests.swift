import Foundation
import TestSupport
import Testing

/// `config check`, `check` and `alerts list` load every rule file a config names and report its errors.
@Suite struct RuleFileValidationTests {
    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-rules-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory + "/rules", withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func run(_ arguments: [String]) async throws -> ChildProcess.Output {
        try await OwnThread.run { try ChildProcess.run(BuiltBinary.path, arguments) }
    }

    func config(ruleFiles: [String]) throws -> String {
        let list = ruleFiles.map { "\"\($0)\"" }.joined(separator: ", ")
        return try write(
            "switchboard.yaml",
            """
            systems:
              - id: erp
            rule_files: [\(list)]
            """)
    }

    let brokenRules = """
        groups:
          - name: interfaces
            rules:
              - alert: InterfaceDown
                expr: rate(probe_success[5m] < 1
                for: 1m
        """

    @Test func configCheckReportsAMissingRuleFileAsARuleFileAndExitsTwo() async throws {
        let config = try config(ruleFiles: ["missing.yml"])
        let result = try await run(["config", "check", config])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "\(directory)/missing.yml: error: rule file not found\n")
    }

    @Test func configCheckReportsRuleErrorsWithPositionAndTheMissingParenthesis() async throws {
        let rules = try write("rules/interfaces.yml", brokenRules)
        let config = try config(ruleFiles: ["rules/*.yml"])
        let result = try await run(["config", "check", config])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(lines.first?.hasPrefix("\(rules):5:") == true, "\(result.stderr)")
        #expect(lines.first?.contains("unclosed left parenthesis") == true, "\(result.stderr)")
        #expect(lines.first?.contains("type error") == false, "\(result.stderr)")
    }

    @Test func aGlobThatMatchesNothingIsAWarningAndTheSummaryCountsRules() async throws {
        _ = try write("rules/ok.yml", brokenRules.replacingOccurrences(of: "[5m] < 1", with: "[5m]) < 1"))
        let config = try config(ruleFiles: ["rules/*.yml", "elsewhere/*.yml"])
        let result = try await run(["config", "check", config])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(config): OK — 1 system, 0 interfaces, 0 checks, 0 jobs, 1 rule\n")
        #expect(result.stderr == "\(config): warning: rule_files pattern `elsewhere/*.yml` matches no file\n")
    }

    @Test func checkAndAlertsListSaySoToo() async throws {
        _ = try write("rules/interfaces.yml", brokenRules)
        let config = try config(ruleFiles: ["rules/interfaces.yml"])
        let check = try await run(["check", "--config", config])
        #expect(check.status == 2)
        #expect(check.stderr.contains("unclosed left parenthesis"), "\(check.stderr)")
        let list = try await run(["alerts", "list", "--config", config, "--state-dir", directory + "/state"])
        #expect(list.status == 0, "the state is still listed: \(list.stderr)")
        #expect(list.stdout == "no alerts\n")
        #expect(list.stderr.contains("unclosed left parenthesis"), "\(list.stderr)")
        #expect(list.stderr.contains("warning: the engine cannot start with this config"), "\(list.stderr)")
    }
}
