import Foundation
import Yams

/// Reads the `alerting:` section: Alertmanagers to push to, the notification route and receivers,
/// inhibit rules and maintenance windows, each error at its line and column.
struct AlertingDecoder {
    let reader: ConfigReader

    static let keys = ["alertmanagers", "route", "receivers", "inhibit_rules", "maintenance_windows"]

    func alerting(_ node: Node) -> AlertingConfig {
        var config = AlertingConfig()
        guard let fields = reader.mapping(node, context: "alerting", keys: Self.keys) else { return config }
        config.alertmanagers = list(fields["alertmanagers"], of: "alertmanagers", alertmanager)
        config.receivers = receivers(fields["receivers"])
        config.route = route(fields, receivers: config.receivers)
        config.inhibitRules = list(fields["inhibit_rules"], of: "inhibit rules", inhibitRule)
        config.maintenanceWindows = maintenanceWindows(fields["maintenance_windows"])
        return config
    }

    private func list<T>(_ node: Node?, of what: String, _ item: (Node) -> T?) -> [T] {
        guard let node, let items = reader.sequence(node, of: what) else { return [] }
        return items.compactMap(item)
    }

    private func alertmanager(_ node: Node) -> AlertmanagerTarget? {
        guard let fields = reader.mapping(node, context: "an alertmanager", keys: ["url", "timeout", "resend_delay"]),
            let url = url(in: fields)
        else { return nil }
        return AlertmanagerTarget(
            url: url, timeout: fields["timeout"].flatMap(reader.duration) ?? AlertmanagerTarget.defaultTimeout,
            resendDelay: fields["resend_delay"].flatMap(reader.duration) ?? AlertmanagerTarget.defaultResendDelay)
    }

    private func receivers(_ node: Node?) -> [NotificationReceiver] {
        var seen: [String: SourceLocation] = [:]
        return list(node, of: "receivers") { node in
            guard let fields = reader.mapping(node, context: "a receiver", keys: ["name", "webhook_configs"]),
                let nameNode = reader.required("name", in: fields), let name = reader.string(nameNode)
            else { return nil }
            if let first = seen[name] {
                reader.fail(.duplicateID(name, firstAt: first), at: nameNode)
                return nil
            }
            seen[name] = reader.location(of: nameNode)
            return NotificationReceiver(
                name: name, webhooks: list(fields["webhook_configs"], of: "webhook configs", webhook))
        }
    }

    private func webhook(_ node: Node) -> WebhookConfig? {
        let keys = ["url", "headers", "send_resolved", "timeout", "max_attempts"]
        guard let fields = reader.mapping(node, context: "a webhook config", keys: keys), let url = url(in: fields)
        else { return nil }
        var webhook = WebhookConfig(url: url)
        if let pairs = fields["headers"].flatMap({ reader.stringPairs($0, context: "headers", expand: true) }) {
            webhook.headers = pairs.map { HTTPHeaderField(name: $0.0, value: $0.1) }
        }
        webhook.sendResolved = fields["send_resolved"].flatMap(reader.bool) ?? true
        webhook.timeout = fields["timeout"].flatMap(reader.duration) ?? WebhookConfig.defaultTimeout
        webhook.attempts =
            fields["max_attempts"].flatMap { reader.int($0, in: 1...100, what: "a number of attempts (1-100)") }
            ?? WebhookConfig.defaultAttempts
        return webhook
    }

