import Foundation
import SwitchboardCore
import Synchronization

/// Asks two systems for a count that should agree and compares them: up while they are within the
/// tolerance, or have differed for no longer than the grace period; then `reconcile_mismatch`,
/// which leaves the interface DEGRADED. Remembers since when they differ, across runs.
final class ReconcileProbe: Probe {
    let settings: ReconcileProbeSettings
    let clients: HTTPClients
    /// The time, injected so that tests move it.
    let now: @Sendable () -> Date
    private let differingSince = Mutex<Date?>(nil)

    init(settings: ReconcileProbeSettings, clients: HTTPClients, now: @escaping @Sendable () -> Date = { Date() }) {
        self.settings = settings
        self.clients = clients
        self.now = now
    }

    var enforcesTimeout: Bool { true }

    func run(timeout: Duration) async -> ProbeOutcome {
        async let sourceCount = count(settings.source, timeout: timeout)
        async let targetCount = count(settings.target, timeout: timeout)
        let (source, target) = await (sourceCount, targetCount)
        let a: Double
        let b: Double
        switch (source, target) {
        case (.failed(let failure), _), (_, .failed(let failure)): return failure
        case (.number(let first), .number(let second)): (a, b) = (first, second)
        }
        let apart = abs(a - b)
        let allowance = settings.tolerance.allowance(a, b)
        let samples = [
            Sample("reconcile_value", ["side": "source"], a), Sample("reconcile_value", ["side": "target"], b),
            Sample("reconcile_difference", [:], apart),
        ]
        let counts =
            "\(settings.source.name) \(ReconcileTolerance.format(a))\(settings.what.isEmpty ? "" : " " + settings.what), "
            + "\(settings.target.name) \(ReconcileTolerance.format(b))"
        guard apart > allowance else {
            differingSince.withLock { $0 = nil }
            return .success(counts + " (tolerance \(settings.tolerance))", samples: samples)
        }
        let moment = now()
        let since = differingSince.withLock { since in
            if since == nil { since = moment }
            return since!
        }
        let lasting = Duration.seconds(max(0, moment.timeIntervalSince(since)))
        let reason =
            counts + " (\(ReconcileTolerance.format(apart)) apart, tolerance \(settings.tolerance))"
            + " for \(DurationParser.format(lasting, units: 2))"
        if lasting > settings.grace {
            return .failure(.reconcileMismatch, reason, samples: samples)
        }
        return .success(reason + " (grace \(DurationParser.format(settings.grace)))", samples: samples)
    }

    /// The number at the query's path, or the failure to report.
    private func count(_ query: ReconcileQuery, timeout: Duration) async -> Count {
        let answer = await HTTPProbe(settings: query.request, expect: Expectations(), clients: clients)
            .answer(timeout: timeout)
        guard answer.outcome.up, let body = answer.body else {
            var failure = answer.outcome
            failure.reason = "\(query.name): \(failure.reason)"
            return .failed(failure)
        }
        guard let document = try? JSONDecoder().decode(JSONValue.self, from: Data(body.utf8)),
            case .number(let number)? = query.value.value(in: document)
        else {
            return .failed(.failure(.assertion, "\(query.name): \(query.value.description) is not a number"))
        }
        return .number(number)
    }
}

/// One side's count, or why there is none.
private enum Count: Sendable {
    case number(Double)
    case failed(ProbeOutcome)
}
