import Monitor
import SwitchboardCore
import Testing

@Suite struct XPathAssertionTests {
    static let envelope = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- order service -->
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns="urn:erp:orders">
          <soap:Body>
            <ns:Result>
              <Status>OK</Status>
              <Depth> 12 </Depth>
              <Order id="7"><Total>19.90</Total></Order>
              <Order id="8"><Total>5</Total><Note><![CDATA[a < b & c]]></Note></Order>
              <Text>Fish &amp; Chips &#x263A;</Text>
            </ns:Result>
          </soap:Body>
        </soap:Envelope>
        """

    @Test(arguments: [
        "//Status", "//ns:Result", "/soap:Envelope/soap:Body/*", "//Result", "//Status = \"OK\"",
        "//Status = 'OK'", "//Status != \"ERROR\"", "//Depth < 100", "//Depth = 12", "count(//Order) > 0",
        "count(//Order) = 2", "count(//Missing) = 0", "//Order[@id='8']/Total = 5", "//Order[2]/@id = 8",
        "//Order[Total='19.90']/@id = \"7\"", "//Note = \"a < b & c\"", "//Text/text() = \"Fish & Chips ☺\"",
        "//@id", "//Order[@id]",
    ])
    func passes(_ assertion: String) {
        #expect(Self.failure(assertion) == nil)
    }

    @Test(arguments: [
        ("//Missing", "//Missing selects no node"),
        ("//Status = \"DOWN\"", "//Status is \"OK\", expected = \"DOWN\""),
        ("//Status != \"OK\"", "//Status is \"OK\", expected != \"OK\""),
        ("count(//Order) > 2", "count(//Order) is 2, expected > 2"),
        ("//Order/Total > 100", "//Order/Total is \"19.90\", \"5\", expected > 100"),
        ("//other:Result", "//other:Result selects no node"),
        ("//Missing = \"x\"", "//Missing selects no node (expected = \"x\")"),
        ("//Order[3]", "//Order[3] selects no node"),
    ])
    func failsWithReason(_ assertion: String, _ reason: String) {
        #expect(Self.failure(assertion) == reason)
    }

    @Test(arguments: [
        ("Status", "expected a path starting with / or // at character 1"),
        ("//[", "expected a name at character 3"),
        ("count(//Order)", "count(…) needs a comparison, e.g. > 0 at character 15"),
        ("//Status == \"OK\"", "expected a quoted string or a number at character 11"),
        ("//Status = \"OK", "unterminated string at character 12"),
        ("//@id/Order", "nothing can follow @id or text() at character 7"),
        ("//Depth < \"ten\"", "< compares with a number, not \"ten\""),
        ("//Order[0]", "a position is a whole number from 1 at character 10"),
    ])
    func invalidAssertionIsRejectedWithReason(_ assertion: String, _ message: String) {
        #expect(XPathAssertion.validate(assertion) == message)
    }

    @Test func validAssertionValidates() {
        #expect(XPathAssertion.validate("count(//ns:Order[@id='7']) >= 1") == nil)
    }

    @Test func bodyThatIsNotXMLFails() {
        let reason = XPathAssertion.firstFailure(of: ["//Status"], in: "<a><b></a>")
        #expect(reason == "body is not XML (</a> closes <b> at byte 9), cannot check //Status")
    }

    @Test func deeplyNestedBodyIsRefusedNotOverflowed() {
        let body = String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)
        let reason = XPathAssertion.firstFailure(of: ["//a"], in: body)
        #expect(reason?.hasPrefix("body is not XML (elements nested deeper than 256") == true)
    }

    static func failure(_ assertion: String) -> String? {
        XPathAssertion.firstFailure(of: [assertion], in: envelope)
    }
}
