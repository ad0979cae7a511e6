import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// Views, drill-down and breadcrumbs, `:` commands, `/` filters, help and pause, through the
/// session and the in-memory terminal.
@Suite struct NavigationTests {
    static func run(_ keys: [Key?], source: FakeDataSource = FakeDataSource(Fixtures.snapshot())) -> MemoryTerminal {
        let terminal = MemoryTerminal()
        terminal.pendingKeys = keys + [.character("q")]
        _ = SessionTests.session(terminal, source).run()
        return terminal
    }

    static func type(_ text: String) -> [Key?] { text.map { .character($0) } }

    @Test func numbersSwitchViewsAndTheTabShowsWhichIsCurrent() {
        for (digit, tab) in [("1", "[1 Overview]"), ("2", "[2 Topology]"), ("4", "[4 Alerts]"), ("6", "[6 Logs]")] {
            let terminal = Self.run([.character(Character(digit))])
            #expect(terminal.text.contains(tab), "\(digit) shows \(tab)")
        }
    }

    @Test func enterOpensTheDetailWithABreadcrumbAndEscGoesBack() {
        let detail = Self.run([.enter])
        #expect(detail.text.contains("› customers"))
        #expect(detail.text.contains("STATE CHANGES"))
        let back = Self.run([.enter, .escape])
        #expect(!back.text.contains("›"))
        #expect(back.text.contains("P95"))
    }

    @Test func slashFiltersTheTableAndAnInvertedFilterKeepsTheRest() {
        let filtered = Self.run([.character("/")] + Self.type("webshop") + [.enter])
        #expect(filtered.text.contains("filter /webshop"))
        #expect(filtered.text.contains("Orders API") && filtered.text.contains("Stock levels"))
        #expect(!filtered.text.contains("Customer sync"))
        let inverted = Self.run([.character("/")] + Self.type("!webshop") + [.enter])
        #expect(inverted.text.contains("Customer sync") && !inverted.text.contains("Orders API"))
    }

    @Test func aBadRegexIsRefusedWithAMessage() {
        let terminal = Self.run([.character("/")] + Self.type("([") + [.enter])
        #expect(terminal.text.contains("not a regular expression: (["))
    }

    @Test func colonCommandsWithAliasesCompletionAndErrors() {
        #expect(ConsoleCommand.parse("topo") == .success(.show(.topology)))
        #expect(ConsoleCommand.parse(" if erp ") == .success(.interfaces(filter: "erp")))
        #expect(ConsoleCommand.parse("q") == .success(.quit))
        #expect(
            ConsoleCommand.parse("theme")
                == .failure(CommandLineError(message: ":theme needs an argument, e.g. :theme mono")))
        #expect(
            ConsoleCommand.parse("frobnicate")
                == .failure(CommandLineError(message: "unknown command :frobnicate (try :help)")))
        #expect(ConsoleCommand.complete("top").line == "topology ")
        #expect(ConsoleCommand.complete("t").candidates == ["topology", "theme"])
        let themes = ["colorblind", "default", "high-contrast", "light", "mono"]
        #expect(ConsoleCommand.complete("theme l", themes: themes) == ("theme light", []))
        #expect(ConsoleCommand.complete("theme ", themes: themes) == ("theme ", themes))
        #expect(ConsoleCommand.complete("theme x", themes: themes) == ("theme x", themes), "none fits: every choice")
        #expect(
            ConsoleCommand.complete("theme m", themes: ["mono", "monokai"]) == ("theme mono", ["mono", "monokai"]))
        let labels = ["severity", "system", "alertname", "system"]
        #expect(ConsoleCommand.complete("group sy", labels: labels) == ("group system", []))
        #expect(ConsoleCommand.complete("group s", labels: labels) == ("group s", ["severity", "system"]))
        #expect(ConsoleCommand.complete("group n", labels: labels) == ("group none", []))
        #expect(ConsoleCommand.complete("if er", themes: themes) == ("if er", []), "a filter is free text")
        let terminal = Self.run([.character(":")] + Self.type("if crm") + [.enter])
        #expect(terminal.text.contains("[3 Interfaces]") && terminal.text.contains("filter /crm"))
        let unknown = Self.run([.character(":")] + Self.type("nope") + [.enter])
        #expect(unknown.text.contains("unknown command :nope"))
        // Tab completes a theme's name from the shipped themes; a unique prefix alone selects it too.
        let tabbed = Self.run([.character(":")] + Self.type("theme hi") + [.tab, .enter])
        #expect(tabbed.text.contains("theme high-contrast"), "\(tabbed.text)")
        let prefix = Self.run([.character(":")] + Self.type("theme l") + [.enter])
        #expect(prefix.text.contains("theme light"), "\(prefix.text)")
        let neon = Self.run([.character(":")] + Self.type("theme neon") + [.enter])
        #expect(neon.text.contains("theme: no theme named `neon` (available: "), "\(neon.text)")
    }

    @Test func helpListsTheKeysAndAnyKeyClosesIt() {
        let terminal = MemoryTerminal()
        terminal.pendingKeys = [.character("?"), nil, .character("q")]
        var whileOpen = ""
        var reads = 0
        terminal.onReadKey = { terminal in
            reads += 1
            if reads == 3 { whileOpen = terminal.text }
        }
        _ = SessionTests.session(terminal, FakeDataSource(Fixtures.snapshot())).run()
        #expect(whileOpen.contains("Keys — 3 Interfaces"))
        #expect(whileOpen.contains("filter (regex, ! inverts)"))
        let closed = Self.run([.character("?"), .character("x")])
        #expect(!closed.text.contains("Keys — "))
        // The scrolling keys scroll it instead of closing it: G shows its last line.
        let scrolling = MemoryTerminal()
        scrolling.pendingKeys = [.character("?"), .character("j"), .pageDown, .character("G"), nil, .character("x")]
        var last = ""
        scrolling.onReadKey = { if $0.text.contains("Keys — ") { last = $0.text } }
        _ = SessionTests.session(scrolling, FakeDataSource(Fixtures.snapshot())).run()
        #expect(last.contains(":quit :q"), "\(last)")
    }

    @Test func pauseHoldsTheSnapshotUntilResumed() {
        let source = FakeDataSource(Fixtures.snapshot())
        let terminal = MemoryTerminal()
        terminal.pendingKeys = [.character("p"), nil, nil, .character("q")]
        var reads = 0
        terminal.onReadKey = { _ in
            reads += 1
            if reads == 2 { source.snapshot = Fixtures.snapshot(interfaces: [], version: 9) }
        }
        _ = SessionTests.session(terminal, source).run()
        #expect(terminal.text.contains("PAUSED"))
        #expect(terminal.text.contains("Customer sync"), "the held snapshot stays on screen")
    }

    @Test func navigationKeepsATrailAndNumbersStartANewOne() {
        var navigation = Navigation(start: .interfaces)
        navigation.open(.interface("a"))
        #expect(navigation.stack == [.interfaces, .interface("a")])
        navigation.show(.topology)
        #expect(navigation.stack == [.topology])
        let wentBack = navigation.back()
        #expect(!wentBack)
    }
}
