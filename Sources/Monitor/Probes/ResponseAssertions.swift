import Foundation
import NIOCore
import SwitchboardCore

/// An HTTP response as the assertions see it.
struct HTTPAnswer {
    var status: Int
    var statusText: String
    /// The response headers, read only by `header_regex` (left empty when the check has none).
    var headers: [(String, String)]
    var body: ByteBuffer
    var latency: Duration
    /// The server certificate chain, read only when `cert_min_days` is set on an https check.
    var certificate: CertificateChainSummary? = nil
}

/// Applies a check's `expect:` block to an HTTP response, in the order a human would look:
/// SOAP Fault or GraphQL errors, status, body and header assertions, then latency.
struct ResponseAssertions {
    let expect: Expectations
    /// The response answers a GraphQL query: its `errors` fail it, and `expect.json` reads its `data`.
    var graphQL = false

    func evaluate(_ answer: HTTPAnswer) -> ProbeOutcome {
        let status = answer.status
        let statusLine = "HTTP \(status)" + (answer.statusText.isEmpty ? "" : " \(answer.statusText)")
        let text = String(buffer: answer.body)
        if let fault = SOAPFault.detect(in: text) {
            return .failure(.soapFault, "SOAP Fault \(fault.code): \(fault.message)", httpStatus: status)
        }
        let graphQLAnswer = graphQL ? GraphQLAnswer(body: text) : nil
        if let failure = graphQLAnswer?.failure {
            return .failure(.graphqlError, failure, httpStatus: status)
        }
        let accepted = expect.status.isEmpty ? (200...299).contains(status) : expect.status.contains(status)
        guard accepted else {
            let wanted = expect.status.isEmpty ? "2xx" : expect.status.map(String.init).joined(separator: ", ")
            return .failure(.httpStatus, "\(statusLine) (expected \(wanted))", httpStatus: status)
        }
        if graphQL, !expect.json.isEmpty {
            let reason =
                graphQLAnswer.map { JSONAssertionEvaluator.firstFailure(of: expect.json, in: $0.data) }
                ?? "body is not a GraphQL answer (a JSON object)"
            if let reason { return .failure(.assertion, reason, httpStatus: status) }
        }
        if let problem = firstBodyProblem(text: text, headers: answer.headers) {
            return .failure(problem.0, problem.1, httpStatus: status)
        }
        if let problem = certificateProblem(answer.certificate) {
            return .failure(problem.0, problem.1, httpStatus: status)
        }
        if let limit = expect.latencyBelow, answer.latency >= limit {
            let took = Int((answer.latency.seconds * 1000).rounded())
            return .failure(
                .latency, "slow: \(took) ms (limit \(DurationParser.format(limit)))", httpStatus: status)
        }
        return .success(statusLine, httpStatus: status)
    }

    private func firstBodyProblem(text: String, headers: [(String, String)]) -> (ProbeErrorClass, String)? {
        if !expect.json.isEmpty, !graphQL {
            switch JSONAssertionEvaluator.firstFailure(of: expect.json, in: text) {
            case .some(let reason): return (.assertion, reason)
            case .none: break
            }
        }
        for pattern in expect.bodyRegex where !pattern.matches(text) {
            return (.assertion, "body does not match /\(pattern)/")
        }
        for header in expect.headerRegex {
            let values = headers.filter { $0.0.caseInsensitiveCompare(header.name) == .orderedSame }.map(\.1)
            if !values.contains(where: header.value.matches) {
                return (.assertion, "header \(header.name) does not match /\(header.value)/")
            }
        }
        if let failure = XPathAssertion.firstFailure(of: expect.xpath, in: text) {
            return (.assertion, failure)
        }
        return nil
    }

    /// `cert_min_days`: the probe reads the chain of https URLs only; on a plain http URL the check cannot hold.
    private func certificateProblem(_ certificate: CertificateChainSummary?) -> (ProbeErrorClass, String)? {
        guard expect.certMinDays != nil else { return nil }
        guard let certificate else { return (.unsupported, "cert_min_days needs an https URL") }
        return CertificateExpiryAssertion(minDays: expect.certMinDays).problem(certificate, at: Date())
            .map { (.assertion, $0) }
    }
}
