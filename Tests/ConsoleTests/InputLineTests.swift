import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// The input line on a narrow screen, pre-filled values that typing replaces, and prompts that
/// name what they act on and keep their answers when one is refused.
@Suite struct InputLineTests {
    static func line(_ input: InputLine, columns: Int) -> Canvas {
        var canvas = Canvas(width: columns, height: 1)
        InputLineView.render(input, into: &canvas, y: 0, glyphs: .unicode)
        return canvas
    }

    @Test func aLongQuestionKeepsItsStartAndItsYesNo() {
        let question = #"expire silence {alertname="InterfaceDown", check="customers-crm-erp-api"} (e6fb2bc7)?"#
        let input = InputLine(kind: .prompt(.confirm(.expireSilence(id: "e6fb2bc7", by: "ana"), question)))
        let text = Self.line(input, columns: 60).line(0)
        #expect(text.hasPrefix("expire silence {alertname="), "\(text)")
        #expect(text.contains("… (y/n)"), "\(text)")
        #expect(DisplayWidth.of(text) == 60)
    }

    @Test func typedTextScrollsAndTheQuestionStays() {
        var prompt = Prompt(purpose: .note(alertID: "a1"), steps: [.init(label: "note", initial: "")])
        prompt.subject = "InterfaceDown on crm"
        let typed = "the vendor says the SOAP endpoint is back after their 14:00 deploy, watching it"
        let canvas = Self.line(InputLine(kind: .prompt(prompt), text: typed), columns: 40)
        let text = canvas.line(0)
        #expect(text.hasPrefix("note: …"), "\(text)")
        #expect(text.contains("deploy, watching it"), "the end of the text is in sight: \(text)")
        // The cursor follows the text, inside the line.
        let cursor = DisplayWidth.of(text.trimmingTrailingSpaces())
        #expect(cursor < 40)
        #expect(canvas[cursor, 0].role == .selection)
    }

    @Test func aLongLabelGivesHalfTheLineToTheText() {
        let input = InputLine(kind: .savePath, text: String(repeating: "x", count: 50))
        let text = Self.line(input, columns: 30).line(0)
        #expect(text.hasPrefix("save the wh"), "\(text)")
        #expect(text.contains("…xxxxx"), "\(text)")
    }

    @Test func aPrefilledSelectionIsReplacedByTypingAndKeptByEnd() {
        let filled = InputLine(kind: .filter, text: "!ok(erp", selected: true)
        #expect(filled.editing(.character("c"))?.text == "c")
        #expect(filled.editing(.backspace)?.text == "")
        let kept = filled.editing(.end)
        #expect(kept?.text == "!ok(erp" && kept?.selected == false)
        #expect(kept?.editing(.character(")"))?.text == "!ok(erp)")
        #expect(filled.editing(.right)?.editing(.backspace)?.text == "!ok(er")
    }

    @Test func slashSelectsThePreviousFilterSoTypingReplacesIt() {
        let replaced = NavigationTests.run(
            [.character("/")] + NavigationTests.type("webshop") + [.enter, .character("/")]
                + NavigationTests.type("crm") + [.enter])
        #expect(replaced.text.contains("filter /crm"), "\(replaced.text)")
        let appended = NavigationTests.run(
            [.character("/")] + NavigationTests.type("web") + [.enter, .character("/"), .end]
                + NavigationTests.type("shop") + [.enter])
        #expect(appended.text.contains("filter /webshop"), "\(appended.text)")
    }

    @Test func aRefusedCommentIsAskedAgainWithTheMatchersKept() throws {
        var prompt = PromptTests.silence
        try prompt.answer("alertname=X", by: "ana").get()
        try prompt.answer("2h", by: "ana").get()
        #expect(throws: PromptError("a silence needs a comment")) { try prompt.answer("", by: "ana").get() }
        #expect(prompt.answers == ["alertname=X", "2h"])
        #expect(prompt.label == "comment: ")
        try prompt.answer("upgrade", by: "ana").get()
        #expect(prompt.confirming?.question == "silence for 2h: alertname=X?")
    }

    @Test func theSilenceDialogSurvivesAnEmptyCommentAndSendsAfterIt() async throws {
        let source = FakeDataSource(AlertConsoleTests.snapshot())
        let keys: [Key?] =
            [.character("s"), .enter, .enter, .enter] + AlertConsoleTests.type("db migration") + [
                .enter, .character("y"),
            ]
        let (_, count) = await AlertConsoleTests.play(keys, source: source, until: "✔ checked: up")
        #expect(count == 1)
        let sent = source.commands
        #expect(
            sent == [
                .silence(
                    matchers: [
                        AlertMatcher(name: "alertname", kind: .equal, value: "InterfaceDown"),
                        AlertMatcher(name: "system", kind: .equal, value: "crm"),
                    ], duration: .seconds(7200), comment: "db migration", by: "tester")
            ])
    }

    @Test func whyAnAnswerWasRefusedIsShownBesideTheLine() {
        let keys: [Key?] = [.character("s"), .enter, .enter, .enter, .escape]
        let frames = AlertConsoleTests.frames(keys, source: FakeDataSource(AlertConsoleTests.snapshot())).texts
        #expect(frames.contains { $0.contains("comment:  ") && $0.contains("a silence needs a comment") })
    }

    @Test func theSilenceIsNotPrefilledWithTheCheck() {
        var entry = AlertConsoleTests.queue.entries[0]
        entry.labels.append(LabelPair("check", "customers-crm-erp-api"))
        entry.labels.append(LabelPair("interface", "customers"))
        let matchers = AlertWrites.matchers(for: entry)
        #expect(matchers == #"{alertname="InterfaceDown", system="crm", interface="customers"}"#)
    }

    @Test func questionsNameTheAlertAndItsTargetNotItsID() {
        let frames = AlertConsoleTests.frames(
            [.character("a")] + AlertConsoleTests.type("on it") + [.enter, .escape],
            source: FakeDataSource(AlertConsoleTests.snapshot())
        ).texts
        #expect(frames.contains { $0.contains("acknowledge InterfaceDown on crm as tester? (y/n)") })
        #expect(!frames.contains { $0.contains("acknowledge a1") })
    }
}
