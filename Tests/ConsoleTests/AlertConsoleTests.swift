import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// The alert queue on screen and the operator's writes: asked, confirmed, sent, or refused.
@Suite struct AlertConsoleTests {
    static func entry(
        _ id: String, _ name: String, severity: String, state: AlertEntrySnapshot.State,
        ack: AcknowledgementSnapshot? = nil, muting: [AlertEntrySnapshot.Muting] = [], system: String = "crm"
    ) -> AlertEntrySnapshot {
        AlertEntrySnapshot(
            id: id, name: name, severity: severity, state: state,
            labels: [LabelPair("alertname", name), LabelPair("severity", severity), LabelPair("system", system)],
            annotations: ["summary": "\(name) on \(system)", "runbook_url": "https://runbooks/\(name)"],
            since: Fixtures.now.addingTimeInterval(-90), acknowledgement: ack, muting: muting, rootCause: nil, notes: []
        )
    }

    static let queue = AlertQueueSnapshot(
        entries: [
            entry("a1", "InterfaceDown", severity: "critical", state: .firing),
            entry(
                "a2", "CertificateExpiring", severity: "warning", state: .firing,
                ack: AcknowledgementSnapshot(by: "kim", at: Fixtures.now, note: "renewing", expiresAt: nil)),
            entry("a3", "JobLate", severity: "warning", state: .pending, muting: [.silenced(silenceID: "s1")]),
        ], groups: [], silences: [])

    static func snapshot(rules: RulesSummary? = RulesSummary(groups: 2, rules: 9)) -> Snapshot {
        var snapshot = Fixtures.snapshot()
        snapshot.alerts = queue
        snapshot.rules = rules
        return snapshot
    }

    static func run(
        _ keys: [Key?], source: FakeDataSource, readOnly: Bool = false, terminal: MemoryTerminal = MemoryTerminal()
    ) -> MemoryTerminal {
        play(keys, source: source, readOnly: readOnly, terminal: terminal).terminal
    }

    /// Runs the keys and quits; returns the terminal and how many commands the session sent.
    static func play(
        _ keys: [Key?], source: FakeDataSource, readOnly: Bool = false, terminal: MemoryTerminal = MemoryTerminal()
    ) -> (terminal: MemoryTerminal, sent: Int) {
        terminal.pendingKeys = keys + [.character("q")]
        let session = session(terminal, source: source, readOnly: readOnly)
        _ = session.run()
        return (terminal, session.commandsSent)
    }

