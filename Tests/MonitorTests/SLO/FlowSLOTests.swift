import Foundation
import Hummingbird
import SwitchboardCore
import Synchronization
import TestSupport
import Testing

@testable import Monitor

/// A flow's runs count toward its interface's SLO like any check's: against a real shop and ERP on
/// loopback, a run whose start fails and one that arrives make an SLI of 50%.
@Suite struct FlowSLOTests {
    @Test func aFlowsFailedAndArrivedRunsMakeTheInterfacesSLI() async throws {
        let shopAnswers = Mutex(false)
        let server = try await LoopbackServer.start { router in
            router.post("orders") { _, _ -> Response in
                guard shopAnswers.withLock({ $0 }) else { return Response(status: .internalServerError) }
                return Response(
                    status: .ok, headers: [.contentType: "application/json"],
                    body: .init(byteBuffer: ByteBuffer(string: #"{"id": 4711}"#)))
            }
            router.get("erp/orders/:id") { _, context -> Response in
                let body = #"{"id": "\#(context.parameters.get("id") ?? "")", "status": "POSTED"}"#
                return Response(
                    status: .ok, headers: [.contentType: "application/json"],
                    body: .init(byteBuffer: ByteBuffer(string: body)))
            }
        }
        let flow = FlowProbeSettings(
            start: FlowStep(
                request: HTTPProbeSettings(url: server.baseURL + "/orders", method: "POST", body: "{}"),
                extract: [
                    FlowExtraction(name: "order_id", source: .jsonPath(try JSONAssertionParser.parse("$.id").get()))
                ]),
            arrive: FlowStep(
                request: HTTPProbeSettings(url: server.baseURL + "/erp/orders/{{ order_id }}"),
                expect: Expectations(json: [try JSONAssertionParser.parse(#"$.status == "POSTED""#).get()])),
            within: failureDeadline, poll: .milliseconds(10))
        var orders = Interface(
            id: "orders", name: "Orders", from: "shop", to: "erp", kind: .rest,
            checks: [Check(id: "order-to-erp", probe: .flow(flow), interval: .seconds(3600), timeout: failureDeadline)])
        orders.slo = ServiceLevelObjective(objective: 0.99)
        let engine = MonitorEngine(
            landscape: Landscape(
                name: "t", systems: [System(id: "shop", name: "Shop"), System(id: "erp", name: "ERP")],
                interfaces: [orders]))

        _ = await engine.runAllOnce()
        let failed = try #require(engine.snapshot.interfaces[0].checks[0].last)
        #expect(failed.errorClass == .flowStartFailed)
        shopAnswers.withLock { $0 = true }
        _ = await engine.runAllOnce()
        let arrived = try #require(engine.snapshot.interfaces[0].checks[0].last)
        #expect(arrived.up, "\(arrived.reason)")

        let slo = try #require(engine.snapshot.interfaces[0].stats.slo)
        #expect(abs((slo.sli ?? 0) - 0.5) < 1e-9, "\(slo)")
        // Half the runs failed against a 1% budget: 49 budgets overspent.
        #expect(abs((slo.budgetRemaining ?? 0) + 49) < 1e-9, "\(slo)")
        await engine.shutdown()
        await server.stop()
    }
}
