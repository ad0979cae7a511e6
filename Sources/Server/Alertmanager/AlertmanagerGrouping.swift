/// Alerts in groups by the route's `group_by`, as `GET /api/v2/alerts/groups` answers: `[]` puts
/// every alert in one group, `["..."]` each alert in its own.
enum AlertmanagerGrouping {
    static func groups(_ alerts: [GettableAlert], by labels: [String], receiver: String) -> [AlertGroup] {
        var order: [[String: String]] = []
        var members: [[String: String]: [GettableAlert]] = [:]
        for alert in alerts {
            let key =
                labels == ["..."]
                ? alert.labels : alert.labels.filter { labels.contains($0.key) }
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(alert)
        }
        return order.map { key in
            AlertGroup(
                labels: key, routeLabels: [:], receiver: ReceiverReference(name: receiver), alerts: members[key] ?? [])
        }
    }
}
