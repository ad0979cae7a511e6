import Foundation
import SwitchboardCore
import Testing

@testable import Monitor

/// Every YAML snippet of README's "Health from metrics" section (the presets included) loads as the
/// `health:` or `throughput:` of an interface, its expressions and reason templates valid.
@Suite struct ReadmeHealthSnippetTests {
    static func snippets() throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(
            readme.components(separatedBy: "\n### Health from metrics\n").dropFirst().first?
                .components(separatedBy: "\n## ").first)
        return section.components(separatedBy: "```yaml\n").dropFirst().compactMap {
            $0.components(separatedBy: "```").first
        }
    }

    @Test func theSectionHasItsSnippets() throws {
        #expect(try Self.snippets().count == 5, "two examples and three presets")
    }

    @Test func everySnippetLoadsAsPartOfAnInterface() throws {
        for (index, snippet) in try Self.snippets().enumerated() {
            let indented = snippet.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
            let yaml = """
                systems: [{id: bus}, {id: erp}]
                interfaces:
                  - id: snippet
                    from: bus
                    to: erp
                \(indented.joined(separator: "\n"))
                """
            do {
                let landscape = try ConfigLoader(environment: [:]).load(yaml: yaml, file: "README snippet \(index + 1)")
                let interface = try #require(landscape.interfaces.first)
                #expect(!interface.health.conditions.isEmpty || interface.throughput?.expect != nil, "\(snippet)")
                #expect(HealthConditionTemplates.errors(in: landscape).isEmpty, "\(snippet)")
                #expect(
                    HealthConditionEvaluator(landscape: landscape).conditions.first?.conditions.count
                        == max(interface.health.conditions.count, 1))
            } catch {
                Issue.record("README snippet \(index + 1) does not load: \(error)\n\(snippet)")
            }
        }
    }
}
