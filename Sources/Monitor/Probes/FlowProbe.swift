import Foundation
import SwitchboardCore

/// Follows one record through an integration: sends `start`, extracts its key, then asks `arrive`
/// every `poll` until its assertions hold or `within` has passed.
///
/// Each request has the check's timeout, and polls start only within `within`, so a run lasts at
/// most `within` plus two timeouts (the start request's and the last poll's): the probe keeps that
/// deadline itself. Every poll gets the whole timeout, so that a slow machine still sees the answer.
struct FlowProbe: Probe {
    let settings: FlowProbeSettings
    /// The timeout of each request: the check's `timeout`.
    let requestTimeout: Duration
    /// The system the record should reach, for reasons (`order 4711 not in ERP after 2m`).
    let target: String
    let clients: HTTPClients

    var enforcesTimeout: Bool { true }

    func run(timeout: Duration) async -> ProbeOutcome {
        var (outcome, report) = await follow()
        outcome.flow = report
        return outcome
    }

    /// One run, with what each step did (for the console).
    func follow() async -> (outcome: ProbeOutcome, report: FlowRunReport) {
        let clock = ContinuousClock()
        let begin = clock.now
        var report = FlowRunReport(key: nil, steps: [])
        let start = await HTTPProbe(settings: settings.start.request, expect: settings.start.expect, clients: clients)
            .answer(timeout: requestTimeout)
        var values: [String: String] = [:]
        var startFailure: String?
        if !start.outcome.up {
            startFailure = "start request failed: \(start.outcome.reason)"
        } else if let body = start.body {
            for extraction in settings.start.extract {
                guard let value = extraction.value(in: body) else {
                    startFailure = "start answered \(start.outcome.reason) but \(extraction.described) found nothing"
                    break
                }
                values[extraction.name] = value
            }
        }
        let key = settings.start.extract.first.flatMap { extraction in
            values[extraction.name].map { FlowKey(name: extraction.name, value: $0) }
        }
        report.key = key?.described
        report.steps.append(
            FlowStepReport(
                step: "start", url: settings.start.request.url, startedAt: Date.now - (clock.now - begin).seconds,
                durationSeconds: (clock.now - begin).seconds, attempts: 1, ok: startFailure == nil,
                reason: startFailure ?? start.outcome.reason))
        if let startFailure {
            return (failure(.flowStartFailed, startFailure), report)
        }

        var request = settings.arrive.request
        request.url = FlowTemplate.render(request.url, values, escape: FlowTemplate.urlEscape)
        request.headers = request.headers.map { ($0.0, FlowTemplate.render($0.1, values)) }
        request.body = request.body.map { FlowTemplate.render($0, values) }
        let arrive = HTTPProbe(settings: request, expect: settings.arrive.expect, clients: clients)
        let arriveBegin = clock.now
        let arriveStartedAt = Date.now
        let deadline = arriveBegin + settings.within
        var attempts = 0
        var last: ProbeOutcome
        while true {
            attempts += 1
            last = await arrive.answer(timeout: requestTimeout).outcome
            if last.up || Task.isCancelled || clock.now >= deadline { break }
            do {
                try await Task.sleep(until: min(clock.now + settings.poll, deadline), clock: clock)
            } catch {
                break
            }
        }
        let ended = clock.now
        let outcome: ProbeOutcome
        let noun = key?.described ?? "record"
        if last.up {
            let took = ended - begin
            outcome = .success(
                "\(noun) in \(target) after \(String(format: "%.1f", took.seconds))s", httpStatus: last.httpStatus,
                samples: [Sample("flow_success", [:], 1), Sample("flow_duration_seconds", [:], took.probeSeconds)])
        } else if let status = last.httpStatus, ![404, 410].contains(status) {
            outcome = failure(
                .flowMismatch,
                "\(noun) in \(target) but \(last.reason) after \(DurationParser.format(settings.within))",
                httpStatus: status)
        } else {
            outcome = failure(
                .flowTimeout, "\(noun) not in \(target) after \(DurationParser.format(settings.within))",
                httpStatus: last.httpStatus)
        }
        report.steps.append(
            FlowStepReport(
                step: "arrive", url: request.url, startedAt: arriveStartedAt,
                durationSeconds: (ended - arriveBegin).seconds, attempts: attempts, ok: last.up, reason: last.reason))
        return (outcome, report)
    }

    private func failure(_ errorClass: ProbeErrorClass, _ reason: String, httpStatus: Int? = nil) -> ProbeOutcome {
        .failure(errorClass, reason, httpStatus: httpStatus, samples: [Sample("flow_success", [:], 0)])
    }
}

/// The first extracted value of a flow run, as reasons name it: `order 4711` for `order_id: 4711`.
struct FlowKey {
    var name: String
    var value: String

    var described: String {
        var noun = name
        for suffix in ["_id", "_key", "Id", "ID"] where noun.hasSuffix(suffix) && noun.count > suffix.count {
            noun.removeLast(suffix.count)
            break
        }
        return noun.replacingOccurrences(of: "_", with: " ") + " " + value
    }
}
