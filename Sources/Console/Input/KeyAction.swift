/// One thing the keys do on a view, as k9s' `KeyAction`: the keys and what each asks for, the line
/// the `?` overlay shows, the word the footer shows (if any), and whether it writes.
///
/// The dispatcher, the help overlay, the footer and the read-only refusal all read the same
/// values (`KeyMap.table(for:)`), so a key cannot work without being listed, nor be listed
/// without working:
///
/// ```swift
/// KeyAction("R", "run the selected job now (asks first)", footer: "run now", writes: true,
///           [.character("R"): .runJob])
/// ```
struct KeyAction: Sendable {
    /// The keys as the help writes them: `j/k ↑/↓`, `r Ctrl-L`.
    var keys: String
    /// What they do, in the help.
    var description: String
    /// The short word in the footer; nil when the action is only in the help.
    var footer: String?
    /// Whether the action changes shared state (acknowledges, silences, starts a job…): refused
    /// under `--read-only`. Every `Command` it may send has `isWrite` true.
    var writes: Bool
    /// Each key and the action it asks for.
    var bindings: [Key: Action]

    init(
        _ keys: String, _ description: String, footer: String? = nil, writes: Bool = false,
        _ bindings: [Key: Action]
    ) {
        self.keys = keys
        self.description = description
        self.footer = footer
        self.writes = writes
        self.bindings = bindings
    }
}
