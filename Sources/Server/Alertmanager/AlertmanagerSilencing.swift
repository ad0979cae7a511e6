import Foundation
import SwitchboardCore

/// Silences written through Alertmanager's API become Switchboard's own commands, attributed and
/// audited as the console's: a posted silence is a Switchboard silence (an `id` naming one replaces
/// it: the old one expires), and expiring `ack-<fingerprint>` gives that alert back to the queue.
struct AlertmanagerSilencing {
    let host: EngineHost
    let caller: Caller

    /// How far in the future a silence may say it starts (clocks differ); Switchboard's start now.
    static let startTolerance: TimeInterval = 60

    /// Creates the silence and answers its id.
    func post(_ body: PostableSilence, by author: String, now: Date = Date()) async throws -> String {
        let matchers: [AlertMatcher]
        do {
            matchers = try body.matchers.map { try $0.alertMatcher }
        } catch {
            throw AlertmanagerFailure.badRequest("matchers: \(error)")
        }
        guard !matchers.isEmpty else { throw AlertmanagerFailure.badRequest("matchers: a silence needs at least one") }
        guard body.endsAt > now else {
            throw AlertmanagerFailure.badRequest("endsAt: the silence would end in the past")
        }
        guard body.startsAt.timeIntervalSince(now) <= Self.startTolerance else {
            throw AlertmanagerFailure.badRequest(
                "startsAt: Switchboard's silences start when they are created; a later start is not supported")
        }
        if let id = body.id, !id.isEmpty { try await replace(id) }
        let before = Set(host.snapshot.alerts.silences.map(\.id))
        let duration = Duration.milliseconds(Int64(body.endsAt.timeIntervalSince(now) * 1000))
        try check(
            await host.perform(
                .silence(matchers: matchers, duration: duration, comment: body.comment, by: author), by: caller))
        let created = host.snapshot.alerts.silences.filter {
            !before.contains($0.id) && $0.createdBy == author && $0.comment == body.comment
        }
        guard let silence = created.max(by: { $0.startsAt < $1.startsAt }) else {
            throw AlertmanagerFailure(status: .internalServerError, message: "the silence was created but not found")
        }
        return silence.id
    }

    /// Expires a silence, or takes back the acknowledgement an `ack-` silence stands for.
    func expire(_ id: String) async throws {
        if id.hasPrefix(AlertmanagerView.ackPrefix) {
            let alert = String(id.dropFirst(AlertmanagerView.ackPrefix.count))
            guard host.snapshot.alerts.entries.contains(where: { $0.id == alert && $0.acknowledgement != nil }) else {
                throw AlertmanagerFailure.notFound("silence \(id) not found")
            }
            try check(await host.perform(.unacknowledge(alertID: alert, by: caller.name), by: caller))
            return
        }
        if id.hasPrefix(AlertmanagerView.maintenancePrefix) {
            throw AlertmanagerFailure.badRequest(
                "\(id) is a maintenance window: end it with `switchboard maintenance remove \(id.dropFirst(AlertmanagerView.maintenancePrefix.count))`"
            )
        }
        guard host.snapshot.alerts.silences.contains(where: { $0.id == id }) else {
            throw AlertmanagerFailure.notFound("silence \(id) not found")
        }
        try check(await host.perform(.expireSilence(id: id, by: caller.name), by: caller))
    }

    /// A silence posted with an id updates it: the old one ends, the new one takes its place.
    private func replace(_ id: String) async throws {
        guard let old = host.snapshot.alerts.silences.first(where: { $0.id == id }) else {
            throw AlertmanagerFailure.notFound("silence \(id) not found")
        }
        if old.state != "expired" { try await expire(id) }
    }

    private func check(_ outcome: CommandOutcome) throws {
        guard outcome.succeeded else { throw AlertmanagerFailure.badRequest(outcome.message) }
    }
}
