/// A named receiver of notifications with its webhooks, as Alertmanager's `receivers[]`.
public struct NotificationReceiver: Sendable, Equatable {
    public var name: String
    public var webhooks: [WebhookConfig]

    public init(name: String, webhooks: [WebhookConfig]) {
        self.name = name
        self.webhooks = webhooks
    }
}
