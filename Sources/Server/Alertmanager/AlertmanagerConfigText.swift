import Foundation
import SwitchboardCore

/// The engine's notification route, receivers and inhibit rules written as an alertmanager.yml,
/// for `config.original`. Without a route, alerts go to the console alone: a receiver named
/// `switchboard` without integrations. A webhook's URL is written without its path, query and
/// credentials, and its headers not at all: they may hold tokens.
enum AlertmanagerConfigText {
    /// The receiver of an engine that notifies no one but its consoles.
    static let consoleReceiver = "switchboard"

    /// The name alerts are routed to.
    static func receiver(of alerting: AlertingConfig) -> String {
        alerting.route?.receiver ?? consoleReceiver
    }

    /// The receivers, by name, as `GET /api/v2/receivers` lists them.
    static func receivers(of alerting: AlertingConfig) -> [String] {
        alerting.route == nil ? [consoleReceiver] : alerting.receivers.map(\.name)
    }

    static func yaml(_ alerting: AlertingConfig) -> String {
        let route = alerting.route ?? NotificationRoute(receiver: consoleReceiver)
        var lines = [
            "route:",
            "  receiver: \(quoted(route.receiver))",
            "  group_by: [\(route.groupBy.map(quoted).joined(separator: ", "))]",
            "  group_wait: \(duration(route.groupWait))",
            "  group_interval: \(duration(route.groupInterval))",
            "  repeat_interval: \(duration(route.repeatInterval))",
            "receivers:",
        ]
        let receivers =
            alerting.route == nil ? [NotificationReceiver(name: consoleReceiver, webhooks: [])] : alerting.receivers
        for receiver in receivers {
            lines.append("  - name: \(quoted(receiver.name))")
            guard !receiver.webhooks.isEmpty else { continue }
            lines.append("    webhook_configs:")
            for webhook in receiver.webhooks {
                lines.append("      - url: \(quoted(redacted(webhook.url)))")
                lines.append("        send_resolved: \(webhook.sendResolved)")
            }
        }
        if !alerting.inhibitRules.isEmpty {
            lines.append("inhibit_rules:")
            for rule in alerting.inhibitRules {
                lines.append(
                    "  - source_matchers: [\(rule.sourceMatchers.map { quoted($0.description) }.joined(separator: ", "))]"
                )
                lines.append(
                    "    target_matchers: [\(rule.targetMatchers.map { quoted($0.description) }.joined(separator: ", "))]"
                )
                lines.append("    equal: [\(rule.equal.map(quoted).joined(separator: ", "))]")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `scheme://host:port/`: where the webhook goes, without what may be secret.
    static func redacted(_ url: String) -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host
        else { return "http://invalid/" }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "") + "/"
    }

    static func quoted(_ text: String) -> String { JSONStringLiteral.quoted(text) }

    /// Prometheus' duration text: `30s`, `5m`, `4h`, `1h30m`.
    static func duration(_ duration: Duration) -> String {
        var seconds = max(0, duration.components.seconds)
        guard seconds > 0 else { return "0s" }
        var text = ""
        for (unit, size) in [("d", Int64(86400)), ("h", 3600), ("m", 60), ("s", 1)] where seconds >= size {
            text += "\(seconds / size)\(unit)"
            seconds %= size
        }
        return text
    }
}