    /// The route; without one, a single receiver is the route's receiver.
    private func route(_ fields: Fields, receivers: [NotificationReceiver]) -> NotificationRoute? {
        guard let node = fields["route"] else {
            if receivers.count == 1 { return NotificationRoute(receiver: receivers[0].name) }
            if receivers.count > 1 {
                reader.fail(.missingKey("route", in: "alerting with several receivers"), at: fields.node)
            }
            return nil
        }
        let keys = ["receiver", "group_by", "group_wait", "group_interval", "repeat_interval"]
        guard let route = reader.mapping(node, context: "route", keys: keys),
            let receiverNode = reader.required("receiver", in: route), let receiver = reader.string(receiverNode)
        else { return nil }
        if !receivers.contains(where: { $0.name == receiver }) {
            let hint = DidYouMean.suggestion(for: receiver, among: receivers.map(\.name))
            reader.fail(.unknownReference(receiver, kind: "receiver", didYouMean: hint), at: receiverNode)
        }
        return NotificationRoute(
            receiver: receiver, groupBy: route["group_by"].flatMap(labelNames) ?? [],
            groupWait: route["group_wait"].flatMap(reader.duration) ?? NotificationRoute.defaultGroupWait,
            groupInterval: route["group_interval"].flatMap(reader.duration) ?? NotificationRoute.defaultGroupInterval,
            repeatInterval: route["repeat_interval"].flatMap(reader.duration) ?? NotificationRoute.defaultRepeatInterval
        )
    }

    private func inhibitRule(_ node: Node) -> InhibitRuleConfig? {
        let keys = ["source_matchers", "target_matchers", "equal"]
        guard let fields = reader.mapping(node, context: "an inhibit rule", keys: keys) else { return nil }
        let source = reader.required("source_matchers", in: fields).flatMap(matchers)
        let target = reader.required("target_matchers", in: fields).flatMap(matchers)
        let equal = fields["equal"].flatMap(labelNames) ?? []
        guard let source, let target else { return nil }
        return InhibitRuleConfig(sourceMatchers: source, targetMatchers: target, equal: equal)
    }

    private func maintenanceWindows(_ node: Node?) -> [MaintenanceWindowConfig] {
        var seen: [String: SourceLocation] = [:]
        return list(node, of: "maintenance windows") { node in
            let keys = ["name", "matchers", "start", "end", "weekly", "comment"]
            guard let fields = reader.mapping(node, context: "a maintenance window", keys: keys),
                let nameNode = reader.required("name", in: fields), let name = reader.string(nameNode)
            else { return nil }
            if let first = seen[name] {
                reader.fail(.duplicateID(name, firstAt: first), at: nameNode)
            }
            seen[name] = seen[name] ?? reader.location(of: nameNode)
            let matchers = reader.required("matchers", in: fields).flatMap(matchers)
            let schedule = self.schedule(fields, context: "maintenance window `\(name)`")
            guard let matchers, let schedule else { return nil }
            if matchers.isEmpty {
                reader.fail(.invalidValue("[]", expected: "at least one matcher"), at: fields["matchers"]!)
            }
            return MaintenanceWindowConfig(
                name: name, matchers: matchers, schedule: schedule,
                comment: fields["comment"].flatMap { reader.string($0) } ?? "")
        }
    }

    /// `start` and `end`, or `weekly`.
    private func schedule(_ fields: Fields, context: String) -> MaintenanceSchedule? {
        if let weekly = fields["weekly"] {
            if fields["start"] != nil || fields["end"] != nil {
                reader.fail(.conflictingKeys(["start/end", "weekly"], in: context), at: fields.keyNodes["weekly"]!)
                return nil
            }
            return self.weekly(weekly)
        }
        guard fields["start"] != nil || fields["end"] != nil else {
            reader.fail(.missingKey("start and end, or weekly", in: context), at: fields.node)
            return nil
        }
        let start = reader.required("start", in: fields).flatMap { parsed($0, MaintenanceScheduleSyntax.time) }
        let end = reader.required("end", in: fields).flatMap { parsed($0, MaintenanceScheduleSyntax.time) }
        guard let start, let end, let endNode = fields["end"] else { return nil }
        do {
            return try MaintenanceScheduleSyntax.once(start: start, end: end)
        } catch {
            reader.fail(
                .invalidValue(reader.string(endNode) ?? "", expected: "a time after `start`: \(error)"), at: endNode)
            return nil
        }
    }

