import Foundation
import Hummingbird
import Monitor
import SwitchboardCore
import Synchronization
import TestSupport
import Testing

/// A flow follows one order from a shop to an ERP, against real servers on loopback: one creates
/// orders, one posts an order only after a few lookups, one never has it, one has it rejected.
@Suite struct FlowProbeTests {
    /// A shop and an ERP in one server: `POST /orders` creates order 1, 2, …; `GET /erp/orders/{id}`
    /// answers 404 until its third lookup, `/lost/orders/{id}` always 404, `/rejected/orders/{id}` 200 REJECTED.
    func withServer(_ body: (LoopbackServer) async throws -> Void) async throws {
        let created = Mutex(0)
        let lookups = Mutex([String: Int]())
        try await LoopbackServer.serving(
            { router in
                router.post("orders") { _, _ -> String in
                    let id = created.withLock { count in
                        count += 1
                        return count
                    }
                    return #"{"id": \#(id), "sku": "PROBE-1"}"#
                }
                router.post("xml-orders") { _, _ -> String in "<Order><Id> A-7 </Id></Order>" }
                router.post("text-orders") { _, _ -> String in "created order #88 at 10:00" }
                router.post("empty-orders") { _, _ -> String in #"{"sku": "PROBE-1"}"# }
                router.get("latest-orders") { request, _ -> String in
                    let limit = request.uri.queryParameters.get("limit") ?? "?"
                    return #"{"limit": "\#(limit)", "items": [{"id": "WEB-880042"}]}"#
                }
                router.post("broken-orders") { _, _ -> Response in Response(status: .internalServerError) }
                router.get("erp/orders/:id") { _, context -> Response in
                    let id = context.parameters.get("id") ?? ""
                    let seen = lookups.withLock { lookups in
                        lookups[id, default: 0] += 1
                        return lookups[id]!
                    }
                    guard seen >= 3 else { return Response(status: .notFound) }
                    return Self.json(#"{"id": "\#(id)", "status": "POSTED"}"#)
                }
                router.get("lost/orders/:id") { _, _ -> Response in Response(status: .notFound) }
                router.get("rejected/orders/:id") { _, context -> Response in
                    Self.json(#"{"id": "\#(context.parameters.get("id") ?? "")", "status": "REJECTED"}"#)
                }
            }, body)
    }

    static func json(_ text: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    func flow(
        _ server: LoopbackServer, start: String = "/orders", method: String = "POST", extract: String = "$.id",
        arrive: String = "/erp/orders", within: Duration = .seconds(60)
    ) throws -> Check {
        let extraction: FlowExtraction.Source =
            extract.hasPrefix("$")
            ? .jsonPath(try JSONAssertionParser.parse(extract).get())
            : extract.hasPrefix("/") ? .xpath(try XPathAssertion(extract)) : .regex(try TextPattern(extract))
        let settings = FlowProbeSettings(
            start: FlowStep(
                request: HTTPProbeSettings(
                    url: server.baseURL + start, method: method, body: method == "POST" ? #"{"sku": "PROBE-1"}"# : nil),
                extract: [FlowExtraction(name: "order_id", source: extraction)]),
            arrive: FlowStep(
                request: HTTPProbeSettings(url: server.baseURL + arrive + "/{{ order_id }}"),
                expect: Expectations(json: [try JSONAssertionParser.parse(#"$.status == "POSTED""#).get()])),
            within: within, poll: .milliseconds(10))
        return Check(id: "order-to-erp", probe: .flow(settings), interval: .seconds(60), timeout: .seconds(30))
    }

    func run(_ check: Check) async -> ProbeOutcome {
        let clients = HTTPClients()
        defer { Task { await clients.shutdown() } }
        return await ProbeFactory(clients: clients).probe(for: check, target: "ERP").run(timeout: check.timeout)
    }

    func sample(_ name: String, _ outcome: ProbeOutcome) -> Double? {
        outcome.samples.first { $0.name == name }?.value
    }

    @Test func anOrderThatArrivesAfterAFewPollsPasses() async throws {
        try await withServer { server in
            let outcome = await run(try flow(server))
            #expect(outcome.up && outcome.errorClass == nil)
            #expect(outcome.reason.hasPrefix("order 1 in ERP after "))
            #expect(sample("flow_success", outcome) == 1)
            #expect((sample("flow_duration_seconds", outcome) ?? -1) > 0)
            let steps = outcome.flow?.steps ?? []
            #expect(outcome.flow?.key == "order 1")
            #expect(steps.map(\.step) == ["start", "arrive"] && steps.allSatisfy(\.ok))
            #expect(steps.last?.attempts == 3, "404, 404, then POSTED")
            #expect(steps.last?.url == server.baseURL + "/erp/orders/1")
        }
    }

    @Test func anOrderThatNeverArrivesTimesOutNamingItsKey() async throws {
        try await withServer { server in
            let outcome = await run(try flow(server, arrive: "/lost/orders", within: .milliseconds(200)))
            #expect(!outcome.up && outcome.errorClass == .flowTimeout)
            #expect(outcome.reason == "order 1 not in ERP after 200ms")
            #expect(sample("flow_success", outcome) == 0 && sample("flow_duration_seconds", outcome) == nil)
            #expect((outcome.flow?.steps.last?.attempts ?? 0) >= 1 && outcome.flow?.steps.last?.ok == false)
        }
    }

    @Test func anOrderThatArrivesWrongIsAMismatch() async throws {
        try await withServer { server in
            let outcome = await run(try flow(server, arrive: "/rejected/orders", within: .milliseconds(100)))
            #expect(!outcome.up && outcome.errorClass == .flowMismatch && outcome.httpStatus == 200)
            #expect(outcome.reason == #"order 1 in ERP but $.status is "REJECTED", expected == "POSTED" after 100ms"#)
            #expect(sample("flow_success", outcome) == 0)
        }
    }

    @Test func aFailedStartOrAnEmptyExtractionIsAStartFailure() async throws {
        try await withServer { server in
            let broken = await run(try flow(server, start: "/broken-orders"))
            #expect(!broken.up && broken.errorClass == .flowStartFailed)
            #expect(broken.reason.hasPrefix("start request failed: HTTP 500"))
            #expect(broken.flow?.steps.map(\.step) == ["start"] && broken.flow?.key == nil)
            let empty = await run(try flow(server, start: "/empty-orders"))
            #expect(!empty.up && empty.errorClass == .flowStartFailed)
            #expect(empty.reason == "start answered HTTP 200 OK but order_id ($.id) found nothing")
        }
    }

    @Test func keysComeFromXPathOrARegexGroupAndAreEscapedInTheURL() async throws {
        try await withServer { server in
            let xml = await run(try flow(server, start: "/xml-orders", extract: "//Order/Id"))
            #expect(xml.up && xml.flow?.key == "order A-7")
            let text = await run(try flow(server, start: "/text-orders", extract: #"order #(\d+)"#))
            #expect(text.up && text.flow?.key == "order 88")
            #expect(text.flow?.steps.last?.url == server.baseURL + "/erp/orders/88")
        }
    }

    @Test func thePassiveFormFollowsTheNewestRecordWithoutCreatingOne() async throws {
        try await withServer { server in
            let check = try flow(server, start: "/latest-orders?limit=1", method: "GET", extract: "$.items[0].id")
            let outcome = await run(check)
            #expect(outcome.up && outcome.flow?.key == "order WEB-880042", "\(outcome.reason)")
            #expect(outcome.flow?.steps.last?.url == server.baseURL + "/erp/orders/WEB-880042")
        }
    }
}
