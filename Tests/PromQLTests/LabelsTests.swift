import PromQL
import Testing

@Suite struct LabelsTests {
    @Test func labelsAreSortedByNameWhateverTheOrderGiven() {
        let labels: Labels = ["job": "api", "instance": "a:1"]
        #expect(labels.pairs.map(\.name) == ["instance", "job"])
        #expect(labels.description == #"{instance="a:1", job="api"}"#)
    }

    @Test func mergingAddsOverridesAndRemovesByName() {
        let base: Labels = ["check": "c1", "kind": "http", "system": "erp"]
        #expect(base.merging([:]) == base)
        #expect(Labels().merging(base) == base)
        #expect(
            base.merging(["interface": "erp-crm", "kind": "tcp", "a": "1"])
                == ["a": "1", "check": "c1", "interface": "erp-crm", "kind": "tcp", "system": "erp"])
        #expect(base.merging(["kind": "", "zone": "eu"]) == ["check": "c1", "system": "erp", "zone": "eu"])
        #expect(Labels().merging(["phase": "transfer", "gone": ""]) == ["phase": "transfer"])
        #expect(base.merging(["zz": "last"]).pairs.map(\.name) == ["check", "kind", "system", "zz"])
    }
}
