import Testing

@testable import Monitor

@Suite struct SOAPFaultTests {
    @Test func readsASOAP12Fault() {
        let body = """
            <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault>
            <env:Code><env:Value>env:Receiver</env:Value></env:Code>
            <env:Reason><env:Text xml:lang="en">Material master locked</env:Text></env:Reason>
            </env:Fault></env:Body></env:Envelope>
            """
        #expect(SOAPFault.detect(in: body) == SOAPFault(code: "env:Receiver", message: "Material master locked"))
    }

    @Test func anEnvelopeWithoutAFaultIsNotAFault() {
        let body = """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
            <PostResponse><Note>Fault tolerance enabled</Note></PostResponse></soap:Body></soap:Envelope>
            """
        #expect(SOAPFault.detect(in: body) == nil)
    }

    @Test func plainTextMentioningFaultIsNotAFault() {
        #expect(SOAPFault.detect(in: "Envelope Fault: none") == nil)
    }
}
