import SwitchboardCore
import Testing

/// One helper for counts in words (issue 19: `1 systems`, `1 jobs`, `1 runs in a row`).
@Suite struct PluralTests {
    @Test func oneIsSingularEverythingElsePlural() {
        #expect(Plural.count(1, "system") == "1 system")
        #expect(Plural.count(0, "job") == "0 jobs")
        #expect(Plural.count(2, "run") + " in a row" == "2 runs in a row")
        #expect(Plural.count(1, "address", plural: "addresses") == "1 address")
        #expect(Plural.count(3, "address", plural: "addresses") == "3 addresses")
        #expect(Plural.noun(1, "interface") == "interface")
    }
}
