import SwitchboardCore

/// Questions asked on the input line one after another (a note, a duration…), then a yes/no
/// before the write is sent: every change to shared state is confirmed.
struct Prompt: Sendable, Equatable {
    struct Step: Sendable, Equatable {
        var label: String
        var initial: String
        /// The initial answer is usually replaced rather than edited (a default duration): it comes
        /// selected, so typing replaces it.
        var replaceable = false
    }

    /// What the answers become.
    enum Purpose: Sendable, Equatable {
        case acknowledge(alertID: String)
        case note(alertID: String)
        case silence
        /// Nothing to ask: only the yes/no of `confirming`.
        case confirmOnly
    }

    var purpose: Purpose
    var steps: [Step]
    var answers: [String] = []
    /// Once every step is answered: the command waiting for `y`, and the question asked.
    var confirming: (command: Command, question: String)?
    /// What the questions call the alert, as the operator reads it (`InterfaceDown on crm-erp`);
    /// its id when empty.
    var subject = ""

    static func == (lhs: Prompt, rhs: Prompt) -> Bool {
        lhs.purpose == rhs.purpose && lhs.steps == rhs.steps && lhs.answers == rhs.answers
            && lhs.confirming?.command == rhs.confirming?.command
    }

    /// A write that needs only a yes.
    static func confirm(_ command: Command, _ question: String) -> Prompt {
        Prompt(purpose: .confirmOnly, steps: [], confirming: (command, question))
    }

    /// The question on the line and what follows it, kept apart so that a narrow line can shorten
    /// the question and keep its end (` (y/n) `).
    var question: (text: String, tail: String) {
        if let confirming { return (confirming.question, " (y/n) ") }
        return (steps[min(answers.count, steps.count - 1)].label, ": ")
    }

    var label: String { question.text + question.tail }

    /// What is wrong with `text` as the answer to the current step, checked as it is typed: the
    /// matchers of a silence (with the column), its duration. Nil when it may be answered.
    func problem(with text: String) -> String? {
        guard purpose == .silence, confirming == nil else { return nil }
        switch answers.count {
        case 0:
            do {
                guard !(try AlertMatcher.parseList(text)).isEmpty else { return "a silence needs a matcher" }
            } catch {
                return "column \(error.column): expected \(error.expected)"
            }
        case 1:
            guard let duration = DurationParser.parse(text), duration > .zero else {
                return "not a duration: \(text) (try 30m, 2h, 1d)"
            }
        default:
            break
        }
        return nil
    }

    /// What is wrong with `text` as the answer once Enter is pressed: a problem, or an empty answer
    /// where one is needed (a note, a silence's comment), which is not shown while typing.
    func refusal(of text: String) -> String? {
        if let problem = problem(with: text) { return problem }
        guard text.isEmpty, confirming == nil else { return nil }
        switch purpose {
        case .note: return "a note needs some text"
        case .silence where answers.count == 2: return "a silence needs a comment"
        default: return nil
        }
    }

    /// The answer to the current step; the command to confirm once the last is in. A refused
    /// answer changes nothing: the same step is asked again, the answers before it kept.
    mutating func answer(_ text: String, by user: String) -> Result<Void, PromptError> {
        if let refusal = refusal(of: text) { return .failure(PromptError(refusal)) }
        answers.append(text)
        guard answers.count == steps.count else { return .success(()) }
        switch purpose {
        case .confirmOnly:
            break
        case .acknowledge(let id):
            confirming = (
                .acknowledge(alertID: id, note: answers[0], by: user), "acknowledge \(subject(or: id)) as \(user)?"
            )
        case .note(let id):
            confirming = (.note(alertID: id, text: answers[0], by: user), "add this note to \(subject(or: id))?")
        case .silence:
            // Both were checked as they were answered.
            guard let matchers = try? AlertMatcher.parseList(answers[0]),
                let duration = DurationParser.parse(answers[1])
            else { return .failure(PromptError("not a silence")) }
            confirming = (
                .silence(matchers: matchers, duration: duration, comment: answers[2], by: user),
                "silence for \(answers[1]): \(answers[0])?"
            )
        }
        return .success(())
    }

    private func subject(or id: String) -> String { subject.isEmpty ? id : subject }
}

/// Why an answer was refused.
struct PromptError: Error, Equatable {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
