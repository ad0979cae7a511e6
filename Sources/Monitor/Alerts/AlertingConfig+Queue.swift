import Foundation
import PromQL
import SwitchboardCore

/// The config's inhibit rules and maintenance windows as the queue takes them.
extension AlertingConfig {
    /// The `inhibit_rules`, with their matchers (checked when the config was read) for the queue.
    public func inhibitionRules() throws -> [InhibitionRule] {
        try inhibitRules.map { rule in
            InhibitionRule(
                sourceMatchers: try LabelMatcher.alerting(rule.sourceMatchers),
                targetMatchers: try LabelMatcher.alerting(rule.targetMatchers), equal: rule.equal)
        }
    }

    /// The `maintenance_windows`, each with the id `config:<name>`; they live in the config, not the database.
    public func queueMaintenanceWindows() throws -> [MaintenanceWindow] {
        try maintenanceWindows.map { window in
            try MaintenanceWindow(window, id: MaintenanceWindow.configPrefix + window.name, createdBy: "config")
        }
    }
}

extension MaintenanceWindow {
    /// The start of the id of a window written in the config file.
    public static let configPrefix = "config:"
}