    private func weekly(_ node: Node) -> MaintenanceSchedule? {
        guard let fields = reader.mapping(node, context: "weekly", keys: ["days", "at", "duration", "time_zone"]) else {
            return nil
        }
        let days = reader.required("days", in: fields).flatMap(weekdays)
        let minute = reader.required("at", in: fields).flatMap { parsed($0, MaintenanceScheduleSyntax.minuteOfDay) }
        let duration = reader.required("duration", in: fields).flatMap(reader.duration)
        let zone =
            fields["time_zone"].map { parsed($0, MaintenanceScheduleSyntax.timeZone) }
            ?? TimeZone(identifier: "UTC")
        guard let days, let minute, let duration, let zone else { return nil }
        do {
            return try MaintenanceScheduleSyntax.weekly(
                weekdays: days, minuteOfDay: minute, duration: duration.seconds, timeZone: zone)
        } catch {
            reader.fail(
                .invalidValue(reader.string(fields["duration"]!) ?? "", expected: "\(error)"), at: fields["duration"]!)
            return nil
        }
    }

    /// `[mon, tue]` or `"mon,tue"`.
    private func weekdays(_ node: Node) -> Set<Int>? {
        let items: [Node] = if case .sequence = node { reader.sequence(node, of: "weekdays") ?? [] } else { [node] }
        var days: Set<Int> = []
        for item in items {
            guard let parsed = parsed(item, MaintenanceScheduleSyntax.weekdays) else { return nil }
            days.formUnion(parsed)
        }
        guard !days.isEmpty else {
            reader.fail(.invalidValue("[]", expected: "at least one weekday"), at: node)
            return nil
        }
        return days
    }

    /// A string parsed by `parse`; its error is reported at the node.
    private func parsed<T>(_ node: Node, _ parse: (String) throws -> T) -> T? {
        guard let text = reader.string(node) else { return nil }
        do {
            return try parse(text)
        } catch {
            reader.fail(.invalidValue(text, expected: Self.expectation("\(error)")), at: node)
            return nil
        }
    }

    /// "unknown weekday `x`; expected mon, …" → "mon, …" (the value is already in the message).
    static func expectation(_ message: String) -> String {
        guard let range = message.range(of: "; expected ") else { return message }
        return String(message[range.upperBound...])
    }

    private func matchers(_ node: Node) -> [AlertMatcher]? {
        guard let items = reader.sequence(node, of: "matchers such as 'severity=\"critical\"'") else { return nil }
        var matchers: [AlertMatcher] = []
        var failed = false
        for item in items {
            guard let text = reader.string(item) else {
                failed = true
                continue
            }
            do {
                matchers += try AlertMatcher.parseList(text)
            } catch {
                failed = true
                reader.fail(
                    .invalidExpression(text, language: "matcher", problem: "expected \(error.expected)"),
                    at: reader.location(of: item, offset: error.column - 1))
            }
        }
        return failed ? nil : matchers
    }

    private func labelNames(_ node: Node) -> [String]? {
        guard let items = reader.sequence(node, of: "label names") else { return nil }
        var names: [String] = []
        for item in items {
            guard let name = reader.string(item) else { continue }
            guard name == "..." || Self.isLabelName(name) else {
                reader.fail(.invalidValue(name, expected: "a label name ([a-zA-Z_][a-zA-Z0-9_]*) or `...`"), at: item)
                continue
            }
            names.append(name)
        }
        return names
    }

    static func isLabelName(_ name: String) -> Bool {
        guard let first = name.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
        return name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }

    private func url(in fields: Fields) -> String? {
        guard let node = reader.required("url", in: fields), let url = reader.expandedString(node) else { return nil }
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
            parsed.host != nil
        else {
            reader.fail(.invalidValue(url, expected: "an http:// or https:// URL"), at: node)
            return nil
        }
        return url
    }
}
