import Foundation

/// Taking operator state written elsewhere (by the command line) into a running queue.
extension AlertQueue {
    /// Replaces acknowledgements, silences, notes and the database's maintenance windows with `state`;
    /// the config's windows (`config:…`) stay. Recompute (or `update`) before reading `entries`.
    public mutating func replaceOperatorState(_ state: OperatorState) {
        acknowledgements = Dictionary(state.acknowledgements.map { ($0.alertID, $0) }, uniquingKeysWith: { $1 })
        silences = Dictionary(state.silences.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        notes = Dictionary(grouping: state.notes, by: \.alertID)
        maintenanceWindows = maintenanceWindows.filter { $0.key.hasPrefix(MaintenanceWindow.configPrefix) }
        for window in state.maintenanceWindows { maintenanceWindows[window.id] = window }
    }
}
