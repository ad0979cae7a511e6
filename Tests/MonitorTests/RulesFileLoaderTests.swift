import Foundation
import SwitchboardCore
import Testing

@testable import Monitor

@Suite struct RulesFileLoaderTests {
    let loader = RuleFileLoader(engine: PromQLRuleQueryEngine.validator)

    @Test func readsGroupsAndRules() throws {
        let groups = try loader.load(
            yaml: """
                groups:
                  - name: probes
                    interval: 30s
                    limit: 10
                    query_offset: 1m
                    labels: {team: ops}
                    rules:
                      - alert: Down
                        expr: probe_success == 0
                        for: 5m
                        keep_firing_for: 2m
                        labels: {severity: page}
                        annotations: {summary: "{{ $labels.instance }} down"}
                      - record: job:up:sum
                        expr: sum by (job) (up)
                        labels: {source: rule}
                """, file: "r.yml")
        #expect(groups.count == 1)
        let group = try #require(groups.first)
        #expect(group.name == "probes")
        #expect(group.interval == .seconds(30))
        #expect(group.limit == 10)
        #expect(group.queryOffset == .seconds(60))
        #expect(group.labels == ["team": "ops"])
        guard case .alerting(let alert) = group.rules[0], case .recording(let record) = group.rules[1] else {
            Issue.record("expected an alerting and a recording rule")
            return
        }
        #expect(alert.holdDuration == .seconds(300))
        #expect(alert.keepFiringFor == .seconds(120))
        #expect(alert.annotations.map(\.name) == ["summary"])
        #expect(record.labels == ["source": "rule"])
    }

    static let badFiles: [(yaml: String, expected: String)] = [
        (
            "groups:\n  - name: a\n    rules: []\n  - name: a\n    rules: []\n",
            "f.yml:4:11: error: duplicate id `a` (first defined at 2:11)"
        ),
        (
            "groups:\n  - name: a\n    intervall: 1m\n",
            "f.yml:3:5: error: unknown key `intervall` in a rule group; did you mean `interval`?"
        ),
        (
            "groups:\n  - name: a\n    rules:\n      - alert: X\n        expr: up\n        for: 5 minutes\n",
            "f.yml:6:14: error: invalid value `5 minutes`: expected a duration such as 30s, 5m or 1h30m"
        ),
        (
            "groups:\n  - name: a\n    rules:\n      - alert: X\n        expr: up\n        labels: {bad-name: x}\n",
            "f.yml:6:18: error: invalid value `bad-name`: expected a label name ([a-zA-Z_][a-zA-Z0-9_]*)"
        ),
        (
            "groups:\n  - name: a\n    rules:\n      - alert: X\n        expr: up\n        annotations:\n          s: \"{{ $labels.x \"\n",
            "f.yml:7:28: error: invalid template `{{ $labels.x `: unclosed action: expected }}"
        ),
        (
            "groups:\n  - name: a\n    rules:\n      - record: x\n        expr: 'test +'\n",
            "f.yml:5:22: error: invalid PromQL expression `test +`: syntax error: unexpected end of input"
        ),
        (
            "groups:\n  - name: a\n    rules:\n      - record: x\n        alert: y\n        expr: up\n",
            "f.yml:4:9: error: a rule takes only one of `record`, `alert`"
        ),
        (
            "groups:\n  - name: a\n    rules:\n      - record: x\n        expr: up\n        for: 1m\n",
            "f.yml:6:9: error: unknown key `for` in a recording rule"
        ),
        (
            "groups:\n  - name: a\n    rules:\n      - record: x\n        expr: up[5m]\n",
            "f.yml:5:15: error: invalid PromQL expression `up[5m]`: rule expression must be an instant vector or a scalar"
        ),
        ("groups: [\n", "f.yml:2:1: error: YAML syntax error"),
    ]

    @Test(arguments: badFiles)
    func reportsErrorsWithPosition(yaml: String, expected: String) {
        do {
            _ = try loader.load(yaml: yaml, file: "f.yml")
            Issue.record("expected an error for \(yaml)")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        }
    }

    @Test func ignoresUnknownFieldsWhenAsked() throws {
        let yaml = "groups:\n  - name: a\n    ownership: {team: x}\n    rules:\n      - record: x\n        expr: '1'\n"
        #expect(throws: ConfigErrors.self) { try loader.load(yaml: yaml, file: "f.yml") }
        let lenient = RuleFileLoader(engine: PromQLRuleQueryEngine.validator, ignoresUnknownFields: true)
        #expect(try lenient.load(yaml: yaml, file: "f.yml").first?.rules.count == 1)
    }

    @Test func readsFilesFromDisk() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("a.yml").path
        try "groups:\n  - name: a\n    rules:\n      - record: x\n        expr: '1'\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        #expect(try loader.load(files: [path]).map(\.name) == ["a"])
        #expect(throws: ConfigErrors.self) { try loader.load(files: [path + ".missing"]) }
    }
}
