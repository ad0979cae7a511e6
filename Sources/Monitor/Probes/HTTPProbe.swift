import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import SwitchboardCore

/// Sends one HTTP(S) request and checks the response against the check's `expect:` block.
public struct HTTPProbe: Probe {
    public let settings: HTTPProbeSettings
    public let expect: Expectations
    let clients: HTTPClients
    /// The request is a GraphQL query (see `ResponseAssertions.graphQL`).
    let graphQL: Bool
    /// The request every run sends, built once (headers, body and TLS settings do not change between runs).
    private let template: HTTPClientRequest
    private let isHTTPS: Bool

    public init(settings: HTTPProbeSettings, expect: Expectations, clients: HTTPClients, graphQL: Bool = false) {
        self.settings = settings
        self.graphQL = graphQL
        self.expect = expect
        self.clients = clients
        self.template = Self.request(settings)
        self.isHTTPS = settings.url.lowercased().hasPrefix("https:")
    }

    /// The whole exchange (request, body, certificate) runs under one `withTimeout`.
    public var enforcesTimeout: Bool { true }

    public func run(timeout: Duration) async -> ProbeOutcome {
        await answer(timeout: timeout).outcome
    }

    /// One exchange, with the response body when there was one (a flow step extracts values from it).
    func answer(timeout: Duration) async -> (outcome: ProbeOutcome, body: String?) {
        let started = ContinuousClock.now
        let answer = await withTimeout(timeout) { await self.exchange(timeout: timeout, started: started) }
        return answer ?? (.failure(.timeout, ProbeWords.timedOut(timeout)), nil)
    }

    private func exchange(timeout: Duration, started: ContinuousClock.Instant) async -> (ProbeOutcome, String?) {
        do {
            let client = clients.client(followRedirects: settings.followRedirects)
            let response = try await client.execute(template, timeout: .nanoseconds(timeout.nanoseconds))
            let headAt = ContinuousClock.now
            let body: ByteBuffer
            do {
                body = try await response.body.collect(upTo: settings.maxBodyBytes)
            } catch is NIOTooManyBytesError {
                return (
                    .failure(
                        .bodyTooLarge,
                        ProbeWords.bodyTooLarge(limit: settings.maxBodyBytes, declared: response.declaredLength)),
                    nil
                )
            }
            let latency = ContinuousClock.now - started
            var answer = HTTPAnswer(
                status: Int(response.status.code), statusText: response.status.reasonPhrase,
                headers: expect.headerRegex.isEmpty ? [] : response.headers.map { ($0.name, $0.value) }, body: body,
                latency: latency)
            let transferred = ContinuousClock.now
            if expect.certMinDays != nil, let endpoint = Self.tlsEndpoint(settings.url) {
                switch await Self.certificate(of: endpoint, timeout: timeout) {
                case .read(let summary): answer.certificate = summary
                case .unreadable(let failure): return (failure, nil)
                }
            }
            var outcome = ResponseAssertions(expect: expect, graphQL: graphQL).evaluate(answer)
            outcome.samples = [
                Sample("probe_http_status_code", [:], Double(response.status.code)),
                Sample("probe_http_content_length", [:], Double(body.readableBytes)),
                Sample("probe_http_duration_seconds", ["phase": "processing"], (headAt - started).probeSeconds),
                Sample("probe_http_duration_seconds", ["phase": "transfer"], (transferred - headAt).probeSeconds),
                Sample("probe_http_ssl", [:], isHTTPS ? 1 : 0),
            ]
            if let certificate = answer.certificate { outcome.samples.append(certificate.expirySample) }
            return (outcome, String(buffer: body))
        } catch is CancellationError {
            return (.failure(.timeout, ProbeWords.timedOut(timeout)), nil)
        } catch {
            let (errorClass, reason) = ProbeError.classify(error, timeout: timeout)
            return (.failure(errorClass, reason), nil)
        }
    }

    /// Host and port of an https URL, for reading its certificate; nil for other schemes.
    static func tlsEndpoint(_ url: String) -> (host: String, port: Int)? {
        guard let components = URLComponents(string: url), components.scheme?.lowercased() == "https",
            let host = components.host, !host.isEmpty
        else { return nil }
        return (host, components.port ?? 443)
    }

    /// Reads the server's chain in a handshake of its own (verification is the request's business).
    static func certificate(
        of endpoint: (host: String, port: Int), timeout: Duration
    ) async -> CertificateRead {
        do {
            let session = try await TLSHandshake(host: endpoint.host, port: endpoint.port, serverName: nil)
                .perform(connectTimeout: timeout)
            guard let summary = CertificateChainSummary(chain: session.chain) else {
                return .unreadable(.failure(.tls, "the server presented no certificate"))
            }
            return .read(summary)
        } catch {
            let (errorClass, reason) = ProbeError.classify(error, timeout: timeout)
            return .unreadable(.failure(errorClass, "cannot read the certificate for cert_min_days: \(reason)"))
        }
    }

    enum CertificateRead {
        case read(CertificateChainSummary)
        case unreadable(ProbeOutcome)
    }

    private static func request(_ settings: HTTPProbeSettings) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: settings.url)
        request.method = HTTPMethod(rawValue: settings.method)
        request.headers.add(name: "User-Agent", value: "switchboard")
        for (name, value) in settings.headers {
            request.headers.replaceOrAdd(name: name, value: value)
        }
        if let body = settings.body {
            request.body = .bytes(ByteBuffer(string: body))
        }
        if !settings.verifyTLS || settings.caFile != nil {
            var tls = TLSConfiguration.makeClientConfiguration()
            if !settings.verifyTLS { tls.certificateVerification = .none }
            if let caFile = settings.caFile { tls.trustRoots = .file(caFile) }
            request.tlsConfiguration = tls
        }
        return request
    }
}
