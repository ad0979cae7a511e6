import Foundation
import Testing

@testable import SwitchboardCore

/// The config example in README.md is the reference users copy: it must load as documented.
@Suite struct ReadmeConfigTests {
    static var readme: String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    }

    @Test func theConfigurationExampleLoads() throws {
        let section = try #require(Self.readme.components(separatedBy: "## Configuration").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```yaml\n").dropFirst().first)
        let yaml = try #require(block.components(separatedBy: "```").first)
        let landscape = try ConfigLoader(environment: ["CRM_TOKEN": "t", "HOOK_TOKEN": "h"]).load(
            yaml: yaml, file: "README.md")
        #expect(landscape.systems.map(\.id) == ["erp", "crm", "db"])
        #expect(landscape.interfaces.first?.checks.count == 2)
        #expect(landscape.systems.first?.dependsOn == ["db"])
        #expect(landscape.alerting.routedReceiver?.webhooks.first?.headers.first?.value == "Bearer h")
        #expect(landscape.alerting.alertmanagers.count == 1)
        #expect(landscape.alerting.inhibitRules.count == 1)
        #expect(landscape.alerting.maintenanceWindows.map(\.name) == ["erp-patch-night", "crm-migration"])
        #expect(landscape.history.retention == .seconds(35 * 86400))
    }
}
