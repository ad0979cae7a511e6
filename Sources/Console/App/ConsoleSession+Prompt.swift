import Foundation
import SwitchboardCore

/// The questions asked on the input line before a write is sent.
extension ConsoleSession {
    /// Opens a prompt on the input line: its first question, or at once its yes/no.
    func ask(_ prompt: Prompt) {
        let first = prompt.confirming == nil ? prompt.steps[0] : Prompt.Step(label: "", initial: "")
        state.input = InputLine(kind: .prompt(prompt), text: first.initial, selected: first.replaceable)
    }

    /// A key while a prompt is open: Enter answers, a yes sends, anything else at the question cancels.
    func editPrompt(_ key: Key, _ prompt: Prompt, _ input: InputLine) -> InputLine? {
        var prompt = prompt
        if let confirming = prompt.confirming {
            if key == .character("y") || key == .character("Y") {
                send(confirming.command, saying: "sending\(glyphs.ellipsis)")
            } else {
                show("not sent", role: .flash, seconds: 3)
            }
            return nil
        }
        guard key == .enter else { return input }
        switch prompt.answer(input.text.trimmingCharacters(in: .whitespaces), by: options.user) {
        case .failure(let error):
            // The same step is asked again with what was typed, the reason beside it (the input
            // line covers the flash line); the answers before it are kept.
            show(error.message, role: .error, seconds: 5)
            var refused = input
            refused.refusal = error.message
            return refused
        case .success:
            let next =
                prompt.confirming == nil ? prompt.steps[prompt.answers.count] : Prompt.Step(label: "", initial: "")
            return InputLine(kind: .prompt(prompt), text: next.initial, selected: next.replaceable)
        }
    }
}
