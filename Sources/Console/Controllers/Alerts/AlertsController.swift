import Foundation
import SwitchboardCore

/// View 4: the alert queue, grouped by a label, and the silences under it.
final class AlertsController: ViewController {
    func shows(_ route: Route) -> Bool { route == .alerts }

    func render(_ context: ScreenContext, rows: ScreenRows, into canvas: inout Canvas, y: Int, height: Int) {
        let console = context.console
        AlertsView.render(
            into: &canvas, y: y, height: height, snapshot: context.snapshot, state: console.alerts,
            groupBy: console.alertGrouping, rows: rows.alerts(context.snapshot, groupBy: console.alertGrouping),
            silences: console.silences, silencesFocused: console.silencesFocused,
            watchers: Watchers(context.snapshot.viewers, excluding: context.user), now: context.now,
            glyphs: context.glyphs)
    }

    func needs(_ state: ConsoleState, size: TerminalSize, glyphs: Glyphs) -> ScreenRows.Needs {
        ScreenRows.Needs(alerts: .some(state.alertGrouping))
    }

    func reconcile(_ session: ConsoleSession, size: TerminalSize) {
        let snapshot = session.shown
        let viewHeight = ConsoleScreen.layout(size: size).viewHeight
        let alertRows = session.rows.alerts(snapshot, groupBy: session.state.alertGrouping)
        let alertsVisible = AlertsView.queueRows(snapshot, viewHeight: viewHeight)
        session.state.alerts.reconcile(ids: alertRows.map(\.id), visibleRows: alertsVisible)
        session.state.alerts.skip(
            where: { alertRows[$0].alert == nil }, forward: true, rows: alertRows.map(\.id), visibleRows: alertsVisible)
        let silences = SilencesPane.rows(snapshot)
        session.state.silences.reconcile(
            ids: silences.map(\.id), visibleRows: SilencesPane.height(snapshot, viewHeight: viewHeight) - 2)
        if silences.isEmpty { session.state.silencesFocused = false }
    }

    func perform(_ action: Action, _ session: ConsoleSession, size: TerminalSize) -> Bool {
        switch action {
        case .open:
            if let entry = selected(session) { session.state.navigation.open(.alert(entry.id)) }
        case .acknowledge, .unacknowledge, .addNote, .silence, .expireSilence:
            if session.state.silencesFocused {
                expireSelectedSilence(action, session)
            } else {
                AlertWrites.perform(action, on: selected(session), session)
            }
        case .nextPane:
            guard !SilencesPane.rows(session.shown).isEmpty else {
                session.show("no silences: the queue is the only pane", role: .flash, seconds: 3)
                return true
            }
            session.state.silencesFocused.toggle()
        case .nextGrouping:
            let all = AlertsView.groupings
            let next = ((all.firstIndex { $0 == session.state.alertGrouping } ?? -1) + 1) % all.count
            Self.group(by: all[next], session)
        case _ where action.isMovement:
            move(action, session, size: size)
        default: return false
        }
        return true
    }

    /// `b` and `:group LABEL`: the queue grouped by another label, its selection back at the top.
    static func group(by label: String?, _ session: ConsoleSession) {
        session.state.alertGrouping = label
        session.state.alerts = ViewState()
        session.show(label.map { "alerts grouped by \($0)" } ?? "alerts not grouped", role: .flash, seconds: 3)
    }

    private func move(_ action: Action, _ session: ConsoleSession, size: TerminalSize) {
        let shown = session.shown
        let viewHeight = ConsoleScreen.layout(size: size).viewHeight
        if session.state.silencesFocused {
            session.state.silences.apply(
                action, ids: SilencesPane.rows(shown).map(\.id),
                visibleRows: SilencesPane.height(shown, viewHeight: viewHeight) - 2)
            return
        }
        let rows = session.rows.alerts(shown, groupBy: session.state.alertGrouping)
        let visible = AlertsView.queueRows(shown, viewHeight: viewHeight)
        session.state.alerts.apply(action, ids: rows.map(\.id), visibleRows: visible)
        let forward = [.moveDown, .pageDown, .moveToTop].contains(action)
        session.state.alerts.skip(
            where: { rows[$0].alert == nil }, forward: forward, rows: rows.map(\.id), visibleRows: visible)
    }

    /// The alert under the cursor; nil while the silences have the keys.
    private func selected(_ session: ConsoleSession) -> AlertEntrySnapshot? {
        guard !session.state.silencesFocused else { return nil }
        let rows = session.rows.alerts(session.shown, groupBy: session.state.alertGrouping)
        return session.state.alerts.selected.flatMap { rows.indices.contains($0) ? rows[$0].alert : nil }
    }

    /// `x` with the silences focused expires the selected silence; the alert keys wait for `Tab`.
    private func expireSelectedSilence(_ action: Action, _ session: ConsoleSession) {
        guard action == .expireSilence else {
            session.show("Tab back to the queue to act on an alert", role: .flash, seconds: 3)
            return
        }
        let silences = SilencesPane.rows(session.shown)
        guard let index = session.state.silences.selected, silences.indices.contains(index) else { return }
        let silence = silences[index]
        session.ask(
            .confirm(
                .expireSilence(id: silence.id, by: session.options.user),
                "expire silence \(TerminalText.clean(silence.matchers)) (\(AlertWrites.shortID(silence.id)))?"))
    }
}
