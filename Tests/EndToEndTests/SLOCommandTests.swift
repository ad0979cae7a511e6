import Foundation
import TestSupport
import Testing

/// `switchboard slo rules` as a user runs it: a rule file the real promtool accepts.
@Suite struct SLOCommandTests {
    static let promtool = "/usr/bin/promtool"
    static var promtoolIsInstalled: Bool { FileManager.default.isExecutableFile(atPath: promtool) }

    static let config = """
        systems: [{id: shop}, {id: erp}]
        interfaces:
          - id: orders
            from: shop
            to: erp
            slo: {objective: 99.5%, window: 28d}
          - id: invoices
            from: erp
            to: shop
            slo:
              objective: 0.999
              window: 7d
              good: 'sum(rate(http_requests_total{job="erp",code!~"5.."}[$window]))'
              total: 'sum(rate(http_requests_total{job="erp"}[$window]))'
        """

    func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-slo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.config.write(to: folder.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func rulesNameEveryWindowAndPair() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s.yaml").path
        let result = try await OwnThread.run { try ChildProcess.run(BuiltBinary.path, ["slo", "rules", path]) }
        #expect(result.status == 0, "\(result.stderr)")
        for window in ["5m", "30m", "1h", "2h", "6h", "24h", "3d"] {
            #expect(result.stdout.contains("- record: slo:burn_rate:\(window)\n"))
        }
        #expect(result.stdout.components(separatedBy: "- alert: SLOBurnRate").count - 1 == 8)
        #expect(result.stdout.contains("probe_success{interface=\"orders\"}[28d]"))
        #expect(result.stdout.contains("http_requests_total{job=\"erp\"}[7d]"))
        #expect(result.stdout.contains("/ 0.005"))
    }

    @Test(.enabled(if: promtoolIsInstalled, "promtool is not installed (apt-get install prometheus)"))
    func promtoolChecksThePrintedRules() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s.yaml").path
        let printed = try await OwnThread.run { try ChildProcess.run(BuiltBinary.path, ["slo", "rules", path]) }
        #expect(printed.status == 0, "\(printed.stderr)")
        let rules = folder.appendingPathComponent("slo.yml")
        try printed.stdout.write(to: rules, atomically: true, encoding: .utf8)
        let check = try await OwnThread.run { try ChildProcess.run(Self.promtool, ["check", "rules", rules.path]) }
        #expect(check.status == 0, "promtool: \(check.stdout) \(check.stderr)\n\(printed.stdout)")
        #expect(check.stdout.contains("SUCCESS: 24 rules found"), "\(check.stdout)")
    }

    @Test func anInvalidConfigExitsTwoWithItsPlace() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.yaml").path
        try "systems: [{id: a}, {id: b}]\ninterfaces: [{id: i, from: a, to: b, slo: {objective: 2}}]\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let result = try await OwnThread.run { try ChildProcess.run(BuiltBinary.path, ["slo", "rules", path]) }
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.yaml:2:55: error: invalid value `2`"), "\(result.stderr)")
    }
}
