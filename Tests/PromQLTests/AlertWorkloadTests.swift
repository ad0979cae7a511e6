import PromQL
import Testing

@Suite struct AlertWorkloadTests {
    @Test func workloadHasTheAskedSizeAndItsAlertsMatchTheData() throws {
        let workload = try AlertWorkload(series: 500, expressionCount: 50)
        #expect(workload.source.count == 500)
        #expect(workload.expressions.count == 50)
        let probes = workload.source.select(
            matchers: [.metricName("probe_success"), .equal("job", "job-0")], from: 0, through: workload.evaluationTime)
        let down = probes.filter { $0.samples.last?.value == 0 }.count
        let evaluator = Evaluator(source: workload.source)
        guard
            case .vector(let firing) = try evaluator.evaluateInstant(
                workload.expressions[0], at: workload.evaluationTime)
        else {
            Issue.record("the first alert is not a vector")
            return
        }
        #expect(probes.count == 10)
        #expect(firing.count == down)
        #expect(try workload.evaluateAll() > 0)
    }
}
