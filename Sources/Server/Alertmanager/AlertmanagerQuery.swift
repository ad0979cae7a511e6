import Foundation
import Hummingbird
import Monitor
import SwitchboardCore

/// The filters of `GET /api/v2/alerts` and `/alerts/groups`, as Alertmanager applies them: `active`,
/// `silenced`, `inhibited`, `unprocessed` (true by default; false leaves those alerts out), `filter`
/// matchers (repeated; Switchboard's one matcher grammar) and a `receiver` regex.
struct AlertmanagerQuery {
    var active = true
    var silenced = true
    var inhibited = true
    var unprocessed = true
    /// `/alerts/groups` only: false leaves out groups whose every alert is muted.
    var muted = true
    var filter: AlertLabelFilter
    var receiver: String?

    init(_ request: Request) throws {
        let parameters = request.uri.queryParameters
        active = try Self.flag("active", in: parameters)
        silenced = try Self.flag("silenced", in: parameters)
        inhibited = try Self.flag("inhibited", in: parameters)
        unprocessed = try Self.flag("unprocessed", in: parameters)
        muted = try Self.flag("muted", in: parameters)
        filter = try Self.filter(parameters.getAll("filter"))
        receiver = parameters["receiver"].map(String.init)
        if let receiver {
            do {
                _ = try AlertLabelFilter.regex(receiver, matches: "")
            } catch {
                throw AlertmanagerFailure.badRequest("receiver: \(error)")
            }
        }
    }

    /// A boolean parameter, true when absent.
    static func flag(_ name: String, in parameters: Parameters) throws -> Bool {
        guard let text = parameters[Substring(name)] else { return true }
        switch text.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw AlertmanagerFailure.badRequest("\(name): expected true or false, got \(text)")
        }
    }

    /// The `filter=` matchers, each a matcher or a list in Switchboard's one grammar.
    static func filter(_ texts: [String]) throws -> AlertLabelFilter {
        do {
            return try AlertLabelFilter(try AlertMatcher.parseAll(texts))
        } catch {
            throw AlertmanagerFailure.badRequest("filter: \(error)")
        }
    }

    /// Whether Alertmanager's filters keep `alert` (routed to `receiverName`).
    func keeps(_ alert: GettableAlert, labels: [LabelPair], receiverName: String) -> Bool {
        if let receiver, (try? AlertLabelFilter.regex(receiver, matches: receiverName)) != true { return false }
        if !filter.matches(labels) { return false }
        if !inhibited && !alert.status.inhibitedBy.isEmpty { return false }
        if !silenced && !alert.status.silencedBy.isEmpty { return false }
        if !unprocessed && alert.status.state == .unprocessed { return false }
        if !active && alert.status.state == .active { return false }
        return true
    }
}