    /// Runs the keys, then lets the session tick until the screen shows `shown` (for at most 60 s) and
    /// quits. The session runs on a thread of its own, as in the program, so that the tasks that send
    /// its commands find the task pool free.
    static func play(_ keys: [Key?], source: FakeDataSource, until shown: String) async -> (
        terminal: MemoryTerminal, sent: Int
    ) {
        let terminal = MemoryTerminal()
        terminal.pendingKeys = keys + [.character("q")]
        // A loaded machine can keep the task pool busy for minutes: the deadline only ends a failing test.
        let deadline = Date().addingTimeInterval(300)
        terminal.onReadKey = { terminal in
            if terminal.pendingKeys.count == 1, !terminal.text.contains(shown), Date() < deadline {
                usleep(1000)
                terminal.pendingKeys.insert(nil, at: 0)
            }
        }
        let running = UncheckedSendable(session(terminal, source: source, readOnly: false))
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread {
                _ = running.value.run()
                done.resume()
            }.start()
        }
        return (terminal, running.value.commandsSent)
    }

    static func session(_ terminal: MemoryTerminal, source: FakeDataSource, readOnly: Bool) -> ConsoleSession {
        var options = ConsoleOptions(tickMilliseconds: 1, readOnly: readOnly, user: "tester")
        options.startView = .alerts
        return ConsoleSession(
            terminal: terminal, dataSource: source, options: options, theme: .builtInMonochrome,
            timeZone: Fixtures.utc, clock: { Fixtures.now })
    }

    /// The commands a source received, once the session's background sends have arrived.
    static func commands(of source: FakeDataSource, expecting count: Int) async throws -> [Command] {
        let deadline = Date().addingTimeInterval(300)
        while source.commands.count < count, Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
        return source.commands
    }

    static func type(_ text: String) -> [Key?] { text.map { .character($0) } }

    @Test func theQueueShowsEachStateByGlyphAndWord() {
        let text = Self.run([], source: FakeDataSource(Self.snapshot())).text
        #expect(text.contains("✖ FIRING"))
        #expect(text.contains("☑ ACKED"))
        #expect(text.contains("∅ SILENCED"))
        #expect(text.contains("kim: renewing"), "who took an acked alert is in its row")
    }

    @Test func anOperatorStateWinsOverTheRuleState() {
        #expect(AlertRow.shown(Self.queue.entries[0]) == .firing)
        #expect(AlertRow.shown(Self.queue.entries[1]) == .acked)
        #expect(AlertRow.shown(Self.queue.entries[2]) == .silenced)
        #expect(AlertRow.Shown.allCases.map { $0.glyph(.ascii) }.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
    }

    @Test func emptyQueuesSayWhy() {
        var snapshot = Self.snapshot()
        snapshot.alerts = .empty
        #expect(Self.run([], source: FakeDataSource(snapshot)).text.contains("nothing pending or firing"))
        snapshot.rules = nil
        #expect(Self.run([], source: FakeDataSource(snapshot)).text.contains("no alert rules are loaded"))
    }

    @Test func acknowledgingAsksForANoteThenForAYes() async {
        let source = FakeDataSource(Self.snapshot())
        let (terminal, sent) = await Self.play(
            [.character("a")] + Self.type("on it") + [.enter, .character("y")], source: source,
            until: "✔ checked: up")
        #expect(sent == 1)
        #expect(source.commands == [.acknowledge(alertID: "a1", note: "on it", by: "tester")])
        #expect(terminal.text.contains("✔ checked: up"), "the outcome shows once the command is done")
    }

    @Test func anythingButYesAtTheQuestionSendsNothing() {
        let source = FakeDataSource(Self.snapshot())
        let (terminal, sent) = Self.play(
            [.character("a")] + Self.type("x") + [.enter, .character("n")], source: source)
        #expect(sent == 0)
        #expect(terminal.text.contains("not sent"))
    }

    @Test func aSilenceIsPrefilledWithTheAlertsMatchersAndChecksItsDuration() async throws {
        let source = FakeDataSource(Self.snapshot())
        _ = Self.run(
            [.character("s"), .enter, .enter] + Self.type("db migration") + [.enter, .character("y")], source: source)
        let sent = try await Self.commands(of: source, expecting: 1)
        #expect(
            sent == [
                .silence(
                    matchers: [
                        AlertMatcher(name: "alertname", kind: .equal, value: "InterfaceDown"),
                        AlertMatcher(name: "system", kind: .equal, value: "crm"),
                    ], duration: .seconds(7200), comment: "db migration", by: "tester")
            ])
        let (terminal, badSent) = Self.play(
            [.character("s"), .enter] + Self.type("soon") + [.enter, .escape],
            source: FakeDataSource(Self.snapshot()))
        #expect(terminal.text.contains("not a duration: soon"))
        #expect(badSent == 0)
    }

    @Test func aSilencesMatchersAreCheckedAsTheyAreTyped() async throws {
        let source = FakeDataSource(Self.snapshot())
        // Deleting the closing brace shows the error before Enter, with its column; Enter keeps the
        // line open to be corrected; typing the brace back clears it and the next step is asked.
        let keys: [Key?] = [.character("s"), .backspace, .enter] + Self.type("}") + [.enter, .escape]
        let (frames, sent) = Self.frames(keys, source: source)
        let typing = try #require(frames.firstIndex { $0.contains("column 41: expected a closing brace }") })
        #expect(frames[typing].contains(#"silence matchers: {alertname="InterfaceDown", system="crm""#))
        let corrected = frames[(typing + 1)...].first { !$0.contains("expected a closing brace") }
        #expect(corrected?.contains(#"silence matchers: {alertname="InterfaceDown", system="crm"}"#) == true)
        #expect(frames[(typing + 1)...].contains { $0.contains("for: 2h") })
        #expect(sent == 0, "escape at the next step sends nothing")
    }

    @Test func aSilencesBadRegexIsShownAtItsColumn() {
        let keys: [Key?] = [.character("s"), .backspace] + Self.type(#", job=~"(a"}"#) + [.escape]
        let frames = Self.frames(keys, source: FakeDataSource(Self.snapshot())).texts
        #expect(frames.contains { $0.contains("column 48: expected a valid regular expression") })
    }

    /// On a narrow screen the typed line scrolls and the problem keeps its place beside it.
    @Test func aSilencesProblemStaysVisibleOnANarrowScreen() {
        let keys: [Key?] = [.character("s"), .backspace] + Self.type(#", job=~"(a"}"#) + [.escape]
        let frames = Self.frames(keys, source: FakeDataSource(Self.snapshot()), columns: 60).texts
        let line = frames.compactMap { $0.split(separator: "\n").first { $0.contains("(a\"}") } }.last
        #expect(line?.contains("column 48") == true, "\(line ?? "no input line")")
        #expect(line.map { DisplayWidth.of(String($0)) <= 60 } == true)
    }

    /// The screen before each key is read.
    static func frames(_ keys: [Key?], source: FakeDataSource, columns: Int = 120) -> (texts: [String], sent: Int) {
        final class Frames: @unchecked Sendable { var texts: [String] = [] }
        let frames = Frames()
        let terminal = MemoryTerminal(columns: columns, rows: 30)
        terminal.onReadKey = { frames.texts.append($0.text) }
        let sent = play(keys, source: source, terminal: terminal).sent
        return (frames.texts, sent)
    }

    @Test func readOnlyRefusesEveryWrite() {
        let (terminal, sent) = Self.play(
            [.character("a"), .character("s"), .character("n")], source: FakeDataSource(Self.snapshot()),
            readOnly: true)
        #expect(sent == 0)
        #expect(terminal.text.contains("read-only"))
    }

    @Test func enterShowsLabelsAnnotationsAndTheRunbook() {
        let text = Self.run([.enter], source: FakeDataSource(Self.snapshot())).text
        #expect(text.contains("› a1"))
        #expect(text.contains("runbook_url  https://runbooks/InterfaceDown"))
        #expect(text.contains("system=crm"))
    }

    /// Issue 19: "firing since" showed the activation while the history showed the real pending → firing.
    @Test func theDetailNamesBothTheActivationAndThePendingToFiringTime() {
        var entry = Self.entry("a1", "InterfaceDown", severity: "critical", state: .firing)
        entry.activeAt = Fixtures.now.addingTimeInterval(-300)
        entry.firedAt = Fixtures.now.addingTimeInterval(-240)
        let lines = AlertDetailView.lines(entry, now: Fixtures.now, timeZone: Fixtures.utc, glyphs: .unicode)
            .map { $0.map(\.text).joined() }
        let active = Formatting.clock(Fixtures.now.addingTimeInterval(-300), timeZone: Fixtures.utc)
        let fired = Formatting.clock(Fixtures.now.addingTimeInterval(-240), timeZone: Fixtures.utc)
        #expect(lines[0].hasSuffix("firing since \(fired) (4m ago)"), "\(lines[0])")
        #expect(lines.contains("active  \(active) (5m ago)  condition first true"), "\(lines)")
        #expect(lines.contains("firing  \(fired) (4m ago)  pending → firing"), "\(lines)")
        let ascii = AlertDetailView.lines(entry, now: Fixtures.now, timeZone: Fixtures.utc, glyphs: .ascii)
            .map { $0.map(\.text).joined() }
        #expect(ascii.contains("firing  \(fired) (4m ago)  pending -> firing"))
    }

    @Test func enterOnTheDetailOpensTheAlertsInterfaceWhichListsItsAlertsAndJobs() {
        var snapshot = Self.snapshot()
        snapshot.alerts.entries[0].labels.append(LabelPair("interface", Fixtures.interfaces[0].id))
        snapshot.jobs = JobsViewTests.jobs
        snapshot.jobs[0].system = Fixtures.interfaces[0].from
        let text = Self.run([.enter, .enter], source: FakeDataSource(snapshot)).text
        #expect(text.contains("› a1 › \(Fixtures.interfaces[0].id)"))
        #expect(text.contains("alerts  ✖ InterfaceDown critical"))
        #expect(text.contains("jobs    ✖ Payroll export failed"))
    }

    @Test func theQueueIsGroupedBySeverityAndTheSelectionSkipsHeadings() {
        let terminal = Self.run(
            [.character("j"), .character("k"), .character("g")], source: FakeDataSource(Self.snapshot()))
        let rows = terminal.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let critical = rows.firstIndex { $0.contains("▾ severity critical  1 alert, 1 firing") }
        let warning = rows.firstIndex {
            $0.contains("▾ severity warning  2 alerts, 1 firing, 1 pending, 2 acked or muted")
        }
        #expect(critical != nil && warning != nil)
        if let critical {
            #expect(rows[critical + 1].contains("InterfaceDown"))
            #expect(terminal.role(x: 0, y: critical + 1) == .selection, "g lands on the first alert, not its heading")
        }
    }

    @Test func bGroupsByTheNextLabelAndGroupNoneFlattens() {
        let bySystem = Self.run([.character("b")], source: FakeDataSource(Self.snapshot())).text
        #expect(bySystem.contains("▾ system crm  3 alerts"))
        #expect(bySystem.contains("alerts grouped by system"))
        let flat = Self.run(
            [.character(":")] + Self.type("group none") + [.enter], source: FakeDataSource(Self.snapshot())
        ).text
        #expect(!flat.contains("▾"))
        #expect(flat.contains("alerts not grouped"))
    }

    @Test func tabMovesToTheSilencesWhereXExpiresTheSelectedOne() async throws {
        var snapshot = Self.snapshot()
        snapshot.alerts.silences = [
            SilenceSnapshot(
                id: "s1", matchers: #"{alertname="JobLate"}"#, startsAt: Fixtures.now.addingTimeInterval(-60),
                endsAt: Fixtures.now.addingTimeInterval(7200), createdBy: "kim", comment: "known, vendor ticket 42",
                state: "active"),
            SilenceSnapshot(
                id: "s0", matchers: #"{system="crm"}"#, startsAt: Fixtures.now.addingTimeInterval(-7200),
                endsAt: Fixtures.now.addingTimeInterval(-60), createdBy: "kim", comment: "window closed",
                state: "expired"),
        ]
        let source = FakeDataSource(snapshot)
        let terminal = Self.run([.tab, .character("x"), .character("y")], source: source)
        #expect(terminal.text.contains("SILENCES 1 active, 0 pending  x expires it"))
        #expect(terminal.text.contains("known, vendor ticket 42"))
        #expect(!terminal.text.contains("window closed"), "expired silences are not listed")
        let sent = try await Self.commands(of: source, expecting: 1)
        #expect(sent == [.expireSilence(id: "s1", by: "tester")])
    }

    @Test func theDetailShowsTheAlertsHistoryNewestFirst() async throws {
        let source = FakeDataSource(Self.snapshot())
        source.activities = [
            "a1": [
                AlertActivity(at: Fixtures.now.addingTimeInterval(-10), by: "kim", text: "acknowledged: renewing"),
                AlertActivity(at: Fixtures.now.addingTimeInterval(-60), by: nil, text: "pending → firing"),
            ]
        ]
        let screen = await Fixtures.play([.enter], source: source, start: .alerts).text
        let history = try #require(screen.range(of: "HISTORY"))
        let text = String(screen[history.lowerBound...])
        let ack = text.range(of: "kim  acknowledged: renewing")
        let change = text.range(of: "pending → firing")
        #expect(ack != nil && change != nil && ack!.lowerBound < change!.lowerBound)
    }
}
