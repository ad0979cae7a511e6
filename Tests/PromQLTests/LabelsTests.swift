import PromQL
import Testing

@Suite struct LabelsTests {
    @Test func labelsAreSortedByNameWhateverTheOrderGiven() {
        let labels: Labels = ["job": "api", "instance": "a:1"]
        #expect(labels.pairs.map(\.name) == ["instance", "job"])
        #expect(labels.description == #"{instance="a:1", job="api"}"#)
    }
}
