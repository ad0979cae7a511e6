import Foundation
import Hummingbird
import Monitor
import SwitchboardCore
import TestSupport
import Testing

@Suite struct HTTPProbeTests {
    static let soap11Fault = """
        <?xml version="1.0"?>
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
        <soap:Fault><faultcode>soap:Server</faultcode><faultstring>Posting period 11 is closed</faultstring>
        </soap:Fault></soap:Body></soap:Envelope>
        """

    func probe(
        _ server: LoopbackServer, _ path: String, expect: Expectations = Expectations(),
        timeout: Duration = .seconds(60), maxBody: Int = HTTPProbeSettings.defaultMaxBodyBytes
    ) async -> ProbeOutcome {
        let clients = HTTPClients()
        defer { Task { await clients.shutdown() } }
        let settings = HTTPProbeSettings(url: server.baseURL + path, maxBodyBytes: maxBody)
        return await HTTPProbe(settings: settings, expect: expect, clients: clients).run(timeout: timeout)
    }

    func withServer(_ body: (LoopbackServer) async throws -> Void) async throws {
        let server = try await LoopbackServer.start { router in
            router.get("up") { _, _ in #"{"status":"UP","queues":[{"depth":12}]}"# }
            router.get("down-json") { _, _ in #"{"status":"DOWN"}"# }
            router.get("unavailable") { _, _ in Response(status: .serviceUnavailable) }
            router.get("soap-500") { _, _ in
                Response(
                    status: .internalServerError, headers: [.contentType: "text/xml"],
                    body: .init(byteBuffer: ByteBuffer(string: Self.soap11Fault)))
            }
            router.get("soap-200") { _, _ in Self.soap11Fault }
            router.get("slow") { _, _ in
                try await Task.sleep(for: .milliseconds(300))
                return "ok"
            }
            router.get("hang") { _, _ in
                try await Task.sleep(for: .seconds(30))
                return "late"
            }
            router.get("big") { _, _ in String(repeating: "x", count: 2 << 20) }
        }
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test func healthyEndpointIsUp() async throws {
        try await withServer { server in
            let expect = Expectations(status: [200], json: [try JSONAssertionParser.parse(#"$.status == "UP""#).get()])
            let outcome = await probe(server, "/up", expect: expect)
            #expect(outcome.up && outcome.reason == "HTTP 200 OK" && outcome.httpStatus == 200)
            let names = outcome.samples.map { $0.name + $0.labels.description }
            #expect(
                names == [
                    "probe_http_status_code{}", "probe_http_content_length{}",
                    "probe_http_duration_seconds{phase=\"processing\"}",
                    "probe_http_duration_seconds{phase=\"transfer\"}", "probe_http_ssl{}",
                ])
            #expect(outcome.samples.first?.value == 200)
        }
    }

    @Test func unexpectedStatusIsAnHTTPStatusFailure() async throws {
        try await withServer { server in
            let outcome = await probe(server, "/unavailable")
            #expect(outcome.errorClass == .httpStatus)
            #expect(outcome.reason == "HTTP 503 Service Unavailable (expected 2xx)")
        }
    }

    @Test func jsonDownWithStatus200IsAnAssertionFailure() async throws {
        try await withServer { server in
            let expect = Expectations(json: [try JSONAssertionParser.parse(#"$.status == "UP""#).get()])
            let outcome = await probe(server, "/down-json", expect: expect)
            #expect(outcome.errorClass == .assertion)
            #expect(outcome.reason == #"$.status is "DOWN", expected == "UP""#)
        }
    }

    @Test(arguments: ["/soap-500", "/soap-200"])
    func soapFaultFailsWhateverTheStatus(_ path: String) async throws {
        try await withServer { server in
            let outcome = await probe(server, path)
            #expect(outcome.errorClass == .soapFault)
            #expect(outcome.reason == "SOAP Fault soap:Server: Posting period 11 is closed")
        }
    }

    @Test func slowAnswerIsALatencyFailure() async throws {
        try await withServer { server in
            let outcome = await probe(server, "/slow", expect: Expectations(latencyBelow: .milliseconds(100)))
            #expect(outcome.errorClass == .latency)
            #expect(outcome.reason.hasPrefix("slow: "))
        }
    }

    @Test func hungEndpointTimesOut() async throws {
        try await withServer { server in
            let outcome = await probe(server, "/hang", timeout: .milliseconds(300))
            #expect(outcome.errorClass == .timeout)
            #expect(outcome.reason == "no answer within 300ms")
        }
    }

    @Test func oversizedBodyIsRejected() async throws {
        try await withServer { server in
            let outcome = await probe(server, "/big", maxBody: 1 << 20)
            #expect(outcome.errorClass == .bodyTooLarge)
            #expect(outcome.reason == "body larger than the 1 MiB limit (Content-Length 2 MiB)")
        }
    }

    @Test func refusedPortIsConnectionRefused() async throws {
        let refusing = try RefusingPort()
        let port = refusing.port
        let clients = HTTPClients()
        let settings = HTTPProbeSettings(url: "http://127.0.0.1:\(port)/health")
        let outcome = await HTTPProbe(settings: settings, expect: Expectations(), clients: clients)
            .run(timeout: .seconds(60))
        await clients.shutdown()
        withExtendedLifetime(refusing) {}
        #expect(outcome.errorClass == .connectionRefused)
    }
}
