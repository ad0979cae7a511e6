import Foundation
import Hummingbird

/// The ERP (财务系统): sales orders and invoices over REST, payment postings over SOAP 1.1.
enum ERPRoutes {
    static func add(to router: Router<BasicRequestContext>, _ simulation: SimulationContext) {
        TestOrders.addLookup(to: router, simulation)
        TestOrders.addCount(to: router, simulation, posted: true)
        ERPMetrics.add(to: router, simulation)
        router.get("/api/orders") { request, _ in
            let limit = request.uri.queryParameters.get("limit", as: Int.self) ?? 10
            return Reply.json(orders(simulation, limit: min(max(limit, 1), 100)))
        }
        router.get("/api/invoices") { _, _ in
            let count = 8_400 + Int(simulation.seconds / 5)
            return Reply.json([
                "open_items": 312 + Int(simulation.seconds) % 17, "posted_today": count % 1000,
                "currency": "EUR", "company_code": "1000",
            ])
        }
        router.get("/soap/:service") { request, context in
            let service = context.parameters.get("service") ?? "PaymentPosting"
            if request.uri.queryParameters["wsdl"] != nil { return Reply.xml(wsdl(service: service)) }
            return Reply.xml(soapResponse(service: service, operation: "Ping", simulation))
        }
        router.post("/soap/:service") { request, context in
            var request = request
            let body = String(buffer: try await request.collectBody(upTo: 1 << 20))
            let service = context.parameters.get("service") ?? "PaymentPosting"
            return Reply.xml(soapResponse(service: service, operation: operation(in: body), simulation))
        }
    }

    static func orders(_ simulation: SimulationContext, limit: Int) -> [String: Any] {
        let total = 48_200 + Int(simulation.seconds / 3)
        var random = simulation.random("erp-orders")
        let items: [[String: Any]] = (0..<limit).map { offset in
            let (material, text) = DemoFixtures.materials.randomElement(using: &random)!
            return [
                "id": "SO-\(4_500_000 + total - offset)",
                "customer": DemoFixtures.customers.randomElement(using: &random)!,
                "material": material, "description": text,
                "quantity": Int.random(in: 1...40, using: &random),
                "net_value": Double(Int.random(in: 12_000...980_000, using: &random)) / 100,
                "currency": "EUR",
                "status": ["RELEASED", "IN_DELIVERY", "INVOICED"].randomElement(using: &random)!,
            ]
        }
        return ["items": items, "total": total, "generated_at": DemoFixtures.timestamp(simulation.seconds)]
    }

    /// The first element inside `soapenv:Body`, as the SOAP operation's name.
    static func operation(in envelope: String) -> String {
        guard let body = envelope.range(of: ":Body>") ?? envelope.range(of: "<Body>") else { return "PostPayment" }
        let rest = envelope[body.upperBound...]
        guard let open = rest.firstIndex(of: "<") else { return "PostPayment" }
        let name = rest[rest.index(after: open)...].prefix { $0.isLetter || $0.isNumber || $0 == ":" || $0 == "_" }
        return name.split(separator: ":").last.map(String.init) ?? "PostPayment"
    }

    static let envelopeOpen = """
        <?xml version="1.0" encoding="UTF-8"?>
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" \
        xmlns:fin="urn:switchboard:demo:erp:finance">
          <soapenv:Header/>
          <soapenv:Body>
        """
    static let envelopeClose = """
          </soapenv:Body>
        </soapenv:Envelope>

        """

    static func soapResponse(service: String, operation: String, _ simulation: SimulationContext) -> String {
        let document = 5_100_000_000 + Int(simulation.seconds)
        return envelopeOpen + """

                <fin:\(operation)Response>
                  <fin:Service>\(service)</fin:Service>
                  <fin:DocumentNumber>\(document)</fin:DocumentNumber>
                  <fin:CompanyCode>1000</fin:CompanyCode>
                  <fin:FiscalYear>2025</fin:FiscalYear>
                  <fin:Status>POSTED</fin:Status>
                  <fin:Timestamp>\(DemoFixtures.timestamp(simulation.seconds))</fin:Timestamp>
                </fin:\(operation)Response>

            """ + envelopeClose
    }

    /// A SOAP 1.1 Fault, as the ERP answers while its posting period is closed.
    static func soapFault(status: Int, seconds: Double) -> Response {
        let text =
            envelopeOpen + """

                    <soapenv:Fault>
                      <faultcode>soapenv:Server</faultcode>
                      <faultstring>RFC_ERROR_SYSTEM_FAILURE: Posting period 011/2025 is not open \
                for company code 1000</faultstring>
                      <faultactor>urn:switchboard:demo:erp:finance</faultactor>
                      <detail>
                        <fin:PostingError>
                          <fin:MessageClass>F5</fin:MessageClass>
                          <fin:MessageNumber>201</fin:MessageNumber>
                          <fin:Timestamp>\(DemoFixtures.timestamp(seconds))</fin:Timestamp>
                        </fin:PostingError>
                      </detail>
                    </soapenv:Fault>

                """ + envelopeClose
        return Reply.xml(text, status: Reply.status(status))
    }

    static func wsdl(service: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <wsdl:definitions name="\(service)" targetNamespace="urn:switchboard:demo:erp:finance"
            xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/">
          <wsdl:service name="\(service)">
            <wsdl:port name="\(service)Port" binding="fin:\(service)Binding">
              <soap:address location="/soap/\(service)"/>
            </wsdl:port>
          </wsdl:service>
        </wsdl:definitions>

        """
    }
}
