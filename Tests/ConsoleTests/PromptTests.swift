import SwitchboardCore
import Testing

@testable import Console

/// The silence prompt checks each answer with the one matcher and duration grammar as it is typed.
@Suite struct PromptTests {
    static let silence = Prompt(
        purpose: .silence,
        steps: [
            .init(label: "silence matchers", initial: ""), .init(label: "for", initial: "2h"),
            .init(label: "comment", initial: ""),
        ])

    @Test(
        arguments: [
            (#"{alertname="X"}"#, nil),
            ("alertname=X, system=~erp|crm", nil),
            (#"{alertname="X""#, "column 15: expected a closing brace }"),
            ("{}", "a silence needs a matcher"),
            ("", "a silence needs a matcher"),
            ("alertname X", "column 11: expected one of =, !=, =~, !~ after the label name `alertname`"),
        ] as [(String, String?)])
    func matchersAreCheckedAsTyped(_ text: String, _ problem: String?) {
        #expect(Self.silence.problem(with: text) == problem)
    }

    @Test func theDurationIsCheckedWithTheOneDurationGrammar() throws {
        var prompt = Self.silence
        #expect(throws: Never.self) { try prompt.answer("alertname=X", by: "ana").get() }
        #expect(prompt.problem(with: "1h30m") == nil)
        #expect(prompt.problem(with: "1.5h") == "not a duration: 1.5h (try 30m, 2h, 1d)")
        #expect(prompt.problem(with: "0s") == "not a duration: 0s (try 30m, 2h, 1d)")
        try prompt.answer("1h30m", by: "ana").get()
        try prompt.answer("upgrade", by: "ana").get()
        #expect(
            prompt.confirming?.command
                == .silence(
                    matchers: [AlertMatcher(name: "alertname", kind: .equal, value: "X")], duration: .seconds(5400),
                    comment: "upgrade", by: "ana"))
    }
}
