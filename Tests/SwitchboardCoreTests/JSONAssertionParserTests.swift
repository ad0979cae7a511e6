import Testing

@testable import SwitchboardCore

@Suite struct JSONAssertionParserTests {
    @Test func parsesPathsOperatorsAndLiterals() throws {
        let assertion = try JSONAssertionParser.parse(#"$.queues[0]["max-depth"] < 1000"#).get()
        #expect(assertion.path == [.key("queues"), .index(0), .key("max-depth")])
        #expect(assertion.comparison?.op == .less)
        #expect(assertion.comparison?.value == .number(1000))
    }

    @Test func aBarePathOnlyRequiresExistence() throws {
        let assertion = try JSONAssertionParser.parse("$.ready").get()
        #expect(assertion.comparison == nil)
    }

    @Test(arguments: [("status == 1", 0), ("$.a = 1", 4), ("$.a == UP", 7), ("$. == 1", 2), ("$.a == 'x", 9)])
    func failsAtTheOffendingCharacter(_ text: String, _ offset: Int) {
        guard case .failure(let failure) = JSONAssertionParser.parse(text) else {
            Issue.record("\(text) should not parse")
            return
        }
        #expect(failure.offset == offset)
    }
}
