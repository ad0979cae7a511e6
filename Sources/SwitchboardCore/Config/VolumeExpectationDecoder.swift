import Foundation
import Yams

/// Reads `throughput.expect`: `at_least`, `per`, and the calendar `when` (in `time_zone`, UTC by
/// default), each problem at its place in the config.
struct VolumeExpectationDecoder {
    let reader: ConfigReader

    func expectation(_ node: Node) -> VolumeExpectation? {
        let keys = ["at_least", "per", "when", "time_zone"]
        guard let fields = reader.mapping(node, context: "throughput.expect", keys: keys) else { return nil }
        let atLeast = reader.required("at_least", in: fields).flatMap {
            reader.int($0, in: 1...1_000_000_000, what: "a number of messages (1 or more)")
        }
        let per = reader.required("per", in: fields).flatMap(reader.duration)
        var zone = TimeZone(identifier: "UTC")!
        if let zoneNode = fields["time_zone"], let name = reader.string(zoneNode) {
            guard let found = TimeZone(identifier: name) else {
                reader.fail(.invalidValue(name, expected: "a time zone such as Europe/Berlin or UTC"), at: zoneNode)
                return nil
            }
            zone = found
        }
        var calendar: BusinessCalendar?
        if let whenNode = fields["when"] {
            guard let parsed = self.calendar(whenNode, zone: zone) else { return nil }
            calendar = parsed
        }
        guard let atLeast, let per else { return nil }
        return VolumeExpectation(atLeast: Double(atLeast), per: per, calendar: calendar)
    }

    private func calendar(_ node: Node, zone: TimeZone) -> BusinessCalendar? {
        guard let text = reader.string(node) else { return nil }
        do {
            return try BusinessCalendar(parsing: text, timeZone: zone)
        } catch {
            reader.fail(
                .invalidExpression(text, language: "calendar", problem: error.problem),
                at: reader.location(of: node, offset: error.column - 1))
            return nil
        }
    }
}
