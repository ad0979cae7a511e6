import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// The interface detail shows each step of a flow check's newest run under the check.
@Suite struct FlowStepLinesTests {
    func text(_ lines: [[InterfaceDetailView.Part]]) -> [String] {
        lines.map { $0.map(\.text).joined() }
    }

    @Test func eachStepShowsItsKeyTimeDurationAndPolls() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        let started = Date(timeIntervalSince1970: 1_700_000_000)
        let report = FlowRunReport(
            key: "order 4711",
            steps: [
                FlowStepReport(
                    step: "start", url: "http://shop/api/test-orders", startedAt: started, durationSeconds: 0.12,
                    attempts: 1, ok: true, reason: "HTTP 201 Created"),
                FlowStepReport(
                    step: "arrive", url: "http://erp/api/orders/4711", startedAt: started + 0.12,
                    durationSeconds: 120.4, attempts: 24, ok: false, reason: "HTTP 404 Not Found (expected 2xx)"),
            ])
        let check = CheckStatus(
            id: "order-to-erp", kind: "flow", target: "http://erp/api/orders/{{ order_id }}", intervalSeconds: 300,
            last: CheckResult(
                checkID: "order-to-erp", up: false, startedAt: started, durationSeconds: 120.5,
                errorClass: .flowTimeout, reason: "order 4711 not in ERP after 2m", flow: report))
        let interface = InterfaceStatus(
            id: "shop-erp", name: "Web orders", from: "shop", to: "erp", kind: .rest, owner: nil, state: .down,
            checks: [check])
        let lines = text(
            InterfaceDetailView.lines(
                interface, systemNames: [:], now: started + 200, timeZone: utc, glyphs: .ascii))
        let index = try #require(lines.firstIndex { $0.contains("order-to-erp") && $0.contains("not in ERP") })
        #expect(
            lines[index + 1].trimmingCharacters(in: .whitespaces)
                == "+ start   order 4711  22:13:20  120ms             HTTP 201 Created  http://shop/api/test-orders")
        #expect(lines[index + 2].contains("x arrive  order 4711  22:13:20  120.4s  24 polls  HTTP 404 Not Found"))
    }

    @Test func aSnapshotFromBeforeFlowsDecodesWithoutSteps() throws {
        let old = #"{"checkID":"c","up":true,"startedAt":0,"durationSeconds":0.1,"reason":"HTTP 200 OK"}"#
        let result = try JSONDecoder().decode(CheckResult.self, from: Data(old.utf8))
        #expect(result.flow == nil && result.reason == "HTTP 200 OK")
    }
}
