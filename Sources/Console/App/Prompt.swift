import SwitchboardCore

/// Questions asked on the input line one after another (a note, a duration…), then a yes/no
/// before the write is sent: every change to shared state is confirmed.
struct Prompt: Sendable, Equatable {
    struct Step: Sendable, Equatable {
        var label: String
        var initial: String
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

    static func == (lhs: Prompt, rhs: Prompt) -> Bool {
        lhs.purpose == rhs.purpose && lhs.steps == rhs.steps && lhs.answers == rhs.answers
            && lhs.confirming?.command == rhs.confirming?.command
    }

    /// A write that needs only a yes.
    static func confirm(_ command: Command, _ question: String) -> Prompt {
        Prompt(purpose: .confirmOnly, steps: [], confirming: (command, question))
    }

    var label: String {
        if let confirming { return confirming.question + " (y/n) " }
        return steps[min(answers.count, steps.count - 1)].label + ": "
    }

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

    /// The answer to the current step; the command to confirm once the last is in, or an error.
    mutating func answer(_ text: String, by user: String) -> Result<Void, PromptError> {
        if let problem = problem(with: text) { return .failure(PromptError(problem)) }
        answers.append(text)
        guard answers.count == steps.count else { return .success(()) }
        switch purpose {
        case .confirmOnly:
            break
        case .acknowledge(let id):
            confirming = (.acknowledge(alertID: id, note: answers[0], by: user), "acknowledge \(id) as \(user)?")
        case .note(let id):
            guard !answers[0].isEmpty else { return .failure(PromptError("a note needs some text")) }
            confirming = (.note(alertID: id, text: answers[0], by: user), "add this note to \(id)?")
        case .silence:
            // Both were checked as they were answered.
            guard let matchers = try? AlertMatcher.parseList(answers[0]),
                let duration = DurationParser.parse(answers[1])
            else { return .failure(PromptError("not a silence")) }
            guard !answers[2].isEmpty else { return .failure(PromptError("a silence needs a comment")) }
            confirming = (
                .silence(matchers: matchers, duration: duration, comment: answers[2], by: user),
                "silence \(answers[0]) for \(answers[1])?"
            )
        }
        return .success(())
    }
}

/// Why an answer was refused.
struct PromptError: Error, Equatable {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
