import Foundation
import TestSupport
import Testing

/// `switchboard rules check|test` as a user runs them: exit codes, promtool's wording, the summary line.
@Suite struct RulesCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
        .standardizedFileURL

    func run(_ arguments: [String]) async throws -> ChildProcess.Output {
        try await OwnThread.run { try ChildProcess.run(BuiltBinary.path, arguments) }
    }

    func temporaryFolder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func builtinRulesPassTheirTestsAndExitZero() async throws {
        let result = try await run([
            "rules", "test", Self.repository.appendingPathComponent("rules/builtin.test.yml").path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  SUCCESS\n"))
        #expect(result.stdout.hasSuffix("7 passed, 0 failed\n"))
    }

    @Test func aFailingExpectationExitsOneWithPromtoolsMessage() async throws {
        let folder = try temporaryFolder([
            "r.yml": "groups:\n  - name: g\n    rules:\n      - record: doubled\n        expr: up * 2\n",
            "t.yml": """
            rule_files: [r.yml]
            tests:
              - input_series:
                  - {series: 'up{job="a"}', values: '1x3'}
                promql_expr_test:
                  - {expr: doubled, eval_time: 2m, exp_samples: [{labels: 'doubled{job="a"}', value: 3}]}
            """,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await run(["rules", "test", folder.appendingPathComponent("t.yml").path])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "  FAILED:\n    expr: \"doubled\", time: 2m,\n        exp: {__name__=\"doubled\", job=\"a\"} 3E+00\n        got: {__name__=\"doubled\", job=\"a\"} 2E+00"
            ))
        #expect(result.stdout.hasSuffix("0 passed, 1 failed\n"))
    }

    @Test func checkReportsABadExpressionWithItsPositionAndExitsOne() async throws {
        let folder = try temporaryFolder([
            "bad.yml": "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: rate(up[5m]\n"
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.yml").path
        let result = try await run(["rules", "check", path])
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix(
                "\(path):5:19: error: invalid PromQL expression `rate(up[5m]`: syntax error: unclosed left parenthesis")
        )
        let good = try await run(["rules", "check", Self.repository.appendingPathComponent("rules/builtin.yml").path])
        #expect(good.status == 0)
        #expect(good.stdout.contains("SUCCESS: 8 rules found"))
    }
}
