/// The table of each view: its own keys, in the order of its help. The global keys follow them.
extension KeyMap {
    static let overview: [KeyAction] = [
        move("move", footer: "move"), ends("first/last"), page,
        KeyAction("Enter", "details of the selected interface", footer: "details", [.enter: .open]),
        KeyAction("c", "check the selected interface now", [.character("c"): .checkNow]),
    ]

    static let topology: [KeyAction] = [
        move("next/previous system", footer: "select"), ends("first/last system"),
        KeyAction(
            "h/l ←/→", "upstream/downstream layer", footer: "layer",
            [.character("h"): .moveLeft, .left: .moveLeft, .character("l"): .moveRight, .right: .moveRight]),
        KeyAction("Enter", "its interfaces", footer: "interfaces", [.enter: .open]),
        KeyAction("/", "filter the interfaces (regex, ! inverts)", [.character("/"): .beginFilter]),
        KeyAction("c", "check its interfaces now", [.character("c"): .checkNow]),
        KeyAction("f", "highlight the next flow's path (Esc clears)", [.character("f"): .nextFlow]),
    ]

    static let interfaces: [KeyAction] = [
        move("move", footer: "move"), ends("first/last"), page,
        KeyAction("Enter", "details", footer: "details", [.enter: .open]),
        KeyAction("/", "filter (regex, ! inverts)", footer: "filter", [.character("/"): .beginFilter]),
        KeyAction("s", "sort by the next column", footer: "sort", [.character("s"): .nextSort]),
        KeyAction("S", "reverse the sort", [.character("S"): .reverseSort]),
        KeyAction("c", "check now", footer: "check", [.character("c"): .checkNow]),
    ]

    static let interface: [KeyAction] = [
        KeyAction("c", "check now", footer: "check now", [.character("c"): .checkNow])
    ]

    static let alerts: [KeyAction] =
        [
            move("move"), ends("first/last alert"), page,
            KeyAction("Enter", "details: labels, annotations, history", footer: "details", [.enter: .open]),
        ] + alertWrites(footer: ["a": "ack", "n": "note", "s": "silence"]) + [
            KeyAction(
                "b", "group by the next label (:group LABEL for any)", footer: "group",
                [.character("b"): .nextGrouping]),
            KeyAction("Tab", "to the silences and back (x there expires one)", [.tab: .nextPane]),
        ]

    static let alert: [KeyAction] =
        [KeyAction("Enter", "its interface", footer: "interface", [.enter: .open])]
        + alertWrites(footer: ["a": "ack", "s": "silence", "x": "expire"])

    static let jobs: [KeyAction] = [
        move("move", footer: "move"), ends("first/last"), page,
        KeyAction("Enter", "the job's runs", footer: "runs", [.enter: .open]),
        KeyAction("6", "the log of its newest run", footer: "log", [.character("6"): .show(.logs)]),
        KeyAction(
            "R", "run the selected job now (asks first)", footer: "run now", writes: true, [.character("R"): .runJob]),
    ]

    static let jobRuns: [KeyAction] = [
        move("move", footer: "move"), ends("first/last"), page,
        KeyAction("Enter", "the run's log", footer: "log", [.enter: .open]),
    ]

    static let logs: [KeyAction] = [
        move("scroll a line"), page, ends("first line / end (follows)"),
        KeyAction(
            "h/l ←/→", "scroll sideways (unwrapped)",
            [.character("h"): .moveLeft, .left: .moveLeft, .character("l"): .moveRight, .right: .moveRight]),
        KeyAction("f", "follow new lines on/off", footer: "follow", [.character("f"): .toggleFollow]),
        KeyAction(
            "/", "search (regex; a capital makes it case-sensitive)", footer: "search",
            [.character("/"): .beginFilter]),
        KeyAction("L", "lowest level: all, INFO, WARN, ERROR", footer: "level", [.character("L"): .cycleLevel]),
        KeyAction("e", "first error", footer: "1st error", [.character("e"): .firstError]),
        KeyAction(
            "w/t", "wrap / timestamps on/off", footer: "wrap",
            [.character("w"): .toggleWrap, .character("t"): .toggleTimestamps]),
        KeyAction("n/N", "next/previous match", [.character("n"): .nextMatch, .character("N"): .previousMatch]),
        KeyAction("s", "save the whole run to a file", [.character("s"): .saveLog]),
    ]

    /// `a` `u` `n` `s` `x` on the queue and on one alert's detail: each asks, then waits for a yes.
    private static func alertWrites(footer: [String: String]) -> [KeyAction] {
        [
            ("a", "acknowledge (with a note)", Action.acknowledge), ("u", "undo the acknowledgement", .unacknowledge),
            ("n", "add a note", .addNote), ("s", "silence: matchers (prefilled), duration, comment", .silence),
            ("x", "expire its silence", .expireSilence),
        ].map { key, description, action in
            KeyAction(key, description, footer: footer[key], writes: true, [.character(Character(key)): action])
        }
    }

    private static func move(_ description: String, footer: String? = nil) -> KeyAction {
        KeyAction(
            "j/k ↑/↓", description, footer: footer,
            [.character("j"): .moveDown, .down: .moveDown, .character("k"): .moveUp, .up: .moveUp])
    }

    private static func ends(_ description: String) -> KeyAction {
        KeyAction(
            "g/G Home/End", description,
            [.character("g"): .moveToTop, .home: .moveToTop, .character("G"): .moveToBottom, .end: .moveToBottom])
    }

    private static let page = KeyAction(
        "PgUp/PgDn ^B/^F Space", "page",
        [
            .pageUp: .pageUp, .control("b"): .pageUp, .pageDown: .pageDown, .control("f"): .pageDown,
            .character(" "): .pageDown,
        ])
}
