import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// The one key table per view: what is bound is in the `?` help, what the help lists is bound,
/// and what writes is refused under `--read-only`, on every view.
@Suite struct KeyTableTests {
    /// Every view and detail, on a landscape where each has something to act on.
    static let routes: [Route] = [
        .overview, .topology, .interfaces, .interface(Fixtures.interfaces[0].id), .alerts, .alert("a1"), .jobs,
        .jobRuns(JobsViewTests.jobs[0].id), .logs,
    ]

    /// Every key a terminal can send that the console could bind.
    static let everyKey: [Key] =
        (0x20...0x7E).map { Key.character(Character(UnicodeScalar(UInt8($0)))) }
        + "abcdefghijklmnopqrstuvwxyz".map { Key.control($0) }
        + [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab, .backspace]
        + (1...12).map { Key.function($0) }

    /// The actions that lead to a `Command` with `isWrite`: the ones a table must flag as writing.
    static let writingActions: [Action] = [.acknowledge, .unacknowledge, .addNote, .silence, .expireSilence, .runJob]

    static func snapshot() -> Snapshot {
        var snapshot = AlertConsoleTests.snapshot()
        snapshot.jobs = JobsViewTests.jobs
        return snapshot
    }

    /// The keys a help line names: `j/k ↑/↓`, `PgUp/PgDn ^B/^F Space`, `r Ctrl-L`, `1-6`, `/`.
    static func keys(named label: String) -> [Key]? {
        var keys: [Key] = []
        for word in label.split(separator: " ").map(String.init) {
            let tokens = word == "/" ? ["/"] : word.split(separator: "/").map(String.init)
            for token in tokens {
                guard let named = key(named: token) else { return nil }
                keys += named
            }
        }
        return keys
    }

    private static func key(named token: String) -> [Key]? {
        let special: [String: Key] = [
            "Enter": .enter, "Esc": .escape, "Tab": .tab, "Space": .character(" "), "↑": .up, "↓": .down,
            "←": .left, "→": .right, "PgUp": .pageUp, "PgDn": .pageDown, "Home": .home, "End": .end,
        ]
        if let key = special[token] { return [key] }
        if token == "1-6" { return (1...6).map { .character(Character(String($0))) } }
        if token.hasPrefix("Ctrl-") || token.hasPrefix("^"), let letter = token.last, token.count <= 6 {
            return [.control(Character(letter.lowercased()))]
        }
        return token.count == 1 ? [.character(Character(token))] : nil
    }

    /// The rows of the `?` overlay as the session draws it on an 80x24 terminal, paged with PgDn
    /// to its end: every row it can show, in order, each put where the border says it is
    /// (`9-26 of 26`). A few frames only: the session runs on a thread of the test pool.
    static func helpRows(on route: Route) -> [String] {
        final class Seen: @unchecked Sendable { var pages: [(first: Int, rows: [String])] = [] }
        let seen = Seen()
        let terminal = MemoryTerminal(columns: 80, rows: 24)
        terminal.pendingKeys = [.character("?"), nil, .pageDown, nil, .pageDown, nil, .character("q")]
        terminal.onReadKey = { if let page = Self.overlayPage($0.screen) { seen.pages.append(page) } }
        var options = ConsoleOptions(tickMilliseconds: 1, user: "tester")
        options.startView = route
        _ = ConsoleSession(
            terminal: terminal, dataSource: FakeDataSource(snapshot()), options: options, theme: .builtInMonochrome,
            timeZone: Fixtures.utc, clock: { Fixtures.now }
        ).run()
        var rows: [Int: String] = [:]
        for page in seen.pages {
            for (offset, row) in page.rows.enumerated() { rows[page.first + offset] = row }
        }
        return (0..<rows.count).map { rows[$0] ?? "(missing)" }
    }

    /// The rows of lines inside the overlay's box and the index of the first; nil without one.
    private static func overlayPage(_ screen: Canvas) -> (first: Int, rows: [String])? {
        let cells = { (y: Int) in (0..<screen.width).map { screen[$0, y].text } }
        guard let top = (0..<screen.height).first(where: { screen.line($0).contains("Keys — ") }),
            let left = cells(top).firstIndex(of: "┌"),
            let right = cells(top).lastIndex(of: "┐"),
            let bottom = (top..<screen.height).first(where: {
                screen.line($0).contains("any key closes") || screen.line($0).contains("other keys close")
            })
        else { return nil }
        // `9-26 of 26` in the bottom border when the overlay scrolls; from the first line otherwise.
        let border = screen.line(bottom + 1)
        let first = border.firstMatch(of: /(\d+)-\d+ of \d+/).flatMap { Int($0.1) }.map { $0 - 1 } ?? 0
        // The row above the closing line is a blank spacer.
        let rows = ((top + 1)..<(bottom - 1)).map { y in
            cells(y)[(left + 1)..<right].joined().trimmingCharacters(in: .whitespaces)
        }
        return (first, rows)
    }

    @Test(arguments: routes)
    func theHelpScrollsToItsLastLineAt80x24AndListsEveryCommand(route: Route) {
        let rows = Self.helpRows(on: route)
        let commands = ConsoleCommand.words.map { $0.usage }
        #expect(rows.last?.hasPrefix(commands.last!) == true, "\(route.title): the last line is reachable: \(rows)")
        for usage in commands {
            #expect(rows.contains { $0.hasPrefix(usage + " ") }, "\(route.title): \(usage) is in the help")
        }
    }

