import Foundation
import SwitchboardCore
import TestSupport
import Testing

@testable import Console

/// The CLI (`silence add`) and the console's silence prompt read matchers with the one grammar:
/// every form one accepts, the other accepts, and so for every form they refuse.
@Suite struct MatcherFormsTests {
    static let forms: [(text: String, accepted: Bool)] = [
        ("alertname=Down", true),
        (#"alertname="Down""#, true),
        (#"{alertname="Down"}"#, true),
        (#"{alertname="Down", system=~"crm|erp"}"#, true),
        ("alertname=Down, system=~crm|erp", true),
        (#" alertname = "Down" , "#, true),
        (#"{note="a, b", alertname!="x\"y"}"#, true),
        (#"alertname=Down, instance!~db-\d+"#, true),
        ("alertname", false),
        (#"{alertname="Down""#, false),
        ("alertname=Down system=crm", false),
        (#"job=~"(x""#, false),
        (#"alertname="Down"#, false),
        ("1a=b", false),
        ("{}", false),
    ]

    @Test func theCLIAndTheConsoleAcceptTheSameMatchers() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-forms-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let prompt = Prompt(
            purpose: .silence,
            steps: [
                .init(label: "matchers", initial: ""), .init(label: "for", initial: ""), .init(label: "c", initial: ""),
            ]
        )
        for form in Self.forms {
            let console = prompt.problem(with: form.text.trimmingCharacters(in: .whitespaces)) == nil
            let cli = try await OwnThread.run {
                try ChildProcess.run(
                    BuiltBinary.path,
                    ["silence", "add", form.text, "--duration", "1h", "--comment", "c", "--state-dir", directory])
            }
            #expect(console == form.accepted, "console, \(form.text)")
            #expect(cli.status == (form.accepted ? 0 : 2), "CLI, \(form.text): \(cli.stderr)")
        }
    }
}
