import Foundation
import PromQL
import SwitchboardCore
import Synchronization

/// Asks two systems for a count that should agree (a number in a JSON answer, or the sum of the
/// series a selector matches on a `/metrics` page) and compares them: up while they are within the
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

    /// This side's number, or the failure to report.
    private func count(_ query: ReconcileQuery, timeout: Duration) async -> Count {
        let count: Count
        switch query.reading {
        case .json(let request, let value): count = await number(at: value, answering: request, timeout: timeout)
        case .series(let scrape, let selector): count = await sum(of: selector, on: scrape, timeout: timeout)
        }
        guard case .failed(var failure) = count else { return count }
        failure.reason = "\(query.name): \(failure.reason)"
        return .failed(failure)
    }

    /// The number at `value`'s path in the answer to `request`.
    private func number(at value: JSONAssertion, answering request: HTTPProbeSettings, timeout: Duration) async
        -> Count
    {
        let answer = await HTTPProbe(settings: request, expect: Expectations(), clients: clients)
            .answer(timeout: timeout)
        guard answer.outcome.up, let body = answer.body else { return .failed(answer.outcome) }
        guard let document = try? JSONDecoder().decode(JSONValue.self, from: Data(body.utf8)),
            case .number(let number)? = value.value(in: document)
        else {
            return .failed(.failure(.assertion, "\(value.description) is not a number"))
        }
        return .number(number)
    }

    /// The sum of the samples on the scraped page that `selector` matches.
    private func sum(of selector: SeriesSelector, on scrape: ScrapeProbeSettings, timeout: Duration) async -> Count {
        let body: [UInt8]
        switch await ScrapeProbe(settings: scrape, checkID: "reconcile", clients: clients).page(timeout: timeout) {
        case .failure(let failure): return .failed(failure)
        case .success(let bytes): body = bytes
        }
        let exposition = ExpositionParser.parse(bytes: body)
        if let first = exposition.problems.first {
            let count = Plural.count(exposition.problems.count, "malformed line")
            return .failed(.failure(.invalidResponse, "\(count) in the exposition; \(first)"))
        }
        let matchers = CompiledMatchers(selector.matchers)
        let matching = exposition.samples.filter { sample in
            var labels = sample.labels
            labels[LabelMatcher.metricNameLabel] = sample.name
            return matchers.matches(labels)
        }
        guard !matching.isEmpty else {
            return .failed(.failure(.assertion, "no sample matches \(selector)"))
        }
        return .number(matching.reduce(0) { $0 + $1.value })
    }
}

/// One side's count, or why there is none.
private enum Count: Sendable {
    case number(Double)
    case failed(ProbeOutcome)
}