    @Test(arguments: routes)
    func everyHelpLineIsBoundAndEveryBoundKeyIsInTheHelp(route: Route) throws {
        let usages = ConsoleCommand.words.map { $0.usage + " " }
        let lines = Self.helpRows(on: route).filter { row in !row.isEmpty && !usages.contains { row.hasPrefix($0) } }
        let table = KeyMap.table(for: route)
        #expect(lines.count == table.count, "one whole help line per entry of the \(route.title) table, at 80x24")
        var listed: [Key] = []
        for line in lines {
            let entry = table.first { line.hasPrefix($0.keys + " ") && line.hasSuffix("  " + $0.description) }
            let label = try #require(entry, "\(route.title): \"\(line)\" is no entry of the table").keys
            let keys = try #require(Self.keys(named: label), "\(route.title): \"\(label)\" names no key")
            #expect(
                Set(keys) == Set(entry?.bindings.keys.map { $0 } ?? []),
                "\(route.title): \"\(label)\" says what it binds")
            for key in keys {
                #expect(KeyMap.action(for: key, on: route) != nil, "\(route.title): \(key) is in the help but unbound")
            }
            listed += keys
        }
        for key in Self.everyKey where KeyMap.action(for: key, on: route) != nil {
            #expect(listed.contains(key), "\(route.title): \(key) is bound but not in the help")
        }
    }

    @Test(arguments: routes)
    func theWritesFlagIsTheWritingActions(route: Route) {
        for entry in KeyMap.table(for: route) {
            let writing = entry.bindings.values.contains { Self.writingActions.contains($0) }
            #expect(entry.writes == writing, "\(route.title): \(entry.keys) is flagged writes: \(entry.writes)")
        }
    }

    @Test(arguments: routes)
    func everyWriteIsRefusedReadOnly(route: Route) {
        for entry in KeyMap.table(for: route) where entry.writes {
            for key in entry.bindings.keys {
                let source = FakeDataSource(Self.snapshot())
                let terminal = MemoryTerminal(columns: 120, rows: 30)
                terminal.pendingKeys = [key, .character("y"), .character("q")]
                var options = ConsoleOptions(tickMilliseconds: 1, readOnly: true, user: "tester")
                options.startView = route
                _ = ConsoleSession(
                    terminal: terminal, dataSource: source, options: options, theme: .builtInMonochrome,
                    timeZone: Fixtures.utc, clock: { Fixtures.now }
                ).run()
                #expect(terminal.text.contains(KeyMap.readOnlyRefusal(entry.bindings[key]!)), "\(route.title): \(key)")
                #expect(!terminal.text.contains("(y/n)") && !terminal.text.contains("sending"))
                #expect(source.commands.isEmpty)
            }
        }
    }

    static func type(_ text: String) -> [Key] { text.map { .character($0) } }

    /// Each write, where the fixture has something for it: the keys that reach the alert it needs,
    /// the key, then the answers and the yes.
    static let writes: [(route: Route, keys: [Key])] = [
        (.alerts, [.character("a")] + type("on it") + [.enter, .character("y")]),
        (.alerts, [.character("j"), .character("u"), .character("y")]),
        (.alerts, [.character("n")] + type("seen") + [.enter, .character("y")]),
        (.alerts, [.character("s"), .enter, .enter] + type("deploy") + [.enter, .character("y")]),
        (.alerts, [.character("j"), .character("j"), .character("x"), .character("y")]),
        (.alert("a1"), [.character("a"), .enter, .character("y")]),
        (.alert("a2"), [.character("u"), .character("y")]),
        (.alert("a3"), [.character("x"), .character("y")]),
        (.jobs, [.character("R"), .character("y")]),
    ]

    @Test(arguments: writes.indices)
    func everyCommandAWriteSendsIsAWrite(index: Int) async throws {
        let (route, keys) = Self.writes[index]
        let writing = keys.compactMap { KeyMap.entry(for: $0, on: route) }.filter(\.writes)
        let entry = try #require(writing.first, "\(route.title): the keys reach a write")
        let source = FakeDataSource(Self.snapshot())
        let terminal = MemoryTerminal(columns: 120, rows: 30)
        terminal.pendingKeys = (keys + [.character("q")]).map { $0 }
        var options = ConsoleOptions(tickMilliseconds: 1, user: "tester")
        options.startView = route
        _ = ConsoleSession(
            terminal: terminal, dataSource: source, options: options, theme: .builtInMonochrome,
            timeZone: Fixtures.utc, clock: { Fixtures.now }
        ).run()
        let commands = try await AlertConsoleTests.commands(of: source, expecting: 1)
        #expect(commands.count == 1, "\(route.title): \(entry.keys) sends its command")
        #expect(commands.allSatisfy { $0.isWrite })
    }

    @Test func checkNowSendsACommandThatIsNoWriteAndIsNotFlagged() async throws {
        for route in [Route.overview, .topology, .interfaces, .interface(Fixtures.interfaces[0].id)] {
            let entry = try #require(KeyMap.entry(for: .character("c"), on: route))
            #expect(!entry.writes)
            let source = FakeDataSource(Self.snapshot())
            let terminal = MemoryTerminal(columns: 120, rows: 30)
            terminal.pendingKeys = [.character("c"), .character("q")]
            var options = ConsoleOptions(tickMilliseconds: 1, readOnly: true, user: "tester")
            options.startView = route
            _ = ConsoleSession(
                terminal: terminal, dataSource: source, options: options, theme: .builtInMonochrome,
                timeZone: Fixtures.utc, clock: { Fixtures.now }
            ).run()
            let commands = try await AlertConsoleTests.commands(of: source, expecting: 1)
            #expect(
                commands.count == 1 && commands.allSatisfy { !$0.isWrite }, "\(route.title): c checks, read-only too")
        }
    }
}
