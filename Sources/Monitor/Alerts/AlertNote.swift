import Foundation

/// A free-text note an operator left on an alert.
public struct AlertNote: Sendable, Hashable {
    public var alertID: AlertID
    public var by: String
    public var at: Date
    public var text: String

    public init(alertID: AlertID, by: String, at: Date, text: String) {
        self.alertID = alertID
        self.by = by
        self.at = at
        self.text = text
    }
}
