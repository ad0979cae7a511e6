import SwitchboardCore

/// Who else has each alert open, from the engine's presence board: the Alerts view marks them
/// (`◉ alice, bob`) so that two engineers do not work the same alert without knowing.
struct Watchers: Sendable, Equatable {
    private var byAlert: [String: [String]] = [:]

    init() {}

    /// Everyone viewing `alert:<id>`, but `user` (this console's).
    init(_ viewers: [Viewer], excluding user: String) {
        for viewer in viewers where viewer.user != user && viewer.viewing.hasPrefix("alert:") {
            let id = String(viewer.viewing.dropFirst("alert:".count))
            if !(byAlert[id]?.contains(viewer.user) ?? false) {
                byAlert[id, default: []].append(TerminalText.clean(viewer.user))
            }
        }
    }

    /// The names of those viewing one alert, in board order.
    func of(alert id: String) -> [String] { byAlert[id] ?? [] }
}
