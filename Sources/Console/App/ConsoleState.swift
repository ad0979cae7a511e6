/// Everything the user has chosen, across views: where they are, what is selected and filtered,
/// whether help is open (and scrolled), whether updates are paused, and a line being typed.
struct ConsoleState: Sendable, Equatable {
    var navigation: Navigation
    /// Selection in the interfaces table.
    var interfaces = ViewState()
    /// Selection in the jobs table.
    var jobs = ViewState()
    /// Selection in a job's runs.
    var runs = ViewState()
    /// How the Logs view reads its run.
    var log = LogViewState()
    /// Selection in the alert queue.
    var alerts = ViewState()
    /// Selection in the silences under the queue.
    var silences = ViewState()
    /// `Tab` on the Alerts view: the keys act on the silences instead of the queue.
    var silencesFocused = false
    /// The label the alert queue is grouped by; nil for one flat list.
    var alertGrouping: String? = "severity"
    /// Selection in the overview's list of interfaces that need attention.
    var overview = ViewState()
    /// The system selected on the topology, whose blast radius is drawn.
    var topologySelection: String?
    /// The flow check whose path the topology highlights; nil for none.
    var topologyFlow: String?
    var interfaceFilter: InterfaceFilter?
    var interfaceSort = InterfaceSort()
    /// The first line the open `?` overlay shows; nil while it is closed.
    var helpTop: Int?
    var paused = false
    /// A `:` command or `/` filter being typed.
    var input: InputLine?

    init(start: Route = .overview) {
        navigation = Navigation(start: start)
    }

    var route: Route { navigation.current }
}

/// A line the user is typing at the bottom of the screen.
struct InputLine: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case command
        case filter
        /// `/` on the Logs view.
        case search
        /// `s` on the Logs view: the file to save the run to.
        case savePath
        case prompt(Prompt)
    }

    var kind: Kind
    var text = ""
    /// The text was filled in for the user (the previous filter, a default duration) and is
    /// selected: typing replaces it, Backspace clears it, → or End keeps it to type on.
    var selected = false
    /// Why Enter refused the answer (an empty comment), shown beside the line until the next edit.
    var refusal: String?

    init(kind: Kind, text: String = "", selected: Bool = false) {
        self.kind = kind
        self.text = text
        self.selected = selected && !text.isEmpty
    }

    /// The line before the typed text: the question, then what separates it from the answer.
    var question: (text: String, tail: String) {
        switch kind {
        case .command: ("", ":")
        case .filter, .search: ("", "/")
        case .savePath: ("save the whole run to", ": ")
        case .prompt(let prompt): prompt.question
        }
    }

    var prompt: String { question.text + question.tail }

    /// The line after a key that edits text; nil for a key that does not.
    func editing(_ key: Key) -> InputLine? {
        var line = self
        switch key {
        case .character(let character):
            line.text = selected ? String(character) : text + String(character)
        case .backspace:
            if selected { line.text = "" } else if !text.isEmpty { line.text.removeLast() }
        case .right, .end, .left, .home:
            break
        default:
            return nil
        }
        line.selected = false
        line.refusal = nil
        return line
    }

    /// What is wrong with the text typed so far, shown beside it (a prompt's matchers or duration).
    var problem: String? {
        guard case .prompt(let prompt) = kind else { return nil }
        return refusal ?? prompt.problem(with: text.trimmingCharacters(in: .whitespaces))
    }
}
