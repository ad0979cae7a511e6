import Foundation
import TestSupport
import Testing

/// `<state-dir>/switchboard.log` says what an operator needs later (issue 19: it stayed empty through every run).
@Suite struct OperatorLogTests {
    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-log-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func console(config: String) async throws -> (ChildProcess.Output, String) {
        let state = directory + "/state"
        let result = try await OwnThread.run {
            try ChildProcess.run(BuiltBinary.path, ["--config", config, "--state-dir", state])
        }
        let log = (try? String(contentsOfFile: state + "/switchboard.log", encoding: .utf8)) ?? ""
        return (result, log)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aRuleFileErrorIsLoggedAfterTheStart() async throws {
        _ = try write("rules.yml", "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: rate(up[5m]\n")
        let config = try write("switchboard.yaml", "systems:\n  - id: erp\nrule_files: [rules.yml]\n")
        let (result, log) = try await console(config: config)
        #expect(result.status == 2)
        let lines = log.split(separator: "\n")
        #expect(lines.first?.contains("info switchboard: switchboard 0.1.0 console starting") == true, "\(log)")
        #expect(
            lines.contains { $0.contains("error switchboard: \(directory)/rules.yml:5:19: error:") }, "\(log)")
    }

    @Test func theConfigIsLoggedAndSoIsAnUnusableTerminal() async throws {
        let config = try write("switchboard.yaml", "systems:\n  - id: erp\n")
        let (result, log) = try await console(config: config)
        #expect(result.status == 1, "stdin is /dev/null: no terminal")
        #expect(log.contains("info switchboard: config \(config): 1 system, 0 interfaces, 0 checks, 0 jobs, 0 rules"))
        let stderr = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!stderr.isEmpty && log.contains("error switchboard: \(stderr)"), "\(log)")
    }
}
